package dev.atelier.keycloak.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void numbersAsPeopleTypeThemBecomeE164() {
        assertThat(PhoneNumbers.normalize("+86 138-0013 8000")).hasValue("+8613800138000");
        assertThat(PhoneNumbers.normalize(" +1 (415) 555.0100 ")).hasValue("+14155550100");
        assertThat(PhoneNumbers.normalize("0044 20 7946 0958")).hasValue("+442079460958");
    }

    @Test
    void anythingElseIsNotAPhoneNumber() {
        assertThat(PhoneNumbers.normalize(null)).isEmpty();
        assertThat(PhoneNumbers.normalize("13800138000")).as("no country code").isEmpty();
        assertThat(PhoneNumbers.normalize("+0 123 4567")).as("no country starts with 0").isEmpty();
        assertThat(PhoneNumbers.normalize("+12345")).as("too short").isEmpty();
        assertThat(PhoneNumbers.normalize("+1234567890123456")).as("too long").isEmpty();
        assertThat(PhoneNumbers.normalize("+86 138 abcd 8000")).isEmpty();
        assertThat(PhoneNumbers.looksLikePhone("li.na@example.test")).isFalse();
    }

    @Test
    void aMaskedNumberShowsOnlyTheCountryCodeAndTheLastFourDigits() {
        assertThat(PhoneNumbers.masked("+8613800138000")).isEqualTo("+86 •••• 8000");
    }
}
