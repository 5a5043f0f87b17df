package dev.atelier.platform.payments;

import dev.atelier.platform.booking.BookingJournal;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.gateway.PaymentGateways;
import dev.atelier.platform.payments.ledger.BookingMoney;
import dev.atelier.platform.payments.ledger.JournalEntry;
import dev.atelier.platform.payments.model.PaymentFact;
import dev.atelier.platform.payments.model.PaymentFacts;
import dev.atelier.platform.payments.model.PaymentStatus;
import dev.atelier.platform.payments.model.Provider;
import dev.atelier.platform.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a fact of one payment into the current chain's books, in the caller's transaction: the booking is locked
 * first (so concurrent notices and refunds of it see each other), the fact is kept once (a redelivery adds nothing),
 * the payment's status is what all its facts say in any order, and the journal gets what the facts newly show —
 * each entry with an id made from what it records (the payment's charge, one refund), so no fact is ever booked twice.
 */
@Component
class PaymentLedger {

    /** What a fact did: whether it was new, and whether the payment is now taken and its booking to be settled. */
    record Applied(UUID paymentId, UUID bookingId, boolean recorded, boolean newlyCaptured, PaymentStatus status) {
    }

    private final PaymentRecords records;
    private final Journal journal;
    private final PaymentGateways gateways;
    private final BookingJournal events;

    PaymentLedger(PaymentRecords records, Journal journal, PaymentGateways gateways, BookingJournal events) {
        this.records = records;
        this.journal = journal;
        this.gateways = gateways;
        this.events = events;
    }

    /**
     * Keeps {@code fact} (learned from {@code provider}) of {@code paymentId} and books what follows.
     *
     * @throws dev.atelier.platform.payments.model.AmountMismatchException when it names another amount or currency
     *         than the order's (nothing is kept)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Applied apply(UUID paymentId, Provider provider, PaymentFact fact, Instant now) {
        UUID bookingId = records.bookingOf(paymentId).orElseThrow(() -> new NotFoundException("payment"));
        Payment before = records.find(paymentId).orElseThrow();
        BookingMoney money = journal.lockedMoneyOf(bookingId, before.amount().currency());
        Payment payment = records.lock(paymentId);
        PaymentFacts facts = PaymentFacts.of(payment.amount(), records.facts(paymentId));
        boolean isNew = facts.add(fact) && records.addFact(provider, paymentId, fact, now);
        if (!isNew) {
            return new Applied(paymentId, bookingId, false, false, payment.status());
        }
        PaymentStatus status = facts.status();
        String reference = fact instanceof PaymentFact.Paid paid ? paid.providerReference() : null;
        records.settle(paymentId, status, reference, now);
        boolean newlyCaptured = false;
        if (status.captured() && !money.entries().stream().anyMatch(entry -> entry.id().equals(chargeId(paymentId)))) {
            money.record(JournalEntry.charge(chargeId(paymentId), bookingId, paymentId, facts.captured(), now));
            journal.append(money.entries().getLast());
            Money commission = gateways.of(provider).map(gateway -> gateway.commissionOn(facts.captured()))
                    .orElse(Money.zero(facts.captured().currency()));
            if (!commission.isZero()) {
                JournalEntry entry = JournalEntry.commission(commissionId(paymentId), bookingId, paymentId,
                        commission, now);
                money.record(entry);
                journal.append(entry);
            }
            newlyCaptured = true;
            events.record(bookingId, "payment.succeeded", view(payment, facts), BookingJournal.Actor.SYSTEM, null,
                    "payment.capture", now, Map.of("payment", paymentId.toString()));
        }
        if (status.captured()) {
            for (Map.Entry<String, Money> refund : refunds(facts).entrySet()) {
                UUID entryId = refundEntryId(refund.getKey());
                if (money.entries().stream().noneMatch(entry -> entry.id().equals(entryId))) {
                    journal.append(money.refund(entryId, paymentId, refund.getValue(), now));
                    ownRefund(refund.getKey()).ifPresent(id -> records.answerRefund(id, "SUCCEEDED", now));
                    events.record(bookingId, "payment.refunded", Map.of("payment", paymentId.toString(), "refund",
                            refund.getKey(), "amount", refund.getValue().amount().toPlainString(), "currency",
                            refund.getValue().currency().getCurrencyCode()), BookingJournal.Actor.SYSTEM, null,
                            "payment.refund", now);
                }
            }
        }
        return new Applied(paymentId, bookingId, true, newlyCaptured, status);
    }

    /** The id of the journal entry of {@code paymentId}'s charge: one per payment, however often it is told. */
    static UUID chargeId(UUID paymentId) {
        return named("charge:" + paymentId);
    }

    static UUID commissionId(UUID paymentId) {
        return named("commission:" + paymentId);
    }

    /** The id of the journal entry of one refund, by the refund's id (ours, or the provider's). */
    static UUID refundEntryId(String refundId) {
        return named("refund:" + refundId);
    }

    static UUID named(String what) {
        return UUID.nameUUIDFromBytes(what.getBytes(StandardCharsets.UTF_8));
    }

    /** Each refund once, by its id, at its largest amount told. */
    private static Map<String, Money> refunds(PaymentFacts facts) {
        Map<String, Money> refunds = new LinkedHashMap<>();
        facts.all().stream().filter(PaymentFact.Refunded.class::isInstance).map(PaymentFact.Refunded.class::cast)
                .forEach(refund -> refunds.merge(refund.refundId(), refund.amount(),
                        (one, other) -> one.isMoreThan(other) ? one : other));
        return refunds;
    }

    private static Optional<UUID> ownRefund(String refundId) {
        try {
            return Optional.of(UUID.fromString(refundId));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static Map<String, String> view(Payment payment, PaymentFacts facts) {
        return Map.of("payment", payment.id().toString(), "method", payment.method().id(), "amount",
                facts.captured().amount().toPlainString(), "currency", facts.captured().currency().getCurrencyCode());
    }
}
