package dev.atelier.platform.notifications.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a customer chose at one chain: the channels by which it may reach them, whether it may send them promotions,
 * and their quiet hours. Until they choose: email and SMS, no promotions, no quiet hours.
 *
 * <p>A message the customer needs at once (their booking confirmed, moved or cancelled) goes whenever it happens, by
 * the channels they chose. One that can wait (a reminder) is held through their quiet hours, and dropped if that
 * would bring it later than {@link #LATEST_BEFORE_VISIT} before the visit.
 */
public record Preferences(Set<Channel> channels, boolean marketing, Optional<QuietHours> quietHours) {

    /** A reminder held through quiet hours still goes only if it arrives at least this long before the visit. */
    public static final Duration LATEST_BEFORE_VISIT = Duration.ofMinutes(30);

    public static final Preferences DEFAULT = new Preferences(EnumSet.of(Channel.EMAIL, Channel.SMS), false,
            Optional.empty());

    public Preferences {
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(quietHours, "quietHours");
        channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf((Collection<Channel>) channels));
    }

    /** Whether the chain may reach them by {@code channel} at all. */
    public boolean allow(Channel channel) {
        return channels.contains(channel);
    }

    /**
     * What becomes of a notification of {@code kind} by {@code channel} planned for {@code now}, about a visit at
     * {@code visit}.
     */
    public Delivery decide(NotificationKind kind, Channel channel, Instant now, Instant visit) {
        if (!allow(channel)) {
            return new Delivery.Skip("the customer chose not to be told by " + channel.name().toLowerCase());
        }
        if (kind.urgent() || quietHours.isEmpty() || !quietHours.get().contain(now)) {
            return new Delivery.Now();
        }
        Instant end = quietHours.get().endAfter(now);
        return end.isAfter(visit.minus(LATEST_BEFORE_VISIT))
                ? new Delivery.Skip("quiet hours until too near the visit")
                : new Delivery.Later(end);
    }
}
