package dev.atelier.infra.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Every key the fakes sign with and the merchants' side of them, made on this machine the first time and kept in the
 * stack's data directory so a restart keeps them (the chains' stored credentials stay valid). Nothing here is a real
 * provider's key: the fakes are the only ones who know them.
 *
 * @param stripe the platform's Stripe secret key and the secret its webhook endpoint is signed with
 * @param alipay one Alipay app: its key pair (the merchant signs with the private half) and "Alipay's" pair (the
 *     fake signs answers and notices with the private half)
 * @param wechatpay one WeChat Pay merchant: its ids, its key pair, its APIv3 key, and "WeChat Pay's" key pair with
 *     its public key id
 */
public record FakeKeys(Stripe stripe, Alipay alipay, WechatPay wechatpay) {

    /** The platform's Stripe account, as the fake knows it. */
    public record Stripe(String secretKey, String webhookSecret) {
    }

    /** An Alipay app; keys are base64 DER (PKCS#8 private, X.509 public). */
    public record Alipay(String appId, String appPrivateKey, String appPublicKey, String alipayPrivateKey,
            String alipayPublicKey) {
    }

    /**
     * A WeChat Pay merchant in public-key mode, its app being an official account; keys are base64 DER. Keys kept
     * before the account's AppSecret was kept have one derived from the merchant's key, the same at every start.
     */
    public record WechatPay(String merchantId, String appId, String serialNumber, String merchantPrivateKey,
            String merchantPublicKey, String apiV3Key, String publicKeyId, String platformPrivateKey,
            String platformPublicKey, String appSecret) {

        public WechatPay {
            if (appSecret == null && merchantPrivateKey != null) {
                try {
                    appSecret = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(("app-secret:" + merchantPrivateKey).getBytes(
                                    java.nio.charset.StandardCharsets.UTF_8)),
                            0, 16);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("SHA-256 is not available", e);
                }
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** The keys kept in {@code file}, or new ones written there (readable by this user only) when it has none. */
    public static FakeKeys loadOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return JSON.readValue(file.toFile(), FakeKeys.class);
            }
            FakeKeys keys = generate(new SecureRandom());
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path written = file.resolveSibling(file.getFileName() + ".new");
            JSON.writeValue(written.toFile(), keys);
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions keeps its defaults
            }
            Files.move(written, file);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the payment fakes' keys in " + file, e);
        }
    }

    /** New keys: RSA 2048 pairs, random secrets and ids in the providers' formats. */
    public static FakeKeys generate(SecureRandom random) {
        KeyPair app = rsa(random);
        KeyPair alipay = rsa(random);
        KeyPair merchant = rsa(random);
        KeyPair platform = rsa(random);
        String merchantId = "19" + digits(random, 8);
        return new FakeKeys(
                new Stripe("sk_test_" + text(random, 24), "whsec_" + text(random, 32)),
                new Alipay("2021" + digits(random, 12), base64(app.getPrivate().getEncoded()),
                        base64(app.getPublic().getEncoded()), base64(alipay.getPrivate().getEncoded()),
                        base64(alipay.getPublic().getEncoded())),
                new WechatPay(merchantId, "wx" + HexFormat.of().formatHex(bytes(random, 8)),
                        HexFormat.of().formatHex(bytes(random, 20)).toUpperCase(Locale.ROOT),
                        base64(merchant.getPrivate().getEncoded()), base64(merchant.getPublic().getEncoded()),
                        text(random, 32), "PUB_KEY_ID_01" + merchantId + "2026",
                        base64(platform.getPrivate().getEncoded()), base64(platform.getPublic().getEncoded()),
                        HexFormat.of().formatHex(bytes(random, 16))));
    }

    static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA private key", e);
        }
    }

    static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA public key", e);
        }
    }

    static String text(SecureRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    private static String digits(SecureRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(10));
        }
        return text.toString();
    }

    private static byte[] bytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static KeyPair rsa(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
