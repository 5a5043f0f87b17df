package dev.atelier.platform.payments;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query columns, whichever Java type the driver and Hibernate give them. */
final class Columns {

    private Columns() {
    }

    static Instant instant(Object value) {
        return switch (value) {
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime offset -> offset.toInstant();
            case Instant instant -> instant;
            default -> throw new IllegalStateException("not a time: " + value);
        };
    }
}
