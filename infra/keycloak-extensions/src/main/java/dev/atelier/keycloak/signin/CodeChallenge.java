package dev.atelier.keycloak.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One SMS sign-in code in flight, kept in the authentication session (never the code itself, only a salted digest).
 * A challenge exists whether or not the number belongs to an account: for an unknown number no code is sent and
 * {@link #userId} is empty, so no entered code can match, and the pages shown are the same either way.
 *
 * @param phone the E.164 number the code went (or would have gone) to
 * @param userId the account the code signs in to, or empty when the number has no (enabled) account
 * @param salt random per challenge
 * @param digest SHA-256 of salt and code, hex
 * @param expiresAt epoch second after which the code is refused
 * @param attempts wrong codes entered so far
 */
record CodeChallenge(String phone, String userId, String salt, String digest, long expiresAt, int attempts) {

    static final int DIGITS = 6;

    /** What an entered code amounts to. */
    enum Outcome {
        /** The code is right: sign in as {@link #userId}. */
        ACCEPTED,
        /** Wrong code; the user may try again. */
        REJECTED,
        /** Expired, or too many wrong codes: the challenge is spent, a new code must be requested. */
        SPENT
    }

    private static final String PREFIX = "atelier.sms.";

    /** A new challenge and its code (to send only when {@code userId} is not empty). */
    static Issued issue(String phone, String userId, SecureRandom random, long now, long lifetimeSeconds) {
        StringBuilder code = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            code.append(random.nextInt(10));
        }
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        CodeChallenge challenge = new CodeChallenge(phone, userId == null ? "" : userId, salt,
                digest(salt, code.toString()), now + lifetimeSeconds, 0);
        return new Issued(challenge, code.toString());
    }

    /** A challenge with the code that was made for it. */
    record Issued(CodeChallenge challenge, String code) {
    }

    /** Checks {@code entered} at {@code now}; {@link #afterAttempt} gives the state to keep. */
    Outcome check(String entered, long now, int maxAttempts) {
        if (now > expiresAt || attempts >= maxAttempts) {
            return Outcome.SPENT;
        }
        String normalized = entered == null ? "" : entered.replaceAll("\\s", "");
        boolean matches = MessageDigest.isEqual(digest(salt, normalized).getBytes(StandardCharsets.US_ASCII),
                digest.getBytes(StandardCharsets.US_ASCII));
        if (matches && !userId.isEmpty()) {
            return Outcome.ACCEPTED;
        }
        return attempts + 1 >= maxAttempts ? Outcome.SPENT : Outcome.REJECTED;
    }

    CodeChallenge afterAttempt() {
        return new CodeChallenge(phone, userId, salt, digest, expiresAt, attempts + 1);
    }

    Map<String, String> toNotes() {
        return Map.of(PREFIX + "phone", phone, PREFIX + "user", userId, PREFIX + "salt", salt, PREFIX + "digest",
                digest, PREFIX + "expires", Long.toString(expiresAt), PREFIX + "attempts", Integer.toString(attempts));
    }

    /** The challenge kept in notes read by {@code note} (a name to its value or null), if there is a whole one. */
    static Optional<CodeChallenge> fromNotes(Function<String, String> note) {
        String phone = note.apply(PREFIX + "phone");
        String digest = note.apply(PREFIX + "digest");
        String salt = note.apply(PREFIX + "salt");
        String userId = note.apply(PREFIX + "user");
        if (phone == null || digest == null || salt == null || userId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CodeChallenge(phone, userId, salt, digest,
                    Long.parseLong(note.apply(PREFIX + "expires")), Integer.parseInt(note.apply(PREFIX + "attempts"))));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** The names of the notes a challenge is kept in. */
    static List<String> noteNames() {
        return List.of(PREFIX + "phone", PREFIX + "user", PREFIX + "salt", PREFIX + "digest", PREFIX + "expires",
                PREFIX + "attempts");
    }

    private static String digest(String salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
