package dev.atelier.platform.booking;

/** An {@code Idempotency-Key} that already answered another request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was used with another request.");
    }
}
