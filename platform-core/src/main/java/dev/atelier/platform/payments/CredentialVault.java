package dev.atelier.platform.payments;

import dev.atelier.platform.web.WebProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals merchant credentials at rest with AES-256-GCM: a fresh 96-bit nonce per sealing, the key's id beside the
 * ciphertext, and the chain and provider bound in as associated data, so sealed credentials copied to another chain
 * or provider do not open. Keys come from configuration ({@link PaymentProperties}), never from the database.
 */
@Component
public class CredentialVault {

    private static final String FORMAT = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String active;
    private final boolean localMode;
    private final SecureRandom random = new SecureRandom();

    public CredentialVault(PaymentProperties properties, WebProperties web) {
        properties.credentialKeys().forEach((id, encoded) -> keys.put(id, key(id, encoded)));
        this.active = properties.activeCredentialKey();
        if (!keys.containsKey(active)) {
            throw new IllegalStateException("atelier.payments.active-credential-key names no key of "
                    + "atelier.payments.credential-keys: '" + active + "'");
        }
        this.localMode = web.localMode();
    }

    /** The id of the key new credentials are sealed with. */
    public String activeKey() {
        return active;
    }

    /**
     * Seals {@code secret} for {@code context} (the chain and provider) under the active key. The local-only key,
     * whose value is public, seals nothing outside local mode: real credentials are never kept under it.
     */
    public String seal(String secret, String context) {
        if (PaymentProperties.LOCAL_KEY_ID.equals(active) && !localMode) {
            throw new CredentialKeyMissingException();
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(active), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] whole = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, whole, 0, nonce.length);
            System.arraycopy(sealed, 0, whole, nonce.length, sealed.length);
            return FORMAT + ":" + active + ":" + Base64.getEncoder().encodeToString(whole);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens what {@link #seal} made for the same {@code context}; refused when altered or sealed for another. */
    public String open(String sealed, String context) {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(FORMAT)) {
            throw new SealedCredentialException("not sealed credentials");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new SealedCredentialException("sealed with key '" + parts[1] + "', which is no longer configured");
        }
        try {
            byte[] whole = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, whole, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(whole, NONCE_BYTES, whole.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SealedCredentialException("sealed credentials do not open: altered, or another chain's");
        }
    }

    /** The id of the key {@code sealed} was sealed with. */
    public static String keyOf(String sealed) {
        String[] parts = sealed.split(":", 3);
        return parts.length == 3 ? parts[1] : "";
    }

    private static SecretKey key(String id, String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("credential key '" + id + "' is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("credential key '" + id + "' must be 32 bytes (AES-256), not "
                    + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
