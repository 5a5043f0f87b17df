package dev.atelier.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PersonNamesTest {

    /** Keycloak 26.5's own default for {@code person-name-prohibited-characters}, as its validator declares it. */
    static final Pattern KEYCLOAK = Pattern.compile("^[^<>&\"\\v$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]+$");

    @Test
    void everyCharacterOfTheBasicPlaneIsJudgedAsKeycloakJudgesIt() {
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String name = "Ann " + (char) c + " Lee";
            assertThat(PersonNames.isAllowed(name)).as("U+%04X", c).isEqualTo(KEYCLOAK.matcher(name).matches());
        }
    }

    @Test
    void theProbesNamesAndOrdinaryOnes() {
        assertThat(PersonNames.isAllowed("Cx <b>X</b>")).isFalse();
        assertThat(PersonNames.isAllowed("a\u2028b")).isFalse();
        assertThat(PersonNames.isAllowed("")).isFalse();
        assertThat(PersonNames.isAllowed(null)).isFalse();
        assertThat(PersonNames.isAllowed("Zoë O’Brien")).isTrue();
        assertThat(PersonNames.isAllowed("李娜")).isTrue();
        assertThat(PersonNames.isAllowed("‹Ann›")).as("Keycloak 26.5 accepts it").isTrue();
        assertThat(PersonNames.isAllowed("Ann \uD83D\uDE00")).isTrue();
    }
}
