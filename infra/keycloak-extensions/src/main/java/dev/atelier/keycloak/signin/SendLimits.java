package dev.atelier.keycloak.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * How many codes may be sent, counted in Keycloak's single-use object store (shared by the cluster, entries expire on
 * their own): at most {@code max} per key (a phone number, a client address) in each fixed window. A send takes the
 * first free slot {@code key#0 … key#max-1} of the current window with an atomic put-if-absent, so concurrent
 * requests cannot both take the last one.
 */
final class SendLimits {

    private final SingleUseObjectProvider store;
    private final long windowSeconds;

    SendLimits(SingleUseObjectProvider store, long windowSeconds) {
        this.store = store;
        this.windowSeconds = windowSeconds;
    }

    /** Takes one send for {@code key} at {@code now} (epoch seconds); false when its window is used up. */
    boolean tryTake(String kind, String key, int max, long now) {
        long window = now / windowSeconds;
        long lifespan = windowSeconds - (now % windowSeconds) + 1;
        String base = "atelier-limit:" + kind + ":" + hash(key) + ":" + window + "#";
        for (int slot = 0; slot < max; slot++) {
            if (store.putIfAbsent(base + slot, lifespan)) {
                return true;
            }
        }
        return false;
    }

    /** Phone numbers and addresses are not kept in the clear in the store. */
    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
