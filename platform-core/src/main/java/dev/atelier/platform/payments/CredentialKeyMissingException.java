package dev.atelier.platform.payments;

/** No key of this installation's own is configured to seal merchant credentials with (only the local one). */
public class CredentialKeyMissingException extends RuntimeException {

    public CredentialKeyMissingException() {
        super("Merchant credentials cannot be stored until the platform configures its own credential key "
                + "(atelier.payments.credential-keys and atelier.payments.active-credential-key).");
    }
}
