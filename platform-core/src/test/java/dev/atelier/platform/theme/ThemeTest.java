package dev.atelier.platform.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.identity.Branding;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A theme's checks, its text colours' contrast on any brand colour, and custom CSS made inert. */
class ThemeTest {

    @Test
    void textOnAnyBrandColourMeetsWcagAa() {
        long seed = 20_261_125L;
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            String primary = "#%06x".formatted(random.nextInt(0x1000000));
            String accent = "#%06x".formatted(random.nextInt(0x1000000));
            Theme theme = theme(primary, accent, "", null);
            assertThat(Branding.contrastRatio(theme.primaryColour(), theme.textOnPrimary()))
                    .as("text on %s (seed %d)", primary, seed).isGreaterThanOrEqualTo(4.5);
            assertThat(Branding.contrastRatio(theme.accentColour(), theme.textOnAccent()))
                    .as("text on %s (seed %d)", accent, seed).isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    void customCssCannotCloseItsStyleElementFetchOrRun() {
        for (String payload : List.of("</style><script>alert(1)</script>", "body{background:url(javascript:x)}",
                "@import 'https://evil.test/x.css';", "a{behavior:url(x.htc)}", "p{width:expression(alert(1))}",
                "@im@importport 'x';", "ur\\6c(x)", "<<sc<script>ript>", "a{-moz-binding:url(x)}",
                "div{background:image-set(\"x.png\" 1x)}")) {
            CssSanitizer.Result result = CssSanitizer.sanitize(payload);
            String kept = result.css().toLowerCase(java.util.Locale.ROOT);
            assertThat(kept).as(payload).doesNotContain("<", ">", "@import", "url(", "expression(", "javascript:",
                    "\\", "-moz-binding", "behavior:", "image-set(");
            assertThat(result.removed()).as(payload).isNotEmpty();
        }
        CssSanitizer.Result plain = CssSanitizer.sanitize(".hero h1 { letter-spacing: .02em; color: #222 }");
        assertThat(plain.css()).isEqualTo(".hero h1 { letter-spacing: .02em; color: #222 }");
        assertThat(plain.removed()).isEmpty();
        assertThat(CssSanitizer.sanitize("a".repeat(CssSanitizer.MAX_LENGTH + 5)).css())
                .hasSize(CssSanitizer.MAX_LENGTH);
        assertThat(theme("#112233", "#445566", "</style><b>", null).customCss()).isEqualTo("/styleb");
    }

    @Test
    void badImagesRadiiAndTaglinesAreRefused() {
        assertThatThrownBy(() -> theme("#112233", "#445566", "", "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hero");
        assertThatThrownBy(() -> theme("#112233", "#445566", "", "http://plain.test/x.png"))
                .isInstanceOf(IllegalArgumentException.class);
        for (String bad : new String[]{"//evil.example/x", "https://127.0.0.1:9200/x.png", "https://[fd00::1]/x",
                "https://user@img.test/x.png", "https://aurora.localhost/x.png"}) {
            assertThatThrownBy(() -> theme("#112233", "#445566", "", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hero");
        }
        assertThat(theme("#112233", "#445566", "", "/media/hero.jpg").heroImageUrl()).isEqualTo("/media/hero.jpg");
        assertThatThrownBy(() -> new Theme("Chain", null, "#112233", "#445566", Theme.Font.SERIF, 25, null, null,
                Theme.Layout.SPLIT, Theme.Sections.ALL, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Theme("Chain", null, "#112233", "#445566", Theme.Font.SERIF, 4, null,
                "x".repeat(201), Theme.Layout.SPLIT, Theme.Sections.ALL, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(theme("#AABBCC", "#445566", "", "https://img.test/hero.jpg").primaryColour()).isEqualTo("#aabbcc");
    }

    private static Theme theme(String primary, String accent, String css, String hero) {
        return new Theme("Chain", null, primary, accent, Theme.Font.SYSTEM, 8, hero, "${7*7}<#assign x=1>",
                Theme.Layout.CLASSIC, Theme.Sections.ALL, css);
    }
}
