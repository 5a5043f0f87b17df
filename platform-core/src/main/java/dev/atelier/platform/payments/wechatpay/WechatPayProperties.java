package dev.atelier.platform.payments.wechatpay;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform talks to WeChat Pay under {@code atelier.payments.wechatpay} (every chain has its own merchant
 * account; these are the platform's settings, not a merchant's): where the API is ({@code https://api.mch.weixin.qq.com}
 * in production, the local fake in the local stack and the tests), the webhook WeChat Pay notifies, how long a
 * request may take, how far a notice's timestamp may be from our clock, how long an order can be paid
 * ({@code time_expire}), and the payer's IP an H5 order is opened with (the payment SPI does not carry the customer's
 * own yet).
 */
@ConfigurationProperties("atelier.payments.wechatpay")
public record WechatPayProperties(@DefaultValue("http://localhost:8090/wechatpay") String apiBase,
        @DefaultValue("http://localhost:8080/webhooks/wechatpay") String notifyUrl,
        @DefaultValue("10s") Duration timeout, @DefaultValue("5m") Duration noticeTolerance,
        @DefaultValue("15m") Duration orderExpiry, @DefaultValue("127.0.0.1") String payerClientIp) {

    public WechatPayProperties {
        if (!http(apiBase) || !http(notifyUrl)) {
            throw new IllegalArgumentException(
                    "atelier.payments.wechatpay.api-base and notify-url are http(s) URLs");
        }
        if (timeout.isNegative() || timeout.isZero() || noticeTolerance.isNegative() || noticeTolerance.isZero()) {
            throw new IllegalArgumentException("atelier.payments.wechatpay timeouts and tolerance are positive");
        }
        if (orderExpiry.compareTo(Duration.ofMinutes(1)) < 0 || orderExpiry.compareTo(Duration.ofHours(2)) > 0) {
            throw new IllegalArgumentException("atelier.payments.wechatpay.order-expiry is 1 minute to 2 hours");
        }
        if (payerClientIp == null || payerClientIp.isBlank()) {
            throw new IllegalArgumentException("atelier.payments.wechatpay.payer-client-ip is an IP address");
        }
    }

    /** Whether {@code url} is an absolute http(s) URL with a host (shared with {@link WechatProperties}). */
    static boolean http(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
