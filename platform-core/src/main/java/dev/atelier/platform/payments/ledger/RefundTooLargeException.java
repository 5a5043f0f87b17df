package dev.atelier.platform.payments.ledger;

import dev.atelier.platform.money.Money;

/** A refund or fee of more than is left of what was paid: never more than captured goes back or is kept. */
public class RefundTooLargeException extends RuntimeException {

    private final Money left;

    public RefundTooLargeException(Money asked, Money left) {
        super("only " + left + " of the payment is left, not " + asked);
        this.left = left;
    }

    public Money left() {
        return left;
    }
}
