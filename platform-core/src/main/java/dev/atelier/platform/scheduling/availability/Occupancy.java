package dev.atelier.platform.scheduling.availability;

import dev.atelier.platform.scheduling.availability.Calendars.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a service at a start time keeps busy: the stylist (less processing time) and its resources. */
public final class Occupancy {

    private Occupancy() {
    }

    /**
     * The stylist's busy time: from the buffer before to the buffer after, except the processing window.
     * {@code withBufferBefore} is false when the same stylist goes straight on from the visit's previous service.
     */
    public static List<Interval> ofStaff(Service service, Instant start, Duration duration, boolean withBufferBefore) {
        return ofStaff(service, start, duration, withBufferBefore, true);
    }

    /**
     * As {@link #ofStaff(Service, Instant, Duration, boolean)}; {@code withBufferAfter} is false when the same
     * stylist goes straight on to the visit's next service (what a booking stores: one stylist's stretches of one
     * visit never overlap each other).
     */
    public static List<Interval> ofStaff(Service service, Instant start, Duration duration, boolean withBufferBefore,
            boolean withBufferAfter) {
        Instant from = withBufferBefore ? start.minus(service.bufferBefore()) : start;
        Instant to = start.plus(duration).plus(withBufferAfter ? service.bufferAfter() : Duration.ZERO);
        List<Interval> parts = new ArrayList<>(2);
        Duration processingEnd = service.processingOffset().plus(service.processingLength());
        if (!service.processingLength().isZero() && processingEnd.compareTo(duration) <= 0) {
            Instant pauseStart = start.plus(service.processingOffset());
            Instant pauseEnd = start.plus(processingEnd);
            if (pauseStart.isAfter(from)) {
                parts.add(new Interval(from, pauseStart));
            }
            if (to.isAfter(pauseEnd)) {
                parts.add(new Interval(pauseEnd, to));
            }
            return parts;
        }
        parts.add(new Interval(from, to));
        return parts;
    }

    /** The resources' busy time: the whole service with both buffers. */
    public static Interval ofResources(Service service, Instant start, Duration duration) {
        return new Interval(start.minus(service.bufferBefore()), start.plus(duration).plus(service.bufferAfter()));
    }
}
