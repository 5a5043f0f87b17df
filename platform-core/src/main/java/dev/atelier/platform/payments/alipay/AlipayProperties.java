package dev.atelier.platform.payments.alipay;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alipay under {@code atelier.payments.alipay}: where Alipay's open-platform gateway is (the local fake in the local
 * stack and the tests; production sets {@code https://openapi.alipay.com/gateway.do}), where Alipay sends its
 * asynchronous notices, how long a request may take, how long a customer has to pay on Alipay's page, and how old
 * (or how far ahead of our clock) a notice may be dated. Every chain has its own Alipay app: the app id and keys are
 * the chain's merchant credentials, never set here.
 *
 * <p>Alipay retries an unacknowledged notice for about 25 hours, so a notice up to {@code noticeMaxAge} (48 hours)
 * old is still taken; one older, or dated ahead by more than {@code noticeClockSkew}, is refused.
 */
@ConfigurationProperties("atelier.payments.alipay")
public record AlipayProperties(@DefaultValue("http://localhost:8090/alipay/gateway.do") String serverUrl,
        @DefaultValue("http://localhost:8080/webhooks/alipay") String notifyUrl, @DefaultValue("10s") Duration timeout,
        @DefaultValue("15m") Duration payWindow, @DefaultValue("48h") Duration noticeMaxAge,
        @DefaultValue("5m") Duration noticeClockSkew) {

    public AlipayProperties {
        absoluteHttp("server-url", serverUrl);
        absoluteHttp("notify-url", notifyUrl);
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("atelier.payments.alipay.timeout is more than 0");
        }
        // Alipay takes 1 minute to 15 days for page pay and at least 5 minutes for wap pay, in whole minutes
        if (payWindow == null || payWindow.compareTo(Duration.ofMinutes(5)) < 0
                || payWindow.compareTo(Duration.ofDays(15)) > 0 || payWindow.toSecondsPart() != 0
                || payWindow.toMillisPart() != 0) {
            throw new IllegalArgumentException("atelier.payments.alipay.pay-window is whole minutes, 5m to 15d");
        }
        if (noticeMaxAge == null || noticeMaxAge.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("atelier.payments.alipay.notice-max-age is at least 1h");
        }
        if (noticeClockSkew == null || noticeClockSkew.isNegative()
                || noticeClockSkew.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("atelier.payments.alipay.notice-clock-skew is 0 to 1h");
        }
    }

    private static void absoluteHttp(String name, String url) {
        URI uri;
        try {
            uri = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("atelier.payments.alipay." + name + " is an absolute http(s) URL");
        }
    }
}
