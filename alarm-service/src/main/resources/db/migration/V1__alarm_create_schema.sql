-- The alarm-service's schema: alarms, their points, calls and audit timeline (partitioned by month
-- of opened_at, the centre's receipt time of the first signal, so that a year of records is cheap
-- to keep and old months are dropped whole), the unit read model, operator settings, and the
-- outbox.

create table alarm (
    id                    uuid        not null,
    opened_at             timestamptz not null,
    operator              text        not null,
    unit_id               text,
    device                text        not null,
    group_key             text        not null,
    category              text        not null,
    human_initiated       boolean     not null,
    maintenance_window    boolean     not null,
    state                 text        not null,
    first_alert_at        timestamptz not null,
    last_point_at         timestamptz not null,
    point_count           integer     not null,
    first_signal_id       text        not null,
    first_source          text,
    first_point_key       text        not null,
    claimed_by            text,
    claimed_at            timestamptz,
    last_activity_at      timestamptz,
    escalation_level      integer     not null default 0,
    forwarded_unconfirmed boolean     not null default false,
    next_check_at         timestamptz,
    verdict               text,
    cause                 text,
    result_by             text,
    result_at             timestamptz,
    result_notes          text,
    fire_location         text,
    burning_material      text,
    fire_size             text,
    caller                text,
    caller_phone          text,
    primary key (id, opened_at)
) partition by range (opened_at);
create index alarm_by_id on alarm (id);
create index alarm_open_by_group on alarm (operator, group_key) where state in ('OPEN', 'CLAIMED');
create index alarm_open_by_operator on alarm (operator) where state in ('OPEN', 'CLAIMED');
create index alarm_due on alarm (next_check_at) where next_check_at is not null;
create index alarm_history on alarm (operator, first_alert_at desc);
create index alarm_by_unit on alarm (unit_id, first_alert_at desc);

create table alarm_point (
    alarm_id          uuid        not null,
    opened_at         timestamptz not null,
    point_key         text        not null,
    ordinal           integer     not null,
    operator          text        not null,
    unit_id           text,
    device            text        not null,
    system_type       integer,
    system_address    integer,
    component_type    integer,
    component_address bigint,
    source            text,
    location          text,
    building          text,
    floor             integer,
    first_at          timestamptz not null,
    last_at           timestamptz not null,
    received_last_at  timestamptz not null,
    count             integer     not null,
    first_signal_id   text        not null,
    primary key (alarm_id, point_key, opened_at)
) partition by range (opened_at);
create index alarm_point_by_unit on alarm_point (unit_id, received_last_at);
create index alarm_point_by_operator on alarm_point (operator, received_last_at);

create table alarm_call (
    id           bigint generated always as identity,
    alarm_id     uuid        not null,
    opened_at    timestamptz not null,
    at           timestamptz not null,
    by_user      text        not null,
    contact_name text,
    phone        text        not null,
    outcome      text        not null,
    note         text,
    primary key (id, opened_at)
) partition by range (opened_at);
create index alarm_call_by_alarm on alarm_call (alarm_id);

create table alarm_timeline (
    id        bigint generated always as identity,
    alarm_id  uuid        not null,
    opened_at timestamptz not null,
    at        timestamptz not null,
    actor     text        not null,
    kind      text        not null,
    detail    text,
    primary key (id, opened_at)
) partition by range (opened_at);
create index alarm_timeline_by_alarm on alarm_timeline (alarm_id);

-- Audit rows are immutable: no update, no row delete. Retention drops whole monthly partitions,
-- which fires no row trigger.
create function alarm_audit_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception '% rows are immutable audit records', tg_table_name;
end $$;
create trigger alarm_timeline_immutable before update or delete on alarm_timeline
    for each row execute function alarm_audit_is_immutable();
create trigger alarm_call_immutable before update or delete on alarm_call
    for each row execute function alarm_audit_is_immutable();

-- Monthly partitions of the four alarm tables, named <table>_pYYYY_MM; a default partition
-- catches what no month covers (e.g. after a long outage of the partition job), so nothing is lost.
create function alarm_ensure_month(month date) returns void language plpgsql as $$
declare
    t text;
    lo date := date_trunc('month', month)::date;
    hi date := (date_trunc('month', month) + interval '1 month')::date;
begin
    foreach t in array array['alarm', 'alarm_point', 'alarm_call', 'alarm_timeline'] loop
        execute format(
            'create table if not exists %I partition of %I for values from (%L) to (%L)',
            t || '_p' || to_char(lo, 'YYYY_MM'), t, lo, hi);
    end loop;
end $$;

create table alarm_default partition of alarm default;
create table alarm_point_default partition of alarm_point default;
create table alarm_call_default partition of alarm_call default;
create table alarm_timeline_default partition of alarm_timeline default;

select alarm_ensure_month((date_trunc('month', now()) + make_interval(months => m))::date)
from generate_series(-1, 3) as m;

-- The read model of the operators' unit streams (fire.op.<op>.unit): the latest snapshot per unit.
create table unit_snapshot (
    operator    text   not null,
    unit_id     text   not null,
    version     bigint not null,
    name        text   not null,
    category    text   not null,
    address     text   not null,
    district    text   not null,
    latitude    double precision,
    longitude   double precision,
    data        jsonb  not null,
    primary key (operator, unit_id)
);

create table unit_device (
    operator text not null,
    device   text not null,
    unit_id  text not null,
    primary key (operator, device)
);
create index unit_device_by_unit on unit_device (operator, unit_id);

-- Per-operator settings.
create table alarm_policy (
    operator                   text    not null primary key,
    unclaimed_after_ms         bigint  not null,
    unconfirmed_after_ms       bigint  not null,
    claim_idle_timeout_ms      bigint  not null,
    forward_unconfirmed_to_119 boolean not null,
    grouping_window_ms         bigint  not null,
    flood_points               integer not null,
    flood_window_ms            bigint  not null,
    updated_by                 text    not null,
    updated_at                 timestamptz not null
);

create table action_plan (
    operator      text  not null,
    unit_category text  not null,
    steps         jsonb not null,
    updated_by    text  not null,
    updated_at    timestamptz not null,
    primary key (operator, unit_category)
);

create table maintenance_window (
    id         uuid        not null primary key,
    operator   text        not null,
    unit_id    text        not null,
    from_at    timestamptz not null,
    to_at      timestamptz not null,
    reason     text        not null,
    created_by text        not null,
    created_at timestamptz not null
);
create index maintenance_window_by_unit on maintenance_window (operator, unit_id, to_at);

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
