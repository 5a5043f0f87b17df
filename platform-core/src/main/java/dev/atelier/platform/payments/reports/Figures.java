package dev.atelier.platform.payments.reports;

import dev.atelier.platform.payments.ledger.EntryKind;
import java.util.Currency;
import java.util.Objects;

/**
 * What moved in one currency over some stretch (a location's day, a method's share of it, a whole report), in minor
 * units: money taken (online charges and payments at the salon), refunds, fees kept from deposits, the platform's
 * commission, and how many payments were taken. What the chain nets is what was taken less what went back and what
 * the platform kept; fees kept are money already taken, now the chain's, so they do not add to it.
 */
public record Figures(Currency currency, long payments, long charges, long refunds, long feesKept,
        long commission) {

    public Figures {
        Objects.requireNonNull(currency, "currency");
        if (payments < 0 || charges < 0 || refunds < 0 || feesKept < 0 || commission < 0) {
            throw new IllegalArgumentException("figures are counted up from 0");
        }
    }

    public static Figures none(Currency currency) {
        return new Figures(currency, 0, 0, 0, 0, 0);
    }

    /** To the chain: taken, less refunded, less commission; below zero on a day that gave back more than it took. */
    public long net() {
        return Math.subtractExact(Math.subtractExact(charges, refunds), commission);
    }

    /**
     * These figures with {@code minorUnits} of entries of {@code kind} added ({@code payments} of them, counted for
     * money taken). A visit earning what was paid ahead moves nothing to or from the chain, so it adds nothing.
     */
    public Figures with(EntryKind kind, long minorUnits, long payments) {
        if (minorUnits < 0 || payments < 0) {
            throw new IllegalArgumentException("journal amounts are above 0");
        }
        return switch (kind) {
            case CHARGE, PAID_AT_SALON -> new Figures(currency, Math.addExact(this.payments, payments),
                    Math.addExact(charges, minorUnits), refunds, feesKept, commission);
            case REFUND -> new Figures(currency, this.payments, charges, Math.addExact(refunds, minorUnits), feesKept,
                    commission);
            case FORFEIT -> new Figures(currency, this.payments, charges, refunds,
                    Math.addExact(feesKept, minorUnits), commission);
            case COMMISSION -> new Figures(currency, this.payments, charges, refunds, feesKept,
                    Math.addExact(commission, minorUnits));
            case EARNED -> this;
        };
    }

    public Figures plus(Figures other) {
        if (!other.currency.equals(currency)) {
            throw new IllegalArgumentException("figures in " + currency + " and " + other.currency + " do not add");
        }
        return new Figures(currency, Math.addExact(payments, other.payments), Math.addExact(charges, other.charges),
                Math.addExact(refunds, other.refunds), Math.addExact(feesKept, other.feesKept),
                Math.addExact(commission, other.commission));
    }
}
