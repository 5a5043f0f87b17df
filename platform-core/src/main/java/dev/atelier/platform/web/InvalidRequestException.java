package dev.atelier.platform.web;

import java.util.List;

/** Input that passed its shape checks but breaks a rule; answered 400 with one entry per offending field. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super("invalid request: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
