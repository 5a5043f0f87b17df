package dev.atelier.platform.payments.alipay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alipay.api.internal.util.AlipaySignature;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import dev.atelier.platform.payments.model.MerchantCredentials.AlipayMerchant;
import dev.atelier.platform.payments.model.PaymentFact;
import dev.atelier.platform.payments.model.Provider;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Security;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Alipay gateway through the real alipay-sdk-java client against a local fake of Alipay's open-platform gateway
 * (WireMock) that signs its answers as Alipay does, with RSA keys made here: the chain's app key pair (the gateway
 * signs with its private half) and "Alipay's" pair (the fake signs with its private half; the chain holds its public
 * half). What a cashier page carries; queries, closes and refunds, one refund however often it is asked; answers
 * not signed by the chain's Alipay key are never believed; and a corpus of forged, altered, stale, misdirected and
 * malformed notices, none of which is believed.
 */
class AlipayGatewayTest {

    static final String GATEWAY_PATH = "/alipay/gateway.do";
    static final String NOTIFY_URL = "https://atelier.test/webhooks/alipay";
    static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z"); // 12:00 in Shanghai
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DISABLED_ALGORITHMS = "jdk.certpath.disabledAlgorithms";

    static String disabledAlgorithmsBefore;
    static KeyPair chainApp;
    static KeyPair alipay;
    static KeyPair otherApp;
    static KeyPair otherAlipay;
    static AlipayMerchant chain;
    static AlipayMerchant otherChain;
    static WireMockServer fake;

    final UUID payment = UUID.fromString("7c0a5a2e-5d0b-4c36-9a39-2f4f6c1d8e01");
    final String outTradeNo = "7c0a5a2e5d0b4c369a392f4f6c1d8e01";
    final String otherChainsOrder = "0b9f2c3d4e5f60718293a4b5c6d7e8f9";
    final MerchantKeys keys = new MerchantKeys() {
        @Override
        public Optional<MerchantCredentials> ofOrder(Provider provider, String orderKey) {
            if (provider != Provider.ALIPAY) {
                return Optional.empty();
            }
            return Optional.ofNullable(Map.<String, MerchantCredentials>of(outTradeNo, chain, otherChainsOrder,
                    otherChain).get(orderKey));
        }

        @Override
        public Optional<MerchantCredentials> ofKey(Provider provider, String keyId) {
            return Optional.empty();
        }
    };
    AlipayGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        disabledAlgorithmsBefore = Security.getProperty(DISABLED_ALGORITHMS);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        chainApp = generator.generateKeyPair();
        alipay = generator.generateKeyPair();
        otherApp = generator.generateKeyPair();
        otherAlipay = generator.generateKeyPair();
        chain = new AlipayMerchant("2021000000000001", base64(chainApp.getPrivate().getEncoded()),
                base64(alipay.getPublic().getEncoded()));
        otherChain = new AlipayMerchant("2021000000000002", base64(otherApp.getPrivate().getEncoded()),
                base64(otherAlipay.getPublic().getEncoded()));
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
        gateway = new AlipayGateway(properties(Duration.ofHours(48)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    // --- opening an order -------------------------------------------------------------------------------------

    @Test
    void aDesktopOrderIsAPagePayUrlSignedWithTheChainsKeyAndNoCallToAlipay() throws Exception {
        ProviderOrder order = gateway.open(order(OrderRequest.Channel.DESKTOP), chain);

        assertThat(order.orderId()).isEqualTo(outTradeNo);
        assertThat(order.payPage().toString()).startsWith(fake.baseUrl() + GATEWAY_PATH + "?");
        Map<String, String> page = query(order.payPage().getRawQuery());
        assertThat(page).containsEntry("method", "alipay.trade.page.pay").containsEntry("app_id", chain.appId())
                .containsEntry("sign_type", "RSA2").containsEntry("charset", "UTF-8")
                .containsEntry("notify_url", NOTIFY_URL).containsEntry("return_url", "https://salon.test/paid");
        JsonNode biz = JSON.readTree(page.get("biz_content"));
        assertThat(biz.path("out_trade_no").stringValue()).isEqualTo(outTradeNo);
        assertThat(biz.path("total_amount").stringValue()).isEqualTo("199.00");
        assertThat(biz.path("subject").stringValue()).isEqualTo("Deposit: Cut colour 剪发");
        assertThat(biz.path("product_code").stringValue()).isEqualTo("FAST_INSTANT_TRADE_PAY");
        assertThat(biz.path("time_expire").stringValue()).as("the pay window, in Shanghai time")
                .isEqualTo("2026-12-02 12:15:00");
        assertThat(signatureHolds(page, true, chainApp)).as("signed RSA2 with the chain's app key").isTrue();
        assertThat(AlipaySignature.rsaCheckV2(new LinkedHashMap<>(page), base64(chainApp.getPublic().getEncoded()),
                "UTF-8", "RSA2")).as("and so the SDK finds it too").isTrue();
        assertThat(signatureHolds(page, true, otherApp)).isFalse();

        ProviderOrder again = gateway.open(order(OrderRequest.Channel.DESKTOP), chain);
        assertThat(again.orderId()).as("the same payment opens the same trade").isEqualTo(outTradeNo);
        assertThat(query(again.payPage().getRawQuery()).get("biz_content")).isEqualTo(page.get("biz_content"));
        assertThat(fake.getAllServeEvents()).as("opening calls nobody: the page is signed here").isEmpty();
    }

    @Test
    void aPhoneOrInWechatOrderIsAWapPayUrlThatReturnsToTheSalonWhenTheCustomerQuits() throws Exception {
        for (OrderRequest.Channel channel : List.of(OrderRequest.Channel.PHONE, OrderRequest.Channel.IN_WECHAT)) {
            ProviderOrder order = gateway.open(order(channel), chain);
            Map<String, String> page = query(order.payPage().getRawQuery());
            assertThat(page).containsEntry("method", "alipay.trade.wap.pay").containsEntry("notify_url", NOTIFY_URL);
            JsonNode biz = JSON.readTree(page.get("biz_content"));
            assertThat(biz.path("product_code").stringValue()).isEqualTo("QUICK_WAP_WAY");
            assertThat(biz.path("quit_url").stringValue()).isEqualTo("https://salon.test/not-paid");
            assertThat(biz.path("out_trade_no").stringValue()).isEqualTo(outTradeNo);
            assertThat(signatureHolds(page, true, chainApp)).isTrue();
        }
    }

    @Test
    void alipayTakesYuanOnly() {
        assertThatThrownBy(() -> gateway.open(new OrderRequest(payment, "pay-" + payment,
                Money.parse("20.00", "GBP"), "Cut", URI.create("https://salon.test/paid"),
                URI.create("https://salon.test/not-paid"), OrderRequest.Channel.DESKTOP), chain))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.open(order(OrderRequest.Channel.DESKTOP),
                new MerchantCredentials.StripeAccount("acct_1ChainA2b"))).isInstanceOf(IllegalArgumentException.class);
    }

    // --- asking, closing ----------------------------------------------------------------------------------------

    @Test
    void aQuerySaysPaidFinishedClosedOrStillOpenAndIsSignedAsTheChain() throws Exception {
        ProviderOrder order = new ProviderOrder(outTradeNo, URI.create("https://pay.test"));
        answer("alipay.trade.query", trade("TRADE_SUCCESS", "199.00"));
        assertThat(gateway.query(order, chain)).contains(new PaymentFact.Paid(
                "query:2026120222001400001:TRADE_SUCCESS", Money.parse("199.00", "CNY"), "2026120222001400001"));
        LoggedRequest sent = fake.findAll(postRequestedFor(urlPathEqualTo(GATEWAY_PATH))).getFirst();
        Map<String, String> params = query(sent.getUrl().substring(sent.getUrl().indexOf('?') + 1));
        params.putAll(query(sent.getBodyAsString()));
        assertThat(params).containsEntry("method", "alipay.trade.query").containsEntry("app_id", chain.appId());
        assertThat(JSON.readTree(params.get("biz_content")).path("out_trade_no").stringValue()).isEqualTo(outTradeNo);
        assertThat(signatureHolds(params, true, chainApp)).as("the request is signed with the chain's key").isTrue();

        answer("alipay.trade.query", trade("TRADE_FINISHED", "199.00"));
        assertThat(gateway.query(order, chain)).get().isInstanceOfSatisfying(PaymentFact.Paid.class,
                paid -> assertThat(paid.eventId()).isEqualTo("query:2026120222001400001:TRADE_FINISHED"));
        answer("alipay.trade.query", trade("TRADE_CLOSED", "199.00"));
        assertThat(gateway.query(order, chain)).contains(new PaymentFact.Closed(
                "query:2026120222001400001:TRADE_CLOSED"));
        answer("alipay.trade.query", trade("WAIT_BUYER_PAY", "199.00"));
        assertThat(gateway.query(order, chain)).isEmpty();
        answer("alipay.trade.query", notExistJson());
        assertThat(gateway.query(order, chain)).as("the customer never opened the page").isEmpty();
    }

    @Test
    void anAnswerNotSignedByTheChainsAlipayKeyIsNeverBelieved() {
        ProviderOrder order = new ProviderOrder(outTradeNo, URI.create("https://pay.test"));
        String paid = trade("TRADE_SUCCESS", "199.00");
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("signed by another key", signed("alipay.trade.query", paid, otherAlipay.getPrivate()));
        corpus.put("signed by the chain's own app key", signed("alipay.trade.query", paid, chainApp.getPrivate()));
        corpus.put("altered after signing", signed("alipay.trade.query", paid, alipay.getPrivate())
                .replace("\"199.00\"", "\"1.00\""));
        corpus.put("garbled signature", "{\"alipay_trade_query_response\":" + paid + ",\"sign\":\"AAAA\"}");
        corpus.put("unsigned", "{\"alipay_trade_query_response\":" + paid + "}");
        corpus.put("unsigned 'no such trade'", "{\"alipay_trade_query_response\":" + notExistJson() + "}");
        corpus.put("'no such trade' signed by another key", signed("alipay.trade.query", notExistJson(),
                otherAlipay.getPrivate()));
        corpus.put("for another trade", signed("alipay.trade.query", paid.replace(outTradeNo, otherChainsOrder),
                alipay.getPrivate()));
        corpus.put("an amount of three decimals", signed("alipay.trade.query", trade("TRADE_SUCCESS", "199.001"),
                alipay.getPrivate()));
        corpus.put("not JSON", "<html>busy</html>");
        corpus.forEach((kind, body) -> {
            fake.stubFor(gatewayCall("alipay.trade.query").willReturn(json(body)));
            assertThatThrownBy(() -> gateway.query(order, chain)).as(kind)
                    .isInstanceOf(GatewayUnavailableException.class);
        });
        fake.stubFor(gatewayCall("alipay.trade.query").willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> gateway.query(order, chain)).isInstanceOf(GatewayUnavailableException.class);
        fake.stubFor(gatewayCall("alipay.trade.query").willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> gateway.query(order, chain)).isInstanceOf(GatewayUnavailableException.class);
    }

    @Test
    void closingATradeThatIsClosedPaidOrNeverOpenedDoesNothing() {
        ProviderOrder order = new ProviderOrder(outTradeNo, URI.create("https://pay.test"));
        answer("alipay.trade.close", """
                {"code":"10000","msg":"Success","out_trade_no":"%s","trade_no":"2026120222001400001"}"""
                .formatted(outTradeNo));
        gateway.close(order, chain);
        assertThat(JSON.readTree(query(fake.findAll(postRequestedFor(urlPathEqualTo(GATEWAY_PATH))).getFirst()
                .getBodyAsString()).get("biz_content")).path("out_trade_no").stringValue()).isEqualTo(outTradeNo);
        answer("alipay.trade.close", notExistJson());
        gateway.close(order, chain);
        answer("alipay.trade.close", refused("ACQ.TRADE_STATUS_ERROR"));
        gateway.close(order, chain);

        answer("alipay.trade.close", refused("ACQ.SYSTEM_ERROR"));
        assertThatThrownBy(() -> gateway.close(order, chain)).isInstanceOf(GatewayUnavailableException.class);
        fake.stubFor(gatewayCall("alipay.trade.close").willReturn(json("{\"alipay_trade_close_response\":"
                + notExistJson() + "}")));
        assertThatThrownBy(() -> gateway.close(order, chain)).as("an unsigned 'no such trade' is not Alipay's")
                .isInstanceOf(GatewayUnavailableException.class);
    }

    // --- refunds ------------------------------------------------------------------------------------------------

    @Test
    void aRefundIsOurRefundsIdAtAlipayAndAnsweredWithItsOwnAmount() throws Exception {
        UUID refund = UUID.randomUUID();
        answer("alipay.trade.refund", refundAnswer("Y", "50.00"));
        PaymentFact.Refunded refunded = gateway.refund(refund(refund, "50.00"), chain);

        assertThat(refunded).isEqualTo(new PaymentFact.Refunded("refund:" + refund, refund.toString(),
                Money.parse("50.00", "CNY")));
        JsonNode biz = JSON.readTree(query(fake.findAll(postRequestedFor(urlPathEqualTo(GATEWAY_PATH))).getFirst()
                .getBodyAsString()).get("biz_content"));
        assertThat(biz.path("out_request_no").stringValue()).isEqualTo(refund.toString());
        assertThat(biz.path("out_trade_no").stringValue()).isEqualTo(outTradeNo);
        assertThat(biz.path("refund_amount").stringValue()).isEqualTo("50.00");
        assertThat(biz.path("refund_reason").stringValue()).isEqualTo("cancelled in time");

        fake.resetAll();
        answer("alipay.trade.refund", refundAnswer("Y", "80.00"));
        assertThat(gateway.refund(refund(UUID.randomUUID(), "30.00"), chain).amount())
                .as("the trade's total refunded so far is not this refund's amount")
                .isEqualTo(Money.parse("30.00", "CNY"));
    }

    @Test
    void aRefundRetriedAcrossADroppedConnectionIsOneRefundAtAlipay() throws Exception {
        UUID refund = UUID.randomUUID();
        fake.stubFor(gatewayCall("alipay.trade.refund").inScenario("drops").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("dropped").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        fake.stubFor(gatewayCall("alipay.trade.refund").inScenario("drops").whenScenarioStateIs("dropped")
                .willReturn(json(signed("alipay.trade.refund", refundAnswer("N", "50.00"), alipay.getPrivate()))));
        answer("alipay.trade.fastpay.refund.query", refundQuery(refund.toString(), "REFUND_SUCCESS", "50.00"));
        PaymentFact.Refunded refunded = null;
        int failures = 0;
        for (int attempt = 0; attempt < 3 && refunded == null; attempt++) {
            try {
                refunded = gateway.refund(refund(refund, "50.00"), chain);
            } catch (GatewayUnavailableException dropped) {
                failures++;
            }
        }
        assertThat(refunded).isEqualTo(new PaymentFact.Refunded("refund:" + refund, refund.toString(),
                Money.parse("50.00", "CNY")));
        List<LoggedRequest> tries = fake.findAll(postRequestedFor(urlPathEqualTo(GATEWAY_PATH))
                .withQueryParam("method", equalTo("alipay.trade.refund")));
        assertThat(tries.size()).isGreaterThanOrEqualTo(2).isGreaterThanOrEqualTo(failures + 1);
        List<String> requestNumbers = new ArrayList<>();
        for (LoggedRequest sent : tries) {
            requestNumbers.add(JSON.readTree(query(sent.getBodyAsString()).get("biz_content")).path("out_request_no")
                    .stringValue());
        }
        assertThat(requestNumbers).as("every try is the same refund to Alipay").containsOnly(refund.toString());

        answer("alipay.trade.fastpay.refund.query", refundQuery(refund.toString(), null, null));
        assertThatThrownBy(() -> gateway.refund(refund(refund, "50.00"), chain))
                .as("taken but not known to be made: asked again later, never assumed")
                .isInstanceOf(GatewayUnavailableException.class);
        answer("alipay.trade.refund", refused("ACQ.TRADE_NOT_ALLOW_REFUND"));
        assertThatThrownBy(() -> gateway.refund(refund(refund, "50.00"), chain))
                .isInstanceOf(GatewayUnavailableException.class);
    }

    // --- notices ------------------------------------------------------------------------------------------------

    @Test
    void aSignedNoticeSaysPaidClosedOrNothingAndARedeliveryHasTheSameEventId() {
        Notice paid = gateway.verify(notice(signed(paidNotice(), alipay.getPrivate())), keys);
        assertThat(paid.eventId()).isEqualTo("2026120200222120000012345");
        assertThat(paid.orderKey()).isEqualTo(outTradeNo);
        assertThat(paid.merchant()).contains(chain.appId());
        assertThat(paid.fact()).contains(new PaymentFact.Paid("2026120200222120000012345",
                Money.parse("199.00", "CNY"), "2026120222001400001"));
        assertThat(gateway.verify(notice(signed(paidNotice(), alipay.getPrivate())), keys).eventId())
                .as("Alipay redelivers a notice with its notify_id: counted once upstream").isEqualTo(paid.eventId());

        Map<String, String> finished = paidNotice();
        finished.put("trade_status", "TRADE_FINISHED");
        assertThat(gateway.verify(notice(signed(finished, alipay.getPrivate())), keys).fact()).get()
                .isInstanceOf(PaymentFact.Paid.class);
        Map<String, String> closed = paidNotice();
        closed.put("trade_status", "TRADE_CLOSED");
        assertThat(gateway.verify(notice(signed(closed, alipay.getPrivate())), keys).fact())
                .contains(new PaymentFact.Closed("2026120200222120000012345"));
        for (String nothing : List.of("WAIT_BUYER_PAY", "SOMETHING_NEW")) {
            Map<String, String> fields = paidNotice();
            fields.put("trade_status", nothing);
            Notice ignored = gateway.verify(notice(signed(fields, alipay.getPrivate())), keys);
            assertThat(ignored.fact()).as(nothing).isEmpty();
            assertThat(ignored.eventId()).isEqualTo("2026120200222120000012345");
        }
        Map<String, String> late = paidNotice();
        late.put("notify_time", shanghai(NOW.minus(Duration.ofHours(47))));
        assertThat(gateway.verify(notice(signed(late, alipay.getPrivate())), keys).fact())
                .as("Alipay retries for about 25 hours: a day-old delivery is still taken").isPresent();
        assertThat(AlipayGateway.ACKNOWLEDGED).isEqualTo("success");
    }

    @Test
    void aRefundsNoticeNamesOurRefundWithThatRefundsOwnAmount() {
        UUID refund = UUID.randomUUID();
        answer("alipay.trade.fastpay.refund.query", refundQuery(refund.toString(), "REFUND_SUCCESS", "30.00"));
        Map<String, String> partly = refundNotice(refund.toString(), "80.00");
        Notice refunded = gateway.verify(notice(signed(partly, alipay.getPrivate())), keys);
        assertThat(refunded.fact()).as("a second partial refund: 80.00 is the trade's total, 30.00 this refund's")
                .contains(new PaymentFact.Refunded("2026120200222120000012345", refund.toString(),
                        Money.parse("30.00", "CNY")));

        Map<String, String> fully = refundNotice(refund.toString(), "199.00");
        fully.put("trade_status", "TRADE_CLOSED");
        fully.put("gmt_close", "2026-12-02 11:58:00");
        assertThat(gateway.verify(notice(signed(fully, alipay.getPrivate())), keys).fact()).as("not merely closed")
                .get().isInstanceOf(PaymentFact.Refunded.class);

        answer("alipay.trade.fastpay.refund.query", refundQuery(refund.toString(), null, null));
        assertThatThrownBy(() -> gateway.verify(notice(signed(partly, alipay.getPrivate())), keys))
                .as("not acknowledged until Alipay confirms the refund: it delivers the notice again")
                .isInstanceOf(GatewayUnavailableException.class);
    }

    @Test
    void forgedAlteredStaleMisdirectedAndMalformedNoticesAreNeverBelieved() {
        Map<String, String> paid = paidNotice();
        Map<String, String> signed = signed(paid, alipay.getPrivate());
        Map<String, RawNotice> corpus = new LinkedHashMap<>();
        corpus.put("no signature", notice(without(signed, "sign")));
        corpus.put("signed by another key", notice(signed(paid, otherAlipay.getPrivate())));
        corpus.put("signed by the chain's own app key", notice(signed(paid, chainApp.getPrivate())));
        corpus.put("garbled signature", notice(with(signed, "sign", "not base64 at all")));
        corpus.put("amount altered after signing", notice(with(signed, "total_amount", "1.00")));
        corpus.put("trade altered after signing", notice(with(signed, "trade_no", "2026120222001409999")));
        corpus.put("status altered after signing", notice(with(with(signed, "trade_status", "TRADE_CLOSED"),
                "refund_fee", "199.00")));
        corpus.put("currency added after signing", notice(with(signed, "trans_currency", "USD")));
        corpus.put("signed in another currency", notice(signed(with(paid, "trans_currency", "USD"),
                alipay.getPrivate())));
        corpus.put("an amount of three decimals", notice(signed(with(paid, "total_amount", "199.001"),
                alipay.getPrivate())));
        corpus.put("a negative amount", notice(signed(with(paid, "total_amount", "-199.00"), alipay.getPrivate())));
        corpus.put("an amount that is not a number", notice(signed(with(paid, "total_amount", "1e2"),
                alipay.getPrivate())));
        corpus.put("an amount of 0", notice(signed(with(paid, "total_amount", "0.00"), alipay.getPrivate())));
        corpus.put("another chain's order", notice(signed(with(paid, "out_trade_no", otherChainsOrder),
                alipay.getPrivate())));
        corpus.put("another chain's order, its app id too", notice(signed(with(with(paid, "out_trade_no",
                otherChainsOrder), "app_id", otherChain.appId()), alipay.getPrivate())));
        corpus.put("another app id", notice(signed(with(paid, "app_id", "2021000000009999"), alipay.getPrivate())));
        corpus.put("another authorising app", notice(signed(with(paid, "auth_app_id", "2021000000009999"),
                alipay.getPrivate())));
        corpus.put("an order we do not have", notice(signed(with(paid, "out_trade_no",
                "ffffffffffffffffffffffffffffffff"), alipay.getPrivate())));
        corpus.put("an order number not of ours", notice(signed(with(paid, "out_trade_no", "ORDER-1"),
                alipay.getPrivate())));
        corpus.put("stale (replayed after the tolerance)", notice(signed(with(paid, "notify_time",
                shanghai(NOW.minus(Duration.ofHours(49)))), alipay.getPrivate())));
        corpus.put("from the future", notice(signed(with(paid, "notify_time",
                shanghai(NOW.plus(Duration.ofMinutes(10)))), alipay.getPrivate())));
        corpus.put("a time that is no time", notice(signed(with(paid, "notify_time", "2026-02-30 12:00:00"),
                alipay.getPrivate())));
        corpus.put("no notify_id", notice(signed(without(paid, "notify_id"), alipay.getPrivate())));
        corpus.put("no notify_time", notice(signed(without(paid, "notify_time"), alipay.getPrivate())));
        corpus.put("no out_trade_no", notice(signed(without(paid, "out_trade_no"), alipay.getPrivate())));
        corpus.put("no trade_no on a payment", notice(signed(without(paid, "trade_no"), alipay.getPrivate())));
        corpus.put("no app_id", notice(signed(without(paid, "app_id"), alipay.getPrivate())));
        corpus.put("signed RSA, not RSA2", notice(with(signed, "sign_type", "RSA")));
        corpus.put("a refund without its refund", notice(signed(with(paid, "refund_fee", "10.00"),
                alipay.getPrivate())));
        corpus.put("a refund of three decimals", notice(signed(refundNotice(UUID.randomUUID().toString(),
                "10.001"), alipay.getPrivate())));
        corpus.put("GBK", notice(signed(with(paid, "charset", "gbk"), alipay.getPrivate())));
        String form = form(signed);
        corpus.put("no Content-Type", new RawNotice(bytes(form), Map.of()));
        corpus.put("JSON, not a form", new RawNotice(bytes(form), Map.of("Content-Type", "application/json")));
        corpus.put("a form in another charset", new RawNotice(bytes(form), Map.of("Content-Type",
                "application/x-www-form-urlencoded; charset=GBK")));
        corpus.put("a field given twice", raw(form + "&out_trade_no=" + otherChainsOrder));
        corpus.put("a broken escape", raw(form + "&subject=%E5%8"));
        corpus.put("an escape that is not UTF-8", raw(form.replace("subject=", "subject=%C0%AF")));
        corpus.put("raw bytes that are not ASCII", new RawNotice(
                (form + "&x=剪").getBytes(StandardCharsets.UTF_8), formType()));
        corpus.put("a field without a name", raw("=1&" + form));
        corpus.put("an empty body", raw(""));
        corpus.put("not a form at all", raw("{\"out_trade_no\":\"" + outTradeNo + "\"}"));

        List<String> believed = new ArrayList<>();
        corpus.forEach((kind, notice) -> {
            try {
                gateway.verify(notice, keys);
                believed.add(kind);
            } catch (NoticeRejectedException refused) {
                // as it must be
            } catch (RuntimeException other) {
                believed.add(kind + " (" + other + ")");
            }
        });
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(10);
        assertThat(believed).as("of " + corpus.size() + " kinds of forged notice").isEmpty();
        assertThat(fake.getAllServeEvents()).as("nothing of a refused notice reached Alipay").isEmpty();
    }

    @Test
    void theSdkLeavesTheJvmsDisabledCertificateAlgorithmsAsTheyWere() {
        answer("alipay.trade.query", trade("WAIT_BUYER_PAY", "199.00"));
        gateway.query(new ProviderOrder(outTradeNo, URI.create("https://pay.test")), chain);
        assertThat(Security.getProperty(DISABLED_ALGORITHMS)).isEqualTo(disabledAlgorithmsBefore).isNotBlank();
    }

    @Test
    void aChainWhoseKeysChangedIsSignedForWithItsNewKeys() throws Exception {
        gateway.open(order(OrderRequest.Channel.DESKTOP), chain);
        AlipayMerchant rotated = new AlipayMerchant(chain.appId(), base64(otherApp.getPrivate().getEncoded()),
                chain.alipayPublicKey());
        Map<String, String> page = query(gateway.open(order(OrderRequest.Channel.DESKTOP), rotated).payPage()
                .getRawQuery());
        assertThat(signatureHolds(page, true, otherApp)).isTrue();
        assertThat(signatureHolds(page, true, chainApp)).isFalse();
    }

    @Test
    void theGatewayIsAComponentBoundToItsProperties() {
        new ApplicationContextRunner().withUserConfiguration(Wiring.class)
                .withPropertyValues("atelier.payments.alipay.notice-max-age=72h").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(AlipayGateway.class);
                    AlipayProperties bound = context.getBean(AlipayProperties.class);
                    assertThat(bound.serverUrl()).isEqualTo("http://localhost:8090/alipay/gateway.do");
                    assertThat(bound.notifyUrl()).isEqualTo("http://localhost:8080/webhooks/alipay");
                    assertThat(bound.payWindow()).isEqualTo(Duration.ofMinutes(15));
                    assertThat(bound.noticeMaxAge()).isEqualTo(Duration.ofHours(72));
                    assertThat(bound.noticeClockSkew()).isEqualTo(Duration.ofMinutes(5));
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AlipayProperties.class)
    @Import(AlipayGateway.class)
    static class Wiring {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Test
    void thePropertiesRefuseWhatAlipayCannotTake() {
        assertThatThrownBy(() -> new AlipayProperties("http://localhost/alipay", NOTIFY_URL, Duration.ofSeconds(5),
                Duration.ofMinutes(2), Duration.ofHours(48), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlipayProperties("http://localhost/alipay", NOTIFY_URL, Duration.ofSeconds(5),
                Duration.ofSeconds(930), Duration.ofHours(48), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlipayProperties("localhost/alipay", NOTIFY_URL, Duration.ofSeconds(5),
                Duration.ofMinutes(15), Duration.ofHours(48), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- the fake's Alipay --------------------------------------------------------------------------------------

    private static AlipayProperties properties(Duration maxAge) {
        return new AlipayProperties(fake.baseUrl() + GATEWAY_PATH, NOTIFY_URL, Duration.ofSeconds(5),
                Duration.ofMinutes(15), maxAge, Duration.ofMinutes(5));
    }

    private OrderRequest order(OrderRequest.Channel channel) {
        return new OrderRequest(payment, "pay-" + payment, Money.parse("199.00", "CNY"),
                "Deposit: Cut & colour 剪发", URI.create("https://salon.test/paid"),
                URI.create("https://salon.test/not-paid"), channel);
    }

    private RefundRequest refund(UUID refund, String amount) {
        return new RefundRequest(refund, new ProviderOrder(outTradeNo, URI.create("https://pay.test")),
                "2026120222001400001", Money.parse(amount, "CNY"), "cancelled in time");
    }

    private String trade(String status, String amount) {
        return """
                {"code":"10000","msg":"Success","buyer_logon_id":"cus***@example.com","buyer_pay_amount":"%s",
                "out_trade_no":"%s","total_amount":"%s","trade_no":"2026120222001400001","trade_status":"%s",
                "send_pay_date":"2026-12-02 11:50:00","subject":"Deposit: Cut \\/ colour"}"""
                .formatted(amount, outTradeNo, amount, status);
    }

    private String refundAnswer(String fundChange, String refundedSoFar) {
        return """
                {"code":"10000","msg":"Success","buyer_logon_id":"cus***@example.com","fund_change":"%s",
                "gmt_refund_pay":"2026-12-02 12:00:01","out_trade_no":"%s","refund_fee":"%s",
                "trade_no":"2026120222001400001"}""".formatted(fundChange, outTradeNo, refundedSoFar);
    }

    private String refundQuery(String outRequestNo, String status, String amount) {
        if (status == null) {
            return "{\"code\":\"10000\",\"msg\":\"Success\"}";
        }
        return """
                {"code":"10000","msg":"Success","out_request_no":"%s","out_trade_no":"%s","refund_amount":"%s",
                "refund_status":"%s","total_amount":"199.00","trade_no":"2026120222001400001"}"""
                .formatted(outRequestNo, outTradeNo, amount, status);
    }

    private static String notExistJson() {
        return refused("ACQ.TRADE_NOT_EXIST");
    }

    private static String refused(String subCode) {
        return """
                {"code":"40004","msg":"Business Failed","sub_code":"%s","sub_msg":"交易不存在"}""".formatted(subCode);
    }

    private Map<String, String> paidNotice() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("gmt_create", "2026-12-02 11:49:30");
        fields.put("charset", "utf-8");
        fields.put("seller_email", "salon@example.com");
        fields.put("subject", "Deposit: Cut  colour 剪发");
        fields.put("buyer_id", "2088102177846880");
        fields.put("invoice_amount", "199.00");
        fields.put("notify_id", "2026120200222120000012345");
        fields.put("fund_bill_list", "[{\"amount\":\"199.00\",\"fundChannel\":\"ALIPAYACCOUNT\"}]");
        fields.put("notify_type", "trade_status_sync");
        fields.put("trade_status", "TRADE_SUCCESS");
        fields.put("receipt_amount", "199.00");
        fields.put("app_id", chain.appId());
        fields.put("buyer_pay_amount", "199.00");
        fields.put("seller_id", "2088102176044281");
        fields.put("gmt_payment", "2026-12-02 11:50:00");
        fields.put("notify_time", shanghai(NOW.minus(Duration.ofMinutes(1))));
        fields.put("version", "1.0");
        fields.put("out_trade_no", outTradeNo);
        fields.put("total_amount", "199.00");
        fields.put("trade_no", "2026120222001400001");
        fields.put("auth_app_id", chain.appId());
        fields.put("point_amount", "0.00");
        return fields;
    }

    private Map<String, String> refundNotice(String outBizNo, String refundedSoFar) {
        Map<String, String> fields = paidNotice();
        fields.put("out_biz_no", outBizNo);
        fields.put("refund_fee", refundedSoFar);
        fields.put("gmt_refund", "2026-12-02 11:59:00.123");
        return fields;
    }

    private void answer(String method, String json) {
        fake.stubFor(gatewayCall(method).willReturn(json(signed(method, json, alipay.getPrivate()))));
    }

    private static MappingBuilder gatewayCall(String method) {
        return post(urlPathEqualTo(GATEWAY_PATH)).withQueryParam("method", equalTo(method))
                .withRequestBody(containing("biz_content"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(body);
    }

    /** An answer as Alipay signs it: RSA2 over the JSON text of the {@code <method>_response} object. */
    private static String signed(String method, String json, PrivateKey key) {
        return "{\"" + method.replace('.', '_') + "_response\":" + json + ",\"sign\":\"" + sign(json, key) + "\"}";
    }

    /** A notice's fields signed as Alipay signs them: every non-empty field but sign and sign_type, by name. */
    private static Map<String, String> signed(Map<String, String> fields, PrivateKey key) {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.remove("sign");
        signed.remove("sign_type");
        String content = new TreeMap<>(signed).entrySet().stream().filter(field -> !field.getValue().isEmpty())
                .map(field -> field.getKey() + "=" + field.getValue()).collect(Collectors.joining("&"));
        signed.put("sign_type", "RSA2");
        signed.put("sign", sign(content, key));
        return signed;
    }

    /** Whether {@code params} (a request's, with its sign_type; or a notice's, without) are signed by {@code pair}. */
    private static boolean signatureHolds(Map<String, String> params, boolean withSignType, KeyPair pair) {
        Map<String, String> content = new TreeMap<>(params);
        String sign = content.remove("sign");
        if (!withSignType) {
            content.remove("sign_type");
        }
        String text = content.entrySet().stream().filter(field -> !field.getValue().isEmpty())
                .map(field -> field.getKey() + "=" + field.getValue()).collect(Collectors.joining("&"));
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(pair.getPublic());
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(sign));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String content, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(content.getBytes(StandardCharsets.UTF_8));
            return base64(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RawNotice notice(Map<String, String> fields) {
        return new RawNotice(bytes(form(fields)), formType());
    }

    private static RawNotice raw(String form) {
        return new RawNotice(bytes(form), formType());
    }

    private static Map<String, String> formType() {
        return Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put(name, value);
        return changed;
    }

    private static Map<String, String> without(Map<String, String> fields, String name) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.remove(name);
        return changed;
    }

    private static Map<String, String> query(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String shanghai(Instant instant) {
        return ALIPAY_TIME.format(instant.atZone(SHANGHAI));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
