package dev.atelier.platform.payments.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayRequest;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradePagePayModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeWapPayModel;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradePagePayRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.gateway.MerchantKeys;
import dev.atelier.platform.payments.gateway.Notice;
import dev.atelier.platform.payments.gateway.OrderRequest;
import dev.atelier.platform.payments.gateway.PaymentGateway;
import dev.atelier.platform.payments.gateway.ProviderOrder;
import dev.atelier.platform.payments.gateway.RawNotice;
import dev.atelier.platform.payments.gateway.RefundRequest;
import dev.atelier.platform.payments.model.MerchantCredentials;
import dev.atelier.platform.payments.model.MerchantCredentials.AlipayMerchant;
import dev.atelier.platform.payments.model.PaymentFact;
import dev.atelier.platform.payments.model.Provider;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Alipay through its official SDK, in each chain's own Alipay app (its app id and keys, per call): the customer pays
 * on Alipay's cashier page — the computer website page ({@code alipay.trade.page.pay}) on a desktop browser, the
 * mobile website page ({@code alipay.trade.wap.pay}) on a phone's and in WeChat's. Orders are asked after
 * ({@code alipay.trade.query}), closed when their hold runs out ({@code alipay.trade.close}) and refunded by our
 * refund's id ({@link AlipayRefunds}); Alipay's notices are verified by {@link AlipayNotices}.
 *
 * <p><b>Opening is idempotent by itself.</b> The cashier page is a URL the SDK signs with the chain's key
 * ({@code pageExecute(request, "GET")}): no call reaches Alipay until the customer opens it, and its
 * {@code out_trade_no} is our payment's id without dashes, so opening the same payment again gives a page for the
 * same trade, never a second one (Alipay takes one payment per {@code out_trade_no}). The page is good until the
 * pay window ends ({@code time_expire}, absolute), so an order that was never opened cannot be paid after its hold
 * either. WeChat's own browser does not open Alipay's pages: in WeChat the customer is shown the same page to open
 * in their phone's browser.
 *
 * <p>Every answer of Alipay's is believed only signed with the chain's Alipay public key; one that is not is
 * {@code GatewayUnavailableException}, as an outage is. Alipay's notices are acknowledged with the plain text
 * {@link #ACKNOWLEDGED}; any other answer makes Alipay deliver the notice again.
 */
@Component
public class AlipayGateway implements PaymentGateway {

    /** The body (plain text) Alipay must get back for a notice it need not deliver again. */
    public static final String ACKNOWLEDGED = "success";

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss",
            Locale.ROOT);
    private static final int SUBJECT_LENGTH = 256;

    private final AlipayProperties properties;
    private final Clock clock;
    private final AlipayClients clients;
    private final AlipayRefunds refunds;
    private final AlipayNotices notices;

    public AlipayGateway(AlipayProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.clients = new AlipayClients(properties);
        this.refunds = new AlipayRefunds(clients);
        this.notices = new AlipayNotices(properties, clock, refunds);
    }

    @Override
    public Provider provider() {
        return Provider.ALIPAY;
    }

    /** The trade number Alipay keeps for our payment: its id without dashes (32 characters). */
    public static String outTradeNo(UUID paymentId) {
        return paymentId.toString().replace("-", "");
    }

    @Override
    public ProviderOrder open(OrderRequest order, MerchantCredentials chain) {
        AlipayMerchant app = alipay(chain);
        String outTradeNo = outTradeNo(order.paymentId());
        String amount = Yuan.of(order.amount());
        String subject = subject(order.description(), outTradeNo);
        String expires = ALIPAY_TIME.format(clock.instant().plus(properties.payWindow()).atZone(SHANGHAI));
        AlipayRequest<?> request = switch (order.channel()) {
            case DESKTOP -> {
                AlipayTradePagePayModel model = new AlipayTradePagePayModel();
                model.setOutTradeNo(outTradeNo);
                model.setTotalAmount(amount);
                model.setSubject(subject);
                model.setProductCode("FAST_INSTANT_TRADE_PAY");
                model.setTimeExpire(expires);
                AlipayTradePagePayRequest page = new AlipayTradePagePayRequest();
                page.setBizModel(model);
                yield page;
            }
            case PHONE, IN_WECHAT -> {
                AlipayTradeWapPayModel model = new AlipayTradeWapPayModel();
                model.setOutTradeNo(outTradeNo);
                model.setTotalAmount(amount);
                model.setSubject(subject);
                model.setProductCode("QUICK_WAP_WAY");
                model.setTimeExpire(expires);
                model.setQuitUrl(order.cancelledReturn().toString());
                AlipayTradeWapPayRequest page = new AlipayTradeWapPayRequest();
                page.setBizModel(model);
                yield page;
            }
        };
        request.setReturnUrl(order.paidReturn().toString());
        request.setNotifyUrl(properties.notifyUrl());
        try {
            String page = clients.of(app).pageExecute(request, "GET").getBody();
            return new ProviderOrder(outTradeNo, URI.create(page));
        } catch (AlipayApiException | RuntimeException e) {
            throw AlipayClients.unavailable("sign a cashier page", e.getMessage(), e);
        }
    }

    /**
     * Paid (its amount and Alipay's trade number) once the trade succeeded or finished, closed once closed; empty
     * while it waits for the customer and while Alipay has no such trade (the customer has not opened its page).
     */
    @Override
    public Optional<PaymentFact> query(ProviderOrder order, MerchantCredentials chain) {
        AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(order.orderId());
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        AlipayTradeQueryResponse answer = clients.execute(alipay(chain), request, "ask for a trade");
        if (!AlipayClients.SUCCESS.equals(answer.getCode()) || !answer.isSuccess()) {
            if ("ACQ.TRADE_NOT_EXIST".equals(answer.getSubCode())) {
                return Optional.empty();
            }
            throw AlipayClients.unavailable("ask for a trade", AlipayClients.refusal(answer), null);
        }
        if (!order.orderId().equals(answer.getOutTradeNo()) || answer.getTradeNo() == null
                || answer.getTradeNo().isBlank()) {
            throw AlipayClients.unavailable("ask for a trade", "it answered for another trade", null);
        }
        String status = String.valueOf(answer.getTradeStatus());
        String eventId = "query:" + answer.getTradeNo() + ":" + status;
        return switch (status) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> Optional.of(new PaymentFact.Paid(eventId,
                    paidAmount(answer.getTotalAmount()), answer.getTradeNo()));
            case "TRADE_CLOSED" -> Optional.of(new PaymentFact.Closed(eventId));
            default -> Optional.empty(); // WAIT_BUYER_PAY
        };
    }

    /**
     * Closes the trade; nothing when Alipay has none (its page was never opened, and the pay window bounds it) or
     * it is closed or finished already. A trade paid meanwhile cannot be closed either: the caller learns it was
     * paid from its notice or a query.
     */
    @Override
    public void close(ProviderOrder order, MerchantCredentials chain) {
        AlipayTradeCloseModel model = new AlipayTradeCloseModel();
        model.setOutTradeNo(order.orderId());
        AlipayTradeCloseRequest request = new AlipayTradeCloseRequest();
        request.setBizModel(model);
        AlipayTradeCloseResponse answer = clients.execute(alipay(chain), request, "close a trade");
        if (AlipayClients.SUCCESS.equals(answer.getCode()) && answer.isSuccess()) {
            return;
        }
        if ("ACQ.TRADE_NOT_EXIST".equals(answer.getSubCode()) || "ACQ.TRADE_STATUS_ERROR".equals(
                answer.getSubCode())) {
            return;
        }
        throw AlipayClients.unavailable("close a trade", AlipayClients.refusal(answer), null);
    }

    @Override
    public PaymentFact.Refunded refund(RefundRequest refund, MerchantCredentials chain) {
        return refunds.refund(refund, alipay(chain));
    }

    @Override
    public Notice verify(RawNotice notice, MerchantKeys keys) {
        return notices.verify(notice, keys);
    }

    private static Money paidAmount(String amount) {
        try {
            Money paid = Yuan.parse(amount);
            if (!paid.isZero()) {
                return paid;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw AlipayClients.unavailable("ask for a trade", "it named no amount it could have taken: " + amount, null);
    }

    /** The order's title as Alipay takes it: no {@code / = &}, at most 256 characters. */
    private static String subject(String description, String outTradeNo) {
        String subject = description.replaceAll("[/=&]", " ").replaceAll("\\s+", " ").strip();
        if (subject.isEmpty()) {
            return outTradeNo;
        }
        return subject.codePointCount(0, subject.length()) > SUBJECT_LENGTH
                ? subject.substring(0, subject.offsetByCodePoints(0, SUBJECT_LENGTH))
                : subject;
    }

    private static AlipayMerchant alipay(MerchantCredentials chain) {
        if (!(chain instanceof AlipayMerchant app)) {
            throw new IllegalArgumentException("Alipay takes a chain's Alipay app, not " + chain);
        }
        return app;
    }
}
