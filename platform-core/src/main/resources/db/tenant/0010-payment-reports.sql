--liquibase formatted sql

--changeset atelier:0010-payment-reports
-- The portal's payments list (newest first, a page at a time) and its settlement report (the journal summed per
-- location and local day): a payment's refunds and capture are found by its id and kind, and the payments list walks
-- payments in the order it shows them.
create index journal_entry_payment on journal_entry (payment_id, kind) where payment_id is not null;
create index journal_entry_at_kind on journal_entry (at, kind) include (booking_id, payment_id, currency);
create index payment_newest on payment (created_at desc, id desc);
