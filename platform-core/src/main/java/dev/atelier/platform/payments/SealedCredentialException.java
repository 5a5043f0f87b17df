package dev.atelier.platform.payments;

/** Sealed credentials that cannot be opened: altered, sealed for another chain, or under a key no longer kept. */
public class SealedCredentialException extends RuntimeException {

    public SealedCredentialException(String message) {
        super(message);
    }
}
