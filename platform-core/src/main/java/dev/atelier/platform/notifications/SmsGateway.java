package dev.atelier.platform.notifications;

import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** One SMS provider, as the SMS channel uses it: which numbers it reaches, and sending one text. */
interface SmsGateway {

    /** The provider's name in the delivery log ({@code twilio}, {@code aliyun}). */
    String name();

    /** Whether it carries texts to {@code to}. */
    boolean reaches(PhoneNumber to);

    /**
     * Sends {@code message}; answers the provider's id of it.
     *
     * @throws SmsNotSentException if the provider refused it or could not be reached
     */
    String send(TextMessage message);

    /** The provider refused a text or could not be reached; its words, never the credentials. */
    final class SmsNotSentException extends RuntimeException {

        SmsNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
