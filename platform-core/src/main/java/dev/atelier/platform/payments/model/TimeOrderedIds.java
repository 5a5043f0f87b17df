package dev.atelier.platform.payments.model;

import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Version 7 UUIDs (RFC 9562): the creation time in milliseconds first, then random bits. A payment's id carries when
 * it was made, so what derives from that time (its order's deadline at WeChat Pay) is the same in every process and
 * after every restart, with nothing kept in memory.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    /** A new id made at {@code at}, its random part from {@code random}. */
    public static UUID at(Instant at, RandomGenerator random) {
        long millis = at.toEpochMilli();
        if (millis < 0 || millis >= 1L << 48) {
            throw new IllegalArgumentException("a version 7 id holds 48 bits of milliseconds since 1970, not " + at);
        }
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0fffL);
        long low = (random.nextLong() & 0x3fff_ffff_ffff_ffffL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** When an id made by {@link #at} was made. */
    public static Instant madeAt(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version 7 id: " + id);
        }
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }
}
