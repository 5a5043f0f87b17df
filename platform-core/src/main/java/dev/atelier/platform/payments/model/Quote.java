package dev.atelier.platform.payments.model;

import dev.atelier.platform.money.Money;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a visit will cost before it is booked, as the customer is shown it on the confirmation: each service's price
 * (the stylist's own where it differs) and what its deposit rule asks now, the total, what is due now, and what is
 * left to pay at the salon. The same rules the booking applies once placed.
 */
public record Quote(List<Line> lines, Money total, Money dueNow) {

    /** One service of the visit, by one stylist. */
    public record Line(UUID serviceId, UUID staffId, Money price, Money dueNow) {

        public Line {
            Objects.requireNonNull(serviceId, "serviceId");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(dueNow, "dueNow");
        }
    }

    public Quote {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a quote has a line at least");
        }
    }

    /** The quote of {@code lines}, each priced at {@code price} and asking what {@code rule} says of it. */
    public static Quote of(List<Priced> priced) {
        if (priced.isEmpty()) {
            throw new IllegalArgumentException("a quote has a line at least");
        }
        List<Line> lines = priced.stream().map(line -> new Line(line.serviceId(), line.staffId(), line.price(),
                line.rule().dueNow(line.price()))).toList();
        Money total = lines.stream().map(Line::price).reduce(Money::plus).orElseThrow();
        Money due = lines.stream().map(Line::dueNow).reduce(Money::plus).orElseThrow();
        return new Quote(lines, total, due);
    }

    /** A service at its price, with the deposit rule it has. */
    public record Priced(UUID serviceId, UUID staffId, Money price, DepositRule rule) {

        public Priced {
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** What is left to pay at the salon after what is due now. */
    public Money atSalon() {
        return total.minus(dueNow);
    }

    /** Whether something is to be paid online before the booking is confirmed. */
    public boolean asksAhead() {
        return !dueNow.isZero();
    }
}
