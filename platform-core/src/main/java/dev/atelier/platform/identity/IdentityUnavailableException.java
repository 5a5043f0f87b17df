package dev.atelier.platform.identity;

/** The identity server could not be reached or failed; answered with 503, the request may be retried. */
public class IdentityUnavailableException extends RuntimeException {

    public IdentityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
