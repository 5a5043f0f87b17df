package dev.atelier.platform.payments.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.payments.model.PaymentStatus;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A report's dates and the payments list's filters: what they accept, and each bad one named by its field. */
class ReportFiltersTest {

    @Test
    void aPeriodIsBoundedAndRunsForwards() {
        assertThat(ReportPeriod.parse("2026-01-01", "2026-12-31")).isEqualTo(
                new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(ReportPeriod.parse("2024-01-01", "2024-12-31").to()).as("366 days of a leap year")
                .isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(fields(() -> ReportPeriod.parse("2025-01-01", "2026-01-02"))).containsExactly("to");
        assertThat(fields(() -> ReportPeriod.parse("2026-02-02", "2026-02-01"))).containsExactly("to");
        assertThat(fields(() -> ReportPeriod.parse(null, ""))).containsExactly("from", "to");
        assertThat(fields(() -> ReportPeriod.parse("2026-02-30", "soon"))).containsExactly("from", "to");
        assertThat(fields(() -> ReportPeriod.parse("1850-01-01", "+99999-01-01"))).containsExactly("from", "to");
    }

    @Test
    void thePeriodsCoarseBoundsHoldEveryZonesDays() {
        ReportPeriod day = new ReportPeriod(LocalDate.of(2026, 6, 15), LocalDate.of(2026, 6, 15));
        for (String zone : new String[]{"Pacific/Kiritimati", "Etc/GMT+12", "Asia/Shanghai", "Europe/London"}) {
            Instant start = day.from().atStartOfDay(ZoneId.of(zone)).toInstant();
            Instant end = day.to().plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant();
            assertThat(day.earliestStart()).as(zone).isBeforeOrEqualTo(start);
            assertThat(day.latestEnd()).as(zone).isAfterOrEqualTo(end);
        }
    }

    @Test
    void theListTakesEachFilterOrNone() {
        PaymentListQuery none = PaymentListQuery.parse(null, null, null, null, null, null, null);
        assertThat(none.from()).isEmpty();
        assertThat(none.method()).isEmpty();
        assertThat(none.page()).isZero();
        assertThat(none.size()).isEqualTo(PaymentListQuery.DEFAULT_SIZE);
        UUID location = UUID.randomUUID();
        PaymentListQuery all = PaymentListQuery.parse("2026-06-01", "2026-06-30", location.toString(), "at-salon",
                "PARTIALLY_REFUNDED", "3", "20");
        assertThat(all.from()).contains(LocalDate.of(2026, 6, 1));
        assertThat(all.to()).contains(LocalDate.of(2026, 6, 30));
        assertThat(all.locationId()).contains(location);
        assertThat(all.method()).contains(PaymentMethod.AT_SALON);
        assertThat(all.status()).contains(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(all.offset()).isEqualTo(60);
    }

    @Test
    void everyBadFilterIsNamed() {
        assertThat(fields(() -> PaymentListQuery.parse("2026-13-01", "2026-06-31", "not-an-id", "bitcoin", "paid",
                "-1", "0"))).containsExactly("from", "to", "locationId", "method", "status", "page", "size");
        assertThat(fields(() -> PaymentListQuery.parse(null, null, null, "CARD", "succeeded", "10001", "201")))
                .containsExactly("method", "status", "page", "size");
        assertThat(fields(() -> PaymentListQuery.parse("2026-06-02", "2026-06-01", "1", null, null, "1e3",
                "99999999999"))).containsExactly("to", "locationId", "page", "size");
    }

    private static java.util.List<String> fields(Runnable parse) {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, parse::run);
        assertThat(refused).as("refused").isNotNull();
        return refused.errors().stream().map(FieldError::field).toList();
    }
}
