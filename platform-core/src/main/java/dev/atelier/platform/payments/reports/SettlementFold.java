package dev.atelier.platform.payments.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Folds the journal's sums, as they stream in grouped by location, day and currency, into settlement days (each
 * handed on as soon as its last line is seen, so a report of any length is never held whole) and the report's
 * totals per currency.
 */
public final class SettlementFold {

    private final Consumer<SettlementDay> days;
    private final Map<java.util.Currency, Figures> totals = new LinkedHashMap<>();
    private final Map<java.util.Currency, Map<String, Figures>> totalsByMethod = new LinkedHashMap<>();
    private final Set<SettlementDay.Key> closed = new HashSet<>();
    private SettlementLine first;
    private Figures all;
    private Map<String, Figures> byMethod;
    private boolean finished;

    public SettlementFold(Consumer<SettlementDay> days) {
        this.days = days;
    }

    /**
     * Takes the next line; lines of one location, day and currency come together.
     *
     * @throws IllegalStateException when a day already handed on has more lines, or after {@link #finish}
     */
    public void accept(SettlementLine line) {
        if (finished) {
            throw new IllegalStateException("the fold is finished");
        }
        if (first != null && !first.key().equals(line.key())) {
            close();
        }
        if (first == null) {
            if (closed.contains(line.key())) {
                throw new IllegalStateException("lines of " + line.key() + " came apart");
            }
            first = line;
            all = Figures.none(line.currency());
            byMethod = new TreeMap<>();
        }
        all = all.with(line.kind(), line.minorUnits(), line.payments());
        byMethod.merge(line.method(), Figures.none(line.currency()).with(line.kind(), line.minorUnits(),
                line.payments()), Figures::plus);
    }

    /** Hands on the last day; the report's totals, one per currency, by currency code. */
    public List<SettlementTotal> finish() {
        if (!finished && first != null) {
            close();
        }
        finished = true;
        List<SettlementTotal> result = new ArrayList<>();
        totals.forEach((currency, figures) -> result.add(new SettlementTotal(figures,
                totalsByMethod.get(currency))));
        result.sort(Comparator.comparing(total -> total.currency().getCurrencyCode()));
        return result;
    }

    private void close() {
        SettlementDay day = new SettlementDay(first.locationId(), first.locationName(), first.timezone(),
                first.date(), all, byMethod);
        closed.add(first.key());
        totals.merge(day.currency(), all, Figures::plus);
        Map<String, Figures> methods = totalsByMethod.computeIfAbsent(day.currency(), c -> new TreeMap<>());
        byMethod.forEach((method, figures) -> methods.merge(method, figures, Figures::plus));
        first = null;
        days.accept(day);
    }
}
