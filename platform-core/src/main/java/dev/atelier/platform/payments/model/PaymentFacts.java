package dev.atelier.platform.payments.model;

import dev.atelier.platform.money.Money;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One payment's facts and what follows from them. The same facts give the same payment in any order and however
 * often each was delivered: a refund's notice before the payment's still ends refunded; a payment after the order
 * was closed (a late payment) is paid, and the booking decides what to do with it. A paid notice for another amount
 * than the order's is refused, so it changes nothing.
 */
public final class PaymentFacts {

    private final Money ordered;
    private final Map<String, PaymentFact> byEvent = new LinkedHashMap<>();

    public PaymentFacts(Money ordered) {
        this.ordered = Objects.requireNonNull(ordered, "ordered");
    }

    public static PaymentFacts of(Money ordered, Collection<? extends PaymentFact> facts) {
        PaymentFacts payment = new PaymentFacts(ordered);
        facts.forEach(payment::add);
        return payment;
    }

    /** Adds {@code fact}; {@code false} when its event was known already (a redelivery: nothing changes). */
    public boolean add(PaymentFact fact) {
        if (fact instanceof PaymentFact.Paid paid && !paid.amount().equals(ordered)) {
            throw new AmountMismatchException(ordered, paid.amount());
        }
        if (fact instanceof PaymentFact.Refunded refund
                && !refund.amount().currency().equals(ordered.currency())) {
            throw new AmountMismatchException(ordered, refund.amount());
        }
        return byEvent.putIfAbsent(fact.eventId(), fact) == null;
    }

    /** Its facts, each once, in the order they were added. */
    public List<PaymentFact> all() {
        return List.copyOf(byEvent.values());
    }

    public Money ordered() {
        return ordered;
    }

    /** What was taken: the order's amount once paid, else nothing. */
    public Money captured() {
        return paid() ? ordered : Money.zero(ordered.currency());
    }

    /** What went back: every distinct refund once, however many notices named it. */
    public Money refunded() {
        Map<String, Money> refunds = new LinkedHashMap<>();
        for (PaymentFact fact : byEvent.values()) {
            if (fact instanceof PaymentFact.Refunded refund) {
                refunds.merge(refund.refundId(), refund.amount(), (one, other) -> one.isMoreThan(other) ? one : other);
            }
        }
        return refunds.values().stream().reduce(Money.zero(ordered.currency()), Money::plus);
    }

    public PaymentStatus status() {
        if (paid()) {
            Money refunded = refunded();
            if (refunded.isZero()) {
                return PaymentStatus.SUCCEEDED;
            }
            return refunded.compareTo(ordered) >= 0 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        }
        if (has(PaymentFact.Failed.class)) {
            return PaymentStatus.FAILED;
        }
        return has(PaymentFact.Closed.class) ? PaymentStatus.CLOSED : PaymentStatus.PENDING;
    }

    private boolean paid() {
        return has(PaymentFact.Paid.class);
    }

    private boolean has(Class<? extends PaymentFact> kind) {
        return byEvent.values().stream().anyMatch(kind::isInstance);
    }
}
