package dev.atelier.platform.reports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The chain's business reports, each a table computed in SQL over the tenant's schema for local days of each
 * location (see {@link BusinessReports}): what each is called in the API, and its columns in order.
 */
public enum BusinessReport {

    /** Per local day, location and currency: the price of the visits booked for that day, paid, refunded. */
    REVENUE("revenue", "day", "location", "currency", "booked", "paid", "refunded"),
    /** Per location and stylist: minutes booked ÷ minutes on the rota (shifts less breaks, extra shifts, time off). */
    UTILISATION("utilisation", "location", "stylist", "bookedMinutes", "workingMinutes", "utilisation"),
    /** Per location: how visits ended — completed, no-shows, cancellations, late ones — and the rates. */
    ATTENDANCE("attendance", "location", "ended", "completed", "noShows", "noShowRate", "cancellations",
            "lateCancellations", "lateCancelRate"),
    /** Per location: completed visits whose customer booked again to start within 60 days after. */
    REBOOKING("rebooking", "location", "visits", "rebooked", "rebookingRate"),
    /** Per location: customers with a completed visit, new (their first ever) or returning. */
    CUSTOMERS("customers", "location", "customers", "new", "returning"),
    /** Per service: visits booked (not cancelled) and their price. */
    TOP_SERVICES("top-services", "service", "category", "currency", "visits", "revenue"),
    /** Per stylist: completed visits, their price, no-shows, and the average completed visit. */
    STAFF("staff", "stylist", "currency", "completed", "revenue", "noShows", "averageVisit"),
    /** Every service of every visit: the full export, one row each, streamed. */
    VISITS("visits", "day", "time", "location", "stylist", "service", "customer", "status", "source", "currency",
            "price");

    private final String path;
    private final List<String> columns;

    BusinessReport(String path, String... columns) {
        this.path = path;
        this.columns = List.of(columns);
    }

    public String path() {
        return path;
    }

    public List<String> columns() {
        return columns;
    }

    /** The report the API names {@code path}, if any. */
    public static Optional<BusinessReport> of(String path) {
        return Arrays.stream(values()).filter(report -> report.path.equals(path)).findFirst();
    }
}
