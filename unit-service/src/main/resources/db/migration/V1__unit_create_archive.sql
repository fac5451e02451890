-- The networked units' electronic archive (GB 25506 app. B, GB/T 26875.4), in schema "unit".
-- Every table of a unit's parts references the unit, so removing a unit removes its archive.

create table unit (
    id                      text primary key,
    operator_id             text        not null,
    name                    text        not null,
    credit_code             text,
    category                text        not null,
    district_code           char(6)     not null,
    address                 text        not null,
    latitude                double precision,
    longitude               double precision,
    phone                   text,
    control_room_phone      text,
    legal_rep_name          text,
    legal_rep_phone         text,
    responsible_name        text,
    responsible_phone       text,
    manager_name            text,
    manager_phone           text,
    staff_count             integer,
    floor_area              numeric(14, 2),
    operator_contract_from  date,
    operator_contract_to    date,
    maintenance_company     text,
    maintenance_phone       text,
    maintenance_from        date,
    maintenance_to          date,
    version                 bigint      not null default 1,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now()
);
-- Every query is scoped by tenant: listing an operator's units must not scan the others'.
create index unit_by_operator on unit (operator_id, id);
create index unit_by_district on unit (district_code);

create table unit_contact (
    unit_id  text    not null references unit (id) on delete cascade,
    position integer not null,
    name     text    not null,
    role     text    not null,
    phone    text    not null,
    primary key (unit_id, position)
);

create table building (
    id                    text primary key,
    unit_id               text    not null references unit (id) on delete cascade,
    name                  text    not null,
    use                   text,
    structure             text    not null,
    fire_resistance_grade text    not null,
    height_m              numeric(8, 2),
    floors_above          integer not null,
    floors_below          integer not null,
    floor_area            numeric(14, 2),
    unique (unit_id, name)
);

create table key_part (
    id                text primary key,
    unit_id           text not null references unit (id) on delete cascade,
    name              text not null,
    building_id       text references building (id) on delete set null,
    location          text not null,
    use               text,
    responsible_name  text,
    responsible_phone text,
    fire_hazard       text
);
create index key_part_by_unit on key_part (unit_id);

-- A device address is bound to at most one unit platform-wide: it is the key of every signal.
create table uitd (
    address      char(12) primary key,
    unit_id      text not null references unit (id) on delete cascade,
    model        text,
    profile      text,
    installed_on date,
    location     text
);
create index uitd_by_unit on uitd (unit_id);

create table facility_system (
    id              text primary key,
    unit_id         text     not null references unit (id) on delete cascade,
    device          char(12) not null references uitd (address),
    system_type     integer  not null check (system_type between 0 and 255),
    system_address  integer  not null check (system_address between 0 and 255),
    name            text,
    model           text,
    manufacturer    text,
    location        text,
    commissioned_on date,
    unique (device, system_type, system_address)
);
create index facility_system_by_unit on facility_system (unit_id);

create table point (
    system_id         text    not null references facility_system (id) on delete cascade,
    component_address bigint  not null check (component_address between 0 and 4294967295),
    component_type    integer not null check (component_type between 0 and 255),
    location          text    not null,
    building_id       text references building (id) on delete set null,
    floor             integer check (floor <> 0),
    zone              text,
    primary key (system_id, component_address)
);

-- Spring Modulith's event publication registry (its v2 PostgreSQL schema): the transactional outbox.
-- Created here rather than by Modulith so that the schema has one owner (Flyway).
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
