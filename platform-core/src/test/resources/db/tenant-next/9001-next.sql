--liquibase formatted sql

--changeset atelier-test:9001-next
create table loyalty_card (
    id          uuid primary key,
    holder      varchar(200) not null,
    balance     numeric(12, 2) not null default 0,
    created_at  timestamptz not null
);
