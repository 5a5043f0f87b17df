package dev.atelier.platform.payments.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.gateway.MerchantKeys;
import dev.atelier.platform.payments.gateway.Notice;
import dev.atelier.platform.payments.gateway.NoticeRejectedException;
import dev.atelier.platform.payments.gateway.RawNotice;
import dev.atelier.platform.payments.model.MerchantCredentials.AlipayMerchant;
import dev.atelier.platform.payments.model.PaymentFact;
import dev.atelier.platform.payments.model.Provider;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Alipay's asynchronous notices verified on their raw form body: the order they name must be one of ours (found in
 * our records, which give the chain's keys), sent to that chain's app, signed RSA2 with that chain's Alipay key
 * ({@code AlipaySignature.rsaCheckV1}), dated within the tolerance, and well formed down to each amount.
 *
 * <p>What a notice says: a payment ({@code TRADE_SUCCESS}, {@code TRADE_FINISHED}), a closed order ({@code
 * TRADE_CLOSED}), or a refund. A refund's notice is the trade's own notice sent again with refund fields: {@code
 * out_biz_no} (the refund's {@code out_request_no}, our refund id), {@code refund_fee} and {@code gmt_refund}; its
 * status stays {@code TRADE_SUCCESS} after a partial refund and becomes {@code TRADE_CLOSED} after a full one. Its
 * {@code refund_fee} is the trade's total refunded so far, not that refund's amount, so a second partial refund's
 * notice would count the first twice; the refund's own amount is asked of Alipay (the refund query, by
 * {@code out_biz_no}) and must not exceed that total. While Alipay cannot be asked, the notice is not
 * acknowledged ({@code GatewayUnavailableException}) and Alipay delivers it again.
 */
final class AlipayNotices {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter NOTIFY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss",
            Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern OUT_TRADE_NO = Pattern.compile("[0-9a-f]{32}");
    private static final Set<String> REFUND_FIELDS = Set.of("out_biz_no", "refund_fee", "gmt_refund");
    private static final Set<String> CURRENCY_FIELDS = Set.of("currency", "trans_currency", "settle_currency");

    private final AlipayProperties properties;
    private final Clock clock;
    private final AlipayRefunds refunds;

    AlipayNotices(AlipayProperties properties, Clock clock, AlipayRefunds refunds) {
        this.properties = properties;
        this.clock = clock;
        this.refunds = refunds;
    }

    Notice verify(RawNotice notice, MerchantKeys keys) {
        Map<String, String> form = form(notice);
        String outTradeNo = required(form, "out_trade_no");
        if (!OUT_TRADE_NO.matcher(outTradeNo).matches()) {
            throw new NoticeRejectedException("an Alipay notice for an order that is not one of ours");
        }
        AlipayMerchant chain = keys.ofOrder(Provider.ALIPAY, outTradeNo)
                .filter(AlipayMerchant.class::isInstance).map(AlipayMerchant.class::cast)
                .orElseThrow(() -> new NoticeRejectedException("an Alipay notice for an order we do not have"));
        String appId = required(form, "app_id");
        if (!chain.appId().equals(appId) || !value(form, "auth_app_id").orElse(appId).equals(appId)) {
            throw new NoticeRejectedException("an Alipay notice sent to another app than the order's chain");
        }
        signatureHolds(form, chain);
        fresh(required(form, "notify_time"));
        String notifyId = required(form, "notify_id");
        for (String currency : CURRENCY_FIELDS) {
            if (!value(form, currency).orElse("CNY").equals("CNY")) {
                throw new NoticeRejectedException("an Alipay notice in another currency than CNY");
            }
        }
        return new Notice(notifyId, outTradeNo, Optional.of(appId), fact(form, notifyId, outTradeNo, chain));
    }

    private Optional<PaymentFact> fact(Map<String, String> form, String notifyId, String outTradeNo,
            AlipayMerchant chain) {
        String status = required(form, "trade_status");
        if (REFUND_FIELDS.stream().anyMatch(field -> value(form, field).isPresent())) {
            String refundId = required(form, "out_biz_no");
            Money refundedSoFar = positive(required(form, "refund_fee"));
            Money refunded = refunds.refunded(chain, outTradeNo, refundId).orElseThrow(
                    () -> AlipayClients.unavailable("confirm a refund", "Alipay does not know it made yet", null));
            if (refunded.isMoreThan(refundedSoFar)) {
                throw AlipayClients.unavailable("confirm a refund", "its refund is more than its trade's", null);
            }
            return Optional.of(new PaymentFact.Refunded(notifyId, refundId, refunded));
        }
        return switch (status) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> Optional.of(new PaymentFact.Paid(notifyId,
                    positive(required(form, "total_amount")), required(form, "trade_no")));
            case "TRADE_CLOSED" -> Optional.of(new PaymentFact.Closed(notifyId));
            default -> Optional.empty(); // WAIT_BUYER_PAY, or a status that changes nothing of ours
        };
    }

    private static Map<String, String> form(RawNotice notice) {
        String type = notice.header("Content-Type").map(header -> header.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new NoticeRejectedException("an Alipay notice without its Content-Type"));
        String[] parts = type.split(";");
        if (!parts[0].strip().equals("application/x-www-form-urlencoded")) {
            throw new NoticeRejectedException("an Alipay notice is a form, not " + parts[0].strip());
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").equals("utf-8")) {
                throw new NoticeRejectedException("an Alipay notice is UTF-8");
            }
        }
        Map<String, String> form;
        try {
            form = FormBody.parse(notice.body());
        } catch (FormBody.MalformedFormException e) {
            throw new NoticeRejectedException("not an Alipay notice: " + e.getMessage());
        }
        if (!value(form, "charset").orElse("utf-8").equalsIgnoreCase("utf-8")) {
            throw new NoticeRejectedException("an Alipay notice is UTF-8");
        }
        return form;
    }

    private static void signatureHolds(Map<String, String> form, AlipayMerchant chain) {
        if (!AlipayClients.SIGN_TYPE.equals(form.get("sign_type")) || value(form, "sign").isEmpty()) {
            throw new NoticeRejectedException("an Alipay notice is signed RSA2");
        }
        boolean holds;
        try {
            // rsaCheckV1 takes sign and sign_type out of the map it is given
            holds = AlipaySignature.rsaCheckV1(new HashMap<>(form), chain.alipayPublicKey(),
                    AlipayClients.CHARSET, AlipayClients.SIGN_TYPE);
        } catch (AlipayApiException | RuntimeException e) {
            holds = false;
        }
        if (!holds) {
            throw new NoticeRejectedException("the Alipay signature does not hold with the chain's Alipay key");
        }
    }

    private void fresh(String notifyTime) {
        Instant sent;
        try {
            sent = LocalDateTime.parse(notifyTime, NOTIFY_TIME).atZone(SHANGHAI).toInstant();
        } catch (DateTimeParseException e) {
            throw new NoticeRejectedException("an Alipay notice's notify_time is yyyy-MM-dd HH:mm:ss");
        }
        Instant now = clock.instant();
        if (sent.isBefore(now.minus(properties.noticeMaxAge()))) {
            throw new NoticeRejectedException("a stale Alipay notice, sent " + notifyTime);
        }
        if (sent.isAfter(now.plus(properties.noticeClockSkew()))) {
            throw new NoticeRejectedException("an Alipay notice dated ahead, " + notifyTime);
        }
    }

    private static Money positive(String amount) {
        Money money;
        try {
            money = Yuan.parse(amount);
        } catch (IllegalArgumentException e) {
            throw new NoticeRejectedException(e.getMessage());
        }
        if (money.isZero()) {
            throw new NoticeRejectedException("an Alipay notice for an amount of 0");
        }
        return money;
    }

    private static String required(Map<String, String> form, String field) {
        return value(form, field).orElseThrow(() -> new NoticeRejectedException("an Alipay notice without " + field));
    }

    /** A field's value; an empty one is none (Alipay's signature leaves empty fields out). */
    private static Optional<String> value(Map<String, String> form, String field) {
        return Optional.ofNullable(form.get(field)).filter(text -> !text.isEmpty());
    }
}
