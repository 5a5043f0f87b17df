package dev.atelier.infra.payments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The providers' signatures: SHA256withRSA (Alipay RSA2, WeChat Pay), HMAC-SHA256 (Stripe), AES-256-GCM (WeChat). */
final class Signing {

    private Signing() {
    }

    static String rsa(PrivateKey key, String message) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    static boolean rsaHolds(PublicKey key, String message, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(message.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Alipay's signed content: every non-empty field but {@code sign} (and those left out), sorted by name. */
    static String alipayContent(Map<String, String> fields, String... leftOut) {
        Map<String, String> sorted = new TreeMap<>(fields);
        sorted.remove("sign");
        for (String field : leftOut) {
            sorted.remove(field);
        }
        return sorted.entrySet().stream().filter(field -> field.getValue() != null && !field.getValue().isEmpty())
                .map(field -> field.getKey() + "=" + field.getValue()).collect(Collectors.joining("&"));
    }

    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    /** {@code plaintext} encrypted as WeChat Pay encrypts a notice's resource, base64. */
    static String aesGcm(String key, String nonce, String associated, String plaintext) {
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            aes.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }
}
