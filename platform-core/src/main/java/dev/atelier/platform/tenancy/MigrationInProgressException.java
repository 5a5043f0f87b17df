package dev.atelier.platform.tenancy;

/** Another fleet migration holds the platform-wide lock; this run did nothing. */
public class MigrationInProgressException extends RuntimeException {

    public MigrationInProgressException() {
        super("another migrate run is in progress; wait for it to finish, then run migrate again if needed");
    }
}
