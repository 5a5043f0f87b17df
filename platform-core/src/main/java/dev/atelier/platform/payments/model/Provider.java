package dev.atelier.platform.payments.model;

import java.util.Arrays;
import java.util.Optional;

/** A payment provider a chain takes money through, and the online method it serves. */
public enum Provider {
    STRIPE("stripe", PaymentMethod.CARD),
    ALIPAY("alipay", PaymentMethod.ALIPAY),
    WECHATPAY("wechatpay", PaymentMethod.WECHATPAY);

    private final String id;
    private final PaymentMethod method;

    Provider(String id, PaymentMethod method) {
        this.id = id;
        this.method = method;
    }

    public String id() {
        return id;
    }

    public PaymentMethod method() {
        return method;
    }

    public static Optional<Provider> byId(String id) {
        return Arrays.stream(values()).filter(provider -> provider.id.equals(id)).findFirst();
    }

    /** The provider that takes {@code method}; none for payment at the salon. */
    public static Optional<Provider> of(PaymentMethod method) {
        return Arrays.stream(values()).filter(provider -> provider.method == method).findFirst();
    }
}
