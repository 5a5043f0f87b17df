package dev.atelier.platform.notifications.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationModelTest {

    @Test
    void theSameEventAndChannelAreOneNotificationAndNothingElseIs() {
        Random random = new Random(20261204L);
        Set<NotificationId> ids = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String key = "t_" + Long.toHexString(random.nextLong()) + ":" + random.nextInt(1_000_000);
            Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
            NotificationId id = NotificationId.of(key, channel);
            assertThat(NotificationId.of(key, channel)).isEqualTo(id);
            for (Channel other : Channel.values()) {
                if (other != channel) {
                    assertThat(NotificationId.of(key, other)).isNotEqualTo(id);
                }
            }
            ids.add(id);
        }
        assertThat(ids).hasSize(2_000);
        assertThatThrownBy(() -> NotificationId.of(" ", Channel.EMAIL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNotificationIsSentOrSkippedOnceAndStaysSo() {
        assertThat(DeliveryStatus.PENDING.canBecome(DeliveryStatus.SENT)).isTrue();
        assertThat(DeliveryStatus.PENDING.canBecome(DeliveryStatus.SKIPPED)).isTrue();
        for (DeliveryStatus done : new DeliveryStatus[]{DeliveryStatus.SENT, DeliveryStatus.SKIPPED}) {
            assertThat(done.isFinal()).isTrue();
            for (DeliveryStatus next : DeliveryStatus.values()) {
                assertThat(done.canBecome(next)).as(done + " → " + next).isFalse();
            }
        }
        assertThat(DeliveryStatus.PENDING.canBecome(DeliveryStatus.PENDING)).isFalse();
    }

    @Test
    void bookingEventsNameTheirNotificationsAndOthersNone() {
        assertThat(NotificationKind.forEvent("booking.confirmed")).contains(NotificationKind.BOOKING_CONFIRMED);
        assertThat(NotificationKind.forEvent("booking.rescheduled")).contains(NotificationKind.BOOKING_RESCHEDULED);
        assertThat(NotificationKind.forEvent("booking.cancelled")).contains(NotificationKind.BOOKING_CANCELLED);
        assertThat(NotificationKind.forEvent("booking.checked_in")).isEmpty();
        assertThat(NotificationKind.forEvent("catalog.changed")).isEmpty();
        assertThat(NotificationKind.BOOKING_CANCELLED.cancels()).isTrue();
        assertThat(NotificationKind.BOOKING_CONFIRMED.cancels()).isFalse();
    }

    @Test
    void aReminderComesOfNoEventAndCarriesNoCalendarEntry() {
        assertThat(NotificationKind.forEvent("booking.reminder")).isEmpty();
        assertThat(NotificationKind.forEvent(null)).isEmpty();
        assertThat(NotificationKind.BOOKING_REMINDER.event()).isNull();
        assertThat(NotificationKind.BOOKING_REMINDER.carriesCalendar()).isFalse();
        assertThat(NotificationKind.BOOKING_RESCHEDULED.carriesCalendar()).isTrue();
        assertThat(NotificationKind.REMINDER_LEADS).extracting(java.time.Duration::toHours).containsExactly(24L, 2L);
    }
}
