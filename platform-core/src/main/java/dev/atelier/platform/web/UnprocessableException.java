package dev.atelier.platform.web;

import java.util.List;

/**
 * A well-formed request that the rules refuse (a time outside opening hours or the lead time, an idempotency key
 * reused with another body): 422 with its problem type.
 */
public class UnprocessableException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    public UnprocessableException(ProblemType type, String message, List<FieldError> errors) {
        super(message);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
