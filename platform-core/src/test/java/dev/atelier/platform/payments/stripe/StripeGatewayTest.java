package dev.atelier.platform.payments.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.net.Webhook;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.gateway.GatewayUnavailableException;
import dev.atelier.platform.payments.gateway.MerchantKeys;
import dev.atelier.platform.payments.gateway.Notice;
import dev.atelier.platform.payments.gateway.NoticeRejectedException;
import dev.atelier.platform.payments.gateway.OrderRequest;
import dev.atelier.platform.payments.gateway.ProviderOrder;
import dev.atelier.platform.payments.gateway.RawNotice;
import dev.atelier.platform.payments.gateway.RefundRequest;
import dev.atelier.platform.payments.model.MerchantCredentials;
import dev.atelier.platform.payments.model.PaymentFact;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Stripe gateway through the real stripe-java client against a local fake of Stripe's API (WireMock): what it
 * sends for a checkout session (a direct charge on the chain's account, the platform's fee, our idempotency key),
 * one order when the request is retried across a dropped connection, queries and refunds; and a corpus of forged,
 * altered, stale and malformed notices, none of which is believed.
 */
class StripeGatewayTest {

    static final String SECRET = "whsec_test_atelier";
    static final MerchantCredentials.StripeAccount CHAIN = new MerchantCredentials.StripeAccount("acct_1ChainA2b");
    static WireMockServer fake;
    StripeGateway gateway;

    @BeforeAll
    static void start() {
        fake = new WireMockServer(options().dynamicPort());
        fake.start();
    }

    @AfterAll
    static void stop() {
        fake.stop();
    }

    @BeforeEach
    void gateway() {
        fake.resetAll();
        gateway = new StripeGateway(new StripeProperties("http://localhost:" + fake.port(), "sk_test_platform", SECRET,
                250, Duration.ofSeconds(5), Duration.ofSeconds(300)), Clock.systemUTC());
    }

    @Test
    void aCheckoutSessionIsADirectChargeOnTheChainsAccountWithThePlatformsFee() {
        fake.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(session("cs_test_1", "open", "unpaid"))));
        UUID payment = UUID.randomUUID();
        ProviderOrder order = gateway.open(order(payment, "pay-" + payment), CHAIN);

        assertThat(order).isEqualTo(new ProviderOrder("cs_test_1", URI.create("https://pay.test/cs_test_1")));
        LoggedRequest sent = fake.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))).getFirst();
        assertThat(sent.getHeader("Stripe-Account")).isEqualTo("acct_1ChainA2b");
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("pay-" + payment);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer sk_test_platform");
        String form = java.net.URLDecoder.decode(sent.getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(form).contains("mode=payment", "client_reference_id=" + payment,
                "line_items[0][price_data][currency]=cny", "line_items[0][price_data][unit_amount]=19900",
                "payment_intent_data[application_fee_amount]=498", "success_url=https://salon.test/paid");
    }

    @Test
    void aPayRequestRetriedAcrossDroppedConnectionsMakesOneOrder() {
        fake.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).inScenario("drops")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("dropped once")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        fake.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).inScenario("drops")
                .whenScenarioStateIs("dropped once").willSetStateTo("dropped twice")
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        fake.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).inScenario("drops")
                .whenScenarioStateIs("dropped twice").willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(session("cs_test_2", "open", "unpaid"))));
        UUID payment = UUID.randomUUID();
        ProviderOrder order = null;
        int failures = 0;
        for (int attempt = 0; attempt < 3 && order == null; attempt++) {
            try {
                order = gateway.open(order(payment, "pay-" + payment), CHAIN);
            } catch (GatewayUnavailableException dropped) {
                failures++;
            }
        }
        assertThat(order).isNotNull();
        assertThat(order.orderId()).isEqualTo("cs_test_2");
        List<LoggedRequest> tries = fake.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
        assertThat(tries.size()).isGreaterThanOrEqualTo(3 - failures).isGreaterThanOrEqualTo(3);
        assertThat(tries).extracting(request -> request.getHeader("Idempotency-Key"))
                .as("every try carries the same key, so Stripe makes one session").containsOnly("pay-" + payment);
    }

    @Test
    void aQuerySaysPaidOrClosedAndARefundNamesStripesRefund() {
        fake.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_paid")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(session("cs_paid", "complete", "paid"))));
        fake.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_gone")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(session("cs_gone", "expired", "unpaid"))));
        fake.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_open")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(session("cs_open", "open", "unpaid"))));
        URI page = URI.create("https://pay.test/x");
        assertThat(gateway.query(new ProviderOrder("cs_paid", page), CHAIN)).get()
                .isInstanceOfSatisfying(PaymentFact.Paid.class, paid -> {
                    assertThat(paid.amount()).isEqualTo(Money.parse("199.00", "CNY"));
                    assertThat(paid.providerReference()).isEqualTo("pi_cs_paid");
                });
        assertThat(gateway.query(new ProviderOrder("cs_gone", page), CHAIN)).get()
                .isInstanceOf(PaymentFact.Closed.class);
        assertThat(gateway.query(new ProviderOrder("cs_open", page), CHAIN)).isEmpty();

        fake.stubFor(post(urlPathEqualTo("/v1/refunds")).withHeader("Stripe-Account", equalTo("acct_1ChainA2b"))
                .withRequestBody(containing("payment_intent=pi_cs_paid")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"id":"re_1","object":"refund","amount":5000,"currency":"cny",
                                 "payment_intent":"pi_cs_paid","status":"succeeded"}""")));
        UUID refund = UUID.randomUUID();
        PaymentFact.Refunded refunded = gateway.refund(new RefundRequest(refund, new ProviderOrder("cs_paid", page),
                "pi_cs_paid", Money.parse("50.00", "CNY"), "cancelled in time"), CHAIN);
        assertThat(refunded.refundId()).isEqualTo("re_1");
        assertThat(refunded.amount()).isEqualTo(Money.parse("50.00", "CNY"));
        assertThat(fake.findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))).getFirst()
                .getHeader("Idempotency-Key")).isEqualTo("refund-" + refund);
    }

    @Test
    void aSignedNoticeIsBelievedAndAnUnknownTypeIsAcknowledgedAndIgnored() throws Exception {
        String body = event("evt_1", "checkout.session.completed", 19900, "cny");
        Notice paid = gateway.verify(signed(body, SECRET), MerchantKeys.NONE);
        assertThat(paid.eventId()).isEqualTo("evt_1");
        assertThat(paid.orderKey()).isEqualTo("cs_test_9");
        assertThat(paid.merchant()).contains("acct_1ChainA2b");
        assertThat(paid.fact()).get().isEqualTo(new PaymentFact.Paid("evt_1", Money.parse("199.00", "CNY"),
                "pi_9"));

        Notice refunded = gateway.verify(signed("""
                {"id":"evt_2","object":"event","type":"refund.updated","account":"acct_1ChainA2b",
                 "api_version":"2020-08-27",
                 "data":{"object":{"id":"re_7","object":"refund","amount":100,"currency":"cny",
                 "payment_intent":"pi_9","status":"succeeded"}}}""", SECRET), MerchantKeys.NONE);
        assertThat(refunded.orderKey()).isEqualTo("pi_9");
        assertThat(refunded.fact()).get().isEqualTo(new PaymentFact.Refunded("evt_2", "re_7",
                Money.parse("1.00", "CNY")));

        Notice other = gateway.verify(signed("""
                {"id":"evt_3","object":"event","type":"customer.created","api_version":"2020-08-27",
                 "data":{"object":{"id":"cus_1",
                 "object":"customer"}}}""", SECRET), MerchantKeys.NONE);
        assertThat(other.fact()).isEmpty();
    }

    @Test
    void forgedAlteredStaleAndMalformedNoticesAreNeverBelieved() throws Exception {
        String body = event("evt_1", "checkout.session.completed", 19900, "cny");
        long now = System.currentTimeMillis() / 1000;
        Map<String, RawNotice> corpus = new java.util.LinkedHashMap<>();
        corpus.put("no signature", new RawNotice(bytes(body), Map.of()));
        corpus.put("another secret", signed(body, "whsec_someone_else"));
        corpus.put("altered amount", withBody(signed(body, SECRET), body.replace("19900", "1")));
        corpus.put("altered currency", withBody(signed(body, SECRET), body.replace("\"cny\"", "\"jpy\"")));
        corpus.put("another chain's order", withBody(signed(body, SECRET), body.replace("cs_test_9", "cs_other")));
        corpus.put("stale timestamp", new RawNotice(bytes(body), Map.of("Stripe-Signature",
                Webhook.Signature.generateSignatureHeader(body, SECRET, now - 3_600))));
        corpus.put("from the future", new RawNotice(bytes(body), Map.of("Stripe-Signature",
                Webhook.Signature.generateSignatureHeader(body, SECRET, now + 3_600))));
        corpus.put("garbled signature", new RawNotice(bytes(body), Map.of("Stripe-Signature", "t=1,v1=zz")));
        corpus.put("signature scheme missing", new RawNotice(bytes(body), Map.of("Stripe-Signature",
                "t=" + now)));
        corpus.put("malformed body", signed("{\"id\":", SECRET));
        corpus.put("not UTF-8", new RawNotice(new byte[]{(byte) 0xC0, (byte) 0xAF}, Map.of("Stripe-Signature",
                "t=" + now + ",v1=00")));
        corpus.put("no event id", signed(body.replace("\"id\":\"evt_1\",", ""), SECRET));
        List<String> believed = new ArrayList<>();
        corpus.forEach((kind, notice) -> {
            try {
                gateway.verify(notice, MerchantKeys.NONE);
                believed.add(kind);
            } catch (NoticeRejectedException refused) {
                // as it must be
            }
        });
        assertThat(believed).as("of " + corpus.size() + " kinds of forged notice").isEmpty();
        assertThatThrownBy(() -> new StripeGateway(new StripeProperties("http://localhost:1", "", "", 0,
                Duration.ofSeconds(1), Duration.ofSeconds(300)), Clock.systemUTC())
                .verify(signed(body, SECRET), MerchantKeys.NONE))
                .as("without a webhook secret nothing is believed").isInstanceOf(NoticeRejectedException.class);
    }

    private static OrderRequest order(UUID payment, String key) {
        return new OrderRequest(payment, key, Money.parse("199.00", "CNY"), "Deposit: Cut and colour",
                URI.create("https://salon.test/paid"), URI.create("https://salon.test/not-paid"),
                OrderRequest.Channel.DESKTOP);
    }

    private static String session(String id, String status, String paymentStatus) {
        return """
                {"id":"%s","object":"checkout.session","url":"https://pay.test/%s","status":"%s",
                 "payment_status":"%s","amount_total":19900,"currency":"cny","payment_intent":"pi_%s",
                 "mode":"payment"}""".formatted(id, id, status, paymentStatus, id);
    }

    private static String event(String id, String type, long amount, String currency) {
        return """
                {"id":"%s","object":"event","type":"%s","account":"acct_1ChainA2b","api_version":"2020-08-27",
                 "data":{"object":{"id":"cs_test_9","object":"checkout.session","status":"complete",
                 "payment_status":"paid","amount_total":%d,"currency":"%s","payment_intent":"pi_9"}}}"""
                .formatted(id, type, amount, currency);
    }

    private static RawNotice signed(String body, String secret) throws Exception {
        return new RawNotice(bytes(body), Map.of("Stripe-Signature",
                Webhook.Signature.generateSignatureHeader(body, secret)));
    }

    private static RawNotice withBody(RawNotice notice, String body) {
        return new RawNotice(bytes(body), notice.headers());
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
