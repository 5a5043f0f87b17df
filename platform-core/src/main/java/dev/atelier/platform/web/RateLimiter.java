package dev.atelier.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests per key (a client address) in fixed windows and refuses those over the limit with
 * {@link TooManyRequestsException}. In-memory, per app instance: it blunts scripted floods of public endpoints
 * (signup, registration); a shared limit across instances belongs in front of the apps.
 */
public class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive limit and window");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one request for {@code key}; throws when the key has used up its window. */
    public void acquire(String key) {
        Instant now = clock.instant();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> !w.endsAt().isAfter(now));
        }
        Window counted = windows.compute(key, (k, current) -> current == null || !current.endsAt().isAfter(now)
                ? new Window(now.plus(window), 1)
                : new Window(current.endsAt(), current.count() + 1));
        if (counted.count() > limit) {
            throw new TooManyRequestsException(Duration.between(now, counted.endsAt()));
        }
    }

    private record Window(Instant endsAt, int count) {
    }
}
