--liquibase formatted sql

--changeset atelier:0004-btree-gist
-- Exclusion constraints below compare uuids with = inside GiST indexes. The extension is the database's (trusted,
-- so the owner may create it), kept in public so that no tenant schema owns it. Tenants migrate in parallel: the
-- transaction-scoped advisory lock makes the first one create it and the others find it.
select pg_advisory_xact_lock(hashtext('atelier:create-extension:btree_gist'));
create extension if not exists btree_gist with schema public;

--changeset atelier:0004-catalog
create table service_category (
    id        uuid primary key,
    name      varchar(120) not null unique,
    position  integer      not null default 0
);

create table service (
    id                         uuid primary key,
    category_id                uuid references service_category (id),
    name                       varchar(200)   not null,
    description                varchar(2000),
    duration_minutes           integer        not null check (duration_minutes between 5 and 720),
    processing_offset_minutes  integer        not null default 0 check (processing_offset_minutes >= 0),
    processing_minutes         integer        not null default 0 check (processing_minutes >= 0),
    buffer_before_minutes      integer        not null default 0 check (buffer_before_minutes between 0 and 240),
    buffer_after_minutes       integer        not null default 0 check (buffer_after_minutes between 0 and 240),
    price_amount               numeric(12, 2) not null check (price_amount >= 0),
    price_currency             char(3)        not null,
    online_bookable            boolean        not null default true,
    active                     boolean        not null default true,
    lead_time_minutes          integer check (lead_time_minutes >= 0),
    horizon_days               integer check (horizon_days between 1 and 730),
    created_at                 timestamptz    not null,
    updated_at                 timestamptz    not null,
    check (processing_offset_minutes + processing_minutes <= duration_minutes)
);

-- Who performs what, with their own duration or price where they differ.
create table staff_service (
    staff_id          uuid not null references staff_membership (id) on delete cascade,
    service_id        uuid not null references service (id) on delete cascade,
    duration_minutes  integer check (duration_minutes between 5 and 720),
    price_amount      numeric(12, 2) check (price_amount >= 0),
    primary key (staff_id, service_id)
);

-- Chairs, rooms, beds, basins: a location has some of each type, a service may need one of a type.
create table resource (
    id           uuid primary key,
    location_id  uuid         not null references location (id),
    name         varchar(120) not null,
    type         varchar(40)  not null,
    active       boolean      not null default true
);
create index resource_location on resource (location_id);

create table service_resource_type (
    service_id     uuid        not null references service (id) on delete cascade,
    resource_type  varchar(40) not null,
    primary key (service_id, resource_type)
);

--changeset atelier:0004-schedules
-- Weekly shifts and breaks of a stylist at a location, on the location's wall clock (minutes after midnight).
create table staff_shift (
    id            uuid primary key,
    staff_id      uuid        not null references staff_membership (id) on delete cascade,
    location_id   uuid        not null references location (id),
    kind          varchar(8)  not null check (kind in ('SHIFT', 'BREAK')),
    day           smallint    not null check (day between 1 and 7),
    start_minute  smallint    not null,
    end_minute    smallint    not null,
    valid_from    date,
    valid_until   date,
    check (0 <= start_minute and start_minute < end_minute and end_minute <= 1440),
    check (valid_from is null or valid_until is null or valid_from <= valid_until)
);
create index staff_shift_staff on staff_shift (staff_id);

create table staff_extra_shift (
    id            uuid primary key,
    staff_id      uuid     not null references staff_membership (id) on delete cascade,
    location_id   uuid     not null references location (id),
    day           date     not null,
    start_minute  smallint not null,
    end_minute    smallint not null,
    check (0 <= start_minute and start_minute < end_minute and end_minute <= 1440)
);
create index staff_extra_shift_staff on staff_extra_shift (staff_id, day);

create table staff_time_off (
    id          uuid primary key,
    staff_id    uuid        not null references staff_membership (id) on delete cascade,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    during      tstzrange generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
    reason      varchar(200),
    created_at  timestamptz not null,
    check (starts_at < ends_at)
);
create index staff_time_off_during on staff_time_off using gist (staff_id, during);

create table location_closure (
    id           uuid primary key,
    location_id  uuid        not null references location (id) on delete cascade,
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    during       tstzrange generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
    reason       varchar(200),
    check (starts_at < ends_at)
);
create index location_closure_during on location_closure using gist (location_id, during);

create table location_holiday (
    location_id  uuid not null references location (id) on delete cascade,
    day          date not null,
    name         varchar(120),
    primary key (location_id, day)
);

-- The tenant's booking rules; one row.
create table booking_policy (
    id                             smallint primary key default 1 check (id = 1),
    slot_step_minutes              integer  not null default 15 check (slot_step_minutes between 5 and 240),
    lead_time_minutes              integer  not null default 120 check (lead_time_minutes between 0 and 43200),
    horizon_days                   integer  not null default 180 check (horizon_days between 1 and 730),
    hold_minutes                   integer  not null default 10 check (hold_minutes between 1 and 60),
    free_cancellation_hours        integer  not null default 24 check (free_cancellation_hours between 0 and 720),
    late_cancellation_fee_percent  integer  not null default 50 check (late_cancellation_fee_percent between 0 and 100)
);
insert into booking_policy (id) values (1);

--changeset atelier:0004-bookings
create table booking (
    id                       uuid primary key,
    customer_id              uuid references customer (id),
    guest_name               varchar(200),
    location_id              uuid           not null references location (id),
    status                   varchar(12)    not null check (status in ('HELD', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED',
                                                            'CANCELLED', 'NO_SHOW', 'EXPIRED')),
    source                   varchar(8)     not null check (source in ('ONLINE', 'STAFF', 'WALK_IN')),
    starts_at                timestamptz    not null,
    ends_at                  timestamptz    not null,
    hold_expires_at          timestamptz,
    price_amount             numeric(12, 2) not null check (price_amount >= 0),
    price_currency           char(3)        not null,
    cancellation_fee_amount  numeric(12, 2) check (cancellation_fee_amount >= 0),
    note                     varchar(500),
    version                  integer        not null default 0,
    created_at               timestamptz    not null,
    updated_at               timestamptz    not null,
    check (starts_at < ends_at),
    check (status <> 'HELD' or hold_expires_at is not null),
    check (customer_id is not null or guest_name is not null)
);
create index booking_customer on booking (customer_id, starts_at);
create index booking_location_start on booking (location_id, starts_at);
create index booking_held on booking (hold_expires_at) where status = 'HELD';

create table booking_item (
    id            uuid primary key,
    booking_id    uuid           not null references booking (id) on delete cascade,
    position      smallint       not null,
    service_id    uuid           not null references service (id),
    staff_id      uuid           not null references staff_membership (id),
    starts_at     timestamptz    not null,
    ends_at       timestamptz    not null,
    price_amount  numeric(12, 2) not null check (price_amount >= 0),
    unique (booking_id, position),
    check (starts_at < ends_at)
);
create index booking_item_staff on booking_item (staff_id, starts_at);

-- What bookings keep busy, buffers included and processing time left out, one row per stretch. A stretch is
-- active while its booking holds or has the time (HELD, CONFIRMED, CHECKED_IN). Two active stretches of one stylist,
-- or of one resource, can never overlap: every path that makes a booking active goes through these constraints.
create table staff_busy (
    booking_item_id  uuid      not null references booking_item (id) on delete cascade,
    booking_id       uuid      not null references booking (id) on delete cascade,
    staff_id         uuid        not null references staff_membership (id),
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    during           tstzrange generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
    active           boolean     not null,
    check (starts_at < ends_at),
    constraint staff_busy_no_overlap exclude using gist (staff_id with =, during with &&) where (active)
);
create index staff_busy_booking on staff_busy (booking_id);

create table resource_busy (
    booking_item_id  uuid      not null references booking_item (id) on delete cascade,
    booking_id       uuid      not null references booking (id) on delete cascade,
    resource_id      uuid        not null references resource (id),
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    during           tstzrange generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
    active           boolean     not null,
    check (starts_at < ends_at),
    constraint resource_busy_no_overlap exclude using gist (resource_id with =, during with &&) where (active)
);
create index resource_busy_booking on resource_busy (booking_id);

--changeset atelier:0004-outbox-audit-idempotency
-- Events for other parts (notifications, search, storefront caches), written in the same transaction as the change.
create table outbox_event (
    id              bigint generated always as identity primary key,
    aggregate_type  varchar(40) not null,
    aggregate_id    uuid        not null,
    type            varchar(60) not null,
    payload         jsonb       not null,
    occurred_at     timestamptz not null,
    published_at    timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- Who did what, when.
create table audit_entry (
    id             bigint generated always as identity primary key,
    actor_kind     varchar(16) not null check (actor_kind in ('CUSTOMER', 'STAFF', 'SYSTEM')),
    actor_user_id  varchar(64),
    action         varchar(60) not null,
    subject_type   varchar(40) not null,
    subject_id     uuid        not null,
    details        jsonb       not null default '{}',
    at             timestamptz not null
);
create index audit_entry_subject on audit_entry (subject_type, subject_id);

-- The first answer to a request made with an Idempotency-Key, per caller.
create table idempotency_key (
    caller           varchar(64)  not null,
    key              varchar(200) not null,
    request_hash     char(64)     not null,
    response_status  smallint,
    response_body    jsonb,
    created_at       timestamptz  not null,
    primary key (caller, key)
);
