package dev.atelier.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "aurora", "mayfair-beauty", "a1b", "0-9",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void acceptsThreeToFortyOfLowercaseDigitsAndHyphens(String value) {
        assertThat(Slug.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ab", "Aurora", "au_rora", "au.rora", "-abc", "abc-", "écrin", "a b",
            "www", "api", "admin"})
    void refusesEverythingElseWithAReason(String value) {
        assertThat(Slug.problemWith(value)).isPresent();
        assertThatThrownBy(() -> Slug.of(value)).isInstanceOf(Slug.InvalidSlugException.class)
                .hasMessageStartingWith("slug ");
    }

    @Test
    void refusesFortyOneCharacters() {
        assertThat(Slug.problemWith("x".repeat(41))).contains("must be 3 to 40 characters long");
    }

    @Test
    void agreesWithTheRuleOnTenThousandRandomCandidates() {
        Random random = new Random(20261125L);
        String alphabet = "abcxyz0189-_.A Zé";
        for (int i = 0; i < 10_000; i++) {
            StringBuilder candidate = new StringBuilder();
            int length = random.nextInt(45);
            for (int c = 0; c < length; c++) {
                candidate.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = candidate.toString();
            boolean expected = value.length() >= 3 && value.length() <= 40 && value.matches("[a-z0-9-]+")
                    && !value.startsWith("-") && !value.endsWith("-") && !Slug.RESERVED.contains(value);
            assertThat(Slug.problemWith(value).isEmpty()).as("slug candidate '%s'", value).isEqualTo(expected);
        }
    }
}
