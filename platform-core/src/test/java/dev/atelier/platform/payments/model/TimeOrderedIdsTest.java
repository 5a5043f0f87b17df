package dev.atelier.platform.payments.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsVersion7AndSaysWhenItWasMade() {
        Random random = new Random(7L);
        for (int i = 0; i < 10_000; i++) {
            Instant at = Instant.ofEpochMilli(random.nextLong(1L << 48));
            UUID id = TimeOrderedIds.at(at, random);
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).as("the RFC's variant").isEqualTo(2);
            assertThat(TimeOrderedIds.madeAt(id)).isEqualTo(at);
            assertThat(UUID.fromString(id.toString())).isEqualTo(id);
        }
    }

    @Test
    void idsMadeAtTheSameMillisecondDiffer() {
        Random random = new Random(11L);
        Instant at = Instant.parse("2026-12-03T10:00:00.123Z");
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(at, random));
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void timesAVersion7IdCannotHoldAndOtherVersionsAreRefused() {
        assertThatThrownBy(() -> TimeOrderedIds.at(Instant.ofEpochMilli(-1), new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedIds.madeAt(UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
    }
}
