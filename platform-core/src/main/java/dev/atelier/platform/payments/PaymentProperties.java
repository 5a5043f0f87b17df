package dev.atelier.platform.payments;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment settings under {@code atelier.payments}: the keys merchant credentials are sealed with, by id (each 32
 * random bytes in base64), and the one new credentials are sealed with. Rotating: add a key, make it active; each
 * chain's credentials are sealed again under it the next time they are used or saved, and an old key may go once
 * no credentials name it. {@code paymentWindow}: how long a customer has on a provider's page (their booking's time
 * is kept at least that long once they start paying); {@code reconcileAfter}: how long an order may stay pending
 * before its provider is asked where it stands (a notice may have been lost).
 */
@ConfigurationProperties("atelier.payments")
public record PaymentProperties(Map<String, String> credentialKeys, @DefaultValue("") String activeCredentialKey,
        @DefaultValue("15m") Duration paymentWindow, @DefaultValue("3m") Duration reconcileAfter) {

    /** The key the local stack and the tests use; refused outside local mode. */
    public static final String LOCAL_KEY_ID = "local-only";

    public PaymentProperties {
        credentialKeys = credentialKeys == null ? Map.of() : Map.copyOf(credentialKeys);
    }
}
