--liquibase formatted sql

--changeset atelier:0018-customer-preferences
-- What each customer chose at this chain: the channels it may reach them by (email, sms, wechat; none is a choice
-- too), promotions or not (and since when they agreed), and quiet hours in their own zone. No row: email and SMS, no
-- promotions, no quiet hours.
create table customer_preferences (
    customer_id         uuid        primary key references customer (id) on delete cascade,
    channels            varchar(40) not null,
    marketing           boolean     not null,
    marketing_agreed_at timestamptz,
    quiet_from          time,
    quiet_to            time,
    quiet_zone          varchar(64),
    updated_at          timestamptz not null,
    check ((quiet_from is null) = (quiet_to is null) and (quiet_from is null) = (quiet_zone is null)),
    check (marketing = (marketing_agreed_at is not null))
);
