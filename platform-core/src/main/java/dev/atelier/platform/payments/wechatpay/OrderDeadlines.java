package dev.atelier.platform.payments.wechatpay;

import dev.atelier.platform.payments.model.TimeOrderedIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When an order stops taking payment ({@code time_expire}), the same on every try of one order: WeChat Pay opens
 * the same order again only when every parameter is the same as before, and refuses a changed one as a duplicate
 * {@code out_trade_no}. Payments are made with version 7 ids ({@link TimeOrderedIds}), which carry their own time,
 * so their deadline is the same in any process and after a restart; for any other id the deadline first given is
 * kept here until it has passed.
 */
final class OrderDeadlines {

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final Clock clock;
    private final Duration expiry;
    private final Map<UUID, Instant> given = new ConcurrentHashMap<>();

    OrderDeadlines(Clock clock, Duration expiry) {
        this.clock = clock;
        this.expiry = expiry;
    }

    /** The deadline of {@code paymentId}'s order as WeChat Pay reads it (RFC 3339 in Beijing time). */
    String of(UUID paymentId) {
        return RFC_3339.format(deadline(paymentId));
    }

    private Instant deadline(UUID paymentId) {
        if (paymentId.version() == 7) {
            return TimeOrderedIds.madeAt(paymentId).plus(expiry).truncatedTo(ChronoUnit.SECONDS);
        }
        Instant now = clock.instant();
        given.values().removeIf(deadline -> deadline.isBefore(now));
        return given.computeIfAbsent(paymentId, id -> now.plus(expiry).truncatedTo(ChronoUnit.SECONDS));
    }
}
