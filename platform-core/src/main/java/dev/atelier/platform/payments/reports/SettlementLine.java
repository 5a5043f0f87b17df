package dev.atelier.platform.payments.reports;

import dev.atelier.platform.payments.ledger.EntryKind;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;

/**
 * One sum the journal gives a settlement: {@code minorUnits} moved by entries of {@code kind} for payments by
 * {@code method} at one location on one of its local days, in one currency, over {@code payments} payments.
 */
public record SettlementLine(UUID locationId, String locationName, String timezone, LocalDate date,
        Currency currency, String method, EntryKind kind, long minorUnits, long payments) {

    public SettlementLine {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(locationName, "locationName");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(kind, "kind");
    }

    /** The day and currency this line counts towards. */
    SettlementDay.Key key() {
        return new SettlementDay.Key(locationId, date, currency);
    }
}
