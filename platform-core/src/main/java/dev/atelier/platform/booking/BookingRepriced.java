package dev.atelier.platform.booking;

import dev.atelier.platform.money.Money;
import dev.atelier.platform.tenancy.Tenant;
import java.util.UUID;

/**
 * A booking of {@code tenant} was moved to other stylists and costs {@code after} instead of {@code before}, so what
 * was paid ahead above its new total is to be given back. Published in the transaction that moved it; heard once it
 * commits.
 */
public record BookingRepriced(Tenant tenant, UUID bookingId, Money before, Money after) {
}
