package dev.atelier.platform.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.atelier.infra.payments.FakeKeys;
import dev.atelier.infra.payments.GatewayFakes;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.alipay.AlipayGateway;
import dev.atelier.platform.payments.alipay.AlipayProperties;
import dev.atelier.platform.payments.gateway.GatewayUnavailableException;
import dev.atelier.platform.payments.gateway.InWeChatPayment;
import dev.atelier.platform.payments.gateway.MerchantKeys;
import dev.atelier.platform.payments.gateway.Notice;
import dev.atelier.platform.payments.gateway.OrderRequest;
import dev.atelier.platform.payments.gateway.PaymentGateway;
import dev.atelier.platform.payments.gateway.ProviderOrder;
import dev.atelier.platform.payments.gateway.RawNotice;
import dev.atelier.platform.payments.gateway.RefundRequest;
import dev.atelier.platform.payments.model.MerchantCredentials;
import dev.atelier.platform.payments.model.PaymentFact;
import dev.atelier.platform.payments.model.Provider;
import dev.atelier.platform.payments.stripe.StripeGateway;
import dev.atelier.platform.payments.stripe.StripeProperties;
import dev.atelier.platform.payments.wechatpay.WechatPayGateway;
import dev.atelier.platform.payments.wechatpay.WechatPayProperties;
import dev.atelier.platform.payments.wechatpay.WechatProperties;
import dev.atelier.platform.payments.wechatpay.WechatWebAuthorization;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local stack's gateway fakes ({@link GatewayFakes}, the same server {@code ./atelier up} starts on :8090)
 * driven through the real Stripe, Alipay and WeChat Pay gateways and their SDKs, with the merchant credentials a
 * chain would be given for the fakes: an order opened, its hosted page's Pay form submitted over HTTP as a browser
 * would, the provider's notice (caught by a small receiver standing in for the storefront's webhooks) verified by the
 * gateway, the order queried paid and refunded, and its refund's notice verified too; Fail and Cancel leave an order
 * unpaid, which then closes.
 */
class GatewayFakesIT {

    static final URI PAID = URI.create("https://salon.test/paid");
    static final URI NOT_PAID = URI.create("https://salon.test/not-paid");
    static final Map<Provider, BlockingQueue<RawNotice>> NOTICES = new ConcurrentHashMap<>();
    static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static HttpServer webhooks;
    static GatewayFakes fakes;
    static StripeGateway stripe;
    static AlipayGateway alipay;
    static WechatPayGateway wechatpay;
    static MerchantCredentials.StripeAccount stripeChain;
    static MerchantCredentials.AlipayMerchant alipayChain;
    static MerchantCredentials.WechatPayMerchant wechatChain;
    static WechatWebAuthorization wechatSignIn;
    static final Map<String, MerchantCredentials> ORDERS = new ConcurrentHashMap<>();

    /** Our records, as the platform keeps them: whose each order and WeChat Pay key is. */
    static final MerchantKeys KEYS = new MerchantKeys() {
        @Override
        public Optional<MerchantCredentials> ofOrder(Provider provider, String orderKey) {
            return Optional.ofNullable(ORDERS.get(orderKey)).filter(chain -> chain.provider() == provider);
        }

        @Override
        public Optional<MerchantCredentials> ofKey(Provider provider, String keyId) {
            return provider == Provider.WECHATPAY && wechatChain.publicKeyId().equals(keyId)
                    ? Optional.of(wechatChain)
                    : Optional.empty();
        }
    };

    @BeforeAll
    static void start() throws IOException {
        webhooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (Provider provider : Provider.values()) {
            NOTICES.put(provider, new LinkedBlockingQueue<>());
            webhooks.createContext("/webhooks/" + provider.id(), exchange -> received(provider, exchange));
        }
        webhooks.start();
        String receiver = "http://localhost:" + webhooks.getAddress().getPort() + "/webhooks/";
        fakes = GatewayFakes.start(0, (java.nio.file.Path) null, receiver + "stripe", Clock.systemUTC());
        FakeKeys keys = fakes.keys();
        stripe = new StripeGateway(new StripeProperties(fakes.stripeApiBase(), keys.stripe().secretKey(),
                keys.stripe().webhookSecret(), 250, Duration.ofSeconds(5), Duration.ofMinutes(5)), Clock.systemUTC());
        alipay = new AlipayGateway(new AlipayProperties(fakes.alipayGateway(), receiver + "alipay",
                Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(48), Duration.ofMinutes(5)),
                Clock.systemUTC());
        wechatpay = new WechatPayGateway(new WechatPayProperties(fakes.wechatPayApiBase(), receiver + "wechatpay",
                Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(15), "127.0.0.1"),
                Clock.systemUTC());
        stripeChain = new MerchantCredentials.StripeAccount("acct_1FakesChain");
        alipayChain = new MerchantCredentials.AlipayMerchant(keys.alipay().appId(), keys.alipay().appPrivateKey(),
                keys.alipay().alipayPublicKey());
        FakeKeys.WechatPay wechat = keys.wechatpay();
        wechatChain = new MerchantCredentials.WechatPayMerchant(wechat.merchantId(), wechat.appId(),
                wechat.serialNumber(), wechat.merchantPrivateKey(), wechat.apiV3Key(), wechat.publicKeyId(),
                wechat.platformPublicKey(), wechat.appSecret());
        wechatSignIn = new WechatWebAuthorization(new WechatProperties(fakes.wechatApiHost(), fakes.wechatOpenHost(),
                fakes.wechatMpHost(), Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        if (fakes != null) {
            fakes.close();
        }
        if (webhooks != null) {
            webhooks.stop(0);
        }
    }

    @Test
    void aCardPaidOnStripesPageIsNotifiedQueriedPaidAndRefunded() throws Exception {
        UUID payment = UUID.randomUUID();
        OrderRequest request = order(payment, "GBP", OrderRequest.Channel.DESKTOP);
        ProviderOrder order = stripe.open(request, stripeChain);
        assertThat(stripe.open(request, stripeChain)).as("the same idempotency key, the same session")
                .isEqualTo(order);
        assertThat(order.payPage().toString()).startsWith(fakes.baseUrl() + "/pay/stripe/");
        assertThat(stripe.query(order, stripeChain)).isEmpty();

        assertThat(press(order.payPage(), "pay")).isEqualTo(PAID.toString());
        Notice notice = stripe.verify(next(Provider.STRIPE), MerchantKeys.NONE);
        assertThat(notice.orderKey()).isEqualTo(order.orderId());
        assertThat(notice.merchant()).contains(stripeChain.accountId());
        PaymentFact.Paid paid = (PaymentFact.Paid) notice.fact().orElseThrow();
        assertThat(paid.amount()).isEqualTo(Money.parse("19.90", "GBP"));
        assertThat(stripe.query(order, stripeChain)).get().isInstanceOfSatisfying(PaymentFact.Paid.class,
                queried -> assertThat(queried.providerReference()).isEqualTo(paid.providerReference()));

        PaymentFact.Refunded refunded = refund(stripe, order, paid.providerReference(), "5.00", "GBP", stripeChain);
        Notice refundNotice = stripe.verify(next(Provider.STRIPE), MerchantKeys.NONE);
        assertThat(refundNotice.fact()).get().isInstanceOfSatisfying(PaymentFact.Refunded.class,
                fact -> assertThat(fact.refundId()).isEqualTo(refunded.refundId()));
        assertThat(press(order.payPage(), "pay")).as("paid once: no second charge, no second notice")
                .isEqualTo(PAID.toString());
        assertThat(NOTICES.get(Provider.STRIPE).poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aStripeOrderFailedOrCancelledStaysUnpaidAndCanBeClosed() throws Exception {
        ProviderOrder order = stripe.open(order(UUID.randomUUID(), "GBP", OrderRequest.Channel.DESKTOP),
                stripeChain);
        assertThat(press(order.payPage(), "fail")).isEqualTo(NOT_PAID.toString());
        assertThat(press(order.payPage(), "cancel")).isEqualTo(NOT_PAID.toString());
        assertThat(stripe.query(order, stripeChain)).isEmpty();
        stripe.close(order, stripeChain);
        assertThat(stripe.query(order, stripeChain)).get().isInstanceOf(PaymentFact.Closed.class);
        assertThat(status(URI.create(order.payPage() + "/pay"))).as("a closed order cannot be paid").isEqualTo(409);
        assertThat(NOTICES.get(Provider.STRIPE)).isEmpty();
    }

    @Test
    void alipaysCashierPageIsPaidNotifiedQueriedAndRefunded() throws Exception {
        UUID payment = UUID.randomUUID();
        ProviderOrder order = alipay.open(order(payment, "CNY", OrderRequest.Channel.DESKTOP), alipayChain);
        ORDERS.put(order.orderId(), alipayChain);
        assertThat(alipay.query(order, alipayChain)).as("no trade before its page is opened").isEmpty();

        URI page = opened(order.payPage());
        assertThat(page.toString()).isEqualTo(fakes.baseUrl() + "/pay/alipay/" + order.orderId());
        assertThat(alipay.query(order, alipayChain)).as("waiting for the buyer").isEmpty();
        assertThat(press(page, "pay")).isEqualTo(PAID.toString());

        Notice notice = alipay.verify(next(Provider.ALIPAY), KEYS);
        assertThat(notice.orderKey()).isEqualTo(order.orderId());
        PaymentFact.Paid paid = (PaymentFact.Paid) notice.fact().orElseThrow();
        assertThat(paid.amount()).isEqualTo(Money.parse("19.90", "CNY"));
        assertThat(alipay.query(order, alipayChain)).get().isEqualTo(new PaymentFact.Paid("query:"
                + paid.providerReference() + ":TRADE_SUCCESS", paid.amount(), paid.providerReference()));

        PaymentFact.Refunded refunded = refund(alipay, order, paid.providerReference(), "5.00", "CNY", alipayChain);
        assertThat(refunded.amount()).isEqualTo(Money.parse("5.00", "CNY"));
        Notice refundNotice = alipay.verify(next(Provider.ALIPAY), KEYS);
        assertThat(refundNotice.fact()).get().isInstanceOfSatisfying(PaymentFact.Refunded.class,
                fact -> assertThat(fact.amount()).isEqualTo(Money.parse("5.00", "CNY")));
    }

    @Test
    void anAlipayTradeFailedOrCancelledStaysUnpaidAndCanBeClosed() throws Exception {
        ProviderOrder order = alipay.open(order(UUID.randomUUID(), "CNY", OrderRequest.Channel.PHONE),
                alipayChain);
        URI page = opened(order.payPage());
        assertThat(press(page, "fail")).as("the wap page's quit_url").isEqualTo(NOT_PAID.toString());
        assertThat(press(page, "cancel")).isEqualTo(NOT_PAID.toString());
        assertThat(alipay.query(order, alipayChain)).isEmpty();
        alipay.close(order, alipayChain);
        assertThat(alipay.query(order, alipayChain)).get().isInstanceOf(PaymentFact.Closed.class);
        assertThat(NOTICES.get(Provider.ALIPAY)).isEmpty();
    }

    @Test
    void aWechatPayNativeOrderPaidFromItsQrCodePageIsNotifiedQueriedAndRefunded() throws Exception {
        UUID payment = UUID.randomUUID();
        ProviderOrder order = wechatpay.open(order(payment, "CNY", OrderRequest.Channel.DESKTOP), wechatChain);
        ORDERS.put(order.orderId(), wechatChain);
        assertThat(order.payPage().toString()).as("the code URL is the fake's page, for a QR code")
                .isEqualTo(fakes.baseUrl() + "/pay/wechatpay/" + order.orderId());
        assertThat(wechatpay.query(order, wechatChain)).isEmpty();

        assertThat(press(order.payPage(), "pay")).as("scanned on a phone: no shop to go back to")
                .isEqualTo(order.payPage().toString());
        Notice notice = wechatpay.verify(next(Provider.WECHATPAY), KEYS);
        assertThat(notice.orderKey()).isEqualTo(order.orderId());
        PaymentFact.Paid paid = (PaymentFact.Paid) notice.fact().orElseThrow();
        assertThat(paid.amount()).isEqualTo(Money.parse("19.90", "CNY"));
        assertThat(wechatpay.query(order, wechatChain)).get().isInstanceOf(PaymentFact.Paid.class);

        UUID refundId = UUID.randomUUID();
        PaymentFact.Refunded refunded = wechatpay.refund(new RefundRequest(refundId, order,
                paid.providerReference(), Money.parse("19.90", "CNY"), "cancelled in time"), wechatChain);
        assertThat(refunded.amount()).isEqualTo(Money.parse("19.90", "CNY"));
        Notice refundNotice = wechatpay.verify(next(Provider.WECHATPAY), KEYS);
        assertThat(refundNotice.fact()).get().isInstanceOfSatisfying(PaymentFact.Refunded.class,
                fact -> assertThat(fact.refundId()).isEqualTo(refundId.toString()));
        assertThat(wechatpay.query(order, wechatChain)).as("refunded, and still paid").get()
                .isInstanceOf(PaymentFact.Paid.class);
    }

    @Test
    void aWechatPayH5OrderFailedOrCancelledReturnsToItsRedirectUrlUnpaid() throws Exception {
        ProviderOrder order = wechatpay.open(order(UUID.randomUUID(), "CNY", OrderRequest.Channel.PHONE),
                wechatChain);
        assertThat(order.payPage().getQuery()).contains("redirect_url=" + PAID);
        HttpResponse<String> page = BROWSER.send(HttpRequest.newBuilder(order.payPage()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(">Pay</button>", ">Fail</button>", ">Cancel</button>", "CNY 19.90");
        URI bare = URI.create(order.payPage().toString().substring(0, order.payPage().toString().indexOf('?')));
        assertThat(press(bare, "fail")).isEqualTo(PAID.toString());
        assertThat(press(bare, "cancel")).isEqualTo(PAID.toString());
        assertThat(wechatpay.query(order, wechatChain)).isEmpty();
        wechatpay.close(order, wechatChain);
        assertThat(wechatpay.query(order, wechatChain)).get().isInstanceOf(PaymentFact.Closed.class);
        assertThat(NOTICES.get(Provider.WECHATPAY)).isEmpty();
    }

    @Test
    void insideWechatTheOfficialAccountGivesTheOpenidOnceAndAJsapiOrderSignedForWechatsBridgeIsPaidAndNotified()
            throws Exception {
        URI back = URI.create("http://aurora.localhost:8080/my/bookings/1/pay/wechat?key=k");
        URI authorize = wechatSignIn.authorizationPage(wechatChain, back, "state-1");
        assertThat(authorize.toString()).startsWith(fakes.wechatOpenHost() + "/connect/oauth2/authorize?")
                .contains("appid=" + wechatChain.appId(), "scope=snsapi_base", "state=state-1");
        URI returned = visitInWechat(authorize, "customer-a");
        assertThat(returned.toString()).startsWith(back + "&code=").endsWith("&state=state-1");
        String code = returned.getQuery().replaceAll(".*code=([^&]+).*", "$1");
        String openId = wechatSignIn.openId(wechatChain, code);
        assertThat(openId).matches(OrderRequest.OPEN_ID);
        assertThatThrownBy(() -> wechatSignIn.openId(wechatChain, code)).as("a code is good once")
                .isInstanceOf(GatewayUnavailableException.class);
        String again = visitInWechat(authorize, "customer-a").getQuery().replaceAll(".*code=([^&]+).*", "$1");
        String other = visitInWechat(authorize, "customer-b").getQuery().replaceAll(".*code=([^&]+).*", "$1");
        assertThat(wechatSignIn.openId(wechatChain, again)).as("the same person").isEqualTo(openId);
        assertThat(wechatSignIn.openId(wechatChain, other)).as("another person").isNotEqualTo(openId);
        var wrongSecret = new MerchantCredentials.WechatPayMerchant(wechatChain.merchantId(), wechatChain.appId(),
                wechatChain.serialNumber(), wechatChain.privateKey(), wechatChain.apiV3Key(),
                wechatChain.publicKeyId(), wechatChain.publicKey(), "0".repeat(32));
        String unused = visitInWechat(authorize, "customer-a").getQuery().replaceAll(".*code=([^&]+).*", "$1");
        assertThatThrownBy(() -> wechatSignIn.openId(wrongSecret, unused)).isInstanceOf(
                GatewayUnavailableException.class);

        UUID payment = UUID.randomUUID();
        OrderRequest request = new OrderRequest(payment, "pay-" + payment, Money.parse("19.90", "CNY"),
                "Deposit: Cut 剪发", PAID, NOT_PAID, OrderRequest.Channel.IN_WECHAT, openId);
        ProviderOrder order = wechatpay.open(request, wechatChain);
        ORDERS.put(order.orderId(), wechatChain);
        InWeChatPayment bridge = InWeChatPayment.of(order.payPage()).orElseThrow();
        assertThat(bridge.appId()).isEqualTo(wechatChain.appId());
        assertThat(bridge.packageValue()).isEqualTo("prepay_id=wx" + order.orderId());
        assertThat(bridge.signType()).isEqualTo("RSA");
        // what WeChat checks before it shows the payment sheet: the merchant's signature over the four values
        java.security.Signature check = java.security.Signature.getInstance("SHA256withRSA");
        check.initVerify(java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(
                        fakes.keys().wechatpay().merchantPublicKey()))));
        check.update((bridge.appId() + "\n" + bridge.timeStamp() + "\n" + bridge.nonceStr() + "\n"
                + bridge.packageValue() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(check.verify(java.util.Base64.getDecoder().decode(bridge.paySign()))).isTrue();
        assertThat(wechatpay.open(request, wechatChain).orderId()).as("the same order again")
                .isEqualTo(order.orderId());
        assertThat(wechatpay.query(order, wechatChain)).isEmpty();

        press(URI.create(fakes.baseUrl() + "/pay/wechatpay/" + order.orderId()), "pay");
        Notice notice = wechatpay.verify(next(Provider.WECHATPAY), KEYS);
        assertThat(notice.orderKey()).isEqualTo(order.orderId());
        assertThat(notice.fact()).get().isInstanceOf(PaymentFact.Paid.class);
        assertThat(wechatpay.query(order, wechatChain)).get().isInstanceOf(PaymentFact.Paid.class);
        assertThatThrownBy(() -> new OrderRequest(payment, "k", Money.parse("1.00", "CNY"), "x", PAID, NOT_PAID,
                OrderRequest.Channel.PHONE, openId)).as("an openid only inside WeChat")
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Opens WeChat's authorisation page as {@code user}'s WeChat browser does; where it sends them back. */
    private static URI visitInWechat(URI page, String user) throws Exception {
        HttpResponse<String> answer = BROWSER.send(HttpRequest.newBuilder(page).header("X-Wechat-User", user)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(300, 399);
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    private static OrderRequest order(UUID payment, String currency, OrderRequest.Channel channel) {
        return new OrderRequest(payment, "pay-" + payment, Money.parse("19.90", currency), "Deposit: Cut 剪发", PAID,
                NOT_PAID, channel);
    }

    private static PaymentFact.Refunded refund(PaymentGateway gateway, ProviderOrder order, String reference,
            String amount, String currency, MerchantCredentials chain) {
        UUID refundId = UUID.randomUUID();
        RefundRequest refund = new RefundRequest(refundId, order, reference, Money.parse(amount, currency),
                "cancelled in time");
        PaymentFact.Refunded made = gateway.refund(refund, chain);
        assertThat(gateway.refund(refund, chain).amount()).as("the same refund id refunds once")
                .isEqualTo(made.amount());
        return made;
    }

    /** Opens a cashier URL as the browser does; where it sends the customer. */
    private static URI opened(URI cashier) throws Exception {
        HttpResponse<String> answer = BROWSER.send(HttpRequest.newBuilder(cashier).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    /** Submits the page's {@code button} form; where the customer is sent. */
    private static String press(URI page, String button) throws Exception {
        HttpResponse<String> answer = BROWSER.send(HttpRequest.newBuilder(URI.create(page + "/" + button))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private static int status(URI form) throws Exception {
        return BROWSER.send(HttpRequest.newBuilder(form).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static RawNotice next(Provider provider) throws InterruptedException {
        RawNotice notice = NOTICES.get(provider).poll(10, TimeUnit.SECONDS);
        assertThat(notice).as("a notice from " + provider.id()).isNotNull();
        return notice;
    }

    private static void received(Provider provider, HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
        NOTICES.get(provider).add(new RawNotice(body, headers));
        byte[] answer = provider == Provider.ALIPAY
                ? AlipayGateway.ACKNOWLEDGED.getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (provider == Provider.WECHATPAY) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }
}
