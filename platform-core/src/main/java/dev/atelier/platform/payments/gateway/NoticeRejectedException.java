package dev.atelier.platform.payments.gateway;

/** A notice that is not what it claims: a signature that does not hold, stale, or malformed. Changes nothing. */
public class NoticeRejectedException extends RuntimeException {

    public NoticeRejectedException(String message) {
        super(message);
    }
}
