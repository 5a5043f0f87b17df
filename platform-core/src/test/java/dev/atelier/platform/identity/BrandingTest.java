package dev.atelier.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BrandingTest {

    @Test
    void textOnTheBrandColourAlwaysMeetsWcagAa() {
        Random random = new Random(20261125);
        for (int i = 0; i < 5_000; i++) {
            String primary = String.format("#%06x", random.nextInt(0x1000000));
            Branding brand = new Branding("Chain", primary, "#000000", null);

            double contrast = Branding.contrastRatio(primary, brand.textOnPrimary());

            // the better of white and near-black: at least 4.3:1 on any colour (the worst is a mid-tone where both
            // are equal); issue 5's theme editor lifts such colours to 4.5:1
            double other = Branding.contrastRatio(primary,
                    brand.textOnPrimary().equals("#ffffff") ? "#111111" : "#ffffff");
            assertThat(contrast).as(primary).isGreaterThanOrEqualTo(other).isGreaterThanOrEqualTo(4.3);
        }
    }

    @Test
    void everyStarterColourCarriesWhiteTextAtAa() {
        for (String slug : new String[]{"aurora", "mayfair", "lotus", "fern", "a", "b", "c", "d", "e", "f", "g"}) {
            Branding brand = Branding.starter("Chain", slug);
            assertThat(brand.textOnPrimary()).isEqualTo("#ffffff");
            assertThat(Branding.contrastRatio(brand.primaryColour(), "#ffffff")).isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    void coloursAreNormalisedAndAnythingButRrggbbIsRefused() {
        assertThat(new Branding(" Lotus ", "#7A1F5C", " #D4A017 ", "").primaryColour()).isEqualTo("#7a1f5c");
        assertThat(new Branding("Lotus", "#7a1f5c", "#d4a017", " ").logoUrl()).isNull();
        for (String bad : new String[]{"red", "#fff", "#7a1f5c; background:url(x)", "", null, "#7a1f5cff"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> new Branding("Lotus", bad, "#d4a017", null));
        }
    }

    @Test
    void aLogoIsAnHttpOrRootRelativeUrlWithNothingThatCouldLeaveAnAttribute() {
        assertThat(new Branding("Lotus", "#7a1f5c", "#d4a017", "https://cdn.lotus.test/logo.svg").logoUrl())
                .isEqualTo("https://cdn.lotus.test/logo.svg");
        assertThat(new Branding("Lotus", "#7a1f5c", "#d4a017", "/media/logo.png").logoUrl())
                .isEqualTo("/media/logo.png");
        for (String bad : new String[]{"javascript:alert(1)", "data:image/svg+xml,<svg>", "https://x.test/\"onload=",
                "https://x.test/logo.png<script>", "logo.png", "//evil.example/x", "http://127.0.0.1:9200/x.png",
                "https://[::1]/x.png", "https://user@x.test/logo.png", "https://localhost/logo.png"}) {
            assertThatIllegalArgumentException().as(bad)
                    .isThrownBy(() -> new Branding("Lotus", "#7a1f5c", "#d4a017", bad));
        }
    }
}
