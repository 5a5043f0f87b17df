package dev.atelier.platform.payments.reports;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/** One location's settlement for one of its local business days in one currency: the figures, and each method's. */
public record SettlementDay(UUID locationId, String locationName, String timezone, LocalDate date, Figures all,
        Map<String, Figures> byMethod) {

    record Key(UUID locationId, LocalDate date, Currency currency) {
    }

    public SettlementDay {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(all, "all");
        byMethod = Collections.unmodifiableSortedMap(new TreeMap<>(byMethod));
    }

    public Currency currency() {
        return all.currency();
    }
}
