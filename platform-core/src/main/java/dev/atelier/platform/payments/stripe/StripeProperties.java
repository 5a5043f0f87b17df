package dev.atelier.platform.payments.stripe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's Stripe account under {@code atelier.payments.stripe}: where its API is (the local fake in the local
 * stack and the tests), the platform's secret key, the secret its Connect webhook endpoint signs with, the
 * application fee it takes on each chain's charges (basis points), and how long a request may take.
 */
@ConfigurationProperties("atelier.payments.stripe")
public record StripeProperties(@DefaultValue("https://api.stripe.com") String apiBase,
        @DefaultValue("") String secretKey, @DefaultValue("") String webhookSecret,
        @DefaultValue("0") int applicationFeeBasisPoints, @DefaultValue("10s") Duration timeout,
        @DefaultValue("300s") Duration noticeTolerance) {

    public StripeProperties {
        if (applicationFeeBasisPoints < 0 || applicationFeeBasisPoints > 10_000) {
            throw new IllegalArgumentException("atelier.payments.stripe.application-fee-basis-points is 0 to 10000");
        }
    }

    boolean configured() {
        return !secretKey.isBlank() && !webhookSecret.isBlank();
    }
}
