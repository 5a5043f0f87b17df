package dev.atelier.storefront.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The add-to-calendar file is valid RFC 5545 whatever the salon and service names hold: CRLF line ends only, no
 * physical line over 75 octets of UTF-8 and no character split by a fold, unfolding gives back the escaped text,
 * times in UTC, a cancelled booking as a cancelled event, control characters dropped. Seeded random names mix
 * Chinese, emoji, commas, semicolons, backslashes and line breaks; {@code -Dcalendar.seed=N} replays a run.
 */
class CalendarEventTest {

    static final Instant START = Instant.parse("2026-12-02T09:30:00Z");
    static final Instant END = Instant.parse("2026-12-02T10:15:00Z");
    static final Instant NOW = Instant.parse("2026-11-25T22:58:12.345678Z");
    static final int RUNS = 2_000;

    /** What a name is made of: plain and wide characters, everything TEXT must escape, and control characters. */
    static final String[] PIECES = {"a", "Z", "7", " ", "剪", "发", "染", "色", "护", "理", "预", "约", "é", "ß", "😀",
            "💇", ",", ";", "\\", "\n", "\r\n", ":", "\"", "\t", "\u0000", "\u0007", "\u001b", "\u007f", "·"};

    @Test
    void seededRandomNamesGiveValidFoldedEscapedLines() throws Exception {
        long seed = Long.getLong("calendar.seed", System.nanoTime());
        System.out.println("CalendarEventTest seed: " + seed + " (replay with -Dcalendar.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int run = 0; run < RUNS; run++) {
            String summary = randomText(random, random.nextInt(run % 10 == 0 ? 400 : 120));
            String location = randomText(random, random.nextInt(160));
            String uid = randomText(random, random.nextInt(40)) + "@chain.atelier";
            boolean cancelled = random.nextBoolean();
            String ics = new CalendarEvent(uid, summary, location, "http://chain.localhost:8080/my/bookings/1", START,
                    END, cancelled).write(NOW);
            String context = "seed " + seed + ", run " + run + ", summary " + visible(summary);

            assertValidLines(ics, context);
            List<String> lines = unfold(ics);
            assertThat(value(lines, "SUMMARY")).as(context).isEqualTo(escaped(summary));
            assertThat(unescape(value(lines, "SUMMARY"))).as(context).isEqualTo(withoutControls(summary));
            assertThat(value(lines, "LOCATION")).as(context).isEqualTo(escaped(location));
            assertThat(value(lines, "UID")).as(context).isEqualTo(escaped(uid));
            assertThat(value(lines, "STATUS")).as(context).isEqualTo(cancelled ? "CANCELLED" : "CONFIRMED");
        }
    }

    @Test
    void aLongChineseNameIsFoldedBetweenCharactersAtSeventyFiveOctets() throws Exception {
        String summary = "剪发".repeat(60) + " · Salon";
        String ics = event(summary, false).write(NOW);

        assertValidLines(ics, summary);
        List<String> physical = physicalLines(ics);
        String first = physical.stream().filter(line -> line.startsWith("SUMMARY:")).findFirst().orElseThrow();
        // "SUMMARY:" is 8 octets, each character 3: 22 characters (66 octets) make 74, a 23rd would make 77
        assertThat(first).isEqualTo("SUMMARY:" + "剪发".repeat(11));
        int next = physical.indexOf(first) + 1;
        assertThat(physical.get(next)).startsWith(" 剪发").hasSize(1 + 24);
        assertThat(physical.get(next).getBytes(StandardCharsets.UTF_8)).hasSize(73);
        assertThat(value(unfold(ics), "SUMMARY")).isEqualTo(summary);
    }

    @Test
    void anEmojiIsNeverSplitByAFold() throws Exception {
        // 8 octets of "SUMMARY:" and 66 of "x": the first emoji (4 octets) does not fit and goes whole to the next
        String summary = "x".repeat(66) + "😀".repeat(40);
        String ics = event(summary, false).write(NOW);

        assertValidLines(ics, summary);
        assertThat(physicalLines(ics)).contains("SUMMARY:" + "x".repeat(66), " " + "😀".repeat(18));
        assertThat(value(unfold(ics), "SUMMARY")).isEqualTo(summary);
    }

    @Test
    void timesAreWrittenInUtcToTheSecond() {
        Instant start = LocalDateTime.of(2026, 3, 29, 1, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        Instant end = start.plusSeconds(45 * 60 + 59).plusNanos(999_000_000);
        List<String> lines = unfold(new CalendarEvent("1@a", "Cut", "Soho", "http://a.localhost/my/bookings/1", start,
                end, false).write(NOW));

        assertThat(value(lines, "DTSTART")).isEqualTo("20260328T173000Z");
        assertThat(value(lines, "DTEND")).isEqualTo("20260328T181559Z");
        assertThat(value(lines, "DTSTAMP")).isEqualTo("20261125T225812Z");
        for (String property : List.of("DTSTART", "DTEND", "DTSTAMP")) {
            assertThat(value(lines, property)).matches("\\d{8}T\\d{6}Z");
        }
    }

    @Test
    void aCancelledBookingIsACancelledEventAndAConfirmedOneConfirmed() {
        assertThat(unfold(event("Cut", true).write(NOW))).contains("STATUS:CANCELLED").doesNotContain(
                "STATUS:CONFIRMED");
        assertThat(unfold(event("Cut", false).write(NOW))).contains("STATUS:CONFIRMED").doesNotContain(
                "STATUS:CANCELLED");
    }

    @Test
    void controlCharactersAreDroppedAndLineBreaksEscaped() throws Exception {
        String ics = new CalendarEvent("1@a", "Cut\u0000\u0007 &\u001b colour\u007f\r\nnext; line, \\ end\t!",
                "Soho\u0001, 1 Dean St\u001f", "http://a.localhost/my/bookings/1", START, END, false).write(NOW);

        assertValidLines(ics, "controls");
        List<String> lines = unfold(ics);
        assertThat(value(lines, "SUMMARY")).isEqualTo("Cut & colour\\nnext\\; line\\, \\\\ end!");
        assertThat(value(lines, "LOCATION")).isEqualTo("Soho\\, 1 Dean St");
        assertThat(ics.chars().filter(c -> (c < 0x20 && c != '\r' && c != '\n') || c == 0x7f)).isEmpty();
    }

    @Test
    void theEventIsOneCalendarWithOneEvent() {
        List<String> lines = unfold(event("Cut", false).write(NOW));

        assertThat(lines.getFirst()).isEqualTo("BEGIN:VCALENDAR");
        assertThat(lines.getLast()).isEqualTo("END:VCALENDAR");
        assertThat(lines).containsSubsequence("VERSION:2.0", "BEGIN:VEVENT", "END:VEVENT")
                .filteredOn(line -> line.startsWith("PRODID:")).hasSize(1);
        assertThat(lines).filteredOn(line -> line.equals("BEGIN:VEVENT")).hasSize(1);
    }

    private static CalendarEvent event(String summary, boolean cancelled) {
        return new CalendarEvent("b1@chain.atelier", summary, "Chain Soho, 1 Dean St, London, W1",
                "http://chain.localhost:8080/my/bookings/b1", START, END, cancelled);
    }

    /** CRLF ends every line and only there; no physical line is over 75 octets or holds half a character. */
    private static void assertValidLines(String ics, String context) throws CharacterCodingException {
        assertThat(ics).as(context).endsWith("\r\n");
        for (int i = 0; i < ics.length(); i++) {
            char c = ics.charAt(i);
            if (c == '\r') {
                assertThat(i + 1 < ics.length() && ics.charAt(i + 1) == '\n').as(context + ": bare CR at " + i)
                        .isTrue();
            } else if (c == '\n') {
                assertThat(i > 0 && ics.charAt(i - 1) == '\r').as(context + ": bare LF at " + i).isTrue();
            }
        }
        for (String line : physicalLines(ics)) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertThat(i + 1 < line.length() && Character.isLowSurrogate(line.charAt(i + 1)))
                            .as(context + ": a character split in " + visible(line)).isTrue();
                    i++;
                } else {
                    assertThat(Character.isLowSurrogate(c)).as(context + ": a character split in " + visible(line))
                            .isFalse();
                }
            }
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as(context + ": " + visible(line)).isLessThanOrEqualTo(75);
            // strictly decodable on its own: a fold never falls inside a character's octets
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(octets));
        }
    }

    private static List<String> physicalLines(String ics) {
        return Arrays.asList(ics.substring(0, ics.length() - 2).split("\r\n", -1));
    }

    /** RFC 5545 §3.1: a CRLF followed by one space or tab continues the line before. */
    private static List<String> unfold(String ics) {
        List<String> lines = new ArrayList<>();
        for (String line : physicalLines(ics)) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                assertThat(lines).as("a continuation follows a line").isNotEmpty();
                lines.set(lines.size() - 1, lines.getLast() + line.substring(1));
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String value(List<String> lines, String property) {
        List<String> found = lines.stream().filter(line -> line.startsWith(property + ":")).toList();
        assertThat(found).as(property).hasSize(1);
        return found.getFirst().substring(property.length() + 1);
    }

    /** The TEXT escaping of RFC 5545 §3.3.11, written out independently, with control characters left out. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> {
                    if (!Character.isISOControl(c) || c > 0x7f) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                char next = value.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String withoutControls(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(c -> c == '\n' || !Character.isISOControl(c) || c > 0x7f)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String randomText(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static String visible(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
