--liquibase formatted sql

--changeset atelier:0013-outbox-signal-function splitStatements:false
-- Every outbox event, once its transaction commits, wakes whoever listens on the cell's channel (the back office's
-- live calendar now, the outbox relay later): the schema, the aggregate's type and id. A notification only says
-- "look"; what changed is read from the tables, so one lost with a dropped connection costs a moment, not data.
create function outbox_signal() returns trigger language plpgsql as $$
begin
    perform pg_notify('atelier_outbox', tg_table_schema || ':' || new.aggregate_type || ':' || new.aggregate_id);
    return null;
end;
$$;

--changeset atelier:0013-outbox-signal-trigger
create trigger outbox_event_signal after insert on outbox_event
    for each row execute function outbox_signal();
