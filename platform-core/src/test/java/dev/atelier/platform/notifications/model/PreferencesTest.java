package dev.atelier.platform.notifications.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The customer's choices decide every notification: a seeded generator of preferences (channels, quiet hours in 12
 * zones, many across midnight), moments (many within hours of a change of the clocks) and visits checks each decision
 * against the rules stated independently here.
 */
class PreferencesTest {

    static final long SEED = 20261204L;
    static final int CASES = 50_000;
    static final List<ZoneId> ZONES = List.of("Europe/London", "America/New_York", "America/St_Johns",
            "America/Santiago", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Shanghai", "Asia/Kathmandu",
            "Europe/Paris", "Australia/Adelaide", "Africa/Cairo", "Pacific/Auckland").stream().map(ZoneId::of)
            .toList();

    @Test
    void everyDecisionFollowsTheCustomersChoices() {
        Random random = new Random(SEED);
        List<String> broken = new ArrayList<>();
        int held = 0;
        int skippedForQuiet = 0;
        for (int n = 0; n < CASES; n++) {
            Preferences preferences = preferences(random);
            NotificationKind kind = NotificationKind.values()[random.nextInt(NotificationKind.values().length)];
            Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
            Instant now = moment(random);
            Instant visit = now.plus(Duration.ofMinutes(1 + random.nextInt(48 * 60)));
            Delivery decision = preferences.decide(kind, channel, now, visit);
            String what = "case " + n + ": " + preferences + " " + kind + " by " + channel + " at " + now + " for "
                    + visit + " → " + decision;
            boolean quiet = preferences.quietHours().map(hours -> hours.contain(now)).orElse(false);
            if (preferences.quietHours().isPresent() && steadyClock(preferences.quietHours().get().zone(), now)
                    && quiet != byTheClock(preferences.quietHours().get(), now)) {
                broken.add(what + " (quiet hours misread on a day of steady clocks)");
            }
            if (!preferences.channels().contains(channel)) {
                if (!(decision instanceof Delivery.Skip)) {
                    broken.add(what + " (a channel not chosen)");
                }
            } else if (kind != NotificationKind.BOOKING_REMINDER || !quiet) {
                if (!(decision instanceof Delivery.Now)) {
                    broken.add(what + " (nothing holds it back)");
                }
            } else if (decision instanceof Delivery.Later(Instant at)) {
                held++;
                QuietHours hours = preferences.quietHours().orElseThrow();
                if (!at.isAfter(now) || hours.contain(at) || !hours.contain(at.minus(Duration.ofMinutes(1)))
                        || at.isAfter(visit.minus(Preferences.LATEST_BEFORE_VISIT))) {
                    broken.add(what + " (held, but not until the first minute after the quiet hours, in time)");
                }
                for (Instant minute = now; minute.isBefore(at); minute = minute.plus(Duration.ofMinutes(7))) {
                    if (!hours.contain(minute)) {
                        broken.add(what + " (held past a time outside the quiet hours: " + minute + ")");
                        break;
                    }
                }
            } else if (decision instanceof Delivery.Skip) {
                skippedForQuiet++;
                Instant end = preferences.quietHours().orElseThrow().endAfter(now);
                if (!end.isAfter(visit.minus(Preferences.LATEST_BEFORE_VISIT))) {
                    broken.add(what + " (dropped, though it could go at " + end + ")");
                }
            } else {
                broken.add(what + " (sent in quiet hours)");
            }
        }
        assertThat(broken).as("seed " + SEED).isEmpty();
        assertThat(held).as("reminders held through quiet hours").isGreaterThan(500);
        assertThat(skippedForQuiet).as("reminders dropped as too late after quiet hours").isGreaterThan(100);
    }

    @Test
    void quietHoursAcrossMidnightAndOnTheDaysClocksChange() {
        ZoneId london = ZoneId.of("Europe/London");
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), london);
        Instant lateEvening = ZonedDateTime.of(2027, 1, 10, 23, 15, 0, 0, london).toInstant();
        assertThat(night.contain(lateEvening)).isTrue();
        assertThat(night.endAfter(lateEvening)).isEqualTo(ZonedDateTime.of(2027, 1, 11, 8, 0, 0, 0, london)
                .toInstant());
        Instant noon = ZonedDateTime.of(2027, 1, 10, 12, 0, 0, 0, london).toInstant();
        assertThat(night.contain(noon)).isFalse();
        assertThat(night.endAfter(noon)).isEqualTo(noon);
        // the night the clocks go forward is an hour shorter: it still ends at 08:00 on the customer's clock
        Instant springNight = ZonedDateTime.of(2027, 3, 27, 23, 0, 0, 0, london).toInstant();
        assertThat(Duration.between(springNight, night.endAfter(springNight))).isEqualTo(Duration.ofHours(8));
        // the hour the clocks repeat in autumn stays quiet: the night ends when the clock next shows 09:50
        QuietHours autumn = new QuietHours(LocalTime.of(1, 43), LocalTime.of(9, 50), london);
        Instant firstPass = Instant.parse("2027-10-31T00:43:00Z");
        assertThat(autumn.contain(Instant.parse("2027-10-31T01:04:00Z"))).as("01:04 the second time").isTrue();
        assertThat(autumn.endAfter(firstPass)).isEqualTo(Instant.parse("2027-10-31T09:50:00Z"));
        assertThat(autumn.contain(Instant.parse("2027-10-31T00:30:00Z"))).as("01:30 the first time").isFalse();
        // quiet hours ending at a time the clocks skip end when the clocks come back to it
        QuietHours skipped = new QuietHours(LocalTime.of(0, 0), LocalTime.of(1, 30), london);
        Instant beforeGap = ZonedDateTime.of(2027, 3, 28, 0, 30, 0, 0, london).toInstant();
        assertThat(skipped.endAfter(beforeGap)).isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
        assertThat(new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0), london).contain(
                ZonedDateTime.of(2027, 1, 10, 14, 0, 0, 0, london).toInstant())).as("the end is not in them").isFalse();
    }

    @Test
    void emptyOrFractionalQuietHoursAreRefused() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON, zone))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(22, 0, 30), LocalTime.of(8, 0), zone))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(22, 0), null, zone))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void untilChosenEmailAndSmsWithoutPromotions() {
        assertThat(Preferences.DEFAULT.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
        assertThat(Preferences.DEFAULT.marketing()).isFalse();
        assertThat(Preferences.DEFAULT.quietHours()).isEmpty();
        Set<Channel> chosen = EnumSet.of(Channel.WECHAT);
        Preferences preferences = new Preferences(chosen, true, Optional.empty());
        chosen.add(Channel.EMAIL);
        assertThat(preferences.channels()).as("kept as chosen").containsExactly(Channel.WECHAT);
        assertThat(new Preferences(Set.of(), false, Optional.empty()).allow(Channel.EMAIL)).isFalse();
    }

    /** Whether the zone's clocks change within a day and a half either side of {@code at}. */
    private static boolean steadyClock(ZoneId zone, Instant at) {
        var rules = zone.getRules();
        return rules.getOffset(at.minus(Duration.ofHours(36))).equals(rules.getOffset(at.plus(Duration.ofHours(36))));
    }

    /** Whether the clock in the hours' zone shows a time between their start (in) and end (out). */
    private static boolean byTheClock(QuietHours hours, Instant at) {
        int minute = at.atZone(hours.zone()).toLocalTime().toSecondOfDay() / 60;
        int from = hours.from().toSecondOfDay() / 60;
        int to = hours.to().toSecondOfDay() / 60;
        return from < to ? minute >= from && minute < to : minute >= from || minute < to;
    }

    private static Preferences preferences(Random random) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.values()) {
            if (random.nextInt(4) > 0) {
                channels.add(channel);
            }
        }
        Optional<QuietHours> quiet = Optional.empty();
        if (random.nextInt(5) > 0) {
            LocalTime from = LocalTime.MIN.plusMinutes(random.nextInt(24 * 60));
            LocalTime to = from.plusMinutes(1 + random.nextInt(24 * 60 - 1));
            quiet = Optional.of(new QuietHours(from, to, ZONES.get(random.nextInt(ZONES.size()))));
        }
        return new Preferences(channels, random.nextBoolean(), quiet);
    }

    /** A moment in the next two years: half of them within six hours of a change of some zone's clocks. */
    private static Instant moment(Random random) {
        Instant start = Instant.parse("2027-01-01T00:00:00Z");
        Instant at = start.plus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60)));
        if (random.nextBoolean()) {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            var transition = zone.getRules().nextTransition(at);
            if (transition != null) {
                at = transition.getInstant().plus(Duration.ofMinutes(random.nextInt(12 * 60) - 6 * 60));
            }
        }
        return at;
    }
}
