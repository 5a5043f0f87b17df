--liquibase formatted sql

--changeset atelier:0002-staff-membership
create table staff_membership (
    id          uuid primary key,
    user_id     varchar(64)  not null unique,
    email       varchar(254) not null,
    name        varchar(200) not null,
    role        varchar(16)  not null check (role in ('OWNER', 'MANAGER', 'RECEPTIONIST', 'STYLIST')),
    status      varchar(16)  not null check (status in ('ACTIVE', 'DISABLED')),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
