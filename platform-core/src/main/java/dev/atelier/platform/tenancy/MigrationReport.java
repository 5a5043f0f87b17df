package dev.atelier.platform.tenancy;

import java.time.Duration;
import java.util.List;

/** What one run of the fleet migration did. */
public record MigrationReport(String targetVersion, int considered, int upgraded, List<Failure> failures,
        Duration took) {

    public boolean succeeded() {
        return failures.isEmpty();
    }

    public record Failure(Slug slug, TenantId tenant, String error) {
    }

    @Override
    public String toString() {
        return "migrated %d of %d tenant schemas to %s in %d ms; %d failed%s".formatted(upgraded, considered,
                targetVersion, took.toMillis(), failures.size(), failures.isEmpty() ? "" : ": " + failures);
    }
}
