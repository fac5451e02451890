-- The dispatch-119 service's record (schema "dispatch"): one incident per alarm, every step on its
-- timeline with timestamps (NFPA 72: a time-stamped record of every retransmission), the daily
-- communication tests (GB 50440 §8), and the outbox. Kept at least a year (GB 50440).

create table incident (
    id                      uuid primary key,
    -- One alarm, one incident, whatever is redelivered or restarted.
    alarm_id                uuid        not null unique,
    operator_id             text        not null,
    unit_id                 text,
    confirmed               boolean     not null,
    revision                integer     not null,
    attempt                 integer     not null,
    status                  text        not null,
    human_initiated         boolean     not null,
    first_alert_at          timestamptz not null,
    confirmed_at            timestamptz,
    confirmed_by            text,
    method                  text,
    unconfirmed_reason      text,
    notes                   text,
    -- The FireReport of the latest revision, as the alarm-service sent it (contracts JSON).
    report                  jsonb       not null,
    unit_name               text,
    -- When the alarm-service decided to forward (confirmation, or the unconfirmed forward): the
    -- start of the confirmation -> publish latency of the current revision.
    decided_at              timestamptz not null,
    received_at             timestamptz not null,
    created_at              timestamptz not null,
    first_sent_at           timestamptz,
    published_at            timestamptz,
    acknowledged_at         timestamptz,
    ack_deadline            timestamptz,
    escalated_at            timestamptz,
    confirm_to_publish_ms   bigint,
    publish_to_receipt_ms   bigint,
    updated_at              timestamptz not null
);
-- Operators see only their own incidents; the live list and the timer scan by these.
create index incident_by_operator on incident (operator_id, created_at desc);
create index incident_by_created on incident (created_at desc);
create index incident_awaiting_receipt on incident (ack_deadline) where ack_deadline is not null;

create table incident_log (
    id          bigserial primary key,
    incident_id uuid        not null references incident (id),
    at          timestamptz not null,
    kind        text        not null,
    path        text,
    revision    integer,
    attempt     integer,
    status      text,
    actor       text,
    detail      text
);
create index incident_log_by_incident on incident_log (incident_id, at, id);

create table communication_test (
    id              uuid primary key,
    trigger         text        not null,
    requested_by    text,
    started_at      timestamptz not null,
    deadline        timestamptz not null,
    status          text        not null,
    kafka_sent_at   timestamptz,
    webhook_result  text,
    answered_at     timestamptz,
    answered_by     text,
    failed_at       timestamptz,
    detail          text
);
create index communication_test_by_start on communication_test (started_at desc);

-- The transactional outbox: Spring Modulith's event publication registry (JDBC, PostgreSQL).
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
