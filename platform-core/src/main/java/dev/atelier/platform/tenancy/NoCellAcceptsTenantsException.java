package dev.atelier.platform.tenancy;

/** Every cell is closed to new tenants (full, or being drained); answered with 503 until one is opened. */
public class NoCellAcceptsTenantsException extends RuntimeException {

    public NoCellAcceptsTenantsException() {
        super("no cell accepts new tenants: open one with atelier.tenancy.cells.<name>.accepts-new-tenants");
    }
}
