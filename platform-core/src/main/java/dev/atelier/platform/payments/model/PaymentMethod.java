package dev.atelier.platform.payments.model;

import java.util.Arrays;
import java.util.Optional;

/** How a customer pays: online through a provider's hosted page, or at the salon (recorded by staff). */
public enum PaymentMethod {
    CARD("card", true),
    ALIPAY("alipay", true),
    WECHATPAY("wechatpay", true),
    AT_SALON("at-salon", false);

    private final String id;
    private final boolean online;

    PaymentMethod(String id, boolean online) {
        this.id = id;
        this.online = online;
    }

    /** The method's name in the API ({@code card}, {@code alipay}, {@code wechatpay}, {@code at-salon}). */
    public String id() {
        return id;
    }

    /** Paid through a provider's page (and a provider's notice), not at the salon. */
    public boolean online() {
        return online;
    }

    public static Optional<PaymentMethod> byId(String id) {
        return Arrays.stream(values()).filter(method -> method.id.equals(id)).findFirst();
    }
}
