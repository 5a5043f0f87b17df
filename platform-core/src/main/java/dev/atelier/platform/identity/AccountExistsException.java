package dev.atelier.platform.identity;

/** A platform account with this email exists already; answered with 409. */
public class AccountExistsException extends RuntimeException {

    public AccountExistsException() {
        super("An account with this email exists already");
    }
}
