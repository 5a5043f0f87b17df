package dev.atelier.infra.servers;

/** A server or app did not come up; the message says which, why, and quotes the end of its log. */
public class ServerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
