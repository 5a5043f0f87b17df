package dev.atelier.platform.payments.ledger;

import dev.atelier.platform.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A booking's money as its journal entries tell it: what each payment captured, what went back, what was kept as a
 * fee or earned, and so what is still held for the customer. New movements are checked against it: a refund, fee or
 * earning never takes more than a payment has left, so the held balance never goes below zero.
 */
public final class BookingMoney {

    private final UUID bookingId;
    private final Currency currency;
    private final List<JournalEntry> entries;

    public BookingMoney(UUID bookingId, Currency currency, List<JournalEntry> entries) {
        this.bookingId = Objects.requireNonNull(bookingId, "bookingId");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.entries = new ArrayList<>();
        entries.forEach(this::record);
    }

    public List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    /** Taken online for the booking. */
    public Money captured() {
        return total(EntryKind.CHARGE);
    }

    public Money refunded() {
        return total(EntryKind.REFUND);
    }

    public Money forfeited() {
        return total(EntryKind.FORFEIT);
    }

    /** Paid in advance and still owed to the customer (not refunded, kept or earned). */
    public Money held() {
        return new Money(balance(Account.CUSTOMER_PREPAYMENTS, null), currency);
    }

    /** What is left of {@code paymentId}'s capture to refund, keep or earn. */
    public Money leftOf(UUID paymentId) {
        return new Money(balance(Account.CUSTOMER_PREPAYMENTS, paymentId), currency);
    }

    /** Refunds {@code amount} of {@code paymentId}; the entry to append. */
    public JournalEntry refund(UUID entryId, UUID paymentId, Money amount, Instant at) {
        return record(JournalEntry.refund(entryId, bookingId, paymentId, checked(paymentId, amount), at));
    }

    /** Keeps {@code amount} of {@code paymentId} as a fee; the entry to append. */
    public JournalEntry forfeit(UUID entryId, UUID paymentId, Money amount, Instant at) {
        return record(JournalEntry.forfeit(entryId, bookingId, paymentId, checked(paymentId, amount), at));
    }

    /** Appends {@code entry} (one of this booking's, in its currency); refused when it would overdraw a payment. */
    public JournalEntry record(JournalEntry entry) {
        if (!entry.bookingId().equals(bookingId)) {
            throw new IllegalArgumentException("entry " + entry.id() + " is another booking's");
        }
        if (!entry.postings().getFirst().amount().currency().equals(currency)) {
            throw new UnbalancedEntryException("booking " + bookingId + " is kept in " + currency);
        }
        long change = entry.change(Account.CUSTOMER_PREPAYMENTS);
        if (change < 0 && balance(Account.CUSTOMER_PREPAYMENTS, entry.paymentId()) + change < 0) {
            throw new RefundTooLargeException(new Money(-change, currency), leftOf(entry.paymentId()));
        }
        entries.add(entry);
        return entry;
    }

    private Money checked(UUID paymentId, Money amount) {
        Objects.requireNonNull(paymentId, "paymentId");
        Money left = leftOf(paymentId);
        if (amount.isMoreThan(left)) {
            throw new RefundTooLargeException(amount, left);
        }
        return amount;
    }

    private long balance(Account account, UUID paymentId) {
        long balance = 0;
        for (JournalEntry entry : entries) {
            if (paymentId == null || paymentId.equals(entry.paymentId())) {
                balance = Math.addExact(balance, entry.change(account));
            }
        }
        return balance;
    }

    private Money total(EntryKind kind) {
        long total = 0;
        for (JournalEntry entry : entries) {
            if (entry.kind() == kind) {
                total = Math.addExact(total, entry.postings().stream().filter(p -> p.side() == Posting.Side.DEBIT)
                        .mapToLong(p -> p.amount().minorUnits()).sum());
            }
        }
        return new Money(total, currency);
    }
}
