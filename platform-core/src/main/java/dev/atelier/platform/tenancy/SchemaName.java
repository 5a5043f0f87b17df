package dev.atelier.platform.tenancy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tenant schema's name. Only ever made from a {@link TenantId} ({@code t_} and 32 hex digits), and re-checked
 * whenever read back, so a schema name spliced into SQL can never carry input a client wrote.
 */
public record SchemaName(String value) {

    private static final Pattern SHAPE = Pattern.compile("t_[0-9a-f]{32}");

    public SchemaName {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a tenant schema name: " + value);
        }
    }

    public static SchemaName forTenant(TenantId tenant) {
        return new SchemaName("t_" + tenant.value().toString().replace("-", ""));
    }

    /** The tenant whose schema this is (its id is in the name). */
    public TenantId tenant() {
        String hex = value.substring(2);
        return TenantId.of(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }

    /** The name as a quoted SQL identifier. */
    public String quoted() {
        return '"' + value + '"';
    }

    @Override
    public String toString() {
        return value;
    }
}
