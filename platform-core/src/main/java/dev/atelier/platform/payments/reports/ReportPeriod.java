package dev.atelier.platform.payments.reports;

import dev.atelier.platform.scheduling.CalendarLimits;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Local business days {@code from}..{@code to}, inclusive, each read in the zone of the location it is about (so one
 * period is a different span of instants at a London salon and at a Shanghai one). At most {@link #MAX_DAYS} days,
 * so a report stays a bounded question.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** The most days one report may span. */
    public static final int MAX_DAYS = 366;

    /** No zone is further from UTC than this (Kiribati is +14, Baker Island −12). */
    private static final int WIDEST_OFFSET_HOURS = 14;

    public ReportPeriod {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS - 1).isBefore(to)) {
            throw new IllegalArgumentException("a period runs forwards, at most " + MAX_DAYS + " days");
        }
    }

    /**
     * The period the request's {@code from} and {@code to} name (both {@code YYYY-MM-DD}, required).
     *
     * @throws InvalidRequestException naming each field that is missing, not a date, out of range, or out of order
     */
    public static ReportPeriod parse(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, true, errors);
        LocalDate end = date("to", to, true, errors);
        checkOrder(start, end, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ReportPeriod(start, end);
    }

    /** The first instant any location's first day can start: a bound wide enough for every zone. */
    public Instant earliestStart() {
        return from.atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(WIDEST_OFFSET_HOURS * 3_600L);
    }

    /** An instant after which no location's last day still runs. */
    public Instant latestEnd() {
        return to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(WIDEST_OFFSET_HOURS * 3_600L);
    }

    /** A local date query parameter, or {@code null} (with an error when it was {@code required} or is bad). */
    static LocalDate date(String field, String value, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required, a date YYYY-MM-DD"));
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (!CalendarLimits.contains(date)) {
                errors.add(new FieldError(field, CalendarLimits.DESCRIPTION));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date YYYY-MM-DD"));
            return null;
        }
    }

    static void checkOrder(LocalDate from, LocalDate to, List<FieldError> errors) {
        if (from != null && to != null && (to.isBefore(from) || from.plusDays(MAX_DAYS - 1).isBefore(to))) {
            errors.add(new FieldError("to", "must be on or after from, at most " + MAX_DAYS + " days"));
        }
    }
}
