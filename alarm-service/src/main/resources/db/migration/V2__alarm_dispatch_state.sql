-- What became of an alarm at the 119 boundary (fire.op.<op>.dispatch from the dispatch-119
-- service): one row per alarm, the latest state; every step itself is on alarm_timeline
-- (DISPATCH_FEEDBACK). opened_at is the alarm's, so retention removes the row with the alarm's month.
create table alarm_dispatch (
    alarm_id           uuid        not null primary key,
    opened_at          timestamptz not null,
    operator           text        not null,
    incident_id        uuid        not null,
    status             text        not null,
    confirmed          boolean     not null,
    forwarded_at       timestamptz,
    last_forwarded_at  timestamptz,
    attempts           integer     not null,
    acknowledged_at    timestamptz,
    acknowledged_by    text,
    progress_stage     text,
    progress_at        timestamptz,
    unacknowledged_at  timestamptz,
    centre_phone       text,
    message            text,
    updated_at         timestamptz not null
);
create index alarm_dispatch_by_opened_at on alarm_dispatch (opened_at);
