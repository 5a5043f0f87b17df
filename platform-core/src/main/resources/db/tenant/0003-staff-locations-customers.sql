--liquibase formatted sql

--changeset atelier:0003-staff-locations-customers
create table staff_location (
    staff_id     uuid not null references staff_membership (id) on delete cascade,
    location_id  uuid not null references location (id),
    primary key (staff_id, location_id)
);

create unique index staff_membership_email on staff_membership (email);

-- A platform account's profile at this tenant, made on its first visit or booking here.
create table customer (
    id          uuid primary key,
    user_id     varchar(64)  not null unique,
    name        varchar(200) not null,
    email       varchar(254),
    phone       varchar(20),
    created_at  timestamptz  not null,
    last_seen_at timestamptz not null
);
