package dev.atelier.platform.payments.model;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * What a chain gives the platform to take money in its name, per provider; each checked when given (identifiers by
 * their providers' formats, keys parsed as the RSA keys they must be), so a typo is a clear 400, not a failed
 * payment later. Kept sealed ({@code CredentialVault}) and never shown again.
 */
public sealed interface MerchantCredentials {

    Provider provider();

    /** Who the chain is at its provider: the connected account, the app id, the merchant id. */
    String merchantId();

    /** Stripe Connect: the chain's connected account; charges are direct charges on it. */
    record StripeAccount(String accountId) implements MerchantCredentials {

        private static final Pattern ACCOUNT = Pattern.compile("acct_[A-Za-z0-9]{6,64}");

        public StripeAccount {
            matches("stripe.accountId", accountId, ACCOUNT, "a Stripe connected account id, acct_…");
        }

        @Override
        public Provider provider() {
            return Provider.STRIPE;
        }

        @Override
        public String merchantId() {
            return accountId;
        }
    }

    /** Alipay open platform: the app, its RSA2 private key and Alipay's public key (both base64 DER or PEM). */
    record AlipayMerchant(String appId, String privateKey, String alipayPublicKey) implements MerchantCredentials {

        private static final Pattern APP = Pattern.compile("[0-9]{16}");

        public AlipayMerchant {
            matches("alipay.appId", appId, APP, "an Alipay app id of 16 digits");
            privateKey = rsaPrivate("alipay.privateKey", privateKey);
            alipayPublicKey = rsaPublic("alipay.alipayPublicKey", alipayPublicKey);
        }

        @Override
        public Provider provider() {
            return Provider.ALIPAY;
        }

        @Override
        public String merchantId() {
            return appId;
        }

        @Override
        public String toString() {
            return "AlipayMerchant[" + appId + "]";
        }
    }

    /**
     * WeChat Pay APIv3 in public-key mode: the merchant, the app (official account or mini program), the merchant
     * certificate's serial number and private key, the APIv3 key, and WeChat Pay's public key with its id; and, when
     * the app is the chain's official account, its AppSecret ({@code appSecret}, optional), with which the storefront
     * learns a payer's openid inside WeChat's browser (WeChat's web authorisation) and pays by JSAPI there.
     */
    record WechatPayMerchant(String merchantId, String appId, String serialNumber, String privateKey, String apiV3Key,
            String publicKeyId, String publicKey, String appSecret) implements MerchantCredentials {

        private static final Pattern APP_SECRET = Pattern.compile("[0-9a-f]{32}");

        /** Without the official account's AppSecret: no JSAPI (inside WeChat the payer gets the H5 page). */
        public WechatPayMerchant(String merchantId, String appId, String serialNumber, String privateKey,
                String apiV3Key, String publicKeyId, String publicKey) {
            this(merchantId, appId, serialNumber, privateKey, apiV3Key, publicKeyId, publicKey, null);
        }

        /** Whether a payer inside WeChat's browser can be known by openid, and so pay by JSAPI. */
        public boolean knowsPayersInWeChat() {
            return appSecret != null;
        }

        private static final Pattern MERCHANT = Pattern.compile("[0-9]{8,12}");
        private static final Pattern APP = Pattern.compile("wx[0-9a-f]{16}");
        private static final Pattern SERIAL = Pattern.compile("[0-9A-Fa-f]{8,64}");
        private static final Pattern API_V3_KEY = Pattern.compile("[\\x21-\\x7e]{32}");
        private static final Pattern PUBLIC_KEY_ID = Pattern.compile("PUB_KEY_ID_[0-9A-Za-z_]{8,64}");

        public WechatPayMerchant {
            matches("wechatpay.merchantId", merchantId, MERCHANT, "a WeChat Pay merchant id (mchid) of digits");
            matches("wechatpay.appId", appId, APP, "a WeChat app id, wx and 16 hex digits");
            matches("wechatpay.serialNumber", serialNumber, SERIAL, "the merchant certificate's serial number (hex)");
            privateKey = rsaPrivate("wechatpay.privateKey", privateKey);
            matches("wechatpay.apiV3Key", apiV3Key, API_V3_KEY, "the APIv3 key of 32 characters");
            matches("wechatpay.publicKeyId", publicKeyId, PUBLIC_KEY_ID, "WeChat Pay's public key id, PUB_KEY_ID_…");
            publicKey = rsaPublic("wechatpay.publicKey", publicKey);
            if (appSecret != null) {
                matches("wechatpay.appSecret", appSecret, APP_SECRET,
                        "the official account's AppSecret, 32 hex digits");
            }
        }

        @Override
        public Provider provider() {
            return Provider.WECHATPAY;
        }

        @Override
        public String toString() {
            return "WechatPayMerchant[" + merchantId + ", " + appId + "]";
        }
    }

    private static void matches(String field, String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidCredentialsException(field, "must be " + expected);
        }
    }

    /** The key as base64 DER (PEM armour and line breaks removed), once it parses as an RSA private key. */
    private static String rsaPrivate(String field, String key) {
        String der = der(field, key);
        RSAPrivateKey rsa;
        try {
            rsa = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(der)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidCredentialsException(field, "must be an RSA private key (PKCS#8, base64 or PEM)");
        }
        strongEnough(field, rsa.getModulus().bitLength());
        return der;
    }

    private static String rsaPublic(String field, String key) {
        String der = der(field, key);
        RSAPublicKey rsa;
        try {
            rsa = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(der)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidCredentialsException(field, "must be an RSA public key (X.509, base64 or PEM)");
        }
        strongEnough(field, rsa.getModulus().bitLength());
        return der;
    }

    private static void strongEnough(String field, int bits) {
        if (bits < 2048) {
            throw new InvalidCredentialsException(field, "must be an RSA key of 2048 bits or more, not " + bits);
        }
    }

    private static String der(String field, String key) {
        if (key == null || key.isBlank() || key.length() > 8_192) {
            throw new InvalidCredentialsException(field, "must be a key in base64 or PEM");
        }
        return key.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s+", "");
    }
}
