--liquibase formatted sql

--changeset atelier:0014-report-indexes
-- The reports find a booking's events (when was it cancelled, late or not) and a customer's other visits.
create index outbox_event_aggregate on outbox_event (aggregate_id, type);
create index booking_status_start on booking (status, starts_at);
