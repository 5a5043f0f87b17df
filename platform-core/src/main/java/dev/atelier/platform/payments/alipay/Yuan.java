package dev.atelier.platform.payments.alipay;

import dev.atelier.platform.money.InvalidAmountException;
import dev.atelier.platform.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Alipay's amounts: yuan as a decimal string with at most two decimals ({@code "199.00"}, {@code "0.5"}); never
 * negative, signed, in exponent form or more precise than a fen. Alipay takes CNY only.
 */
final class Yuan {

    static final Currency CNY = Currency.getInstance("CNY");

    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,10})(\\.[0-9]{1,2})?");

    private Yuan() {
    }

    /** {@code amount} as Alipay is sent it: {@code "199.00"}. */
    static String of(Money amount) {
        if (!CNY.equals(amount.currency())) {
            throw new IllegalArgumentException("Alipay takes CNY only, not " + amount.currency());
        }
        return amount.amount().toPlainString();
    }

    /** An amount Alipay named, in CNY; refused unless it is a plain decimal of at most two places. */
    static Money parse(String text) {
        if (text == null || !AMOUNT.matcher(text).matches()) {
            throw new InvalidAmountException("not an Alipay amount: " + text);
        }
        return Money.of(new BigDecimal(text), CNY);
    }
}
