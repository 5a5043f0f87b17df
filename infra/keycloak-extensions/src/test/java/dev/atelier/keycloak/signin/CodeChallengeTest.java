package dev.atelier.keycloak.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CodeChallengeTest {

    private static final long NOW = 1_800_000_000L;

    @Test
    void theIssuedCodeIsAcceptedAndOnlyIt() {
        Random seeds = new Random(20261125);
        for (int run = 0; run < 500; run++) {
            SecureRandom random = seeded(seeds.nextLong());
            CodeChallenge.Issued issued = CodeChallenge.issue("+8613800138000", "user-1", random, NOW, 300);
            String code = issued.code();
            assertThat(code).matches("[0-9]{6}");
            assertThat(issued.challenge().toNotes().values()).doesNotContain(code);

            assertThat(issued.challenge().check(code, NOW + 299, 5)).isEqualTo(CodeChallenge.Outcome.ACCEPTED);
            assertThat(issued.challenge().check(" " + code.substring(0, 3) + " " + code.substring(3), NOW, 5))
                    .isEqualTo(CodeChallenge.Outcome.ACCEPTED);
            String other = String.format("%06d", (Integer.parseInt(code) + 1 + seeds.nextInt(999_998)) % 1_000_000);
            assertThat(issued.challenge().check(other, NOW, 5)).isEqualTo(CodeChallenge.Outcome.REJECTED);
        }
    }

    @Test
    void anExpiredCodeOrOneTriedTooOftenIsSpent() {
        CodeChallenge.Issued issued = CodeChallenge.issue("+8613800138000", "user-1", seeded(7), NOW, 300);

        assertThat(issued.challenge().check(issued.code(), NOW + 301, 5)).isEqualTo(CodeChallenge.Outcome.SPENT);

        CodeChallenge challenge = issued.challenge();
        for (int i = 0; i < 4; i++) {
            assertThat(challenge.check("wrong", NOW, 5)).isEqualTo(CodeChallenge.Outcome.REJECTED);
            challenge = challenge.afterAttempt();
        }
        assertThat(challenge.check("wrong", NOW, 5)).as("the fifth wrong code").isEqualTo(CodeChallenge.Outcome.SPENT);
        assertThat(challenge.afterAttempt().check(issued.code(), NOW, 5)).isEqualTo(CodeChallenge.Outcome.SPENT);
    }

    @Test
    void aChallengeForANumberWithoutAnAccountNeverAccepts() {
        CodeChallenge.Issued issued = CodeChallenge.issue("+8613800138001", null, seeded(11), NOW, 300);

        assertThat(issued.challenge().userId()).isEmpty();
        assertThat(issued.challenge().check(issued.code(), NOW, 5)).isEqualTo(CodeChallenge.Outcome.REJECTED);
    }

    @Test
    void aChallengeSurvivesTheAuthenticationSessionNotes() {
        CodeChallenge challenge = CodeChallenge.issue("+8613800138000", "user-1", seeded(3), NOW, 300).challenge()
                .afterAttempt();
        Map<String, String> notes = new HashMap<>(challenge.toNotes());

        assertThat(CodeChallenge.fromNotes(notes::get)).hasValue(challenge);
        assertThat(CodeChallenge.noteNames()).containsExactlyInAnyOrderElementsOf(notes.keySet());

        notes.put("atelier.sms.attempts", "many");
        assertThat(CodeChallenge.fromNotes(notes::get)).isEmpty();
        assertThat(CodeChallenge.fromNotes(name -> null)).isEmpty();
    }

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
