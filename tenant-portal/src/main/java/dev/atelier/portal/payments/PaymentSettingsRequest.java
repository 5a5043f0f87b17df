package dev.atelier.portal.payments;

import dev.atelier.platform.payments.model.MerchantCredentials;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain's payment settings: the methods it offers ({@code card}, {@code alipay}, {@code wechatpay},
 * {@code at-salon}); credentials given for a provider replace its old ones (leave a provider out to keep its
 * credentials, name it in {@code removeCredentials} to drop them). Credentials are write-only.
 */
record PaymentSettingsRequest(@NotNull @Size(max = 4) List<@NotNull @Size(max = 16) String> methods,
        @Valid Stripe stripe, @Valid Alipay alipay, @Valid WechatPay wechatpay,
        @Size(max = 3) List<@NotNull @Size(max = 16) String> removeCredentials) {

    record Stripe(String accountId) {

        @Override
        public String toString() {
            return "Stripe[" + accountId + "]";
        }
    }

    record Alipay(String appId, String privateKey, String alipayPublicKey) {

        @Override
        public String toString() {
            return "Alipay[" + appId + "]";
        }
    }

    record WechatPay(String merchantId, String appId, String serialNumber, String privateKey, String apiV3Key,
            String publicKeyId, String publicKey, String appSecret) {

        @Override
        public String toString() {
            return "WechatPay[" + merchantId + "]";
        }
    }

    /** The credentials given, each checked by its provider's rules. */
    List<MerchantCredentials> credentials() {
        List<MerchantCredentials> given = new ArrayList<>();
        if (stripe != null) {
            given.add(new MerchantCredentials.StripeAccount(stripe.accountId()));
        }
        if (alipay != null) {
            given.add(new MerchantCredentials.AlipayMerchant(alipay.appId(), alipay.privateKey(),
                    alipay.alipayPublicKey()));
        }
        if (wechatpay != null) {
            given.add(new MerchantCredentials.WechatPayMerchant(wechatpay.merchantId(), wechatpay.appId(),
                    wechatpay.serialNumber(), wechatpay.privateKey(), wechatpay.apiV3Key(), wechatpay.publicKeyId(),
                    wechatpay.publicKey(), wechatpay.appSecret()));
        }
        return given;
    }

    @Override
    public String toString() {
        return "PaymentSettingsRequest[" + methods + ", " + stripe + ", " + alipay + ", " + wechatpay + "]";
    }
}
