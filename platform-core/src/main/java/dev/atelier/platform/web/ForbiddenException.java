package dev.atelier.platform.web;

/** A signed-in caller asked for something their role does not allow; answered 403 with the reason. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String reason) {
        super(reason);
    }
}
