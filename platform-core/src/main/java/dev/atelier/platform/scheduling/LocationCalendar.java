package dev.atelier.platform.scheduling;

import dev.atelier.platform.scheduling.availability.Calendars;
import dev.atelier.platform.scheduling.availability.Interval;
import dev.atelier.platform.scheduling.availability.WeeklySpan;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything availability at one location is computed from except taken time, as read at one
 * {@code calendar_version} of the tenant: immutable, shared between requests while the version stands. Time-bound
 * parts (extra shifts, time off, closures, holidays) hold everything from a few days before it was read onwards.
 *
 * @param working the staff who may be booked here, in a stable order
 * @param resources the location's active resources, id to type, in a stable order
 */
public record LocationCalendar(long version, UUID locationId, ZoneId zone, List<WeeklySpan> openingHours,
        Map<UUID, Offer> services, Set<UUID> working, Map<UUID, List<WeeklySpan>> shifts,
        Map<UUID, List<WeeklySpan>> breaks, Map<UUID, List<Calendars.DatedSpan>> extraShifts,
        Map<UUID, List<Interval>> timeOff, Set<LocalDate> holidays, List<Interval> closures,
        Map<UUID, String> resources, Policy policy) {

    /**
     * An active service as booking sees it: the engine's view (performers among those working here), who performs
     * it anywhere, at what price.
     */
    public record Offer(UUID id, boolean onlineBookable, Calendars.Service engine, Set<UUID> performers,
            BigDecimal price, Map<UUID, BigDecimal> performerPrices, Currency currency, Integer leadTimeMinutes,
            Integer horizonDays, Integer slotStepMinutes) {

        /** What {@code staffId} charges for it. */
        public BigDecimal priceBy(UUID staffId) {
            return performerPrices.getOrDefault(staffId, price);
        }
    }

    /** The tenant's booking policy for time. */
    public record Policy(int slotStepMinutes, int leadTimeMinutes, int horizonDays) {
    }

    /** The parts of {@code spans} that overlap {@code from}–{@code to}. */
    static List<Interval> within(List<Interval> spans, Instant from, Instant to) {
        return spans.stream().filter(span -> span.start().isBefore(to) && span.end().isAfter(from)).toList();
    }
}
