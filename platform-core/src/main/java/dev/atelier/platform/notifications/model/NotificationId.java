package dev.atelier.platform.notifications.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A notification's id, made from what caused it (the outbox event's key) and its channel: the same event handled again
 * names the same notification, so it is sent once.
 */
public record NotificationId(UUID value) {

    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    public static NotificationId of(String eventKey, Channel channel) {
        if (eventKey == null || eventKey.isBlank()) {
            throw new IllegalArgumentException("a notification comes from an event");
        }
        return new NotificationId(UUID.nameUUIDFromBytes(("notification\n" + eventKey + "\n" + channel.name())
                .getBytes(StandardCharsets.UTF_8)));
    }
}
