package dev.atelier.platform.staff;

/** The email already belongs to a staff member of this tenant. */
public class MemberExistsException extends RuntimeException {

    public MemberExistsException() {
        super("This email already belongs to a member of your staff.");
    }
}
