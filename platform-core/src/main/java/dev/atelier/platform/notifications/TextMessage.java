package dev.atelier.platform.notifications;

import dev.atelier.platform.notifications.model.NotificationKind;
import java.util.Map;
import java.util.Objects;

/**
 * One text message to send: its notification's id, the phone number (E.164), the chain's name it comes from, what
 * it is about, its words for a provider that takes free text, and the same as named fields for one that sends
 * registered templates (mainland China).
 */
record TextMessage(String notificationId, String to, String senderName, NotificationKind kind, String text,
        Map<String, String> fields) {

    TextMessage {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        fields = Map.copyOf(fields);
    }
}
