package dev.atelier.platform.staff;

/** The invitation was not answered in time; the chain may send a new one. */
public class InvitationExpiredException extends RuntimeException {

    public InvitationExpiredException() {
        super("This invitation has expired; ask the salon chain to invite you again.");
    }
}
