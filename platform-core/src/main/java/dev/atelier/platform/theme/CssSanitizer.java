package dev.atelier.platform.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes a chain's custom CSS safe to put inside a {@code <style>} element of its pages: no markup can close the
 * element (angle brackets go), nothing is fetched or run (no {@code @import}, {@code url(…)}, {@code expression(…)},
 * {@code javascript:}, bindings or behaviours), and no escapes can spell those back. What was taken out is said, so
 * the owner sees why their CSS changed.
 */
public final class CssSanitizer {

    /** The most custom CSS a chain may keep. */
    public static final int MAX_LENGTH = 10_000;

    /** The CSS as kept, and what was taken out of it. */
    public record Result(String css, List<String> removed) {
    }

    private record Rule(Pattern pattern, String what) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[<>]"), "angle brackets (markup)"),
            new Rule(Pattern.compile("\\\\"), "backslash escapes"),
            new Rule(Pattern.compile("@import", Pattern.CASE_INSENSITIVE), "@import"),
            new Rule(Pattern.compile("@charset", Pattern.CASE_INSENSITIVE), "@charset"),
            new Rule(Pattern.compile("@namespace", Pattern.CASE_INSENSITIVE), "@namespace"),
            new Rule(Pattern.compile("url\\s*\\(", Pattern.CASE_INSENSITIVE), "url(…) (use the logo and hero image)"),
            new Rule(Pattern.compile("image-set\\s*\\(", Pattern.CASE_INSENSITIVE), "image-set(…)"),
            new Rule(Pattern.compile("expression\\s*\\(", Pattern.CASE_INSENSITIVE), "expression(…)"),
            new Rule(Pattern.compile("javascript\\s*:", Pattern.CASE_INSENSITIVE), "javascript:"),
            new Rule(Pattern.compile("-moz-binding", Pattern.CASE_INSENSITIVE), "-moz-binding"),
            new Rule(Pattern.compile("behavio(u)?r\\s*:", Pattern.CASE_INSENSITIVE), "behavior:"));

    private CssSanitizer() {
    }

    /** {@code css} made safe; null or blank stays empty. Longer than {@link #MAX_LENGTH} is cut there. */
    public static Result sanitize(String css) {
        if (css == null || css.isBlank()) {
            return new Result("", List.of());
        }
        String kept = css.length() > MAX_LENGTH ? css.substring(0, MAX_LENGTH) : css;
        List<String> removed = new ArrayList<>();
        if (css.length() > MAX_LENGTH) {
            removed.add("everything after " + MAX_LENGTH + " characters");
        }
        kept = kept.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        // taking one construct out can join the text around it into another: repeat until nothing changes
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Rule rule : RULES) {
                String next = rule.pattern().matcher(kept).replaceAll("");
                if (!next.equals(kept)) {
                    kept = next;
                    changed = true;
                    if (!removed.contains(rule.what())) {
                        removed.add(rule.what());
                    }
                }
            }
        }
        return new Result(kept.strip(), List.copyOf(removed));
    }
}
