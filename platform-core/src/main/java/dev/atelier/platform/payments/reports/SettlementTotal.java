package dev.atelier.platform.payments.reports;

import java.util.Collections;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A whole report's figures in one currency (every location and day of it), and each method's. */
public record SettlementTotal(Figures all, Map<String, Figures> byMethod) {

    public SettlementTotal {
        Objects.requireNonNull(all, "all");
        byMethod = Collections.unmodifiableSortedMap(new TreeMap<>(byMethod));
    }

    public Currency currency() {
        return all.currency();
    }
}
