--liquibase formatted sql

--changeset atelier:0001-locations
create table location (
    id                   uuid primary key,
    name                 varchar(200) not null,
    address_line1        varchar(200) not null,
    address_city         varchar(100) not null,
    address_region       varchar(100),
    address_postal_code  varchar(20),
    address_country      char(2)      not null,
    latitude             double precision not null check (latitude between -90 and 90),
    longitude            double precision not null check (longitude between -180 and 180),
    timezone             varchar(64)  not null,
    phone                varchar(40),
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null
);

create table location_opening_hours (
    location_id  uuid        not null references location (id) on delete cascade,
    day          varchar(9)  not null check (day in ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY')),
    opens        time        not null,
    closes       time        not null,
    check (opens < closes)
);
create index location_opening_hours_location on location_opening_hours (location_id);
