--liquibase formatted sql

--changeset atelier:0001-relay
-- Every tenant's outbox events, copied here in the transaction that wrote them (a trigger on each tenant's
-- outbox_event), so the relay reads one table per cell however many tenants the cell holds.
create table event (
    seq            bigint generated always as identity primary key,
    tenant_schema  text        not null,
    event_id       bigint      not null,
    aggregate_type varchar(40) not null,
    aggregate_id   uuid        not null,
    type           varchar(60) not null,
    payload        jsonb       not null,
    occurred_at    timestamptz not null,
    unique (tenant_schema, event_id)
);

-- Who reads the events: each consumer gets every event written after it first registered.
create table consumer (
    name          varchar(40) primary key,
    registered_at timestamptz not null
);

-- What each consumer has still to take: one row per consumer and event, gone once handled. Only the earliest row of
-- an aggregate may be taken, so each consumer sees an aggregate's events in order.
create table pending (
    consumer     varchar(40) not null references consumer (name),
    seq          bigint      not null references event (seq),
    aggregate_id uuid        not null,
    attempts     integer     not null default 0,
    not_before   timestamptz not null default now(),
    last_error   text,
    primary key (consumer, seq)
);
create index pending_aggregate on pending (consumer, aggregate_id, seq);
create index pending_due on pending (consumer, not_before, seq);

-- Events a consumer failed on too often, kept to be looked at and sent again.
create table dead (
    consumer  varchar(40) not null references consumer (name),
    seq       bigint      not null references event (seq),
    attempts  integer     not null,
    error     text,
    died_at   timestamptz not null,
    primary key (consumer, seq)
);

-- Events every consumer has handled go after a while: nothing pending or dead refers to them.
create index event_occurred on event (occurred_at);
