package dev.atelier.platform.payments.ledger;

import dev.atelier.platform.money.Money;
import java.util.Objects;

/** One side of a journal entry: an amount debited or credited to an account. */
public record Posting(Account account, Side side, Money amount) {

    public enum Side {
        DEBIT,
        CREDIT
    }

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a posting moves more than 0");
        }
    }

    public static Posting debit(Account account, Money amount) {
        return new Posting(account, Side.DEBIT, amount);
    }

    public static Posting credit(Account account, Money amount) {
        return new Posting(account, Side.CREDIT, amount);
    }
}
