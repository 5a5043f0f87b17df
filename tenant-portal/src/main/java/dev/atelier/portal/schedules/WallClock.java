package dev.atelier.portal.schedules;

/** Wall-clock times of a location's day as requests give them: {@code HH:mm}, and {@code 24:00} for midnight at its end. */
final class WallClock {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00";
    static final String TIME_MESSAGE = "must be HH:mm (24:00 is midnight at the end of the day)";

    private WallClock() {
    }

    /** Minutes after midnight of a time that matched {@link #TIME}. */
    static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
    }

    static String format(int minutes) {
        return "%02d:%02d".formatted(minutes / 60, minutes % 60);
    }
}
