package dev.atelier.platform.staff;

/** The invitation was already accepted, declined or withdrawn. */
public class InvitationAnsweredException extends RuntimeException {

    public InvitationAnsweredException(Invitation.Status status) {
        super("This invitation is no longer open: it was " + status.name().toLowerCase() + ".");
    }
}
