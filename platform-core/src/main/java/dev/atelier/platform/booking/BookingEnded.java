package dev.atelier.platform.booking;

import dev.atelier.platform.tenancy.Tenant;
import java.util.UUID;

/**
 * A booking of {@code tenant} ended — cancelled (its fee recorded on it), not come, or done — so what was paid ahead
 * for it is to be refunded, kept or earned. Published in the transaction that ended it; heard once it commits.
 */
public record BookingEnded(Tenant tenant, UUID bookingId) {
}
