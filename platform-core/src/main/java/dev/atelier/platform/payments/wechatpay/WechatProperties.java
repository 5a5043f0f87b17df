package dev.atelier.platform.payments.wechatpay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where WeChat's official-account servers are, under {@code atelier.wechat}: its API ({@code https://api.weixin.qq.com}
 * in production), its web authorisation pages ({@code https://open.weixin.qq.com}) and its platform pages
 * ({@code https://mp.weixin.qq.com}); the local fake in the local stack and the tests. The chains' own official
 * accounts (app id and AppSecret) are merchant credentials, not settings.
 */
@ConfigurationProperties("atelier.wechat")
public record WechatProperties(@DefaultValue("http://localhost:8090/wechat-api") String apiHost,
        @DefaultValue("http://localhost:8090/wechat-open") String openHost,
        @DefaultValue("http://localhost:8090/wechat-mp") String mpHost, @DefaultValue("10s") Duration timeout) {

    public WechatProperties {
        for (String host : new String[]{apiHost, openHost, mpHost}) {
            if (!WechatPayProperties.http(host) || host.endsWith("/")) {
                throw new IllegalArgumentException(
                        "atelier.wechat.api-host, open-host and mp-host are http(s) URLs without a trailing /");
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("atelier.wechat.timeout is positive");
        }
    }
}
