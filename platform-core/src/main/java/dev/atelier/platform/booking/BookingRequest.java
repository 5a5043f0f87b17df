package dev.atelier.platform.booking;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A visit to book: services in order from {@code start}, each by a given stylist or (null) anyone free. */
public record BookingRequest(UUID locationId, Instant start, List<Item> items, String note) {

    public record Item(UUID serviceId, UUID staffId) {
        public Item {
            Objects.requireNonNull(serviceId, "serviceId");
        }
    }

    public BookingRequest {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(start, "start");
        items = List.copyOf(items);
    }

    /** The request in one canonical line, for idempotency: same meaning, same text. */
    String canonical() {
        StringBuilder text = new StringBuilder().append(locationId).append('|').append(start).append('|');
        items.forEach(item -> text.append(item.serviceId()).append('/').append(item.staffId()).append(';'));
        return text.append('|').append(note == null ? "" : note).toString();
    }
}
