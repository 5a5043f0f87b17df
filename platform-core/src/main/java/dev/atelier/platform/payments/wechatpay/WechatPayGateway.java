package dev.atelier.platform.payments.wechatpay;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.WechatPayException;
import com.wechat.pay.java.service.payments.h5.model.H5Info;
import com.wechat.pay.java.service.payments.h5.model.SceneInfo;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import com.wechat.pay.java.service.refund.model.Status;
import dev.atelier.platform.money.Money;
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
import dev.atelier.platform.payments.model.MerchantCredentials.WechatPayMerchant;
import dev.atelier.platform.payments.model.PaymentFact;
import dev.atelier.platform.payments.model.Provider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * WeChat Pay (APIv3, WeChat Pay public-key mode) through the official wechatpay-java SDK, in each chain's own
 * merchant account: a Native order (its {@code weixin://} code URL, which the storefront shows as a QR code) for a
 * desktop browser, an H5 order (its page, returning to our paid page) for a phone's browser, and inside WeChat's own
 * browser a JSAPI order for the payer's openid (its prepay id and the merchant's signature over the parameters
 * WeChat's bridge is handed, kept as an {@link InWeChatPayment}). An {@link OrderRequest.Channel#IN_WECHAT} order
 * without an openid (the chain gave no official account's AppSecret) is opened as H5.
 *
 * <p>Our payment id (without dashes) is the order's {@code out_trade_no} and {@link ProviderOrder#orderId()}, and
 * every try of one order sends the same parameters (the deadline included), so a retried open gives WeChat Pay's
 * same order. Every answer is believed only when its signature holds with the chain's WeChat Pay public key (the
 * SDK checks it); one that does not, like a dropped connection or an error, is {@link GatewayUnavailableException}.
 * Notices are verified, per chain, as the package's notice verifier describes.
 */
@Component
public class WechatPayGateway implements PaymentGateway {

    private static final int MOST_DESCRIPTION = 127;
    private static final int MOST_REASON = 80;

    private final WechatPayProperties properties;
    private final WechatPayClients clients;
    private final OrderDeadlines deadlines;
    private final WechatPayNotices notices;

    public WechatPayGateway(WechatPayProperties properties, Clock clock) {
        this.properties = properties;
        this.clients = new WechatPayClients(properties);
        this.deadlines = new OrderDeadlines(clock, properties.orderExpiry());
        this.notices = new WechatPayNotices(clients, clock, properties.noticeTolerance());
    }

    @Override
    public Provider provider() {
        return Provider.WECHATPAY;
    }

    @Override
    public ProviderOrder open(OrderRequest order, MerchantCredentials chain) {
        WechatPayMerchant merchant = merchant(chain);
        String outTradeNo = WechatPayIds.compact(order.paymentId());
        int total = Math.toIntExact(Fen.of(order.amount()));
        String description = shortened(order.description(), MOST_DESCRIPTION);
        String deadline = deadlines.of(order.paymentId());
        WechatPayClients.Services services = clients.of(merchant);
        try {
            if (order.channel() == OrderRequest.Channel.DESKTOP) {
                PrepayRequest prepay = new PrepayRequest();
                prepay.setAppid(merchant.appId());
                prepay.setMchid(merchant.merchantId());
                prepay.setDescription(description);
                prepay.setOutTradeNo(outTradeNo);
                prepay.setTimeExpire(deadline);
                prepay.setNotifyUrl(properties.notifyUrl());
                Amount amount = new Amount();
                amount.setTotal(total);
                amount.setCurrency(Fen.CNY.getCurrencyCode());
                prepay.setAmount(amount);
                return new ProviderOrder(outTradeNo, page(services.nativePay().prepay(prepay).getCodeUrl()));
            }
            if (order.channel() == OrderRequest.Channel.IN_WECHAT && order.wechatOpenId() != null) {
                return inWeChat(order, merchant, services, outTradeNo, total, description, deadline);
            }
            var prepay = new com.wechat.pay.java.service.payments.h5.model.PrepayRequest();
            prepay.setAppid(merchant.appId());
            prepay.setMchid(merchant.merchantId());
            prepay.setDescription(description);
            prepay.setOutTradeNo(outTradeNo);
            prepay.setTimeExpire(deadline);
            prepay.setNotifyUrl(properties.notifyUrl());
            var amount = new com.wechat.pay.java.service.payments.h5.model.Amount();
            amount.setTotal(total);
            amount.setCurrency(Fen.CNY.getCurrencyCode());
            prepay.setAmount(amount);
            SceneInfo scene = new SceneInfo();
            scene.setPayerClientIp(properties.payerClientIp());
            H5Info h5 = new H5Info();
            h5.setType("Wap");
            scene.setH5Info(h5);
            prepay.setSceneInfo(scene);
            String h5Url = services.h5().prepay(prepay).getH5Url();
            return new ProviderOrder(outTradeNo, page(h5Url == null
                    ? null
                    : h5Url + (h5Url.contains("?") ? "&" : "?") + "redirect_url="
                            + URLEncoder.encode(order.paidReturn().toString(), StandardCharsets.UTF_8)));
        } catch (WechatPayException | IllegalArgumentException e) {
            throw unavailable("open an order", e);
        }
    }

    /** A JSAPI order for the payer's openid, and what the page inside WeChat hands to WeChat to pay it. */
    private ProviderOrder inWeChat(OrderRequest order, WechatPayMerchant merchant, WechatPayClients.Services services,
            String outTradeNo, int total, String description, String deadline) {
        var prepay = new com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest();
        prepay.setAppid(merchant.appId());
        prepay.setMchid(merchant.merchantId());
        prepay.setDescription(description);
        prepay.setOutTradeNo(outTradeNo);
        prepay.setTimeExpire(deadline);
        prepay.setNotifyUrl(properties.notifyUrl());
        var amount = new com.wechat.pay.java.service.payments.jsapi.model.Amount();
        amount.setTotal(total);
        amount.setCurrency(Fen.CNY.getCurrencyCode());
        prepay.setAmount(amount);
        var payer = new com.wechat.pay.java.service.payments.jsapi.model.Payer();
        payer.setOpenid(order.wechatOpenId());
        prepay.setPayer(payer);
        var answer = services.jsapi().prepayWithRequestPayment(prepay);
        try {
            return new ProviderOrder(outTradeNo, new InWeChatPayment(answer.getAppId(), answer.getTimeStamp(),
                    answer.getNonceStr(), answer.getPackageVal(), answer.getSignType(), answer.getPaySign()).toUri());
        } catch (IllegalArgumentException e) {
            throw new GatewayUnavailableException("WeChat Pay opened a JSAPI order without its prepay id", e);
        }
    }

    /**
     * Asks for the order by our {@code out_trade_no}: paid (also when refunds have begun on it), closed (or revoked),
     * failed, or nothing while it waits for the customer. The answer's event id is the order and its state, so
     * asking again counts once.
     */
    @Override
    public Optional<PaymentFact> query(ProviderOrder order, MerchantCredentials chain) {
        Transaction transaction = transaction(order, merchant(chain));
        String eventId = "query:" + order.orderId() + ":" + transaction.getTradeState();
        return switch (transaction.getTradeState()) {
            case SUCCESS, REFUND -> Optional.of(new PaymentFact.Paid(eventId, paid(transaction),
                    transaction.getTransactionId()));
            case CLOSED, REVOKED -> Optional.of(new PaymentFact.Closed(eventId));
            case PAYERROR -> Optional.of(new PaymentFact.Failed(eventId, transaction.getTradeStateDesc() == null
                    ? "the payment failed"
                    : transaction.getTradeStateDesc()));
            case NOTPAY, USERPAYING, ACCEPT -> Optional.empty();
        };
    }

    /**
     * Closes the order. WeChat Pay refuses to close an order that is paid (and the fake answers such a request with
     * 400 {@code ORDERPAID}); an error's body is not signed, so the order is asked for, and an order that is paid,
     * closed or failed already needs nothing more. Closing a closed order again is answered 204 by WeChat Pay.
     */
    @Override
    public void close(ProviderOrder order, MerchantCredentials chain) {
        WechatPayMerchant merchant = merchant(chain);
        CloseOrderRequest close = new CloseOrderRequest();
        close.setMchid(merchant.merchantId());
        close.setOutTradeNo(order.orderId());
        try {
            clients.of(merchant).nativePay().closeOrder(close);
        } catch (ServiceException refused) {
            if (query(order, chain).isEmpty()) {
                throw unavailable("close the order", refused);
            }
        } catch (WechatPayException | IllegalArgumentException e) {
            throw unavailable("close the order", e);
        }
    }

    /**
     * Refunds with our refund id (without dashes) as {@code out_refund_no}, so the same refund is made once however
     * often it is asked for. WeChat Pay wants the order's total with the refund, which the refund request does not
     * carry: the order is asked for first (a signed answer) and its total sent. A refund WeChat Pay accepted
     * (processing or done) is the fact, with our refund id as its id, as the refund's notice names it; one it closed
     * or could not make is not.
     */
    @Override
    public PaymentFact.Refunded refund(RefundRequest refund, MerchantCredentials chain) {
        WechatPayMerchant merchant = merchant(chain);
        long fen = Fen.of(refund.amount());
        Transaction paid = transaction(refund.order(), merchant);
        if (paid.getTradeState() != Transaction.TradeStateEnum.SUCCESS
                && paid.getTradeState() != Transaction.TradeStateEnum.REFUND) {
            throw new GatewayUnavailableException("WeChat Pay has not been paid for order " + refund.order().orderId()
                    + " (" + paid.getTradeState() + ")", null);
        }
        String outRefundNo = WechatPayIds.compact(refund.refundId());
        CreateRequest create = new CreateRequest();
        create.setOutTradeNo(refund.order().orderId());
        create.setOutRefundNo(outRefundNo);
        if (refund.reason() != null && !refund.reason().isBlank()) {
            create.setReason(shortened(refund.reason(), MOST_REASON));
        }
        create.setNotifyUrl(properties.notifyUrl());
        AmountReq amount = new AmountReq();
        amount.setRefund(fen);
        amount.setTotal(paid(paid).minorUnits());
        amount.setCurrency(Fen.CNY.getCurrencyCode());
        create.setAmount(amount);
        Refund made;
        try {
            made = clients.of(merchant).refunds().create(create);
        } catch (WechatPayException | IllegalArgumentException e) {
            throw unavailable("refund", e);
        }
        if (!outRefundNo.equals(made.getOutRefundNo()) || made.getAmount() == null) {
            throw new GatewayUnavailableException("WeChat Pay answered for another refund than " + outRefundNo, null);
        }
        if (made.getStatus() != Status.SUCCESS && made.getStatus() != Status.PROCESSING) {
            throw new GatewayUnavailableException("WeChat Pay did not make refund " + outRefundNo + ": "
                    + made.getStatus(), null);
        }
        Money refunded = Fen.money(made.getAmount().getRefund(), made.getAmount().getCurrency())
                .orElseThrow(() -> new GatewayUnavailableException("WeChat Pay's refund has no amount of CNY", null));
        return new PaymentFact.Refunded("refund:" + outRefundNo, refund.refundId().toString(), refunded);
    }

    @Override
    public Notice verify(RawNotice notice, MerchantKeys keys) {
        return notices.verify(notice, keys);
    }

    private Transaction transaction(ProviderOrder order, WechatPayMerchant merchant) {
        QueryOrderByOutTradeNoRequest query = new QueryOrderByOutTradeNoRequest();
        query.setMchid(merchant.merchantId());
        query.setOutTradeNo(order.orderId());
        Transaction transaction;
        try {
            transaction = clients.of(merchant).nativePay().queryOrderByOutTradeNo(query);
        } catch (WechatPayException | IllegalArgumentException e) {
            throw unavailable("ask for the order", e);
        }
        if (transaction == null || transaction.getTradeState() == null
                || !order.orderId().equals(transaction.getOutTradeNo())
                || !merchant.merchantId().equals(transaction.getMchid())) {
            throw new GatewayUnavailableException("WeChat Pay answered for another order than " + order.orderId(),
                    null);
        }
        return transaction;
    }

    private static Money paid(Transaction transaction) {
        return Optional.ofNullable(transaction.getAmount())
                .flatMap(amount -> Fen.money(amount.getTotal(), amount.getCurrency()))
                .orElseThrow(() -> new GatewayUnavailableException("WeChat Pay's order has no amount of CNY", null));
    }

    private static URI page(String url) {
        if (url == null || url.isBlank()) {
            throw new GatewayUnavailableException("WeChat Pay opened an order without its page", null);
        }
        return URI.create(url);
    }

    private static String shortened(String text, int most) {
        return text.codePointCount(0, text.length()) <= most
                ? text
                : text.substring(0, text.offsetByCodePoints(0, most));
    }

    private static WechatPayMerchant merchant(MerchantCredentials chain) {
        if (!(chain instanceof WechatPayMerchant merchant)) {
            throw new IllegalArgumentException("WeChat Pay takes a chain's WeChat Pay merchant, not " + chain);
        }
        return merchant;
    }

    private static GatewayUnavailableException unavailable(String what, RuntimeException e) {
        return new GatewayUnavailableException("WeChat Pay could not " + what + ": " + e.getMessage(), e);
    }
}
