package dev.atelier.infra.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local fakes of Stripe, Alipay and WeChat Pay on one WireMock server (the local stack's {@code :8090}; any port in
 * tests), driven through the providers' real SDKs: {@code /stripe} (the API base for stripe-java),
 * {@code /alipay/gateway.do} (Alipay's gateway), {@code /wechatpay} (the API base for wechatpay-java),
 * {@code /wechat-open} and {@code /wechat-api} (WeChat's web authorisation for the merchant's official account, for
 * weixin-java-mp) and the hosted
 * page {@code /pay/{provider}/{orderId}} with its Pay, Fail and Cancel forms. They sign with {@link FakeKeys} made on
 * this machine; orders live in memory and, given a directory, in a file there.
 *
 * <p>Stripe's notices go to {@code stripeWebhookUrl} (Stripe has one endpoint per account); Alipay's and WeChat
 * Pay's to the notify URL each order was opened with.
 */
public final class GatewayFakes implements AutoCloseable {

    private final WireMockServer server;
    private final NoticeSender notices;
    private final FakeKeys keys;

    private GatewayFakes(WireMockServer server, NoticeSender notices, FakeKeys keys) {
        this.server = server;
        this.notices = notices;
        this.keys = keys;
    }

    /**
     * Starts the fakes on {@code port} (0: any free one), keeping their keys and orders in {@code directory} (none:
     * new keys, orders in memory only), sending Stripe's events to {@code stripeWebhookUrl}.
     */
    public static GatewayFakes start(int port, Path directory, String stripeWebhookUrl, Clock clock) {
        FakeKeys keys = directory == null
                ? FakeKeys.generate(new java.security.SecureRandom())
                : FakeKeys.loadOrCreate(directory.resolve("keys.json"));
        return start(port, keys, directory == null ? null : directory.resolve("orders.json"), stripeWebhookUrl,
                clock);
    }

    /** Starts the fakes with {@code keys}; orders kept in {@code ordersFile} when given. */
    public static GatewayFakes start(int port, FakeKeys keys, Path ordersFile, String stripeWebhookUrl,
            Clock clock) {
        int bound = port == 0 ? dev.atelier.infra.servers.Ports.free() : port;
        String baseUrl = "http://localhost:" + bound;
        FakeOrders orders = new FakeOrders(ordersFile);
        NoticeSender notices = new NoticeSender();
        List<ProviderFake> providers = List.of(
                new StripeFake(orders, notices, baseUrl, clock, keys.stripe(), stripeWebhookUrl),
                new AlipayFake(orders, notices, baseUrl, clock, keys.alipay()),
                new WechatPayFake(orders, notices, baseUrl, clock, keys.wechatpay()));
        PayPage page = new PayPage(providers);
        WechatOfficialAccountFake officialAccount = new WechatOfficialAccountFake(keys.wechatpay());
        WireMockServer server = new WireMockServer(options().port(bound).disableRequestJournal()
                .notifier(new Slf4jNotifier(false)).extensions(page, officialAccount).extensions(providers.toArray(
                        new ProviderFake[0])));
        try {
            server.start();
        } catch (RuntimeException e) {
            notices.close();
            throw e;
        }
        for (ProviderFake provider : providers) {
            String prefix = provider.provider().equals("alipay")
                    ? "/alipay/gateway\\.do"
                    : "/" + provider
                            .provider() + "/.*";
            server.stubFor(any(urlPathMatching(prefix)).willReturn(aResponse().withTransformers(
                    provider.getName())));
        }
        server.stubFor(any(urlPathMatching("/pay/.*")).willReturn(aResponse().withTransformers(PayPage.NAME)));
        server.stubFor(any(urlPathMatching("/wechat-(open|api)/.*")).willReturn(aResponse().withTransformers(
                WechatOfficialAccountFake.NAME)));
        return new GatewayFakes(server, notices, keys);
    }

    /** {@code http://localhost:<port>}. */
    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** The keys the fakes sign with, and the merchants' halves the platform is given. */
    public FakeKeys keys() {
        return keys;
    }

    /** Stripe's API base for stripe-java. */
    public String stripeApiBase() {
        return baseUrl() + "/stripe";
    }

    /** Alipay's gateway for alipay-sdk-java. */
    public String alipayGateway() {
        return baseUrl() + "/alipay/gateway.do";
    }

    /** WeChat Pay's API base for the platform's WeChat Pay client. */
    public String wechatPayApiBase() {
        return baseUrl() + "/wechatpay";
    }

    /** WeChat's hosts for weixin-java-mp: its API, its web authorisation pages, its platform pages. */
    public String wechatApiHost() {
        return baseUrl() + "/wechat-api";
    }

    public String wechatOpenHost() {
        return baseUrl() + "/wechat-open";
    }

    public String wechatMpHost() {
        return baseUrl() + "/wechat-mp";
    }

    /**
     * Writes what the platform is given for the fakes to {@code file}: the platform's Stripe secret key and webhook
     * secret, and one chain's Alipay app and WeChat Pay merchant, named as the platform's merchant credentials name
     * their fields ({@code alipay.appId}, {@code .privateKey}, {@code .alipayPublicKey}; {@code wechatpay.merchantId},
     * {@code .appId}, {@code .serialNumber}, {@code .privateKey}, {@code .apiV3Key}, {@code .publicKeyId},
     * {@code .publicKey}, {@code .appSecret}). Never the fakes' own private keys.
     */
    public Path writeMerchantFile(Path file) {
        FakeKeys.WechatPay wechat = keys.wechatpay();
        Map<String, Object> merchant = new LinkedHashMap<>();
        merchant.put("stripe", Map.of("apiBase", stripeApiBase(), "secretKey", keys.stripe().secretKey(),
                "webhookSecret", keys.stripe().webhookSecret()));
        merchant.put("alipay", Map.of("appId", keys.alipay().appId(), "privateKey", keys.alipay().appPrivateKey(),
                "alipayPublicKey", keys.alipay().alipayPublicKey()));
        Map<String, String> wechatpay = new LinkedHashMap<>();
        wechatpay.put("merchantId", wechat.merchantId());
        wechatpay.put("appId", wechat.appId());
        wechatpay.put("serialNumber", wechat.serialNumber());
        wechatpay.put("privateKey", wechat.merchantPrivateKey());
        wechatpay.put("apiV3Key", wechat.apiV3Key());
        wechatpay.put("publicKeyId", wechat.publicKeyId());
        wechatpay.put("publicKey", wechat.platformPublicKey());
        wechatpay.put("appSecret", wechat.appSecret());
        merchant.put("wechatpay", wechatpay);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, FakeHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merchant));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fakes' merchant file " + file, e);
        }
    }

    @Override
    public void close() {
        server.stop();
        notices.close();
    }

    @Override
    public String toString() {
        return "payment gateway fakes on " + baseUrl();
    }
}
