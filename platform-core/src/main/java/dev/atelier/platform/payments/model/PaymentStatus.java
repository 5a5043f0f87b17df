package dev.atelier.platform.payments.model;

/**
 * Where one payment (one provider order, or one payment taken at the salon) stands. A pending order ends paid,
 * failed, or closed (cancelled by the customer, or closed when its hold expired); a paid one may be refunded in
 * part or in full. Derived from the notices received, whatever their order ({@link PaymentFacts}).
 */
public enum PaymentStatus {
    PENDING,
    SUCCEEDED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    FAILED,
    CLOSED;

    /** Money was taken (and may since have been given back). */
    public boolean captured() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    /** Nothing more will happen to it unless money is refunded. */
    public boolean settled() {
        return this != PENDING;
    }
}
