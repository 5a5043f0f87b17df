package dev.atelier.platform.payments.ledger;

/**
 * The chain's accounts in its journal. Money taken for a booking is first owed to the customer
 * ({@link #CUSTOMER_PREPAYMENTS}, per booking) until it is refunded, forfeited as a fee, or earned by the visit.
 */
public enum Account {
    /** Held at a payment provider for the chain (an asset: debit-normal). */
    PROVIDER_CLEARING(true),
    /** Taken at the salon: cash, the card terminal, other (an asset). */
    SALON_TILL(true),
    /** Paid by customers for bookings not yet done (a liability: credit-normal). */
    CUSTOMER_PREPAYMENTS(false),
    /** Earned by visits. */
    SERVICE_REVENUE(false),
    /** Kept as late-cancellation and no-show fees. */
    FEE_REVENUE(false),
    /** The platform's commission on payments taken online (an expense). */
    PLATFORM_COMMISSION(true);

    private final boolean debitNormal;

    Account(boolean debitNormal) {
        this.debitNormal = debitNormal;
    }

    /** Whether the account grows with debits (assets, expenses) rather than credits. */
    public boolean debitNormal() {
        return debitNormal;
    }
}
