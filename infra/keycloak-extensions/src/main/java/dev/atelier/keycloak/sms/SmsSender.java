package dev.atelier.keycloak.sms;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * Sends a text message. The {@value SmsSenderSpi#NAME} SPI: one provider is active per server, chosen like any
 * Keycloak provider ({@code --spi-atelier-sms--provider=ID}); locally and in tests it is the
 * {@linkplain OutboxSmsSenderFactory outbox}, in production a gateway's provider.
 */
public interface SmsSender extends Provider {

    /**
     * Sends {@code text} to {@code phone} (E.164). Throws {@link SmsNotSentException} when the message could not be
     * handed over; the caller tells the user to try again.
     */
    void send(RealmModel realm, String phone, String text);

    @Override
    default void close() {
    }
}
