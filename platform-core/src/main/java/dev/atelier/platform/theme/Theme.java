package dev.atelier.platform.theme;

import dev.atelier.platform.identity.Branding;
import dev.atelier.platform.web.ImageUrls;
import java.util.Objects;

/**
 * How a chain's storefront looks: its brand (name, logo, primary and accent colours), a font from a safe list of
 * system stacks (nothing fetched from elsewhere), corner radius, hero image and tagline, a layout, which sections
 * show, and custom CSS (kept only {@link CssSanitizer sanitised}). Text on the brand colours is chosen for WCAG AA
 * contrast, whatever the colours.
 */
public record Theme(String brandName, String logoUrl, String primaryColour, String accentColour, Font font,
        int cornerRadius, String heroImageUrl, String tagline, Layout layout, Sections sections, String customCss) {

    /** Fonts as system stacks: every one renders at once, with no download and no third party. */
    public enum Font {
        SYSTEM("system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"PingFang SC\", sans-serif"),
        SERIF("Georgia, \"Times New Roman\", \"Noto Serif\", \"Songti SC\", serif"),
        HUMANIST("Optima, Candara, \"Noto Sans\", \"Hiragino Sans GB\", sans-serif"),
        GEOMETRIC("Avenir, Montserrat, Corbel, \"URW Gothic\", \"Microsoft YaHei\", sans-serif"),
        MONOSPACE("ui-monospace, \"Cascadia Code\", Menlo, Consolas, monospace");

        private final String stack;

        Font(String stack) {
            this.stack = stack;
        }

        public String stack() {
            return stack;
        }
    }

    /** Page layouts: the hero above the content, or beside it. */
    public enum Layout {
        CLASSIC,
        SPLIT
    }

    /** Which sections of the home page show. */
    public record Sections(boolean services, boolean stylists, boolean locations) {
        public static final Sections ALL = new Sections(true, true, true);
    }

    public static final int MAX_CORNER_RADIUS = 24;
    public static final int MAX_TAGLINE = 200;

    public Theme {
        Branding brand = new Branding(brandName, primaryColour, accentColour, logoUrl);
        brandName = brand.name();
        primaryColour = brand.primaryColour();
        accentColour = brand.accentColour();
        logoUrl = brand.logoUrl();
        Objects.requireNonNull(font, "font");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(sections, "sections");
        if (cornerRadius < 0 || cornerRadius > MAX_CORNER_RADIUS) {
            throw new IllegalArgumentException("corner radius must be 0 to " + MAX_CORNER_RADIUS);
        }
        heroImageUrl = heroImageUrl == null || heroImageUrl.isBlank() ? null : heroImageUrl.strip();
        ImageUrls.problemWith(heroImageUrl, false).ifPresent(problem -> {
            throw new IllegalArgumentException("the hero image " + problem);
        });
        tagline = tagline == null || tagline.isBlank() ? null : tagline.strip();
        if (tagline != null && tagline.length() > MAX_TAGLINE) {
            throw new IllegalArgumentException("the tagline is at most " + MAX_TAGLINE + " characters");
        }
        customCss = CssSanitizer.sanitize(customCss).css();
    }

    /** A new chain's theme until it sets its own: its starter brand, the system font, everything shown. */
    public static Theme starter(String name, String slug) {
        Branding brand = Branding.starter(name, slug);
        return new Theme(brand.name(), null, brand.primaryColour(), brand.accentColour(), Font.SYSTEM, 8, null, null,
                Layout.CLASSIC, Sections.ALL, "");
    }

    /** The brand as the sign-in pages show it. */
    public Branding branding() {
        return new Branding(brandName, primaryColour, accentColour, logoUrl);
    }

    /** Text on the primary colour: black or white, whichever contrasts more (always at least 4.5:1). */
    public String textOnPrimary() {
        return onColour(primaryColour);
    }

    /** Text on the accent colour, likewise. */
    public String textOnAccent() {
        return onColour(accentColour);
    }

    private static String onColour(String background) {
        return Branding.contrastRatio(background, "#ffffff") >= Branding.contrastRatio(background, "#000000")
                ? "#ffffff"
                : "#000000";
    }
}
