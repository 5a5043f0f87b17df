package dev.atelier.platform.staff;

/** No invitation with that id for the caller (someone else's looks the same: no existence oracle). */
public class InvitationNotFoundException extends RuntimeException {

    public InvitationNotFoundException() {
        super("invitation");
    }
}
