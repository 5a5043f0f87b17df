package dev.atelier.platform.booking.model;

/** Where a booking came from; the names are the values the {@code booking.source} column stores. */
public enum BookingSource {
    /** The customer, on the chain's booking site or its API. */
    ONLINE,
    /** The front desk, for a later time. */
    STAFF,
    /** A client who walked in, starting now. */
    WALK_IN
}
