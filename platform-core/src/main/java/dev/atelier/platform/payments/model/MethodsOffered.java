package dev.atelier.platform.payments.model;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * The order a chain's online payment methods are offered to its customers in: where customers pay in yuan, Alipay
 * and WeChat Pay first (what nearly everyone there pays with), the card last; elsewhere the card first. Only methods
 * the chain takes online are offered.
 */
public final class MethodsOffered {

    private static final Currency YUAN = Currency.getInstance("CNY");
    private static final List<PaymentMethod> WALLETS_FIRST = List.of(PaymentMethod.ALIPAY, PaymentMethod.WECHATPAY,
            PaymentMethod.CARD);
    private static final List<PaymentMethod> CARD_FIRST = List.of(PaymentMethod.CARD, PaymentMethod.ALIPAY,
            PaymentMethod.WECHATPAY);

    private MethodsOffered() {
    }

    /** The online methods among {@code taken}, in the order customers paying in {@code currency} look for them. */
    public static List<PaymentMethod> inOrder(Currency currency, Set<PaymentMethod> taken) {
        List<PaymentMethod> offered = new ArrayList<>();
        for (PaymentMethod method : currency.equals(YUAN) ? WALLETS_FIRST : CARD_FIRST) {
            if (taken.contains(method)) {
                offered.add(method);
            }
        }
        return List.copyOf(offered);
    }
}
