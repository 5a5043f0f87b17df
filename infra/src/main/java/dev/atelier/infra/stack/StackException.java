package dev.atelier.infra.stack;

/** The local stack cannot start; the message is meant for the person who ran {@code ./atelier up}. */
public class StackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
