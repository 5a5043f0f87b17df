--liquibase formatted sql

--changeset atelier:0016-outbox-relay splitStatements:false
-- Each outbox event is also put on its cell's relay (schema relay, one per cell) in the same transaction, with a row
-- for each registered consumer (none while no consumer has registered: nothing would read it); the signal then wakes
-- the relay and the back office's live calendar.
create or replace function outbox_signal() returns trigger language plpgsql as $$
declare
    relayed bigint;
begin
    if not exists (select 1 from relay.consumer) then
        perform pg_notify('atelier_outbox', tg_table_schema || ':' || new.aggregate_type || ':' || new.aggregate_id);
        return null;
    end if;
    insert into relay.event (tenant_schema, event_id, aggregate_type, aggregate_id, type, payload, occurred_at)
    values (tg_table_schema, new.id, new.aggregate_type, new.aggregate_id, new.type, new.payload, new.occurred_at)
    returning seq into relayed;
    insert into relay.pending (consumer, seq, aggregate_id)
    select c.name, relayed, new.aggregate_id from relay.consumer c;
    perform pg_notify('atelier_outbox', tg_table_schema || ':' || new.aggregate_type || ':' || new.aggregate_id);
    return null;
end;
$$;
