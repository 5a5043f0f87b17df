--liquibase formatted sql

--changeset atelier:0003-payment-orders
-- Whose a provider's order is: a notice names an order at a provider (a checkout session, a payment intent, an
-- out_trade_no) and is routed by this index to its chain and payment; nothing in a notice's body chooses the chain.
create table payment_order (
    provider    varchar(16)  not null check (provider in ('stripe', 'alipay', 'wechatpay')),
    order_key   varchar(255) not null,
    tenant_id   uuid         not null references tenant (id) on delete cascade,
    payment_id  uuid         not null,
    created_at  timestamptz  not null,
    primary key (provider, order_key)
);
create index payment_order_payment on payment_order (tenant_id, payment_id);

-- Whose a provider's key is (WeChat Pay names the public key a notice is signed with): one chain per key.
create table payment_merchant_key (
    provider   varchar(16)  not null check (provider in ('stripe', 'alipay', 'wechatpay')),
    key_id     varchar(255) not null,
    tenant_id  uuid         not null references tenant (id) on delete cascade,
    primary key (provider, key_id)
);
create index payment_merchant_key_tenant on payment_merchant_key (tenant_id);
