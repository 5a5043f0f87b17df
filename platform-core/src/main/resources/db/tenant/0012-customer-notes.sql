--liquibase formatted sql

--changeset atelier:0012-customer-notes
-- What the salon's staff note of a customer (allergies, the colour formula, how they like it): kept as written, in
-- order, with who wrote it; a correction is a newer note.
create table customer_note (
    id              uuid          primary key,
    customer_id     uuid          not null references customer (id) on delete cascade,
    body            varchar(2000) not null,
    author_user_id  varchar(64)   not null,
    author_name     varchar(200)  not null,
    idempotency_key varchar(200)  not null,
    created_at      timestamptz   not null,
    unique (author_user_id, idempotency_key)
);
create index customer_note_customer on customer_note (customer_id, created_at);
