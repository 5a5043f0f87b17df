package dev.atelier.infra.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Alipay's open-platform gateway at {@code /alipay/gateway.do}, for one app (the fake's): the cashier pages
 * ({@code alipay.trade.page.pay}, {@code alipay.trade.wap.pay}) are the signed GET the customer's browser opens,
 * which makes the trade and shows the pay page; {@code alipay.trade.query}, {@code .close}, {@code .refund} and
 * {@code .fastpay.refund.query} are answered as Alipay answers, RSA2-signed with "Alipay's" key. Every request must
 * be signed with the app's key. A payment (and a refund) is notified to the trade's {@code notify_url} as Alipay's
 * form, signed the same way.
 */
final class AlipayFake extends ProviderFake {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss",
            Locale.ROOT);
    private static final String TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST";

    private final FakeKeys.Alipay keys;
    private final PublicKey appKey;
    private final PrivateKey alipayKey;
    private final SecureRandom random = new SecureRandom();

    AlipayFake(FakeOrders orders, NoticeSender notices, String baseUrl, Clock clock, FakeKeys.Alipay keys) {
        super(orders, notices, baseUrl, clock);
        this.keys = keys;
        this.appKey = FakeKeys.publicKey(keys.appPublicKey());
        this.alipayKey = FakeKeys.privateKey(keys.alipayPrivateKey());
    }

    @Override
    String provider() {
        return "alipay";
    }

    @Override
    String title() {
        return "Alipay 支付宝";
    }

    @Override
    ResponseDefinition api(LoggedRequest request) {
        Map<String, String> params = new HashMap<>(FakeHttp.query(request));
        if (request.getMethod().equals(RequestMethod.POST)) {
            FakeHttp.form(request).forEach(params::putIfAbsent);
        }
        String method = params.getOrDefault("method", "");
        boolean page = method.equals("alipay.trade.page.pay") || method.equals("alipay.trade.wap.pay");
        if (!keys.appId().equals(params.get("app_id"))
                || !Signing.rsaHolds(appKey, Signing.alipayContent(params), params.get("sign"))) {
            return page
                    ? PayPage.problem(400, "Alipay refused this page", "Its app id or signature is not the fake's "
                            + "Alipay app (" + keys.appId() + ").")
                    : answer(method, refused("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错"));
        }
        JsonNode biz;
        try {
            biz = FakeHttp.JSON.readTree(params.getOrDefault("biz_content", "{}"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return answer(method, refused("40002", "Invalid Arguments", "isv.invalid-biz-content", "业务参数错误"));
        }
        if (page) {
            return cashier(params, biz, method.equals("alipay.trade.wap.pay"));
        }
        String outTradeNo = biz.path("out_trade_no").asText();
        Optional<FakeOrder> trade = current(outTradeNo);
        return switch (method) {
            case "alipay.trade.query" -> answer(method, trade.map(this::trade).orElseGet(AlipayFake::notExist));
            case "alipay.trade.close" -> answer(method, trade.map(this::close).orElseGet(AlipayFake::notExist));
            case "alipay.trade.refund" -> answer(method, trade.map(found -> refund(found, biz))
                    .orElseGet(AlipayFake::notExist));
            case "alipay.trade.fastpay.refund.query" -> answer(method, trade.map(found -> refundQuery(found,
                    biz.path("out_request_no").asText())).orElseGet(AlipayFake::notExist));
            default -> answer(method, refused("40004", "Business Failed", "isv.invalid-method", "不支持的接口"));
        };
    }

    /** The customer opened the signed cashier page: the trade is made (once per out_trade_no) and paid here. */
    private ResponseDefinition cashier(Map<String, String> params, JsonNode biz, boolean wap) {
        String outTradeNo = biz.path("out_trade_no").asText();
        long fen;
        try {
            fen = new BigDecimal(biz.path("total_amount").asText()).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            fen = 0;
        }
        if (outTradeNo.isEmpty() || fen <= 0) {
            return PayPage.problem(400, "Alipay refused this page", "It needs an out_trade_no and a total_amount.");
        }
        Map<String, String> extra = new LinkedHashMap<>();
        String expires = biz.path("time_expire").asText();
        if (!expires.isEmpty()) {
            try {
                extra.put(EXPIRES_AT, Long.toString(LocalDateTime.parse(expires, ALIPAY_TIME).atZone(SHANGHAI)
                        .toEpochSecond()));
            } catch (DateTimeParseException e) {
                return PayPage.problem(400, "Alipay refused this page", "time_expire is yyyy-MM-dd HH:mm:ss.");
            }
        }
        extra.put("product_code", biz.path("product_code").asText());
        FakeOrder made = FakeOrder.open(provider(), outTradeNo, keys.appId(), fen, "CNY",
                biz.path("subject").asText(outTradeNo), params.get("notify_url"), params.get("return_url"),
                wap ? emptyToNull(biz.path("quit_url").asText()) : null, null, extra, now());
        FakeOrder kept = orders.putIfAbsent(made);
        if (kept.amount() != made.amount()) {
            return PayPage.problem(409, "Alipay refused this page", "Trade " + outTradeNo
                    + " was opened for another amount.");
        }
        return FakeHttp.redirect(payPage(outTradeNo));
    }

    private Map<String, Object> trade(FakeOrder order) {
        Map<String, Object> trade = success();
        trade.put("out_trade_no", order.id());
        trade.put("trade_no", order.tradeNo() == null ? tradeNo(order) : order.tradeNo());
        trade.put("trade_status", status(order));
        trade.put("total_amount", order.decimal());
        trade.put("buyer_pay_amount", order.state() == FakeOrder.State.PAID ? order.decimal() : "0.00");
        trade.put("buyer_logon_id", "tes***@example.com");
        if (order.paidAt() > 0) {
            trade.put("send_pay_date", shanghai(Instant.ofEpochSecond(order.paidAt())));
        }
        return trade;
    }

    private Map<String, Object> close(FakeOrder order) {
        if (order.state() == FakeOrder.State.PAID) {
            return refused("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        FakeOrder closed = orders.update(provider(), order.id(), FakeOrder::closed).orElseThrow();
        Map<String, Object> answer = success();
        answer.put("out_trade_no", closed.id());
        answer.put("trade_no", tradeNo(closed));
        return answer;
    }

    private Map<String, Object> refund(FakeOrder order, JsonNode biz) {
        String outRequestNo = biz.path("out_request_no").asText(order.id());
        if (order.state() != FakeOrder.State.PAID) {
            return refused("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        boolean made = order.refund(outRequestNo).isEmpty();
        FakeOrder refunded = order;
        if (made) {
            long fen;
            try {
                fen = new BigDecimal(biz.path("refund_amount").asText()).movePointRight(2).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                return refused("40004", "Business Failed", "ACQ.INVALID_PARAMETER", "参数有误");
            }
            if (fen <= 0 || fen > order.amount() - order.refundedTotal()) {
                return refused("40004", "Business Failed", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
            }
            FakeOrder.Refund refund = new FakeOrder.Refund(outRequestNo, outRequestNo, fen, now());
            refunded = orders.update(provider(), order.id(), paid -> paid.refunded(refund)).orElseThrow();
            notices.deliverLater(refundNotice(refunded, refund), Duration.ofMillis(500));
        }
        Map<String, Object> answer = success();
        answer.put("out_trade_no", refunded.id());
        answer.put("trade_no", refunded.tradeNo());
        answer.put("buyer_logon_id", "tes***@example.com");
        answer.put("fund_change", made ? "Y" : "N");
        answer.put("refund_fee", refunded.decimal(refunded.refundedTotal()));
        answer.put("gmt_refund_pay", shanghai(clock.instant()));
        return answer;
    }

    private Map<String, Object> refundQuery(FakeOrder order, String outRequestNo) {
        Map<String, Object> answer = success();
        answer.put("out_trade_no", order.id());
        answer.put("out_request_no", outRequestNo);
        order.refund(outRequestNo).ifPresent(refund -> {
            answer.put("trade_no", order.tradeNo());
            answer.put("total_amount", order.decimal());
            answer.put("refund_amount", order.decimal(refund.amount()));
            answer.put("refund_status", "REFUND_SUCCESS");
        });
        return answer;
    }

    @Override
    boolean notifyPaid(FakeOrder order) {
        return order.notifyUrl() != null && notices.deliver(notice(order, new LinkedHashMap<>()));
    }

    @Override
    String paymentReference(FakeOrder order) {
        return tradeNo(order);
    }

    private NoticeSender.Delivery refundNotice(FakeOrder order, FakeOrder.Refund refund) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("out_biz_no", refund.id());
        fields.put("refund_fee", order.decimal(order.refundedTotal()));
        fields.put("gmt_refund", shanghai(Instant.ofEpochSecond(refund.at())) + ".000");
        return notice(order, fields);
    }

    private NoticeSender.Delivery notice(FakeOrder order, Map<String, String> more) {
        Instant paid = Instant.ofEpochSecond(order.paidAt());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("gmt_create", shanghai(Instant.ofEpochSecond(order.createdAt())));
        fields.put("charset", "utf-8");
        fields.put("seller_email", "merchant@alipay.test");
        fields.put("subject", order.description());
        fields.put("buyer_id", "2088102177846880");
        fields.put("invoice_amount", order.decimal());
        fields.put("notify_id", "2026" + digits(21));
        fields.put("notify_type", "trade_status_sync");
        fields.put("trade_status", status(order));
        fields.put("receipt_amount", order.decimal());
        fields.put("app_id", keys.appId());
        fields.put("auth_app_id", keys.appId());
        fields.put("buyer_pay_amount", order.decimal());
        fields.put("seller_id", "2088102176044281");
        fields.put("gmt_payment", shanghai(paid));
        fields.put("notify_time", shanghai(clock.instant()));
        fields.put("version", "1.0");
        fields.put("out_trade_no", order.id());
        fields.put("total_amount", order.decimal());
        fields.put("trade_no", order.tradeNo());
        fields.put("point_amount", "0.00");
        fields.putAll(more);
        fields.put("sign_type", "RSA2");
        fields.put("sign", Signing.rsa(alipayKey, Signing.alipayContent(fields, "sign_type")));
        return new NoticeSender.Delivery(order.notifyUrl(), "application/x-www-form-urlencoded; charset=utf-8",
                FakeHttp.encode(fields), Map.of(), answer -> answer.statusCode() == 200
                        && "success".equals(answer.body().strip()));
    }

    private static String status(FakeOrder order) {
        return switch (order.state()) {
            case OPEN -> "WAIT_BUYER_PAY";
            case PAID -> order.refundedTotal() >= order.amount() ? "TRADE_CLOSED" : "TRADE_SUCCESS";
            case CLOSED -> "TRADE_CLOSED";
        };
    }

    /** The trade number Alipay gives the trade: its date and digits derived from our trade number. */
    private static String tradeNo(FakeOrder order) {
        String digits = Long.toUnsignedString(order.id().hashCode() & 0xffffffffL);
        String date = LocalDateTime.ofInstant(Instant.ofEpochSecond(order.createdAt()), SHANGHAI)
                .format(DateTimeFormatter.BASIC_ISO_DATE);
        return date + "22001" + "0".repeat(Math.max(0, 15 - digits.length())) + digits;
    }

    /** An answer as Alipay signs it: RSA2 over the exact text of its {@code <method>_response} object. */
    private ResponseDefinition answer(String method, Map<String, Object> answer) {
        String json = FakeHttp.json(answer);
        String body = "{\"" + (method.isEmpty() ? "error" : method.replace('.', '_')) + "_response\":" + json
                + ",\"sign\":\"" + Signing.rsa(alipayKey, json) + "\"}";
        return FakeHttp.answer(200, "application/json;charset=utf-8", body, Map.of());
    }

    private static Map<String, Object> success() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", "10000");
        answer.put("msg", "Success");
        return answer;
    }

    private static Map<String, Object> notExist() {
        return refused("40004", "Business Failed", TRADE_NOT_EXIST, "交易不存在");
    }

    private static Map<String, Object> refused(String code, String message, String subCode, String subMessage) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("msg", message);
        answer.put("sub_code", subCode);
        answer.put("sub_msg", subMessage);
        return answer;
    }

    private static String shanghai(Instant instant) {
        return ALIPAY_TIME.format(instant.atZone(SHANGHAI));
    }

    private String digits(int length) {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
