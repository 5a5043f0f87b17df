package dev.atelier.platform.payments.ledger;

/** Why money moved. */
public enum EntryKind {
    /** A customer paid online for a booking. */
    CHARGE,
    /** Money went back to the customer. */
    REFUND,
    /** A fee kept from what the customer paid (late cancellation, no-show). */
    FORFEIT,
    /** A visit done: what was paid for it is earned. */
    EARNED,
    /** The platform's commission on an online payment. */
    COMMISSION,
    /** Paid at the salon, recorded by staff. */
    PAID_AT_SALON
}
