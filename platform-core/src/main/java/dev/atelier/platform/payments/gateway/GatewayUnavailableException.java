package dev.atelier.platform.payments.gateway;

/** The provider could not be reached or answered with an error of its own; the request may be tried again. */
public class GatewayUnavailableException extends RuntimeException {

    public GatewayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
