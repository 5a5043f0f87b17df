package dev.atelier.platform.payments.ledger;

import dev.atelier.platform.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One money movement in the chain's append-only journal: balanced postings (debits equal credits, one currency) for
 * one booking and, when a payment moved it, that payment. Entries are never changed; a correction is another entry.
 */
public record JournalEntry(UUID id, EntryKind kind, UUID bookingId, UUID paymentId, List<Posting> postings,
        Instant at) {

    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(at, "at");
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new UnbalancedEntryException("an entry has a debit and a credit at least");
        }
        var currency = postings.getFirst().amount().currency();
        long debits = 0;
        long credits = 0;
        for (Posting posting : postings) {
            if (!posting.amount().currency().equals(currency)) {
                throw new UnbalancedEntryException("an entry is in one currency");
            }
            if (posting.side() == Posting.Side.DEBIT) {
                debits = Math.addExact(debits, posting.amount().minorUnits());
            } else {
                credits = Math.addExact(credits, posting.amount().minorUnits());
            }
        }
        if (debits != credits) {
            throw new UnbalancedEntryException("debits " + debits + " and credits " + credits + " differ");
        }
    }

    /** A customer paid {@code amount} online for the booking. */
    public static JournalEntry charge(UUID id, UUID bookingId, UUID paymentId, Money amount, Instant at) {
        return moving(EntryKind.CHARGE, Account.PROVIDER_CLEARING, Account.CUSTOMER_PREPAYMENTS, id, bookingId,
                paymentId, amount, at);
    }

    /** {@code amount} of a payment went back to the customer through its provider. */
    public static JournalEntry refund(UUID id, UUID bookingId, UUID paymentId, Money amount, Instant at) {
        return moving(EntryKind.REFUND, Account.CUSTOMER_PREPAYMENTS, Account.PROVIDER_CLEARING, id, bookingId,
                paymentId, amount, at);
    }

    /** {@code amount} of what was paid is kept as a fee. */
    public static JournalEntry forfeit(UUID id, UUID bookingId, UUID paymentId, Money amount, Instant at) {
        return moving(EntryKind.FORFEIT, Account.CUSTOMER_PREPAYMENTS, Account.FEE_REVENUE, id, bookingId, paymentId,
                amount, at);
    }

    /** The visit was done: {@code amount} paid in advance is earned. */
    public static JournalEntry earned(UUID id, UUID bookingId, UUID paymentId, Money amount, Instant at) {
        return moving(EntryKind.EARNED, Account.CUSTOMER_PREPAYMENTS, Account.SERVICE_REVENUE, id, bookingId, paymentId,
                amount, at);
    }

    /** The platform's commission on an online payment, taken from what the provider holds. */
    public static JournalEntry commission(UUID id, UUID bookingId, UUID paymentId, Money amount, Instant at) {
        return moving(EntryKind.COMMISSION, Account.PLATFORM_COMMISSION, Account.PROVIDER_CLEARING, id, bookingId,
                paymentId, amount, at);
    }

    /** Paid at the salon for the visit (earned at once). */
    public static JournalEntry paidAtSalon(UUID id, UUID bookingId, UUID paymentId, Money amount, Instant at) {
        return moving(EntryKind.PAID_AT_SALON, Account.SALON_TILL, Account.SERVICE_REVENUE, id, bookingId, paymentId,
                amount, at);
    }

    /** {@code amount} debited to {@code debited} and credited to {@code credited}. */
    private static JournalEntry moving(EntryKind kind, Account debited, Account credited, UUID id, UUID bookingId,
            UUID paymentId, Money amount, Instant at) {
        return new JournalEntry(id, kind, bookingId, paymentId,
                List.of(Posting.debit(debited, amount), Posting.credit(credited, amount)), at);
    }

    /** What this entry adds to {@code account}'s balance (in its normal direction; negative when it takes away). */
    public long change(Account account) {
        long change = 0;
        for (Posting posting : postings) {
            if (posting.account() == account) {
                boolean grows = (posting.side() == Posting.Side.DEBIT) == account.debitNormal();
                change = Math.addExact(change, grows ? posting.amount().minorUnits() : -posting.amount().minorUnits());
            }
        }
        return change;
    }
}
