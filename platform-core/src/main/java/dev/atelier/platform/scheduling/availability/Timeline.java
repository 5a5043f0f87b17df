package dev.atelier.platform.scheduling.availability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A set of instants as sorted, disjoint, non-touching intervals. Immutable; the set operations are linear merges and
 * the queries binary searches, so a day's worth of checks costs microseconds.
 */
public final class Timeline {

    public static final Timeline EMPTY = new Timeline(new Instant[0], new Instant[0]);

    private final Instant[] starts;
    private final Instant[] ends;

    private Timeline(Instant[] starts, Instant[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** The union of {@code intervals}, in any order, overlapping or not. */
    public static Timeline of(Collection<Interval> intervals) {
        if (intervals.isEmpty()) {
            return EMPTY;
        }
        Interval[] sorted = intervals.toArray(Interval[]::new);
        Arrays.sort(sorted);
        List<Instant> s = new ArrayList<>();
        List<Instant> e = new ArrayList<>();
        Instant currentStart = sorted[0].start();
        Instant currentEnd = sorted[0].end();
        for (int i = 1; i < sorted.length; i++) {
            Interval next = sorted[i];
            if (!next.start().isAfter(currentEnd)) {
                if (next.end().isAfter(currentEnd)) {
                    currentEnd = next.end();
                }
            } else {
                s.add(currentStart);
                e.add(currentEnd);
                currentStart = next.start();
                currentEnd = next.end();
            }
        }
        s.add(currentStart);
        e.add(currentEnd);
        return new Timeline(s.toArray(Instant[]::new), e.toArray(Instant[]::new));
    }

    public static Timeline of(Interval... intervals) {
        return of(Arrays.asList(intervals));
    }

    public boolean isEmpty() {
        return starts.length == 0;
    }

    public List<Interval> intervals() {
        List<Interval> out = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            out.add(new Interval(starts[i], ends[i]));
        }
        return out;
    }

    public Timeline union(Timeline other) {
        List<Interval> all = new ArrayList<>(intervals());
        all.addAll(other.intervals());
        return of(all);
    }

    public Timeline intersect(Timeline other) {
        List<Interval> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < starts.length && j < other.starts.length) {
            Instant start = max(starts[i], other.starts[j]);
            Instant end = min(ends[i], other.ends[j]);
            if (start.isBefore(end)) {
                out.add(new Interval(start, end));
            }
            if (ends[i].isBefore(other.ends[j])) {
                i++;
            } else {
                j++;
            }
        }
        return of(out);
    }

    public Timeline minus(Timeline other) {
        if (isEmpty() || other.isEmpty()) {
            return this;
        }
        List<Interval> out = new ArrayList<>();
        int j = 0;
        for (int i = 0; i < starts.length; i++) {
            Instant cursor = starts[i];
            Instant end = ends[i];
            while (j < other.starts.length && !other.ends[j].isAfter(cursor)) {
                j++;
            }
            int k = j;
            while (k < other.starts.length && other.starts[k].isBefore(end)) {
                if (other.starts[k].isAfter(cursor)) {
                    out.add(new Interval(cursor, other.starts[k]));
                }
                if (other.ends[k].isAfter(cursor)) {
                    cursor = other.ends[k];
                }
                if (!cursor.isBefore(end)) {
                    break;
                }
                k++;
            }
            if (cursor.isBefore(end)) {
                out.add(new Interval(cursor, end));
            }
        }
        return of(out);
    }

    /** Whether the whole of {@code [start, end)} is in this set. */
    public boolean covers(Instant start, Instant end) {
        int i = indexAtOrBefore(start);
        return i >= 0 && !end.isAfter(ends[i]) && start.isBefore(ends[i]);
    }

    public boolean covers(Interval interval) {
        return covers(interval.start(), interval.end());
    }

    /** Whether any instant of {@code [start, end)} is in this set. */
    public boolean overlaps(Interval interval) {
        int i = indexAtOrBefore(interval.start());
        if (i >= 0 && ends[i].isAfter(interval.start())) {
            return true;
        }
        return i + 1 < starts.length && starts[i + 1].isBefore(interval.end());
    }

    /** The last interval starting at or before {@code instant}, or -1. */
    private int indexAtOrBefore(Instant instant) {
        int low = 0;
        int high = starts.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (!starts[middle].isAfter(instant)) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Timeline that && Arrays.equals(starts, that.starts) && Arrays.equals(ends, that.ends);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + Arrays.hashCode(ends);
    }

    @Override
    public String toString() {
        return intervals().toString();
    }
}
