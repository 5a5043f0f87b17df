--liquibase formatted sql

--changeset atelier:0005-calendar-version-table
-- A counter that moves whenever anything availability is computed from changes (locations and their hours,
-- closures and holidays, the menu and who performs it, staff, shifts, time off, resources, the booking policy);
-- bookings are not among them. Apps cache what they read of the calendar and trust their copy while the counter
-- stands still, so one tiny read per request replaces a dozen, and a change made by any app is seen by all at once.
create table calendar_version (
    id       smallint primary key default 1 check (id = 1),
    version  bigint   not null
);
insert into calendar_version (id, version) values (1, 1);

--changeset atelier:0005-calendar-version-function splitStatements:false
create function bump_calendar_version() returns trigger language plpgsql as $$
begin
    update calendar_version set version = version + 1 where id = 1;
    return null;
end
$$;

--changeset atelier:0005-calendar-version-triggers
create trigger location_calendar after insert or update or delete or truncate on location
    for each statement execute function bump_calendar_version();
create trigger location_opening_hours_calendar after insert or update or delete or truncate on location_opening_hours
    for each statement execute function bump_calendar_version();
create trigger location_closure_calendar after insert or update or delete or truncate on location_closure
    for each statement execute function bump_calendar_version();
create trigger location_holiday_calendar after insert or update or delete or truncate on location_holiday
    for each statement execute function bump_calendar_version();
create trigger staff_membership_calendar after insert or update or delete or truncate on staff_membership
    for each statement execute function bump_calendar_version();
create trigger staff_location_calendar after insert or update or delete or truncate on staff_location
    for each statement execute function bump_calendar_version();
create trigger service_calendar after insert or update or delete or truncate on service
    for each statement execute function bump_calendar_version();
create trigger staff_service_calendar after insert or update or delete or truncate on staff_service
    for each statement execute function bump_calendar_version();
create trigger service_resource_type_calendar after insert or update or delete or truncate on service_resource_type
    for each statement execute function bump_calendar_version();
create trigger resource_calendar after insert or update or delete or truncate on resource
    for each statement execute function bump_calendar_version();
create trigger staff_shift_calendar after insert or update or delete or truncate on staff_shift
    for each statement execute function bump_calendar_version();
create trigger staff_extra_shift_calendar after insert or update or delete or truncate on staff_extra_shift
    for each statement execute function bump_calendar_version();
create trigger staff_time_off_calendar after insert or update or delete or truncate on staff_time_off
    for each statement execute function bump_calendar_version();
create trigger booking_policy_calendar after insert or update or delete or truncate on booking_policy
    for each statement execute function bump_calendar_version();

--changeset atelier:0005-service-slot-step
-- A service may offer starts on a coarser grid than the chain's (a two-hour colour every 30 minutes, say).
alter table service add column slot_step_minutes integer check (slot_step_minutes between 5 and 240);
