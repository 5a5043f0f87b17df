--liquibase formatted sql

--changeset atelier:0009-booking-deposit
-- What a booking asks to be paid ahead, fixed when it is made (from its services' deposit rules), in the currency's
-- minor units; 0 when everything is paid at the salon.
alter table booking add column deposit_minor bigint not null default 0 check (deposit_minor >= 0);
drop index booking_held;
create index booking_held on booking (hold_expires_at) where status in ('HELD', 'PENDING_PAYMENT');

--changeset atelier:0009-payment
-- One payment of a booking: an order at a provider (card, alipay, wechatpay) or money taken at the salon. Its status
-- is what its facts say (payment_fact); the money it moved is in the journal.
create table payment (
    id                  uuid         primary key,
    booking_id          uuid         not null references booking (id),
    method              varchar(16)  not null check (method in ('card', 'alipay', 'wechatpay', 'at-salon')),
    provider            varchar(16)  check (provider in ('stripe', 'alipay', 'wechatpay')),
    channel             varchar(16)  check (channel in ('DESKTOP', 'PHONE', 'IN_WECHAT')),
    amount_minor        bigint       not null check (amount_minor > 0),
    currency            char(3)      not null,
    status              varchar(20)  not null check (status in ('PENDING', 'SUCCEEDED', 'PARTIALLY_REFUNDED',
                                                               'REFUNDED', 'FAILED', 'CLOSED')),
    customer_id         uuid         references customer (id),
    idempotency_key     varchar(255),
    provider_order_id   varchar(255),
    provider_reference  varchar(255),
    pay_page            varchar(2048),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    check ((method = 'at-salon') = (provider is null))
);
create index payment_booking on payment (booking_id, created_at);
create unique index payment_order on payment (provider, provider_order_id);
create unique index payment_request on payment (booking_id, idempotency_key);
create index payment_open on payment (updated_at) where status = 'PENDING';

--changeset atelier:0009-payment-fact
-- What providers told us of a payment, each notice (or query answer) once: the primary key is the provider's own
-- event id, so a notice delivered again is refused by the schema and counts once.
create table payment_fact (
    provider      varchar(16)   not null check (provider in ('stripe', 'alipay', 'wechatpay')),
    event_id      varchar(255)  not null,
    payment_id    uuid          not null references payment (id),
    kind          varchar(10)   not null check (kind in ('PAID', 'FAILED', 'CLOSED', 'REFUNDED')),
    amount_minor  bigint        check (amount_minor > 0),
    currency      char(3),
    reference     varchar(255),
    refund_id     varchar(255),
    received_at   timestamptz   not null,
    primary key (provider, event_id),
    check ((kind in ('PAID', 'REFUNDED')) = (amount_minor is not null)),
    check ((kind = 'REFUNDED') = (refund_id is not null))
);
create index payment_fact_payment on payment_fact (payment_id);

--changeset atelier:0009-payment-refund
-- A refund asked of a provider: written before the provider is asked (its id is the provider's idempotency key), so
-- one that was asked but not answered is asked again, and what is being refunded is counted against what is left.
create table payment_refund (
    id               uuid          primary key,
    payment_id       uuid          not null references payment (id),
    amount_minor     bigint        not null check (amount_minor > 0),
    currency         char(3)       not null,
    reason           varchar(500)  not null,
    status           varchar(12)   not null check (status in ('REQUESTED', 'SUCCEEDED', 'FAILED')),
    requested_by     varchar(64),
    idempotency_key  varchar(255),
    created_at       timestamptz   not null,
    answered_at      timestamptz
);
create index payment_refund_payment on payment_refund (payment_id);
create unique index payment_refund_request on payment_refund (payment_id, idempotency_key);
create index payment_refund_open on payment_refund (created_at) where status = 'REQUESTED';

--changeset atelier:0009-payment-tender
-- How money taken at the salon was taken: cash, the card terminal, or otherwise.
alter table payment add column tender varchar(16) check (tender in ('cash', 'card-terminal', 'other'));
alter table payment add constraint payment_tender_at_salon check ((method = 'at-salon') = (tender is not null));
