package dev.atelier.platform.staff;

/** The change would leave the tenant without an active owner. */
public class LastOwnerException extends RuntimeException {

    public LastOwnerException() {
        super("A chain always keeps at least one active owner: make someone else owner first.");
    }
}
