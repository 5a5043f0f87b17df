package dev.atelier.platform.payments.model;

/** A merchant credential that cannot be right: {@code field} (as the API names it) and why. */
public class InvalidCredentialsException extends IllegalArgumentException {

    private final String field;

    public InvalidCredentialsException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
