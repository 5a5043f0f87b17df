--liquibase formatted sql

--changeset atelier:0011-wechat-payers
-- Customers known inside WeChat's browser: the openid WeChat gave for the chain's official account (what a JSAPI
-- order names as its payer), learned by WeChat's web authorisation when the customer first pays there.
create table wechat_payer (
    customer_id uuid         not null references customer (id) on delete cascade,
    app_id      varchar(32)  not null,
    open_id     varchar(64)  not null,
    linked_at   timestamptz  not null,
    primary key (customer_id, app_id)
);
