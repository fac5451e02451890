-- The processed-event table of the idempotent consumer (service-starter, IdempotentConsumer).
-- Written in the same transaction as the state change it guards, in the service's own schema.
create table if not exists processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index if not exists processed_event_processed_at on processed_event (processed_at);
