package dev.atelier.platform.payments.model;

import dev.atelier.platform.money.Money;
import java.util.Objects;

/**
 * Something a provider told us about one payment (or we learned by asking it): each with the provider's own event
 * id, by which a notice delivered twice counts once. What a payment is comes from the set of its facts, never from
 * the order they arrived in ({@link PaymentFacts}).
 */
public sealed interface PaymentFact {

    /** The provider's id of the notice (or of the query answer), unique per provider. */
    String eventId();

    /** The money was taken. */
    record Paid(String eventId, Money amount, String providerReference) implements PaymentFact {

        public Paid {
            required(eventId);
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** The customer's payment was declined or abandoned with an error. */
    record Failed(String eventId, String reason) implements PaymentFact {

        public Failed {
            required(eventId);
        }
    }

    /** The order was closed (cancelled by the customer, or by us when its hold expired): nothing more is taken. */
    record Closed(String eventId) implements PaymentFact {

        public Closed {
            required(eventId);
        }
    }

    /** Money went back: one refund, by its own id (the refund's notice and our refund call's answer name the same). */
    record Refunded(String eventId, String refundId, Money amount) implements PaymentFact {

        public Refunded {
            required(eventId);
            required(refundId);
            Objects.requireNonNull(amount, "amount");
            if (amount.isZero()) {
                throw new IllegalArgumentException("a refund gives back more than 0");
            }
        }
    }

    private static void required(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a payment fact needs its provider's id");
        }
    }
}
