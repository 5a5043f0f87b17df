package dev.atelier.platform.payments.wechatpay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
import dev.atelier.platform.payments.model.MerchantCredentials.WechatPayMerchant;
import dev.atelier.platform.payments.model.PaymentFact;
import dev.atelier.platform.payments.model.Provider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat Pay gateway through the real wechatpay-java SDK against a local fake of WeChat Pay's APIv3 (WireMock),
 * which signs its answers as WeChat Pay does ({@code timestamp\nnonce\nbody\n}, SHA256withRSA with the key whose id
 * the chain holds): what a Native and an H5 order send, one order when the open is retried across a dropped
 * connection, queries, closing and refunds, and that no answer whose signature fails is believed; then notices,
 * signed and encrypted per chain, and a corpus of forged, altered, stale, misdirected and malformed ones, none of
 * which is believed.
 */
class WechatPayGatewayTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String API_V3_KEY_A = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6";
    static final String API_V3_KEY_B = "Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp";
    static final String ORDER_A = "0f8e1c6a2b7d4e5f9a3b8c7d6e5f4a3b";
    static final String ORDER_B = "7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29";
    static final URI PAID = URI.create("https://salon.test/paid");

    static KeyPair merchantA;
    static KeyPair wechatA;
    static KeyPair wechatB;
    static KeyPair stranger;
    static WechatPayMerchant chainA;
    static WechatPayMerchant chainB;
    static WireMockServer fake;

    WechatPayGateway gateway;
    MerchantKeys keys;

    @BeforeAll
    static void start() throws GeneralSecurityException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        merchantA = rsa.generateKeyPair();
        wechatA = rsa.generateKeyPair();
        wechatB = rsa.generateKeyPair();
        stranger = rsa.generateKeyPair();
        chainA = new WechatPayMerchant("1900000101", "wx0123456789abcdef", "5157F09EFDC096DE15EBE81A47057A72",
                base64(merchantA.getPrivate().getEncoded()), API_V3_KEY_A, "PUB_KEY_ID_0119000001012025A",
                base64(wechatA.getPublic().getEncoded()));
        chainB = new WechatPayMerchant("1900000202", "wxfedcba9876543210", "0A1B2C3D4E5F60718293A4B5C6D7E8F9",
                base64(rsa.generateKeyPair().getPrivate().getEncoded()), API_V3_KEY_B,
                "PUB_KEY_ID_0119000002022025B", base64(wechatB.getPublic().getEncoded()));
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
        gateway = new WechatPayGateway(new WechatPayProperties("http://localhost:" + fake.port() + "/wechatpay",
                "https://atelier.test/webhooks/wechatpay", Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(15), "203.0.113.7"), Clock.systemUTC());
        Map<String, MerchantCredentials> byOrder = Map.of(ORDER_A, chainA, ORDER_B, chainB);
        Map<String, MerchantCredentials> byKey = Map.of(chainA.publicKeyId(), chainA, chainB.publicKeyId(), chainB);
        keys = new MerchantKeys() {
            @Override
            public Optional<MerchantCredentials> ofOrder(Provider provider, String orderKey) {
                return provider == Provider.WECHATPAY ? Optional.ofNullable(byOrder.get(orderKey)) : Optional.empty();
            }

            @Override
            public Optional<MerchantCredentials> ofKey(Provider provider, String keyId) {
                return provider == Provider.WECHATPAY ? Optional.ofNullable(byKey.get(keyId)) : Optional.empty();
            }
        };
    }

    @Test
    void aDesktopOrderIsANativeOrderInTheChainsNameAndItsPageIsTheCodeUrl() throws Exception {
        fake.stubFor(post(urlPathEqualTo("/wechatpay/v3/pay/transactions/native"))
                .willReturn(signed(200, "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=AbCdEf1\"}")));
        UUID payment = UUID.randomUUID();
        ProviderOrder order = gateway.open(order(payment, OrderRequest.Channel.DESKTOP), chainA);

        String outTradeNo = payment.toString().replace("-", "");
        assertThat(order).isEqualTo(new ProviderOrder(outTradeNo, URI.create("weixin://wxpay/bizpayurl?pr=AbCdEf1")));
        LoggedRequest sent = fake.findAll(postRequestedFor(urlPathEqualTo("/wechatpay/v3/pay/transactions/native")))
                .getFirst();
        JsonNode body = JSON.readTree(sent.getBodyAsString());
        assertThat(body.path("appid").asString()).isEqualTo("wx0123456789abcdef");
        assertThat(body.path("mchid").asString()).isEqualTo("1900000101");
        assertThat(body.path("out_trade_no").asString()).isEqualTo(outTradeNo).hasSize(32);
        assertThat(body.path("description").asString()).isEqualTo("Deposit: Cut and colour");
        assertThat(body.path("notify_url").asString()).isEqualTo("https://atelier.test/webhooks/wechatpay");
        assertThat(body.path("amount").path("total").asLong()).as("in fen").isEqualTo(19900);
        assertThat(body.path("amount").path("currency").asString()).isEqualTo("CNY");
        OffsetDateTime deadline = OffsetDateTime.parse(body.path("time_expire").asString());
        assertThat(deadline.getOffset().getTotalSeconds()).as("Beijing time").isEqualTo(8 * 3600);
        assertThat(deadline.toInstant()).isBetween(Instant.now().plusSeconds(14 * 60),
                Instant.now().plusSeconds(16 * 60));
        assertThat(body.has("scene_info")).isFalse();

        Map<String, String> authorization = authorization(sent.getHeader("Authorization"));
        assertThat(sent.getHeader("Authorization")).startsWith("WECHATPAY2-SHA256-RSA2048 ");
        assertThat(authorization).containsEntry("mchid", "1900000101")
                .containsEntry("serial_no", "5157F09EFDC096DE15EBE81A47057A72");
        assertThat(verifies(merchantA.getPublic(), "POST\n/v3/pay/transactions/native\n"
                + authorization.get("timestamp") + "\n" + authorization.get("nonce_str") + "\n"
                + sent.getBodyAsString() + "\n", authorization.get("signature")))
                .as("signed with the chain's merchant key, for WeChat Pay's own path").isTrue();
    }

    @Test
    void aPhoneOrderAndOneInsideWechatAreH5OrdersThatReturnToThePaidPage() throws Exception {
        String h5Url = "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx2016121516420242444321ca"
                + "&package=1405458241";
        fake.stubFor(post(urlPathEqualTo("/wechatpay/v3/pay/transactions/h5"))
                .willReturn(signed(200, "{\"h5_url\":\"" + h5Url + "\"}")));
        URI page = URI.create(h5Url + "&redirect_url=" + URLEncoder.encode(PAID.toString(), StandardCharsets.UTF_8));

        assertThat(gateway.open(order(UUID.randomUUID(), OrderRequest.Channel.PHONE), chainA).payPage())
                .isEqualTo(page);
        assertThat(gateway.open(order(UUID.randomUUID(), OrderRequest.Channel.IN_WECHAT), chainA).payPage())
                .as("JSAPI needs the payer's openid, which we do not have yet").isEqualTo(page);
        List<LoggedRequest> sent = fake.findAll(postRequestedFor(urlPathEqualTo("/wechatpay/v3/pay/transactions/h5")));
        assertThat(sent).hasSize(2);
        JsonNode scene = JSON.readTree(sent.getFirst().getBodyAsString()).path("scene_info");
        assertThat(scene.path("payer_client_ip").asString()).isEqualTo("203.0.113.7");
        assertThat(scene.path("h5_info").path("type").asString()).isEqualTo("Wap");
        assertThat(fake.findAll(postRequestedFor(urlPathEqualTo("/wechatpay/v3/pay/transactions/native"))))
                .isEmpty();
    }

    @Test
    void anOpenRetriedAcrossADroppedConnectionSendsTheSameOrder() {
        fake.stubFor(post(urlPathEqualTo("/wechatpay/v3/pay/transactions/native")).inScenario("drops")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("dropped once")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        fake.stubFor(post(urlPathEqualTo("/wechatpay/v3/pay/transactions/native")).inScenario("drops")
                .whenScenarioStateIs("dropped once")
                .willReturn(signed(200, "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=Same1\"}")));
        UUID payment = UUID.randomUUID();
        ProviderOrder order = null;
        for (int attempt = 0; attempt < 3 && order == null; attempt++) {
            try {
                order = gateway.open(order(payment, OrderRequest.Channel.DESKTOP), chainA);
            } catch (GatewayUnavailableException dropped) {
                // the caller tries again with the same payment
            }
        }
        assertThat(order).isNotNull();
        assertThat(order.orderId()).isEqualTo(payment.toString().replace("-", ""));
        List<LoggedRequest> tries = fake.findAll(postRequestedFor(urlPathEqualTo(
                "/wechatpay/v3/pay/transactions/native")));
        assertThat(tries).hasSizeGreaterThanOrEqualTo(2);
        assertThat(tries).extracting(request -> JSON.readTree(request.getBodyAsString()).path("out_trade_no")
                .asString()).as("one out_trade_no, so WeChat Pay makes one order").containsOnly(order.orderId());
        assertThat(tries).extracting(LoggedRequest::getBodyAsString)
                .as("every parameter the same (the deadline too), which WeChat Pay needs to give the same order")
                .containsOnly(tries.getFirst().getBodyAsString());
    }

    @Test
    void aVersion7PaymentIdHasTheSameDeadlineInAnotherProcessToo() {
        long created = Instant.now().minusSeconds(60).toEpochMilli();
        UUID payment = new UUID((created << 16) | 0x7abcL, 0x8000_1234_5678_9abcL);
        assertThat(payment.version()).isEqualTo(7);
        String first = deadlineSentFor(payment);
        gateway();
        String afterARestart = deadlineSentFor(payment);
        assertThat(afterARestart).isEqualTo(first);
        assertThat(OffsetDateTime.parse(first).toInstant()).as("the payment id's own time and the order expiry")
                .isEqualTo(Instant.ofEpochMilli(created).plus(Duration.ofMinutes(15))
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private String deadlineSentFor(UUID payment) {
        fake.stubFor(post(urlPathEqualTo("/wechatpay/v3/pay/transactions/native"))
                .willReturn(signed(200, "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=Seven\"}")));
        gateway.open(order(payment, OrderRequest.Channel.DESKTOP), chainA);
        return JSON.readTree(fake.findAll(postRequestedFor(urlPathEqualTo("/wechatpay/v3/pay/transactions/native")))
                .getFirst().getBodyAsString()).path("time_expire").asString();
    }

    @Test
    void requestsForWechatPaysHostGoToTheConfiguredApiBaseAndNoOtherHostIsCalled() throws Exception {
        okhttp3.HttpUrl base = okhttp3.HttpUrl.get("http://localhost:8090/wechatpay/");
        okhttp3.Request query = new okhttp3.Request.Builder()
                .url("https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/" + ORDER_A + "?mchid=1900000101")
                .build();
        assertThat(WechatPayClients.toApiBase(query, base).url().toString()).isEqualTo(
                "http://localhost:8090/wechatpay/v3/pay/transactions/out-trade-no/" + ORDER_A + "?mchid=1900000101");
        assertThat(WechatPayClients.toApiBase(query, okhttp3.HttpUrl.get("https://api.mch.weixin.qq.com"))
                .url()).as("production's base is WeChat Pay itself").isEqualTo(query.url());
        assertThatThrownBy(() -> WechatPayClients.toApiBase(new okhttp3.Request.Builder()
                .url("https://example.com/v3/pay/transactions/native").build(), base))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void anAnswerWhoseSignatureDoesNotHoldIsNeverBelieved() {
        String answer = "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=Forged\"}";
        long now = Instant.now().getEpochSecond();
        Map<String, ResponseDefinitionBuilder> answers = new LinkedHashMap<>();
        answers.put("signed by another key", answer(200, answer, stranger.getPrivate(), chainA.publicKeyId(), now));
        answers.put("another chain's key id", answer(200, answer, wechatA.getPrivate(), chainB.publicKeyId(), now));
        answers.put("stale", answer(200, answer, wechatA.getPrivate(), chainA.publicKeyId(), now - 3_600));
        answers.put("unsigned", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(answer));
        answers.put("altered after signing", signed(200, answer).withBody(answer.replace("Forged", "Altered")));
        answers.put("an error", aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"SYSTEM_ERROR\",\"message\":\"busy\"}"));
        answers.put("signed, but not JSON", signed(200, "<html>"));
        List<String> believed = new ArrayList<>();
        answers.forEach((kind, response) -> {
            fake.resetAll();
            fake.stubFor(post(urlPathEqualTo("/wechatpay/v3/pay/transactions/native")).willReturn(response));
            fake.stubFor(get(urlPathEqualTo("/wechatpay/v3/pay/transactions/out-trade-no/" + ORDER_A))
                    .willReturn(response));
            try {
                gateway.open(order(UUID.randomUUID(), OrderRequest.Channel.DESKTOP), chainA);
                believed.add("open: " + kind);
            } catch (GatewayUnavailableException refused) {
                // as it must be
            }
            try {
                gateway.query(new ProviderOrder(ORDER_A, PAID), chainA);
                believed.add("query: " + kind);
            } catch (GatewayUnavailableException refused) {
                // as it must be
            }
        });
        assertThat(believed).as("of " + answers.size() + " kinds of answer").isEmpty();
    }

    @Test
    void aQuerySaysPaidClosedOrFailedAndNothingWhileTheOrderWaits() {
        assertThat(queried("SUCCESS")).get().isEqualTo(new PaymentFact.Paid("query:" + ORDER_A + ":SUCCESS",
                Money.parse("199.00", "CNY"), "4200000101202412010000000001"));
        assertThat(queried("REFUND")).get().as("paid, with refunds begun").isInstanceOf(PaymentFact.Paid.class);
        assertThat(queried("CLOSED")).get().isEqualTo(new PaymentFact.Closed("query:" + ORDER_A + ":CLOSED"));
        assertThat(queried("REVOKED")).get().isEqualTo(new PaymentFact.Closed("query:" + ORDER_A + ":REVOKED"));
        assertThat(queried("PAYERROR")).get().isInstanceOf(PaymentFact.Failed.class)
                .extracting(PaymentFact::eventId).isEqualTo("query:" + ORDER_A + ":PAYERROR");
        assertThat(queried("NOTPAY")).isEmpty();
        assertThat(queried("USERPAYING")).isEmpty();

        fake.resetAll();
        fake.stubFor(get(urlPathEqualTo("/wechatpay/v3/pay/transactions/out-trade-no/" + ORDER_A))
                .willReturn(signed(200, transaction(ORDER_B, "1900000101", "wx0123456789abcdef", 19900, "CNY",
                        "SUCCESS"))));
        assertThatThrownBy(() -> gateway.query(new ProviderOrder(ORDER_A, PAID), chainA))
                .as("a signed answer about another order").isInstanceOf(GatewayUnavailableException.class);
    }

    @Test
    void closingClosesAnOpenOrderAndAPaidOrClosedOneNeedsNothingMore() {
        String close = "/wechatpay/v3/pay/transactions/out-trade-no/" + ORDER_A + "/close";
        fake.stubFor(post(urlPathEqualTo(close)).willReturn(signed(204, "")));
        gateway.close(new ProviderOrder(ORDER_A, PAID), chainA);
        assertThat(JSON.readTree(fake.findAll(postRequestedFor(urlPathEqualTo(close))).getFirst().getBodyAsString())
                .path("mchid").asString()).isEqualTo("1900000101");

        fake.resetAll();
        fake.stubFor(post(urlPathEqualTo(close)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"ORDERPAID\",\"message\":\"order paid\"}")));
        fake.stubFor(get(urlPathEqualTo("/wechatpay/v3/pay/transactions/out-trade-no/" + ORDER_A))
                .withQueryParam("mchid", equalTo("1900000101")).willReturn(signed(200, transaction(ORDER_A,
                        "1900000101", "wx0123456789abcdef", 19900, "CNY", "SUCCESS"))));
        gateway.close(new ProviderOrder(ORDER_A, PAID), chainA);

        fake.resetAll();
        fake.stubFor(post(urlPathEqualTo(close)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"SYSTEM_ERROR\",\"message\":\"busy\"}")));
        fake.stubFor(get(urlPathEqualTo("/wechatpay/v3/pay/transactions/out-trade-no/" + ORDER_A))
                .willReturn(signed(200, transaction(ORDER_A, "1900000101", "wx0123456789abcdef", 19900, "CNY",
                        "NOTPAY"))));
        assertThatThrownBy(() -> gateway.close(new ProviderOrder(ORDER_A, PAID), chainA))
                .as("an order still open that could not be closed").isInstanceOf(GatewayUnavailableException.class);
    }

    @Test
    void aRefundSendsTheOrdersTotalAndTheSameRefundIdOnEveryTry() throws Exception {
        UUID refund = UUID.randomUUID();
        String outRefundNo = refund.toString().replace("-", "");
        fake.stubFor(get(urlPathEqualTo("/wechatpay/v3/pay/transactions/out-trade-no/" + ORDER_A))
                .willReturn(signed(200, transaction(ORDER_A, "1900000101", "wx0123456789abcdef", 19900, "CNY",
                        "SUCCESS"))));
        fake.stubFor(post(urlPathEqualTo("/wechatpay/v3/refund/domestic/refunds")).willReturn(signed(200, """
                {"refund_id":"50000000382019052709732678859","out_refund_no":"%s",
                 "transaction_id":"4200000101202412010000000001","out_trade_no":"%s","channel":"ORIGINAL",
                 "status":"PROCESSING","amount":{"total":19900,"refund":5000,"payer_total":19900,
                 "payer_refund":5000,"currency":"CNY"}}""".formatted(outRefundNo, ORDER_A))));
        RefundRequest request = new RefundRequest(refund, new ProviderOrder(ORDER_A, PAID),
                "4200000101202412010000000001", Money.parse("50.00", "CNY"), "cancelled in time");

        PaymentFact.Refunded first = gateway.refund(request, chainA);
        PaymentFact.Refunded again = gateway.refund(request, chainA);

        assertThat(first).isEqualTo(new PaymentFact.Refunded("refund:" + outRefundNo, refund.toString(),
                Money.parse("50.00", "CNY"))).isEqualTo(again);
        List<LoggedRequest> sent = fake.findAll(postRequestedFor(urlPathEqualTo(
                "/wechatpay/v3/refund/domestic/refunds")));
        assertThat(sent).hasSize(2).extracting(request1 -> JSON.readTree(request1.getBodyAsString())
                .path("out_refund_no").asString()).as("WeChat Pay refunds one out_refund_no once")
                .containsOnly(outRefundNo);
        JsonNode body = JSON.readTree(sent.getFirst().getBodyAsString());
        assertThat(body.path("out_trade_no").asString()).isEqualTo(ORDER_A);
        assertThat(body.path("notify_url").asString()).isEqualTo("https://atelier.test/webhooks/wechatpay");
        assertThat(body.path("reason").asString()).isEqualTo("cancelled in time");
        assertThat(body.path("amount").path("refund").asLong()).isEqualTo(5000);
        assertThat(body.path("amount").path("total").asLong()).as("the order's, as WeChat Pay answered it")
                .isEqualTo(19900);
        assertThat(body.path("amount").path("currency").asString()).isEqualTo("CNY");
    }

    @Test
    void signedNoticesOfTheChainsOrdersAreBelievedAndOthersAcknowledgedWithoutAFact() throws Exception {
        Notice paid = gateway.verify(notice(envelope("EV-paid-1", "TRANSACTION.SUCCESS", "encrypt-resource",
                transaction(ORDER_A, "1900000101", "wx0123456789abcdef", 19900, "CNY", "SUCCESS"), API_V3_KEY_A),
                wechatA, chainA), keys);
        assertThat(paid).isEqualTo(new Notice("EV-paid-1", ORDER_A, Optional.of("1900000101"),
                Optional.of(new PaymentFact.Paid("EV-paid-1", Money.parse("199.00", "CNY"),
                        "4200000101202412010000000001"))));

        UUID refundId = UUID.randomUUID();
        Notice refunded = gateway.verify(notice(envelope("EV-refund-1", "REFUND.SUCCESS", "encrypt-resource",
                refundNotice(ORDER_A, "1900000101", refundId.toString().replace("-", ""), "SUCCESS", 5000),
                API_V3_KEY_A), wechatA, chainA), keys);
        assertThat(refunded.orderKey()).isEqualTo(ORDER_A);
        assertThat(refunded.fact()).get().as("our refund id, as the refund call named it")
                .isEqualTo(new PaymentFact.Refunded("EV-refund-1", refundId.toString(), Money.parse("50.00", "CNY")));

        for (String nothing : List.of("REFUND.ABNORMAL", "REFUND.CLOSED")) {
            Notice notice = gateway.verify(notice(envelope("EV-" + nothing, nothing, "encrypt-resource",
                    refundNotice(ORDER_A, "1900000101", refundId.toString().replace("-", ""),
                            nothing.substring(7), 5000),
                    API_V3_KEY_A), wechatA, chainA), keys);
            assertThat(notice.eventId()).isEqualTo("EV-" + nothing);
            assertThat(notice.fact()).isEmpty();
        }
        Notice other = gateway.verify(notice(envelope("EV-other", "MCHTRANSFER.BILL.FINISHED", "encrypt-resource",
                "{\"mchid\":\"1900000101\",\"state\":\"SUCCESS\"}", API_V3_KEY_A), wechatA, chainA), keys);
        assertThat(other.fact()).isEmpty();

        Notice ofB = gateway.verify(notice(envelope("EV-paid-B", "TRANSACTION.SUCCESS", "encrypt-resource",
                transaction(ORDER_B, "1900000202", "wxfedcba9876543210", 5000, "CNY", "SUCCESS"), API_V3_KEY_B),
                wechatB, chainB), keys);
        assertThat(ofB.merchant()).as("each chain's notices with its own keys").contains("1900000202");
        assertThat(ofB.fact()).get().extracting(fact -> ((PaymentFact.Paid) fact).amount())
                .isEqualTo(Money.parse("50.00", "CNY"));
    }

    /**
     * The SDK keeps no nonces: a notice delivered again, or replayed with its timestamp and nonce within the
     * tolerance, verifies again, and with the same event id, which the payment's facts and the provider-event
     * table's unique key count once (outside the tolerance it is refused as stale, in the corpus below).
     */
    @Test
    void aReplayedNoticeIsTheSameEventAndCountsOnce() throws Exception {
        RawNotice notice = notice(envelope("EV-replayed", "TRANSACTION.SUCCESS", "encrypt-resource",
                transaction(ORDER_A, "1900000101", "wx0123456789abcdef", 19900, "CNY", "SUCCESS"), API_V3_KEY_A),
                wechatA, chainA);
        Notice first = gateway.verify(notice, keys);
        Notice replayed = gateway.verify(notice, keys);
        assertThat(replayed).isEqualTo(first);
        assertThat(replayed.eventId()).isEqualTo("EV-replayed");
    }

    @Test
    void forgedAlteredStaleMisdirectedAndMalformedNoticesAreNeverBelieved() throws Exception {
        long now = Instant.now().getEpochSecond();
        String paid = transaction(ORDER_A, "1900000101", "wx0123456789abcdef", 19900, "CNY", "SUCCESS");
        String body = envelope("EV-1", "TRANSACTION.SUCCESS", "encrypt-resource", paid, API_V3_KEY_A);
        RawNotice genuine = notice(body, wechatA, chainA);
        Map<String, RawNotice> corpus = new LinkedHashMap<>();
        corpus.put("bad signature", withHeader(genuine, "Wechatpay-Signature",
                base64("not a signature".getBytes(StandardCharsets.UTF_8))));
        corpus.put("garbled signature", withHeader(genuine, "Wechatpay-Signature", "%%%"));
        corpus.put("signed by another key", notice(body, stranger, chainA));
        corpus.put("altered ciphertext (amount)", new RawNotice(bytes(envelope("EV-1", "TRANSACTION.SUCCESS",
                "encrypt-resource", paid.replace("19900", "1"), API_V3_KEY_A)), genuine.headers()));
        corpus.put("altered event type", new RawNotice(bytes(body.replace("TRANSACTION.SUCCESS",
                "REFUND.SUCCESS")), genuine.headers()));
        corpus.put("amount altered, encrypted with another APIv3 key", notice(envelope("EV-1",
                "TRANSACTION.SUCCESS", "encrypt-resource", paid.replace("19900", "1"), API_V3_KEY_B), wechatA,
                chainA));
        corpus.put("currency not CNY", notice(envelope("EV-1", "TRANSACTION.SUCCESS", "encrypt-resource",
                paid.replace("\"CNY\"", "\"USD\""), API_V3_KEY_A), wechatA, chainA));
        corpus.put("another chain's order", notice(envelope("EV-1", "TRANSACTION.SUCCESS", "encrypt-resource",
                transaction(ORDER_B, "1900000101", "wx0123456789abcdef", 19900, "CNY", "SUCCESS"), API_V3_KEY_A),
                wechatA, chainA));
        corpus.put("an order that is no one's", notice(envelope("EV-1", "TRANSACTION.SUCCESS", "encrypt-resource",
                transaction("ffffffffffffffffffffffffffffffff", "1900000101", "wx0123456789abcdef", 19900, "CNY",
                        "SUCCESS"),
                API_V3_KEY_A), wechatA, chainA));
        corpus.put("stale timestamp", notice(body, wechatA.getPrivate(), chainA.publicKeyId(), now - 3_600, "n1"));
        corpus.put("timestamp from the future", notice(body, wechatA.getPrivate(), chainA.publicKeyId(),
                now + 3_600, "n1"));
        corpus.put("timestamp not a number", withHeader(genuine, "Wechatpay-Timestamp", "yesterday"));
        corpus.put("wrong mchid", notice(envelope("EV-1", "TRANSACTION.SUCCESS", "encrypt-resource",
                paid.replace("1900000101", "1900000999"), API_V3_KEY_A), wechatA, chainA));
        corpus.put("wrong appid", notice(envelope("EV-1", "TRANSACTION.SUCCESS", "encrypt-resource",
                paid.replace("wx0123456789abcdef", "wxffffffffffffffff"), API_V3_KEY_A), wechatA, chainA));
        corpus.put("success that is not paid", notice(envelope("EV-1", "TRANSACTION.SUCCESS", "encrypt-resource",
                paid.replace("\"SUCCESS\"", "\"NOTPAY\""), API_V3_KEY_A), wechatA, chainA));
        corpus.put("a refund that is not ours", notice(envelope("EV-2", "REFUND.SUCCESS", "encrypt-resource",
                refundNotice(ORDER_A, "1900000101", "R20241201000001", "SUCCESS", 5000), API_V3_KEY_A), wechatA,
                chainA));
        corpus.put("a refund for another merchant", notice(envelope("EV-2", "REFUND.SUCCESS", "encrypt-resource",
                refundNotice(ORDER_A, "1900000999", UUID.randomUUID().toString().replace("-", ""), "SUCCESS", 5000),
                API_V3_KEY_A), wechatA, chainA));
        corpus.put("malformed JSON", notice("{\"id\":", wechatA, chainA));
        corpus.put("no resource", notice("{\"id\":\"EV-1\",\"event_type\":\"TRANSACTION.SUCCESS\"}", wechatA,
                chainA));
        corpus.put("ciphertext not base64", notice(body.replaceFirst("\"ciphertext\":\"[^\"]*\"",
                "\"ciphertext\":\"***\""), wechatA, chainA));
        corpus.put("not UTF-8", new RawNotice(new byte[]{(byte) 0xC0, (byte) 0xAF}, genuine.headers()));
        for (String header : List.of("Wechatpay-Serial", "Wechatpay-Signature", "Wechatpay-Timestamp",
                "Wechatpay-Nonce")) {
            Map<String, String> missing = new HashMap<>(genuine.headers());
            missing.remove(header.toLowerCase(java.util.Locale.ROOT));
            corpus.put("missing " + header, new RawNotice(genuine.body(), missing));
        }
        corpus.put("unknown serial", notice(body, wechatA.getPrivate(), "PUB_KEY_ID_0119999999992025Z", now, "n1"));
        corpus.put("claims chain B's key", notice(body, wechatA.getPrivate(), chainB.publicKeyId(), now, "n1"));
        corpus.put("another signature type", withHeader(genuine, "Wechatpay-Signature-Type",
                "WECHATPAY2-SM2-WITH-SM3"));
        List<String> believed = new ArrayList<>();
        corpus.forEach((kind, notice) -> {
            try {
                gateway.verify(notice, keys);
                believed.add(kind);
            } catch (NoticeRejectedException refused) {
                // as it must be
            }
        });
        assertThat(believed).as("of " + corpus.size() + " kinds of forged notice").isEmpty();
        assertThat(gateway.verify(genuine, keys).fact()).as("while the genuine one holds").isPresent();
        assertThatThrownBy(() -> gateway.verify(genuine, MerchantKeys.NONE))
                .as("no record of ours, nothing believed").isInstanceOf(NoticeRejectedException.class);
    }

    @Test
    void wechatPayIsAnsweredAsItExpects() throws Exception {
        assertThat(WechatPayAcknowledgement.TAKEN).isEqualTo(204);
        JsonNode refusal = JSON.readTree(WechatPayAcknowledgement.failure("signature \"bad\""));
        assertThat(refusal.path("code").asString()).isEqualTo("FAIL");
        assertThat(refusal.path("message").asString()).isEqualTo("signature \"bad\"");
        assertThat(WechatPayAcknowledgement.REFUSED).isBetween(400, 499);
    }

    private Optional<PaymentFact> queried(String state) {
        fake.resetAll();
        fake.stubFor(get(urlPathEqualTo("/wechatpay/v3/pay/transactions/out-trade-no/" + ORDER_A))
                .withQueryParam("mchid", equalTo("1900000101")).willReturn(signed(200, transaction(ORDER_A,
                        "1900000101", "wx0123456789abcdef", 19900, "CNY", state))));
        return gateway.query(new ProviderOrder(ORDER_A, PAID), chainA);
    }

    private static OrderRequest order(UUID payment, OrderRequest.Channel channel) {
        return new OrderRequest(payment, "pay-" + payment, Money.parse("199.00", "CNY"), "Deposit: Cut and colour",
                PAID, URI.create("https://salon.test/not-paid"), channel);
    }

    private static String transaction(String outTradeNo, String mchid, String appid, long total, String currency,
            String state) {
        return """
                {"appid":"%s","mchid":"%s","out_trade_no":"%s","transaction_id":"4200000101202412010000000001",
                 "trade_type":"NATIVE","trade_state":"%s","trade_state_desc":"state %s","bank_type":"OTHERS",
                 "success_time":"2024-12-01T10:00:00+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
                 "amount":{"total":%d,"payer_total":%d,"currency":"%s","payer_currency":"%s"}}"""
                .formatted(appid, mchid, outTradeNo, state, state, total, total, currency, currency);
    }

    private static String refundNotice(String outTradeNo, String mchid, String outRefundNo, String status,
            long refund) {
        return """
                {"mchid":"%s","out_trade_no":"%s","transaction_id":"4200000101202412010000000001",
                 "out_refund_no":"%s","refund_id":"50000000382019052709732678859","refund_status":"%s",
                 "success_time":"2024-12-01T11:00:00+08:00","user_received_account":"card",
                 "amount":{"total":19900,"refund":%d,"payer_total":19900,"payer_refund":%d}}"""
                .formatted(mchid, outTradeNo, outRefundNo, status, refund, refund);
    }

    /** A notice's body as WeChat Pay sends it: its resource encrypted with the APIv3 key (AES-256-GCM). */
    private static String envelope(String id, String eventType, String resourceType, String plaintext,
            String apiV3Key) throws GeneralSecurityException {
        String nonce = "fdasflkja484";
        String associated = "transaction";
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
        aes.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
        String ciphertext = base64(aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        return """
                {"id":"%s","create_time":"2024-12-01T10:00:01+08:00","resource_type":"%s","event_type":"%s",
                 "summary":"summary","resource":{"original_type":"transaction","algorithm":"AEAD_AES_256_GCM",
                 "ciphertext":"%s","associated_data":"%s","nonce":"%s"}}"""
                .formatted(id, resourceType, eventType, ciphertext, associated, nonce);
    }

    private static RawNotice notice(String body, KeyPair signer, WechatPayMerchant chain)
            throws GeneralSecurityException {
        return notice(body, signer.getPrivate(), chain.publicKeyId(), Instant.now().getEpochSecond(),
                UUID.randomUUID().toString().replace("-", ""));
    }

    private static RawNotice notice(String body, PrivateKey signer, String serial, long timestamp, String nonce)
            throws GeneralSecurityException {
        return new RawNotice(bytes(body), Map.of("Wechatpay-Serial", serial, "Wechatpay-Timestamp",
                Long.toString(timestamp), "Wechatpay-Nonce", nonce, "Wechatpay-Signature",
                sign(signer, timestamp + "\n" + nonce + "\n" + body + "\n"), "Wechatpay-Signature-Type",
                "WECHATPAY2-SHA256-RSA2048"));
    }

    private static RawNotice withHeader(RawNotice notice, String name, String value) {
        Map<String, String> headers = new HashMap<>(notice.headers());
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return new RawNotice(notice.body(), headers);
    }

    /** An answer of the fake signed as WeChat Pay signs: with chain A's WeChat Pay key, now. */
    private static ResponseDefinitionBuilder signed(int status, String body) {
        return answer(status, body, wechatA.getPrivate(), chainA.publicKeyId(), Instant.now().getEpochSecond());
    }

    private static ResponseDefinitionBuilder answer(int status, String body, PrivateKey signer, String serial,
            long timestamp) {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        try {
            ResponseDefinitionBuilder answer = aResponse().withStatus(status).withHeader("Request-ID", "fake-1")
                    .withHeader("Wechatpay-Timestamp", Long.toString(timestamp)).withHeader("Wechatpay-Nonce", nonce)
                    .withHeader("Wechatpay-Serial", serial)
                    .withHeader("Wechatpay-Signature", sign(signer, timestamp + "\n" + nonce + "\n" + body + "\n"));
            return body.isEmpty() ? answer : answer.withHeader("Content-Type", "application/json").withBody(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(PrivateKey key, String message) throws GeneralSecurityException {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(message.getBytes(StandardCharsets.UTF_8));
        return base64(rsa.sign());
    }

    private static boolean verifies(PublicKey key, String message, String signature) throws GeneralSecurityException {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(message.getBytes(StandardCharsets.UTF_8));
        return rsa.verify(Base64.getDecoder().decode(signature));
    }

    private static Map<String, String> authorization(String header) {
        Map<String, String> parts = new HashMap<>();
        Matcher part = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(header);
        while (part.find()) {
            parts.put(part.group(1), part.group(2));
        }
        return parts;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
