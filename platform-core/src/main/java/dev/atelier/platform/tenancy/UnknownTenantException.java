package dev.atelier.platform.tenancy;

/** No tenant answers to the host or name given; answered with 404 and no hint of whether it ever existed. */
public class UnknownTenantException extends RuntimeException {

    public UnknownTenantException() {
        super("No such tenant");
    }
}
