package dev.atelier.keycloak.sms;

/** A text message could not be handed to the gateway (or written to the outbox). */
public class SmsNotSentException extends RuntimeException {

    public SmsNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
