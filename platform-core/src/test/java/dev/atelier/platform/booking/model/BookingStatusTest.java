package dev.atelier.platform.booking.model;

import static dev.atelier.platform.booking.model.BookingStatus.CANCELLED;
import static dev.atelier.platform.booking.model.BookingStatus.CHECKED_IN;
import static dev.atelier.platform.booking.model.BookingStatus.COMPLETED;
import static dev.atelier.platform.booking.model.BookingStatus.CONFIRMED;
import static dev.atelier.platform.booking.model.BookingStatus.EXPIRED;
import static dev.atelier.platform.booking.model.BookingStatus.HELD;
import static dev.atelier.platform.booking.model.BookingStatus.NO_SHOW;
import static dev.atelier.platform.booking.model.BookingStatus.PENDING_PAYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The booking's life, step by step: every pair of statuses is either a step the table names or refused. */
class BookingStatusTest {

    static final Map<BookingStatus, Set<BookingStatus>> STEPS = Map.of(
            HELD, EnumSet.of(PENDING_PAYMENT, CONFIRMED, CANCELLED, EXPIRED),
            PENDING_PAYMENT, EnumSet.of(CONFIRMED, CANCELLED, EXPIRED),
            CONFIRMED, EnumSet.of(CHECKED_IN, COMPLETED, NO_SHOW, CANCELLED),
            CHECKED_IN, EnumSet.of(COMPLETED, CANCELLED),
            EXPIRED, EnumSet.of(CONFIRMED),
            COMPLETED, EnumSet.noneOf(BookingStatus.class),
            NO_SHOW, EnumSet.noneOf(BookingStatus.class),
            CANCELLED, EnumSet.noneOf(BookingStatus.class));

    @Test
    void everyPairIsAllowedExactlyWhenTheTableNamesIt() {
        assertThat(STEPS.keySet()).containsExactlyInAnyOrder(BookingStatus.values());
        for (BookingStatus from : BookingStatus.values()) {
            assertThat(from.next()).as("after " + from).containsExactlyInAnyOrderElementsOf(STEPS.get(from));
            for (BookingStatus to : BookingStatus.values()) {
                assertThat(from.mayBecome(to)).as(from + " → " + to).isEqualTo(STEPS.get(from).contains(to));
            }
        }
    }

    @Test
    void anAllowedStepAnswersTheNextStatus() {
        assertThat(HELD.becomes(CONFIRMED)).isEqualTo(CONFIRMED);
        assertThat(EXPIRED.becomes(CONFIRMED)).isEqualTo(CONFIRMED);
        assertThat(CONFIRMED.becomes(NO_SHOW)).isEqualTo(NO_SHOW);
    }

    @Test
    void aRefusedStepIsABookingRuleNamingBothStatuses() {
        assertThatThrownBy(() -> CANCELLED.becomes(CONFIRMED)).isInstanceOf(BookingRefusedException.class)
                .hasMessage("A cancelled booking cannot become confirmed.");
        assertThatThrownBy(() -> CHECKED_IN.becomes(NO_SHOW)).isInstanceOf(BookingRefusedException.class)
                .hasMessage("A checked_in booking cannot become no_show.");
        assertThatThrownBy(() -> CONFIRMED.becomes(CONFIRMED)).isInstanceOf(BookingRefusedException.class);
    }

    @Test
    void noStatusStepsToItself() {
        for (BookingStatus status : BookingStatus.values()) {
            assertThat(status.mayBecome(status)).as(status.name()).isFalse();
        }
    }

    @Test
    void completedNoShowAndCancelledAreFinalAndAnExpiredHoldMayStillBeConfirmed() {
        assertThat(EnumSet.allOf(BookingStatus.class).stream().filter(BookingStatus::isFinal))
                .containsExactlyInAnyOrder(COMPLETED, NO_SHOW, CANCELLED);
        assertThat(EXPIRED.isFinal()).isFalse();
    }

    @Test
    void everyStatusIsReachedFromTheWaysABookingStartsAndEveryOneLeadsToAnEnd() {
        // a booking starts held (checkout), confirmed (online or front desk) or checked in (walk-in)
        assertThat(reachable(EnumSet.of(HELD, CONFIRMED, CHECKED_IN))).containsExactlyInAnyOrder(
                BookingStatus.values());
        for (BookingStatus status : BookingStatus.values()) {
            assertThat(reachable(EnumSet.of(status))).as("an end after " + status).anyMatch(BookingStatus::isFinal);
        }
    }

    static Set<BookingStatus> reachable(Set<BookingStatus> from) {
        Set<BookingStatus> reached = EnumSet.noneOf(BookingStatus.class);
        Deque<BookingStatus> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            BookingStatus status = todo.pop();
            if (reached.add(status)) {
                todo.addAll(status.next());
            }
        }
        return reached;
    }

    @Test
    void theVisitIsAheadWhileHeldAwaitingPaymentOrConfirmed() {
        assertThat(EnumSet.allOf(BookingStatus.class).stream().filter(BookingStatus::isAhead))
                .containsExactlyInAnyOrder(HELD, PENDING_PAYMENT, CONFIRMED);
    }

    @Test
    void theNextStatusesCannotBeChanged() {
        assertThatThrownBy(() -> HELD.next().add(COMPLETED)).isInstanceOf(UnsupportedOperationException.class);
    }
}
