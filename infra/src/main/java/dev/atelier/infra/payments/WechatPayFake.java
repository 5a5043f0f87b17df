package dev.atelier.infra.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WeChat Pay's APIv3 under {@code /wechatpay/v3}, for one merchant (the fake's), as wechatpay-java calls it in
 * public-key mode: Native orders (their {@code code_url} is this fake's pay page, an http URL a QR code can carry),
 * H5 orders (their {@code h5_url}, the same page), the order by {@code out_trade_no}, closing, and refunds. Every
 * request must be signed with the merchant's key ({@code Authorization: WECHATPAY2-SHA256-RSA2048 …}); every answer
 * is signed {@code timestamp\nnonce\nbody\n} with "WeChat Pay's" key, named by its public key id. Payments and
 * refunds are notified to the order's {@code notify_url}, their resource encrypted with the APIv3 key (AES-256-GCM).
 */
final class WechatPayFake extends ProviderFake {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final Pattern ORDER = Pattern.compile(
            "/wechatpay/v3/pay/transactions/out-trade-no/([0-9A-Za-z_*|-]{6,32})(/close)?");
    private static final Pattern AUTHORIZATION_PART = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final FakeKeys.WechatPay keys;
    private final PublicKey merchantKey;
    private final PrivateKey platformKey;
    private final SecureRandom random = new SecureRandom();

    WechatPayFake(FakeOrders orders, NoticeSender notices, String baseUrl, Clock clock, FakeKeys.WechatPay keys) {
        super(orders, notices, baseUrl, clock);
        this.keys = keys;
        this.merchantKey = FakeKeys.publicKey(keys.merchantPublicKey());
        this.platformKey = FakeKeys.privateKey(keys.platformPrivateKey());
    }

    @Override
    String provider() {
        return "wechatpay";
    }

    @Override
    String title() {
        return "WeChat Pay 微信支付";
    }

    @Override
    ResponseDefinition api(LoggedRequest request) {
        if (!signedByTheMerchant(request)) {
            return error(401, "SIGN_ERROR", "签名错误 (not signed with the fake's merchant key " + keys.serialNumber()
                    + ")");
        }
        String path = FakeHttp.path(request);
        boolean post = request.getMethod().equals(RequestMethod.POST);
        JsonNode body;
        try {
            body = post ? FakeHttp.JSON.readTree(request.getBodyAsString()) : FakeHttp.JSON.createObjectNode();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return error(400, "PARAM_ERROR", "请求体不是 JSON");
        }
        if (post && path.equals("/wechatpay/v3/pay/transactions/native")) {
            return open(body, "NATIVE", "code_url");
        }
        if (post && path.equals("/wechatpay/v3/pay/transactions/h5")) {
            return open(body, "MWEB", "h5_url");
        }
        if (post && path.equals("/wechatpay/v3/pay/transactions/jsapi")) {
            if (body.path("payer").path("openid").asText().isEmpty()) {
                return error(400, "PARAM_ERROR", "payer.openid 必填");
            }
            return open(body, "JSAPI", "prepay_id");
        }
        if (post && path.equals("/wechatpay/v3/refund/domestic/refunds")) {
            return refund(body);
        }
        Matcher order = ORDER.matcher(path);
        if (order.matches()) {
            String mchid = post ? body.path("mchid").asText() : FakeHttp.query(request).getOrDefault("mchid", "");
            Optional<FakeOrder> found = current(order.group(1)).filter(known -> known.merchant().equals(mchid));
            if (found.isEmpty()) {
                return error(404, "ORDER_NOT_EXIST", "订单不存在");
            }
            if (order.group(2) == null && !post) {
                return signed(200, FakeHttp.json(transaction(found.get())));
            }
            if (order.group(2) != null && post) {
                if (found.get().state() == FakeOrder.State.PAID) {
                    return error(400, "ORDERPAID", "订单已支付");
                }
                orders.update(provider(), found.get().id(), FakeOrder::closed);
                return signed(204, "");
            }
        }
        return error(404, "NOT_FOUND", "no such API: " + request.getMethod() + " " + path);
    }

    private ResponseDefinition open(JsonNode prepay, String tradeType, String field) {
        String outTradeNo = prepay.path("out_trade_no").asText();
        long total = prepay.path("amount").path("total").asLong();
        if (!keys.merchantId().equals(prepay.path("mchid").asText())
                || !keys.appId().equals(prepay.path("appid").asText())) {
            return error(400, "APPID_MCHID_NOT_MATCH", "appid 和 mch_id 不匹配");
        }
        if (outTradeNo.isEmpty() || total <= 0 || !"CNY".equals(prepay.path("amount").path("currency").asText("CNY"))) {
            return error(400, "PARAM_ERROR", "out_trade_no, amount.total 和 CNY 必填");
        }
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("appid", keys.appId());
        extra.put("trade_type", tradeType);
        if (prepay.has("payer")) {
            extra.put("openid", prepay.path("payer").path("openid").asText());
        }
        String expires = prepay.path("time_expire").asText();
        if (!expires.isEmpty()) {
            try {
                extra.put(EXPIRES_AT, Long.toString(OffsetDateTime.parse(expires).toEpochSecond()));
            } catch (DateTimeParseException e) {
                return error(400, "PARAM_ERROR", "time_expire 格式错误");
            }
        }
        FakeOrder made = FakeOrder.open(provider(), outTradeNo, keys.merchantId(), total, "CNY",
                prepay.path("description").asText(outTradeNo), prepay.path("notify_url").asText(null), null, null,
                null, extra, now());
        FakeOrder kept = orders.putIfAbsent(made);
        if (kept.amount() != made.amount()) {
            return error(400, "INVALID_REQUEST", "201 商户订单号重复");
        }
        if (kept.state() == FakeOrder.State.CLOSED) {
            return error(400, "ORDER_CLOSED", "订单已关闭");
        }
        // a JSAPI order has no page: WeChat's bridge pays it by its prepay id (the pay page stands in for it here)
        return signed(200, FakeHttp.json(Map.of(field, field.equals("prepay_id")
                ? prepayId(outTradeNo)
                : payPage(outTradeNo))));
    }

    /** The prepay id of the JSAPI order {@code outTradeNo}: the same for every try of it. */
    static String prepayId(String outTradeNo) {
        return "wx" + outTradeNo;
    }

    private ResponseDefinition refund(JsonNode create) {
        String outTradeNo = create.path("out_trade_no").asText();
        String outRefundNo = create.path("out_refund_no").asText();
        Optional<FakeOrder> found = current(outTradeNo);
        if (found.isEmpty()) {
            return error(404, "RESOURCE_NOT_EXISTS", "订单不存在");
        }
        FakeOrder order = found.get();
        Optional<FakeOrder.Refund> again = order.refund(outRefundNo);
        if (again.isPresent()) {
            return signed(200, FakeHttp.json(refundAnswer(order, again.get())));
        }
        long refund = create.path("amount").path("refund").asLong();
        if (order.state() != FakeOrder.State.PAID) {
            return error(400, "INVALID_REQUEST", "订单未支付");
        }
        if (create.path("amount").path("total").asLong() != order.amount()) {
            return error(400, "INVALID_REQUEST", "订单金额与原订单不一致");
        }
        if (outRefundNo.isEmpty() || refund <= 0 || refund > order.amount() - order.refundedTotal()) {
            return error(400, "INVALID_REQUEST", "申请退款金额超过订单可退金额");
        }
        FakeOrder.Refund made = new FakeOrder.Refund(outRefundNo, "5030" + digits(25), refund, now());
        FakeOrder refunded = orders.update(provider(), order.id(), paid -> paid.refunded(made)).orElseThrow();
        String notifyUrl = create.path("notify_url").asText(refunded.notifyUrl());
        if (notifyUrl != null && !notifyUrl.isEmpty()) {
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("mchid", refunded.merchant());
            notice.put("out_trade_no", refunded.id());
            notice.put("transaction_id", refunded.tradeNo());
            notice.put("out_refund_no", made.id());
            notice.put("refund_id", made.providerId());
            notice.put("refund_status", "SUCCESS");
            notice.put("success_time", time(made.at()));
            notice.put("user_received_account", "支付用户零钱");
            notice.put("amount", Map.of("total", refunded.amount(), "refund", made.amount(), "payer_total",
                    refunded.amount(), "payer_refund", made.amount()));
            notices.deliverLater(notice(notifyUrl, "REFUND.SUCCESS", "退款成功", "refund", notice),
                    Duration.ofMillis(500));
        }
        return signed(200, FakeHttp.json(refundAnswer(refunded, made)));
    }

    @Override
    boolean notifyPaid(FakeOrder order) {
        return order.notifyUrl() != null
                && notices.deliver(notice(order.notifyUrl(), "TRANSACTION.SUCCESS", "支付成功", "transaction",
                        transaction(order)));
    }

    @Override
    String paymentReference(FakeOrder order) {
        return "4200" + digits(24);
    }

    private Map<String, Object> transaction(FakeOrder order) {
        boolean paid = order.state() == FakeOrder.State.PAID;
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("appid", order.extra().getOrDefault("appid", keys.appId()));
        transaction.put("mchid", order.merchant());
        transaction.put("out_trade_no", order.id());
        if (paid) {
            transaction.put("transaction_id", order.tradeNo());
            transaction.put("success_time", time(order.paidAt()));
            transaction.put("bank_type", "OTHERS");
            transaction.put("payer", Map.of("openid", "oFakePayer" + order.id().substring(0, 6)));
        }
        transaction.put("trade_type", order.extra().getOrDefault("trade_type", "NATIVE"));
        String state = switch (order.state()) {
            case OPEN -> "NOTPAY";
            case PAID -> order.refunds().isEmpty() ? "SUCCESS" : "REFUND";
            case CLOSED -> "CLOSED";
        };
        transaction.put("trade_state", state);
        transaction.put("trade_state_desc", switch (state) {
            case "NOTPAY" -> "订单未支付";
            case "SUCCESS" -> "支付成功";
            case "REFUND" -> "转入退款";
            default -> "订单已关闭";
        });
        transaction.put("attach", "");
        transaction.put("amount", Map.of("total", order.amount(), "payer_total", paid ? order.amount() : 0,
                "currency", "CNY", "payer_currency", "CNY"));
        return transaction;
    }

    private Map<String, Object> refundAnswer(FakeOrder order, FakeOrder.Refund refund) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("refund_id", refund.providerId());
        answer.put("out_refund_no", refund.id());
        answer.put("transaction_id", order.tradeNo());
        answer.put("out_trade_no", order.id());
        answer.put("channel", "ORIGINAL");
        answer.put("user_received_account", "支付用户零钱");
        answer.put("success_time", time(refund.at()));
        answer.put("create_time", time(refund.at()));
        answer.put("status", "SUCCESS");
        answer.put("funds_account", "AVAILABLE");
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("total", order.amount());
        amount.put("refund", refund.amount());
        amount.put("payer_total", order.amount());
        amount.put("payer_refund", refund.amount());
        amount.put("settlement_total", order.amount());
        amount.put("settlement_refund", refund.amount());
        amount.put("discount_refund", 0);
        amount.put("currency", "CNY");
        answer.put("amount", amount);
        return answer;
    }

    /** A notice as WeChat Pay sends it: the resource encrypted with the APIv3 key, the whole signed. */
    private NoticeSender.Delivery notice(String url, String eventType, String summary, String originalType,
            Map<String, Object> resource) {
        String nonce = FakeKeys.text(random, 12);
        Map<String, Object> encrypted = new LinkedHashMap<>();
        encrypted.put("original_type", originalType);
        encrypted.put("algorithm", "AEAD_AES_256_GCM");
        encrypted.put("ciphertext", Signing.aesGcm(keys.apiV3Key(), nonce, originalType, FakeHttp.json(resource)));
        encrypted.put("associated_data", originalType);
        encrypted.put("nonce", nonce);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("create_time", time(now()));
        envelope.put("resource_type", "encrypt-resource");
        envelope.put("event_type", eventType);
        envelope.put("summary", summary);
        envelope.put("resource", encrypted);
        String body = FakeHttp.json(envelope);
        Map<String, String> headers = new HashMap<>(signatureHeaders(body));
        headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        return new NoticeSender.Delivery(url, "application/json", body, headers,
                answer -> answer.statusCode() / 100 == 2);
    }

    private ResponseDefinition signed(int status, String body) {
        Map<String, String> headers = new HashMap<>(signatureHeaders(body));
        headers.put("Request-ID", UUID.randomUUID().toString());
        return FakeHttp.answer(status, body.isEmpty() ? null : "application/json", body, headers);
    }

    private ResponseDefinition error(int status, String code, String message) {
        return signed(status, FakeHttp.json(Map.of("code", code, "message", message)));
    }

    private Map<String, String> signatureHeaders(String body) {
        String timestamp = Long.toString(now());
        String nonce = FakeKeys.text(random, 32);
        return Map.of("Wechatpay-Timestamp", timestamp, "Wechatpay-Nonce", nonce, "Wechatpay-Serial",
                keys.publicKeyId(), "Wechatpay-Signature",
                Signing.rsa(platformKey, timestamp + "\n" + nonce + "\n" + body + "\n"));
    }

    /** Whether the request carries the merchant's signature over {@code METHOD\nURL\ntimestamp\nnonce\nbody\n}. */
    private boolean signedByTheMerchant(LoggedRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("WECHATPAY2-SHA256-RSA2048 ")) {
            return false;
        }
        Map<String, String> parts = new HashMap<>();
        Matcher part = AUTHORIZATION_PART.matcher(authorization);
        while (part.find()) {
            parts.put(part.group(1), part.group(2));
        }
        if (!keys.merchantId().equals(parts.get("mchid")) || !keys.serialNumber().equals(parts.get("serial_no"))) {
            return false;
        }
        String url = request.getUrl().substring("/wechatpay".length());
        String message = request.getMethod().getName() + "\n" + url + "\n" + parts.get("timestamp") + "\n"
                + parts.get("nonce_str") + "\n" + request.getBodyAsString() + "\n";
        return Signing.rsaHolds(merchantKey, message, parts.get("signature"));
    }

    private static String time(long epochSecond) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochSecond(epochSecond).atOffset(CHINA));
    }

    private String digits(int length) {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }
}
