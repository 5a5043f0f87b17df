package dev.atelier.platform.notifications.model;

import java.time.Instant;
import java.util.Objects;

/** What becomes of one notification by one channel, as the customer's preferences decide. */
public sealed interface Delivery {

    /** Send it now. */
    record Now() implements Delivery {
    }

    /** Hold it until {@code at} (the end of the customer's quiet hours). */
    record Later(Instant at) implements Delivery {

        public Later {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Do not send it, for {@code reason} (kept in the delivery log). */
    record Skip(String reason) implements Delivery {

        public Skip {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
