--liquibase formatted sql

--changeset atelier:0017-notifications
-- Every message sent (or not, and why) to a customer: the chain's delivery log. Its id is made from the event that
-- caused it and the channel, so the same event handled twice is one notification, sent once.
create table notification (
    id          uuid         primary key,
    event_key   varchar(80)  not null,
    kind        varchar(40)  not null,
    channel     varchar(10)  not null,
    booking_id  uuid,
    customer_id uuid,
    recipient   varchar(254),
    locale      varchar(10)  not null,
    subject     varchar(300),
    status      varchar(10)  not null,
    attempts    integer      not null default 0,
    error       text,
    created_at  timestamptz  not null,
    sent_at     timestamptz
);
create index notification_created on notification (created_at desc);
create index notification_booking on notification (booking_id);
