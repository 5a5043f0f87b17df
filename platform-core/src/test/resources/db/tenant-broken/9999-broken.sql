--liquibase formatted sql

--changeset atelier-test:9999-broken
alter table no_such_table add column nothing integer;
