package dev.atelier.platform.payments.reports;

import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.payments.model.PaymentStatus;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which payments to list, newest first: created on local days {@code from}..{@code to} at their location (either
 * end open), at one location, by one method, in one status; one page of {@code size} rows ({@code page} counts from
 * 0).
 */
public record PaymentListQuery(Optional<LocalDate> from, Optional<LocalDate> to, Optional<UUID> locationId,
        Optional<PaymentMethod> method, Optional<PaymentStatus> status, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** Deeper than this, narrow the dates instead: offsets stay cheap and bounded. */
    public static final int MAX_PAGE = 10_000;

    private static final String METHODS = Arrays.stream(PaymentMethod.values()).map(PaymentMethod::id)
            .collect(Collectors.joining(", "));
    private static final String STATUSES = Arrays.stream(PaymentStatus.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    public PaymentListQuery {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page 0-" + MAX_PAGE + ", size 1-" + MAX_SIZE);
        }
    }

    /** The offset of the first row of the page. */
    public long offset() {
        return (long) page * size;
    }

    /**
     * The query the request's parameters name; every one may be absent.
     *
     * @throws InvalidRequestException naming each parameter that is not what it should be
     */
    public static PaymentListQuery parse(String from, String to, String locationId, String method, String status,
            String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = ReportPeriod.date("from", from, false, errors);
        LocalDate end = ReportPeriod.date("to", to, false, errors);
        ReportPeriod.checkOrder(start, end, errors);
        UUID location = uuid("locationId", locationId, errors);
        PaymentMethod byMethod = null;
        if (present(method)) {
            byMethod = PaymentMethod.byId(method.strip()).orElse(null);
            if (byMethod == null) {
                errors.add(new FieldError("method", "must be one of " + METHODS));
            }
        }
        PaymentStatus inStatus = null;
        if (present(status)) {
            inStatus = Arrays.stream(PaymentStatus.values()).filter(s -> s.name().equals(status.strip())).findFirst()
                    .orElse(null);
            if (inStatus == null) {
                errors.add(new FieldError("status", "must be one of " + STATUSES));
            }
        }
        int pageNumber = number("page", page, 0, 0, MAX_PAGE, errors);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new PaymentListQuery(Optional.ofNullable(start), Optional.ofNullable(end),
                Optional.ofNullable(location), Optional.ofNullable(byMethod), Optional.ofNullable(inStatus),
                pageNumber, pageSize);
    }

    /** An optional location id parameter. */
    static UUID uuid(String field, String value, List<FieldError> errors) {
        if (!present(value)) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value.strip());
            if (!id.toString().equals(value.strip().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("not in canonical form");
            }
            return id;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be an id (a UUID)"));
            return null;
        }
    }

    private static int number(String field, String value, int absent, int least, int most, List<FieldError> errors) {
        if (!present(value)) {
            return absent;
        }
        String digits = value.strip();
        if (!digits.matches("[0-9]{1,9}") || Integer.parseInt(digits) < least || Integer.parseInt(digits) > most) {
            errors.add(new FieldError(field, "must be a whole number from " + least + " to " + most));
            return absent;
        }
        return Integer.parseInt(digits);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
