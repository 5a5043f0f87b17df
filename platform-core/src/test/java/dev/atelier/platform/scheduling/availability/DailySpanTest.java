package dev.atelier.platform.scheduling.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DailySpanTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

    @Test
    void anOrdinaryDayIsItsWallClockHours() {
        Interval day = DailySpan.of("09:00", "17:30").on(LocalDate.of(2026, 6, 1), ZoneId.of("Asia/Kolkata"))
                .orElseThrow();

        assertThat(day.start()).isEqualTo(Instant.parse("2026-06-01T03:30:00Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
    }

    @Test
    void theHourTheClockSkipsIsNotThere() {
        LocalDate springForward = LocalDate.of(2026, 3, 8);

        assertThat(DailySpan.of("02:00", "03:00").on(springForward, NEW_YORK)).isEmpty();
        Interval night = DailySpan.of("01:00", "04:00").on(springForward, NEW_YORK).orElseThrow();
        assertThat(night.length()).isEqualTo(Duration.ofHours(2));
        assertThat(DailySpan.of("00:00", "24:00").on(springForward, NEW_YORK).orElseThrow().length())
                .isEqualTo(Duration.ofHours(23));
    }

    @Test
    void theHourTheClockRepeatsCountsTwiceInsideASpanAndEndsAtItsFirstShowing() {
        LocalDate fallBack = LocalDate.of(2026, 11, 1);

        assertThat(DailySpan.of("01:00", "03:00").on(fallBack, NEW_YORK).orElseThrow().length())
                .isEqualTo(Duration.ofHours(3));
        assertThat(DailySpan.of("00:00", "01:30").on(fallBack, NEW_YORK).orElseThrow().length())
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(DailySpan.of("00:00", "24:00").on(fallBack, NEW_YORK).orElseThrow().length())
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void lordHoweMovesItsClockByHalfAnHour() {
        LocalDate forward = LocalDate.of(2026, 10, 4);
        LocalDate back = LocalDate.of(2026, 4, 5);

        assertThat(DailySpan.of("00:00", "24:00").on(forward, LORD_HOWE).orElseThrow().length())
                .isEqualTo(Duration.ofMinutes(23 * 60 + 30));
        assertThat(DailySpan.of("00:00", "24:00").on(back, LORD_HOWE).orElseThrow().length())
                .isEqualTo(Duration.ofMinutes(24 * 60 + 30));
    }

    @Test
    void malformedSpansAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> DailySpan.of("10:00", "09:00"));
        assertThatIllegalArgumentException().isThrownBy(() -> DailySpan.of("10:00", "10:00"));
        assertThatIllegalArgumentException().isThrownBy(() -> DailySpan.of("24:30", "25:00"));
        assertThatIllegalArgumentException().isThrownBy(() -> DailySpan.of("9", "10:00"));
    }
}
