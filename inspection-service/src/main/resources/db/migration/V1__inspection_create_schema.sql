-- The inspection-service's schema: the status board (current state of every system, component and
-- UITD) with its history, fault records and their log, device liveness and poll schedules, poll
-- results, the unit read model, operator settings, and the outbox. The high-volume history tables
-- are partitioned by month, so that a year of records is cheap to keep and old months are dropped
-- whole.

-- Current state per object: object_key is 'U' (the UITD), 'S:<type>:<addr>' (a system) or
-- 'C:<type>:<addr>:<ctype>:<caddr>' (a component).
create table point_state (
    operator          text        not null,
    device            text        not null,
    object_key        text        not null,
    unit_id           text,
    source            text        not null,
    system_type       integer,
    system_address    integer,
    component_type    integer,
    component_address bigint,
    flags             text        not null,
    raw_state         integer     not null,
    description       text,
    occurred_at       timestamptz,
    received_at       timestamptz not null,
    updated_at        timestamptz not null,
    analog_type       integer,
    analog_value      numeric,
    analog_unit       text,
    analog_at         timestamptz,
    primary key (operator, device, object_key)
);
create index point_state_by_unit on point_state (operator, unit_id);

create table status_history (
    id          bigint generated always as identity,
    received_at timestamptz not null,
    operator    text        not null,
    unit_id     text,
    device      text        not null,
    object_key  text        not null,
    entry       text        not null,
    flags       text,
    raw_state   integer,
    detail      text,
    occurred_at timestamptz,
    recorded_at timestamptz not null,
    signal_id   text        not null,
    primary key (id, received_at)
) partition by range (received_at);
create index status_history_by_unit on status_history (operator, unit_id, received_at desc);

create table poll (
    command_id   text        not null,
    requested_at timestamptz not null,
    operator     text        not null,
    unit_id      text,
    device       text        not null,
    kind         text        not null,
    trigger      text        not null,
    requested_by text        not null,
    system_type    integer,
    system_address integer,
    due_by       timestamptz not null,
    completed_at timestamptz,
    outcome      text,
    attempts     integer,
    detail       text,
    primary key (command_id, requested_at)
) partition by range (requested_at);
create index poll_by_command on poll (command_id);
create index poll_by_device on poll (operator, device, requested_at desc);
create index poll_by_unit on poll (operator, unit_id, requested_at desc);
create index poll_pending on poll (due_by) where completed_at is null;

-- Monthly partitions, named <table>_pYYYY_MM; a default partition catches what no month covers.
create function inspection_ensure_month(month date) returns void language plpgsql as $$
declare
    t text;
    lo date := date_trunc('month', month)::date;
    hi date := (date_trunc('month', month) + interval '1 month')::date;
begin
    foreach t in array array['status_history', 'poll'] loop
        execute format(
            'create table if not exists %I partition of %I for values from (%L) to (%L)',
            t || '_p' || to_char(lo, 'YYYY_MM'), t, lo, hi);
    end loop;
end $$;

create table status_history_default partition of status_history default;
create table poll_default partition of poll default;

select inspection_ensure_month((date_trunc('month', now()) + make_interval(months => m))::date)
from generate_series(-1, 3) as m;

-- Fault records: one open record per device, object and kind.
create table fault (
    id                 uuid        not null primary key,
    operator           text        not null,
    unit_id            text,
    device             text        not null,
    kind               text        not null,
    object_key         text        not null,
    system_type        integer,
    system_address     integer,
    component_type     integer,
    component_address  bigint,
    location           text,
    description        text,
    assigned_company   text,
    opened_at          timestamptz not null,
    open_signal_id     text,
    escalation_level   integer     not null default 0,
    next_escalation_at timestamptz,
    accepted_at        timestamptz,
    accepted_by        text,
    repaired_at        timestamptz,
    repaired_by        text,
    repair_note        text,
    closed_at          timestamptz,
    closed_by          text,
    close_signal_id    text
);
create unique index fault_open_once on fault (operator, device, object_key, kind) where closed_at is null;
create index fault_open_by_device on fault (operator, device) where closed_at is null;
create index fault_by_unit on fault (operator, unit_id, opened_at desc);
create index fault_by_operator on fault (operator, opened_at desc);
create index fault_escalation_due on fault (next_escalation_at) where next_escalation_at is not null;
create index fault_closed_at on fault (closed_at) where closed_at is not null;

create table fault_log (
    id       bigint generated always as identity primary key,
    fault_id uuid        not null references fault (id) on delete cascade,
    at       timestamptz not null,
    actor    text        not null,
    entry    text        not null,
    detail   text
);
create index fault_log_by_fault on fault_log (fault_id);

-- Liveness and poll schedule per UITD.
create table device (
    operator                text        not null,
    device                  text        not null,
    unit_id                 text,
    liveness                text        not null,
    last_seen_at            timestamptz,
    connected               boolean,
    disconnected_at         timestamptz,
    disconnect_reason       text,
    offline_due_at          timestamptz,
    offline_since           timestamptz,
    clock_drift_ms          bigint,
    clock_drift_at          timestamptz,
    clock_sync_requested_at timestamptz,
    last_poll_at            timestamptz,
    next_poll_at            timestamptz not null,
    primary key (operator, device)
);
create index device_by_unit on device (operator, unit_id);
create index device_offline_due on device (offline_due_at) where liveness = 'ONLINE';
create index device_poll_due on device (next_poll_at);

-- The read model of the operators' unit streams (fire.op.<op>.unit): the latest snapshot per unit.
create table unit_snapshot (
    operator text   not null,
    unit_id  text   not null,
    version  bigint not null,
    name     text   not null,
    district text   not null,
    data     jsonb  not null,
    primary key (operator, unit_id)
);
create index unit_snapshot_by_district on unit_snapshot (district);

create table unit_device (
    operator text not null,
    device   text not null,
    unit_id  text not null,
    primary key (operator, device)
);
create index unit_device_by_unit on unit_device (operator, unit_id);

-- Per-operator and per-unit settings.
create table inspection_policy (
    operator                 text        not null primary key,
    unit_manager_after_ms    bigint      not null,
    supervisor_after_ms      bigint      not null,
    disabled_limit           integer     not null,
    heartbeat_window_ms      bigint      not null,
    offline_tolerance_ms     bigint      not null,
    poll_period_ms           bigint      not null,
    updated_by               text        not null,
    updated_at               timestamptz not null
);

create table unit_poll_period (
    operator   text        not null,
    unit_id    text        not null,
    period_ms  bigint      not null,
    updated_by text        not null,
    updated_at timestamptz not null,
    primary key (operator, unit_id)
);

-- Spring Modulith's event publication registry (its v2 PostgreSQL schema): the transactional outbox.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
