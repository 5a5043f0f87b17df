package dev.atelier.platform.payments.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MethodsOfferedTest {

    private static final Set<PaymentMethod> ALL = EnumSet.allOf(PaymentMethod.class);

    @Test
    void inYuanTheWalletsComeBeforeTheCard() {
        assertThat(MethodsOffered.inOrder(Currency.getInstance("CNY"), ALL))
                .containsExactly(PaymentMethod.ALIPAY, PaymentMethod.WECHATPAY, PaymentMethod.CARD);
    }

    @Test
    void elsewhereTheCardComesFirst() {
        assertThat(MethodsOffered.inOrder(Currency.getInstance("GBP"), ALL))
                .containsExactly(PaymentMethod.CARD, PaymentMethod.ALIPAY, PaymentMethod.WECHATPAY);
    }

    @Test
    void onlyWhatTheChainTakesOnlineIsOffered() {
        assertThat(MethodsOffered.inOrder(Currency.getInstance("CNY"),
                EnumSet.of(PaymentMethod.CARD, PaymentMethod.AT_SALON))).containsExactly(PaymentMethod.CARD);
        assertThat(MethodsOffered.inOrder(Currency.getInstance("EUR"), EnumSet.of(PaymentMethod.AT_SALON))).isEmpty();
    }
}
