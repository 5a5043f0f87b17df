package dev.atelier.platform.identity;

import dev.atelier.platform.web.ImageUrls;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a tenant looks on the pages the identity server shows its customers (sign-in, registration): its name, logo and
 * colours. Colours are {@code #rrggbb}; the text colour on the primary colour is chosen for WCAG AA contrast.
 *
 * @param name the chain's name as customers know it
 * @param primaryColour buttons, links, the top band
 * @param accentColour focus rings and highlights
 * @param logoUrl an {@code https://}, {@code http://} or root-relative URL on a public host ({@link ImageUrls}), or
 *            null; whether plain http is allowed (local mode only) is the caller's to decide
 */
public record Branding(String name, String primaryColour, String accentColour, String logoUrl) {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
    /** Primary colours a new chain starts with (each carries white text at ≥ 4.5:1), chosen by its slug. */
    private static final List<String> STARTER_PALETTE = List.of("#1f4e79", "#7a1f5c", "#2f5d3a", "#8a3b12",
            "#4b3f8f", "#005f73", "#9b2226", "#3d405b");

    public Branding {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException("a brand needs a name of 1 to 120 characters");
        }
        name = name.strip();
        primaryColour = colour(primaryColour, "primary");
        accentColour = colour(accentColour, "accent");
        if (logoUrl != null && logoUrl.isBlank()) {
            logoUrl = null;
        }
        ImageUrls.problemWith(logoUrl, true).ifPresent(problem -> {
            throw new IllegalArgumentException("the logo " + problem);
        });
    }

    /** A new chain's brand until it sets its own: its name and a starter colour picked by its slug. */
    public static Branding starter(String name, String slug) {
        String primary = STARTER_PALETTE.get(Math.floorMod(slug.hashCode(), STARTER_PALETTE.size()));
        return new Branding(name, primary, "#c9a227", null);
    }

    /** White or near-black, whichever reads better on the primary colour (at least 4.5:1 for these palettes). */
    public String textOnPrimary() {
        double white = contrast(luminance(primaryColour), 1.0);
        double dark = contrast(luminance(primaryColour), luminance("#111111"));
        return white >= dark ? "#ffffff" : "#111111";
    }

    /** The WCAG contrast ratio of two colours. */
    public static double contrastRatio(String first, String second) {
        return contrast(luminance(colour(first, "first")), luminance(colour(second, "second")));
    }

    private static double contrast(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String colour) {
        double r = channel(Integer.parseInt(colour.substring(1, 3), 16));
        double g = channel(Integer.parseInt(colour.substring(3, 5), 16));
        double b = channel(Integer.parseInt(colour.substring(5, 7), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String colour(String value, String which) {
        String normalized = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!COLOUR.matcher(normalized).matches()) {
            throw new IllegalArgumentException("the " + which + " colour must be #rrggbb");
        }
        return normalized;
    }
}
