package dev.atelier.platform.payments;

import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.payments.model.Provider;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A chain's payment settings as they may be shown: the methods it offers and, per provider, when its credentials
 * were last given (never the credentials).
 */
public record PaymentSettings(Set<PaymentMethod> methods, Map<Provider, Instant> credentialsGiven,
        Instant updatedAt) {

    public PaymentSettings {
        methods = Set.copyOf(methods);
        credentialsGiven = Map.copyOf(credentialsGiven);
    }

    /** Whether the chain takes {@code method} now: on, and for an online one, its provider's credentials given. */
    public boolean takes(PaymentMethod method) {
        return methods.contains(method)
                && Provider.of(method).map(credentialsGiven::containsKey).orElse(true);
    }
}
