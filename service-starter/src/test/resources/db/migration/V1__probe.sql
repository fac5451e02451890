-- No unique key on purpose: only the idempotent consumer keeps duplicates out.
create table handled_event (
    event_id text not null,
    alarm_id text not null,
    operator text not null
);
