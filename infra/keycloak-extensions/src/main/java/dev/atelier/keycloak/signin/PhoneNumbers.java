package dev.atelier.keycloak.signin;

import java.util.Optional;
import java.util.regex.Pattern;

/** Phone numbers as people type them, to E.164 ({@code +} and 7–15 digits, no leading zero). */
final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-]");

    private PhoneNumbers() {
    }

    /**
     * {@code "+86 138-0013 8000"} → {@code "+8613800138000"}; a leading {@code 00} counts as {@code +}. Empty when
     * the input is not a phone number in international form.
     */
    static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(typed.strip()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /** Whether the input looks like a phone number rather than an email or user name. */
    static boolean looksLikePhone(String typed) {
        return typed != null && !typed.contains("@") && normalize(typed).isPresent();
    }

    /** {@code +8613800138000} → {@code +86 •••• •• 8000}: enough to recognise, not enough to harvest. */
    static String masked(String e164) {
        String last = e164.substring(e164.length() - 4);
        return e164.substring(0, Math.min(3, e164.length() - 4)) + " •••• " + last;
    }
}
