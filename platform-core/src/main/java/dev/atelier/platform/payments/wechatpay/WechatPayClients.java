package dev.atelier.platform.payments.wechatpay;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.AbstractHttpClient;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RSAPublicKeyNotificationConfig;
import com.wechat.pay.java.service.payments.h5.H5Service;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.refund.RefundService;
import dev.atelier.platform.payments.model.MerchantCredentials.WechatPayMerchant;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The SDK's services in one chain's name, built once per set of its credentials (a chain that changes its keys
 * gets new ones): requests signed with the merchant's private key, answers verified with WeChat Pay's public key,
 * notices verified and decrypted with that key and the APIv3 key. Every request goes through one OkHttp client
 * that sends what the SDK addresses to WeChat Pay's host to the configured API base instead (the SDK has no host
 * setting of its own) and refuses any other host.
 */
final class WechatPayClients {

    private static final Set<String> WECHAT_PAY_HOSTS = Set.of("api.mch.weixin.qq.com", "api2.mch.weixin.qq.com");
    private static final int MOST_CHAINS = 512;

    record Services(NativePayService nativePay, H5Service h5, JsapiServiceExtension jsapi, RefundService refunds,
            NotificationParser notices) {
    }

    private final OkHttpClient http;
    private final Map<WechatPayMerchant, Services> byChain = new ConcurrentHashMap<>();

    WechatPayClients(WechatPayProperties properties) {
        HttpUrl apiBase = HttpUrl.get(properties.apiBase());
        this.http = new OkHttpClient.Builder().connectTimeout(properties.timeout())
                .readTimeout(properties.timeout()).writeTimeout(properties.timeout())
                .addInterceptor(chain -> chain.proceed(toApiBase(chain.request(), apiBase))).build();
    }

    Services of(WechatPayMerchant chain) {
        if (byChain.size() >= MOST_CHAINS && !byChain.containsKey(chain)) {
            byChain.clear();
        }
        return byChain.computeIfAbsent(chain, this::services);
    }

    private Services services(WechatPayMerchant chain) {
        RSAPublicKeyConfig config = new RSAPublicKeyConfig.Builder().merchantId(chain.merchantId())
                .privateKey(chain.privateKey()).merchantSerialNumber(chain.serialNumber())
                .publicKeyId(chain.publicKeyId()).publicKey(chain.publicKey()).apiV3Key(chain.apiV3Key()).build();
        AbstractHttpClient client = new DefaultHttpClientBuilder().config(config).okHttpClient(http).build();
        NotificationParser notices = new NotificationParser(new RSAPublicKeyNotificationConfig.Builder()
                .publicKeyId(chain.publicKeyId()).publicKey(chain.publicKey()).apiV3Key(chain.apiV3Key()).build());
        return new Services(new NativePayService.Builder().httpClient(client).build(),
                new H5Service.Builder().httpClient(client).build(),
                new JsapiServiceExtension.Builder().config(config).httpClient(client).signType("RSA").build(),
                new RefundService.Builder().httpClient(client).build(), notices);
    }

    /** {@code request} as sent to {@code apiBase}: its path and query under the base's path. */
    static Request toApiBase(Request request, HttpUrl apiBase) throws IOException {
        HttpUrl url = request.url();
        if (!WECHAT_PAY_HOSTS.contains(url.host())) {
            throw new IOException("not WeChat Pay's API: " + url.host());
        }
        HttpUrl to = apiBase.newBuilder().addEncodedPathSegments(url.encodedPath().substring(1))
                .encodedQuery(url.encodedQuery()).build();
        return request.newBuilder().url(to).build();
    }
}
