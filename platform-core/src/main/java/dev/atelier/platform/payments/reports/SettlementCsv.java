package dev.atelier.platform.payments.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A settlement as CSV (RFC 4180, CRLF line ends): a header row, then per location and day a row for all its money
 * ({@code method} {@code all}) followed by one per method, then per currency a totals row and one per method (date
 * and location left empty). Amounts are decimal strings in the currency's own decimals ({@code 199.00} GBP,
 * {@code 3000} JPY; {@code net} may be negative), always beside their {@code currency} column.
 */
public final class SettlementCsv {

    public static final String HEADER = "date,location_id,location_name,timezone,currency,method,payments,charges,"
            + "refunds,fees_kept,commission,net";
    public static final String ALL_METHODS = "all";

    private SettlementCsv() {
    }

    /** The rows of one day: all methods first, then each method by name. */
    public static List<String> rows(SettlementDay day) {
        String place = day.date() + "," + day.locationId() + "," + field(day.locationName()) + ","
                + field(day.timezone());
        return rows(place, day.all(), day.byMethod());
    }

    /** The rows of one currency's totals. */
    public static List<String> rows(SettlementTotal total) {
        return rows(",,,", total.all(), total.byMethod());
    }

    /** A decimal string of {@code minorUnits} in {@code figures}' currency, with its own decimals. */
    public static String amount(Figures figures, long minorUnits) {
        return BigDecimal.valueOf(minorUnits, figures.currency().getDefaultFractionDigits()).toPlainString();
    }

    private static List<String> rows(String place, Figures all, Map<String, Figures> byMethod) {
        List<String> rows = new ArrayList<>();
        rows.add(row(place, ALL_METHODS, all));
        byMethod.forEach((method, figures) -> rows.add(row(place, method, figures)));
        return rows;
    }

    private static String row(String place, String method, Figures figures) {
        return String.join(",", place, figures.currency().getCurrencyCode(), field(method),
                Long.toString(figures.payments()), amount(figures, figures.charges()),
                amount(figures, figures.refunds()), amount(figures, figures.feesKept()),
                amount(figures, figures.commission()), amount(figures, figures.net()));
    }

    /**
     * A text field: quoted when it holds a comma, quote or line break; a leading {@code = + - @} or tab is kept from
     * being read as a formula by spreadsheets (prefixed with {@code '}).
     */
    static String field(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
