package dev.atelier.platform.tenancy;

import java.time.Instant;

/** The state of one tenant schema's migration, as recorded in the registry. */
public record MigrationState(String schemaVersion, Status status, String lastError, int attempts, Instant updatedAt) {

    public enum Status {
        /** Upgraded to the version named. */
        CURRENT,
        /** Being upgraded now, or a run stopped while upgrading it: the next run takes it again. */
        RUNNING,
        /** The last upgrade failed: the tenant is kept out of traffic until a run succeeds (also while retried). */
        FAILED
    }
}
