package dev.atelier.platform.payments.gateway;

import dev.atelier.platform.payments.model.PaymentFact;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified notice: the provider's event id (to count it once), the provider's order it is about (to be found in
 * our own records: the body is never trusted for whose order it is), the merchant account it came from, and the
 * fact it states; no fact for an event type that changes nothing of ours (acknowledged and ignored).
 */
public record Notice(String eventId, String orderKey, Optional<String> merchant, Optional<PaymentFact> fact) {

    public Notice {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("a notice has its provider's event id");
        }
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(fact, "fact");
    }

    public static Notice ignored(String eventId) {
        return new Notice(eventId, null, Optional.empty(), Optional.empty());
    }
}
