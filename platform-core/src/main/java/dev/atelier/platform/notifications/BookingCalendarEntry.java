package dev.atelier.platform.notifications;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A booking as a calendar entry (RFC 5545, by ical4j): one event whose id is the booking's, so a calendar that took the
 * confirmation moves it when the booking is rescheduled ({@code sequence} grows with each change) and drops it when a
 * cancellation comes.
 */
final class BookingCalendarEntry {

    private BookingCalendarEntry() {
    }

    /** The {@code .ics} text of the booking {@code id}; cancelled withdraws the entry instead of offering it. */
    static String of(UUID id, String summary, String location, String description, URI link, Instant start,
            Instant end, int sequence, boolean cancelled) {
        VEvent event = new VEvent(start, end, summary);
        event.add(new Uid(id + "@atelier"));
        event.add(new Sequence(sequence));
        event.add(new Location(location));
        event.add(new Description(description));
        event.add(new Url(link));
        Status status = cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED;
        event.add(status);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Atelier//Bookings//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        Method method = cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST;
        calendar.add(method);
        calendar.add(event);
        return calendar.toString();
    }
}
