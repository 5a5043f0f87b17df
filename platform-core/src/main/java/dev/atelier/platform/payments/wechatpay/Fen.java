package dev.atelier.platform.payments.wechatpay;

import dev.atelier.platform.money.Money;
import java.util.Currency;
import java.util.Optional;

/** WeChat Pay's amounts: whole fen of CNY, the only currency a mainland merchant account takes. */
final class Fen {

    static final Currency CNY = Currency.getInstance("CNY");

    private Fen() {
    }

    /** {@code amount} in fen, refused when it is not CNY (WeChat Pay would take it as fen of CNY anyway). */
    static long of(Money amount) {
        if (!CNY.equals(amount.currency())) {
            throw new IllegalArgumentException("WeChat Pay takes CNY, not " + amount.currency());
        }
        return amount.minorUnits();
    }

    /** What WeChat Pay says was paid or refunded; none when it is no amount of CNY (a missing currency is CNY). */
    static Optional<Money> money(Number fen, String currency) {
        if (fen == null || fen.longValue() <= 0 || (currency != null && !CNY.getCurrencyCode().equals(currency))) {
            return Optional.empty();
        }
        return Optional.of(new Money(fen.longValue(), CNY));
    }
}
