package dev.atelier.platform.scheduling.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The set operations against a minute-by-minute model of the same sets, on seeded random inputs. */
class TimelineTest {

    static final Instant ZERO = Instant.parse("2026-01-01T00:00:00Z");
    static final int MINUTES = 600;

    @Test
    void setOperationsAgreeWithMinuteByMinuteSets() {
        Random random = new Random(42);
        for (int run = 0; run < 2_000; run++) {
            boolean[] a = new boolean[MINUTES];
            boolean[] b = new boolean[MINUTES];
            Timeline left = random(random, a);
            Timeline right = random(random, b);

            assertThat(minutes(left.union(right))).isEqualTo(combine(a, b, '|'));
            assertThat(minutes(left.intersect(right))).isEqualTo(combine(a, b, '&'));
            assertThat(minutes(left.minus(right))).isEqualTo(combine(a, b, '-'));
            for (int probe = 0; probe < 20; probe++) {
                int from = random.nextInt(MINUTES - 1);
                int to = from + 1 + random.nextInt(Math.min(60, MINUTES - from - 1) + 1);
                to = Math.min(to, MINUTES);
                Interval interval = new Interval(at(from), at(to));
                boolean all = true;
                boolean any = false;
                for (int m = from; m < to; m++) {
                    all &= a[m];
                    any |= a[m];
                }
                assertThat(left.covers(interval)).as("covers " + from + ".." + to + " of " + left).isEqualTo(all);
                assertThat(left.overlaps(interval)).as("overlaps " + from + ".." + to + " of " + left)
                        .isEqualTo(any);
            }
        }
    }

    private static Timeline random(Random random, boolean[] minutes) {
        List<Interval> intervals = new ArrayList<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            int from = random.nextInt(MINUTES - 1);
            int to = Math.min(MINUTES, from + 1 + random.nextInt(120));
            intervals.add(new Interval(at(from), at(to)));
            for (int m = from; m < to; m++) {
                minutes[m] = true;
            }
        }
        return Timeline.of(intervals);
    }

    private static List<Integer> minutes(Timeline timeline) {
        List<Integer> out = new ArrayList<>();
        for (Interval interval : timeline.intervals()) {
            for (Instant m = interval.start(); m.isBefore(interval.end()); m = m.plusSeconds(60)) {
                out.add((int) ((m.getEpochSecond() - ZERO.getEpochSecond()) / 60));
            }
        }
        return out;
    }

    private static List<Integer> combine(boolean[] a, boolean[] b, char operation) {
        List<Integer> out = new ArrayList<>();
        for (int m = 0; m < MINUTES; m++) {
            boolean in = switch (operation) {
                case '|' -> a[m] || b[m];
                case '&' -> a[m] && b[m];
                default -> a[m] && !b[m];
            };
            if (in) {
                out.add(m);
            }
        }
        return out;
    }

    private static Instant at(int minute) {
        return ZERO.plusSeconds(60L * minute);
    }
}
