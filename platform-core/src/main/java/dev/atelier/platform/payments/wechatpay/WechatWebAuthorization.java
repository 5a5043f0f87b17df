package dev.atelier.platform.payments.wechatpay;

import dev.atelier.platform.payments.gateway.GatewayUnavailableException;
import dev.atelier.platform.payments.gateway.OrderRequest;
import dev.atelier.platform.payments.model.MerchantCredentials.WechatPayMerchant;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.bean.oauth2.WxOAuth2AccessToken;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.springframework.stereotype.Component;

/**
 * WeChat's web authorisation for a chain's official account, through weixin-java-mp: inside WeChat's browser the
 * customer is sent to WeChat ({@code snsapi_base}: silent, no consent screen) and comes back with a code, which
 * the app exchanges with the account's AppSecret for the customer's openid — what a JSAPI order needs. Nothing else
 * of the customer's is asked for.
 */
@Component
public class WechatWebAuthorization {

    private static final int MOST_CHAINS = 512;

    private final WechatProperties properties;
    private final Map<WechatPayMerchant, WxMpService> byChain = new ConcurrentHashMap<>();

    public WechatWebAuthorization(WechatProperties properties) {
        this.properties = properties;
    }

    /** WeChat's page that sends the customer back to {@code returnTo} with a code and {@code state}. */
    public URI authorizationPage(WechatPayMerchant chain, URI returnTo, String state) {
        return URI.create(service(chain).getOAuth2Service().buildAuthorizationUrl(returnTo.toString(),
                WxConsts.OAuth2Scope.SNSAPI_BASE, state));
    }

    /**
     * The openid WeChat gives for {@code code} (once: a code is good for one exchange).
     *
     * @throws GatewayUnavailableException when WeChat refuses the code or does not answer
     */
    public String openId(WechatPayMerchant chain, String code) {
        try {
            WxOAuth2AccessToken token = service(chain).getOAuth2Service().getAccessToken(code);
            String openId = token == null ? null : token.getOpenId();
            if (openId == null || !OrderRequest.OPEN_ID.matcher(openId).matches()) {
                throw new GatewayUnavailableException("WeChat gave no openid for the code", null);
            }
            return openId;
        } catch (WxErrorException | RuntimeException e) {
            if (e instanceof GatewayUnavailableException unavailable) {
                throw unavailable;
            }
            throw new GatewayUnavailableException("WeChat did not give an openid for the code", e);
        }
    }

    private WxMpService service(WechatPayMerchant chain) {
        if (!chain.knowsPayersInWeChat()) {
            throw new IllegalArgumentException("the chain gave no official account's AppSecret");
        }
        if (byChain.size() >= MOST_CHAINS && !byChain.containsKey(chain)) {
            byChain.clear();
        }
        return byChain.computeIfAbsent(chain, this::serviceOf);
    }

    private WxMpService serviceOf(WechatPayMerchant chain) {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(chain.appId());
        config.setSecret(chain.appSecret());
        config.setHostConfig(new WxMpHostConfig(properties.apiHost(), properties.openHost(), properties.mpHost()));
        // the library's one builder: the same bounds for every chain
        DefaultApacheHttpClientBuilder http = DefaultApacheHttpClientBuilder.get();
        int millis = Math.toIntExact(properties.timeout().toMillis());
        http.setConnectionTimeout(millis);
        http.setConnectionRequestTimeout(millis);
        http.setSoTimeout(millis);
        config.setApacheHttpClientBuilder(http);
        WxMpService service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(config);
        service.setMaxRetryTimes(0);
        return service;
    }
}
