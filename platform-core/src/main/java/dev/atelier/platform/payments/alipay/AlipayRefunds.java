package dev.atelier.platform.payments.alipay;

import com.alipay.api.domain.AlipayTradeFastpayRefundQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.gateway.RefundRequest;
import dev.atelier.platform.payments.model.MerchantCredentials.AlipayMerchant;
import dev.atelier.platform.payments.model.PaymentFact;
import java.util.Optional;

/**
 * Refunds at Alipay ({@code alipay.trade.refund}) with our refund's id as {@code out_request_no}, so Alipay refunds
 * it once however often it is asked; and what one refund gave back ({@code alipay.trade.fastpay.refund.query}).
 *
 * <p>Alipay's answers name the trade's total refunded so far ({@code refund_fee}), not this refund's amount, and
 * {@code code=10000} alone means only that the request was taken: {@code fund_change=Y} is a refund made now; any
 * other answer (a repeated request among them) is confirmed by asking for the refund itself.
 */
final class AlipayRefunds {

    private final AlipayClients clients;

    AlipayRefunds(AlipayClients clients) {
        this.clients = clients;
    }

    PaymentFact.Refunded refund(RefundRequest refund, AlipayMerchant chain) {
        String outTradeNo = refund.order().orderId();
        String outRequestNo = refund.refundId().toString();
        AlipayTradeRefundModel model = new AlipayTradeRefundModel();
        model.setOutTradeNo(outTradeNo);
        model.setOutRequestNo(outRequestNo);
        model.setRefundAmount(Yuan.of(refund.amount()));
        String reason = refund.reason() == null ? "" : refund.reason().strip();
        if (!reason.isEmpty()) {
            model.setRefundReason(reason.length() > 256 ? reason.substring(0, 256) : reason);
        }
        AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
        request.setBizModel(model);
        AlipayTradeRefundResponse answer = clients.execute(chain, request, "refund");
        if (!AlipayClients.SUCCESS.equals(answer.getCode()) || !answer.isSuccess()) {
            throw AlipayClients.unavailable("refund", AlipayClients.refusal(answer), null);
        }
        if (!outTradeNo.equals(answer.getOutTradeNo())) {
            throw AlipayClients.unavailable("refund", "it answered for another trade", null);
        }
        Money amount = "Y".equals(answer.getFundChange())
                ? refund.amount()
                : refunded(chain, outTradeNo, outRequestNo).orElseThrow(() -> AlipayClients.unavailable("refund",
                        "the refund is not known to be made yet; ask again", null));
        return new PaymentFact.Refunded("refund:" + outRequestNo, outRequestNo, amount);
    }

    /** What the refund {@code outRequestNo} of the trade {@code outTradeNo} gave back; empty while it is not made. */
    Optional<Money> refunded(AlipayMerchant chain, String outTradeNo, String outRequestNo) {
        AlipayTradeFastpayRefundQueryModel model = new AlipayTradeFastpayRefundQueryModel();
        model.setOutTradeNo(outTradeNo);
        model.setOutRequestNo(outRequestNo);
        AlipayTradeFastpayRefundQueryRequest request = new AlipayTradeFastpayRefundQueryRequest();
        request.setBizModel(model);
        AlipayTradeFastpayRefundQueryResponse answer = clients.execute(chain, request, "ask for a refund");
        if (!AlipayClients.SUCCESS.equals(answer.getCode()) || !answer.isSuccess()) {
            throw AlipayClients.unavailable("ask for a refund", AlipayClients.refusal(answer), null);
        }
        if (!"REFUND_SUCCESS".equals(answer.getRefundStatus())) {
            return Optional.empty();
        }
        if (!outRequestNo.equals(answer.getOutRequestNo())) {
            throw AlipayClients.unavailable("ask for a refund", "it answered for another refund", null);
        }
        try {
            return Optional.of(Yuan.parse(answer.getRefundAmount())).filter(amount -> !amount.isZero());
        } catch (IllegalArgumentException e) {
            throw AlipayClients.unavailable("ask for a refund", e.getMessage(), e);
        }
    }
}
