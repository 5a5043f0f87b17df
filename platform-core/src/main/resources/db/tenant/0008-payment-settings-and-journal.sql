--liquibase formatted sql

--changeset atelier:0008-booking-pending-payment
-- A booking with money due waits for its payment as PENDING_PAYMENT (holding its time like HELD, until
-- hold_expires_at).
alter table booking alter column status type varchar(16);
alter table booking drop constraint booking_status_check;
alter table booking add constraint booking_status_check
    check (status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW',
                      'EXPIRED'));

--changeset atelier:0008-booking-held-until splitStatements:false
do $$
declare
    held text;
begin
    select conname into strict held from pg_constraint
     where conrelid = 'booking'::regclass and contype = 'c'
       and pg_get_constraintdef(oid) like '%hold_expires_at IS NOT NULL%';
    execute format('alter table booking drop constraint %I', held);
    alter table booking add constraint booking_held_until
        check (status not in ('HELD', 'PENDING_PAYMENT') or hold_expires_at is not null);
end
$$;

--changeset atelier:0008-service-deposit
-- What a service asks to be paid when booked: nothing (paid at the salon), a fixed deposit, a percentage of the
-- price, or the full price.
alter table service add column deposit_type varchar(8) not null default 'NONE'
    check (deposit_type in ('NONE', 'FIXED', 'PERCENT', 'FULL'));
alter table service add column deposit_amount numeric(12, 2) check (deposit_amount > 0);
alter table service add column deposit_percent smallint check (deposit_percent between 1 and 100);
alter table service add constraint service_deposit_shape check (
    (deposit_type = 'FIXED') = (deposit_amount is not null)
    and (deposit_type = 'PERCENT') = (deposit_percent is not null));

--changeset atelier:0008-no-show-fee
-- What not coming costs, a share of the price (kept from a deposit once payments are taken).
alter table booking_policy add column no_show_fee_percent integer not null default 0
    check (no_show_fee_percent between 0 and 100);

--changeset atelier:0008-payment-settings
-- The chain's payment methods (card, alipay, wechatpay, at-salon) and, per provider, its merchant credentials,
-- sealed with AES-GCM under a key from the platform's configuration (key id kept beside them for rotation); never
-- returned by any API.
create table payment_settings (
    id          smallint     primary key check (id = 1),
    methods     varchar(64)  not null,
    updated_at  timestamptz  not null
);
insert into payment_settings (id, methods, updated_at) values (1, 'at-salon', now());

create table payment_credential (
    provider    varchar(16)  primary key check (provider in ('stripe', 'alipay', 'wechatpay')),
    sealed      text         not null,
    key_id      varchar(32)  not null,
    updated_at  timestamptz  not null
);

--changeset atelier:0008-journal
-- The chain's money journal: append-only, double-entry. Every entry's postings balance (checked when the entry is
-- written, by the model and again by the deferred trigger below); nothing is ever updated or deleted.
create table journal_entry (
    id          uuid         primary key,
    kind        varchar(16)  not null check (kind in ('CHARGE', 'REFUND', 'FORFEIT', 'EARNED', 'COMMISSION',
                                                      'PAID_AT_SALON')),
    booking_id  uuid         not null references booking (id),
    payment_id  uuid,
    currency    char(3)      not null,
    at          timestamptz  not null,
    recorded_at timestamptz  not null default now()
);
create index journal_entry_booking on journal_entry (booking_id, recorded_at);
create index journal_entry_at on journal_entry (at);

create table journal_posting (
    entry_id      uuid         not null references journal_entry (id),
    line          smallint     not null,
    account       varchar(24)  not null check (account in ('PROVIDER_CLEARING', 'SALON_TILL', 'CUSTOMER_PREPAYMENTS',
                                                            'SERVICE_REVENUE', 'FEE_REVENUE', 'PLATFORM_COMMISSION')),
    side          char(1)      not null check (side in ('D', 'C')),
    amount_minor  bigint       not null check (amount_minor > 0),
    primary key (entry_id, line)
);

--changeset atelier:0008-journal-append-only-function splitStatements:false
create function journal_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the journal is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'restrict_violation';
end;
$$;

--changeset atelier:0008-journal-append-only-triggers
create trigger journal_entry_append_only before update or delete or truncate on journal_entry
    for each statement execute function journal_is_append_only();
create trigger journal_posting_append_only before update or delete or truncate on journal_posting
    for each statement execute function journal_is_append_only();

--changeset atelier:0008-journal-balance-function splitStatements:false
create function journal_entry_balances() returns trigger language plpgsql as $$
declare
    difference bigint;
    lines integer;
begin
    select coalesce(sum(case side when 'D' then amount_minor else -amount_minor end), 0), count(*)
      into difference, lines
      from journal_posting where entry_id = new.id;
    if difference <> 0 or lines < 2 then
        raise exception 'journal entry % does not balance (% over % lines)', new.id, difference, lines
            using errcode = 'check_violation';
    end if;
    return null;
end;
$$;

--changeset atelier:0008-journal-balance-trigger
create constraint trigger journal_entry_balanced after insert on journal_entry
    deferrable initially deferred for each row execute function journal_entry_balances();
