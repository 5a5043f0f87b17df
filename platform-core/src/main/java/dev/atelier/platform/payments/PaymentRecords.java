package dev.atelier.platform.payments;

import static dev.atelier.platform.persistence.SqlValues.instant;

import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.gateway.OrderRequest;
import dev.atelier.platform.payments.gateway.ProviderOrder;
import dev.atelier.platform.payments.model.PaymentFact;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.payments.model.PaymentStatus;
import dev.atelier.platform.payments.model.Provider;
import dev.atelier.platform.web.NotFoundException;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The current chain's payments, their facts and their refunds in its schema, in the caller's transaction. A fact is
 * kept once per provider event id (the schema's primary key): adding one twice adds nothing.
 */
@Component
class PaymentRecords {

    /** A refund asked of a provider, answered or not. */
    record Refund(UUID id, UUID paymentId, Money amount, String reason, String status) {
    }

    private static final String COLUMNS = """
            id, booking_id, method, provider, channel, amount_minor, currency, status, idempotency_key,
            provider_order_id, pay_page, provider_reference, created_at""";

    private final EntityManager entities;

    PaymentRecords(EntityManager entities) {
        this.entities = entities;
    }

    void insert(Payment payment, UUID customerId, Instant now) {
        entities.createNativeQuery("""
                insert into payment (id, booking_id, method, provider, channel, amount_minor, currency, status,
                                     customer_id, idempotency_key, created_at, updated_at)
                values (:id, :booking, :method, :provider, :channel, :amount, :currency, :status, :customer, :key,
                        :now, :now)""")
                .setParameter("id", payment.id()).setParameter("booking", payment.bookingId())
                .setParameter("method", payment.method().id())
                .setParameter("provider", payment.provider().map(Provider::id).orElse(null))
                .setParameter("channel", payment.channel() == null ? null : payment.channel().name())
                .setParameter("amount", payment.amount().minorUnits())
                .setParameter("currency", payment.amount().currency().getCurrencyCode())
                .setParameter("status", payment.status().name()).setParameter("customer", customerId)
                .setParameter("key", payment.idempotencyKey()).setParameter("now", Timestamp.from(now))
                .executeUpdate();
    }

    /** Money taken at the salon for the booking, by {@code tender}, recorded by staff: taken at once. */
    void insertAtSalon(UUID id, UUID bookingId, Money amount, String tender, String idempotencyKey, Instant now) {
        entities.createNativeQuery("""
                insert into payment (id, booking_id, method, amount_minor, currency, status, tender, idempotency_key,
                                     created_at, updated_at)
                values (:id, :booking, 'at-salon', :amount, :currency, 'SUCCEEDED', :tender, :key, :now, :now)""")
                .setParameter("id", id).setParameter("booking", bookingId)
                .setParameter("amount", amount.minorUnits())
                .setParameter("currency", amount.currency().getCurrencyCode()).setParameter("tender", tender)
                .setParameter("key", idempotencyKey).setParameter("now", Timestamp.from(now)).executeUpdate();
    }

    /** The payment, locked until the transaction ends. */
    Payment lock(UUID paymentId) {
        return one("select " + COLUMNS + " from payment where id = :id for update", paymentId)
                .orElseThrow(() -> new NotFoundException("payment"));
    }

    Optional<Payment> find(UUID paymentId) {
        return one("select " + COLUMNS + " from payment where id = :id", paymentId);
    }

    /** The booking of a payment (read without a lock: the booking is locked first, then the payment). */
    Optional<UUID> bookingOf(UUID paymentId) {
        List<?> rows = entities.createNativeQuery("select booking_id from payment where id = :id")
                .setParameter("id", paymentId).getResultList();
        return rows.stream().map(UUID.class::cast).findFirst();
    }

    Optional<Payment> byRequest(UUID bookingId, String idempotencyKey) {
        return list("select " + COLUMNS + " from payment where booking_id = :a and idempotency_key = :b", bookingId,
                idempotencyKey).stream().findFirst();
    }

    List<Payment> ofBooking(UUID bookingId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("select " + COLUMNS
                + " from payment where booking_id = :id order by created_at, id").setParameter("id", bookingId)
                .getResultList();
        return rows.stream().map(PaymentRecords::payment).toList();
    }

    void opened(UUID paymentId, ProviderOrder order, Instant now) {
        entities.createNativeQuery("""
                update payment set provider_order_id = :order, pay_page = :page, updated_at = :now where id = :id""")
                .setParameter("order", order.orderId()).setParameter("page", order.payPage().toString())
                .setParameter("now", Timestamp.from(now)).setParameter("id", paymentId).executeUpdate();
    }

    void settle(UUID paymentId, PaymentStatus status, String providerReference, Instant now) {
        entities.createNativeQuery("""
                update payment set status = :status, updated_at = :now,
                       provider_reference = coalesce(provider_reference, :reference) where id = :id""")
                .setParameter("status", status.name()).setParameter("reference", providerReference)
                .setParameter("now", Timestamp.from(now)).setParameter("id", paymentId).executeUpdate();
    }

    /** Keeps {@code fact} of the payment; {@code false} when its event was kept already. */
    boolean addFact(Provider provider, UUID paymentId, PaymentFact fact, Instant now) {
        Money amount = switch (fact) {
            case PaymentFact.Paid paid -> paid.amount();
            case PaymentFact.Refunded refunded -> refunded.amount();
            default -> null;
        };
        String reference = switch (fact) {
            case PaymentFact.Paid paid -> paid.providerReference();
            case PaymentFact.Failed failed -> failed.reason();
            default -> null;
        };
        return entities.createNativeQuery("""
                insert into payment_fact (provider, event_id, payment_id, kind, amount_minor, currency, reference,
                                          refund_id, received_at)
                values (:provider, :event, :payment, :kind, :amount, :currency, :reference, :refund, :now)
                on conflict do nothing""")
                .setParameter("provider", provider.id()).setParameter("event", fact.eventId())
                .setParameter("payment", paymentId).setParameter("kind", kind(fact))
                .setParameter("amount", amount == null ? null : amount.minorUnits())
                .setParameter("currency", amount == null ? null : amount.currency().getCurrencyCode())
                .setParameter("reference", reference == null ? null : truncated(reference))
                .setParameter("refund", fact instanceof PaymentFact.Refunded refunded ? refunded.refundId() : null)
                .setParameter("now", Timestamp.from(now)).executeUpdate() == 1;
    }

    /** Whether {@code provider}'s event {@code eventId} was kept already (for any payment). */
    boolean knows(Provider provider, String eventId) {
        return !entities.createNativeQuery("select 1 from payment_fact where provider = :p and event_id = :e")
                .setParameter("p", provider.id()).setParameter("e", eventId).getResultList().isEmpty();
    }

    List<PaymentFact> facts(UUID paymentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select event_id, kind, amount_minor, currency, reference, refund_id from payment_fact
                 where payment_id = :id order by received_at, event_id""").setParameter("id", paymentId)
                .getResultList();
        return rows.stream().map(row -> {
            String event = (String) row[0];
            Money amount = row[2] == null
                    ? null
                    : new Money(((Number) row[2]).longValue(), Currency.getInstance(((String) row[3]).strip()));
            return (PaymentFact) switch ((String) row[1]) {
                case "PAID" -> new PaymentFact.Paid(event, amount, (String) row[4]);
                case "FAILED" -> new PaymentFact.Failed(event, (String) row[4]);
                case "CLOSED" -> new PaymentFact.Closed(event);
                default -> new PaymentFact.Refunded(event, (String) row[5], amount);
            };
        }).toList();
    }

    /** Online payments still pending whose order was opened before {@code before} (asked of their provider). */
    List<UUID> pendingSince(Instant before) {
        return ids("""
                select id from payment where status = 'PENDING' and provider is not null and updated_at < :at
                 order by updated_at limit 200""", before);
    }

    /** Pending online payments of bookings that no longer wait for them (expired, cancelled, or paid otherwise). */
    List<UUID> pendingOfEndedBookings() {
        return ids("""
                select p.id from payment p join booking b on b.id = p.booking_id
                 where p.status = 'PENDING' and p.provider is not null and p.provider_order_id is not null
                   and (b.status in ('EXPIRED', 'CANCELLED', 'COMPLETED', 'NO_SHOW')
                        or (b.status in ('CONFIRMED', 'CHECKED_IN')
                            and exists (select 1 from payment o where o.booking_id = b.id and o.id <> p.id
                                         and o.status in ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED'))))
                 order by p.updated_at limit 200""");
    }

    /** Payments taken whose booking still waits (the step from paid to confirmed did not happen yet). */
    List<UUID> paidOfWaitingBookings() {
        return ids("""
                select p.id from payment p join booking b on b.id = p.booking_id
                 where p.status = 'SUCCEEDED' and b.status in ('HELD', 'PENDING_PAYMENT', 'EXPIRED')
                   and not exists (select 1 from payment_refund r where r.payment_id = p.id)
                 order by p.updated_at limit 200""");
    }

    /** Ended bookings with money still held for them and no refund being asked (their end not settled yet). */
    List<UUID> endedBookingsHoldingMoney() {
        return ids("""
                select b.id from booking b
                  join journal_entry e on e.booking_id = b.id
                  join journal_posting p on p.entry_id = e.id and p.account = 'CUSTOMER_PREPAYMENTS'
                 where b.status in ('CANCELLED', 'NO_SHOW', 'COMPLETED')
                   and not exists (select 1 from payment_refund r join payment m on m.id = r.payment_id
                                    where m.booking_id = b.id and r.status = 'REQUESTED')
                 group by b.id
                having sum(case p.side when 'C' then p.amount_minor else -p.amount_minor end) > 0
                 limit 200""");
    }

    /**
     * Live bookings holding more paid ahead than they ask (a move made them cheaper) with no refund under way; whether
     * the excess is above the price is for {@link Payments#bookingRepriced} to decide.
     */
    List<UUID> liveBookingsHoldingTooMuch() {
        return ids("""
                select b.id from booking b
                  join journal_entry e on e.booking_id = b.id
                  join journal_posting p on p.entry_id = e.id and p.account = 'CUSTOMER_PREPAYMENTS'
                 where b.status in ('CONFIRMED', 'CHECKED_IN')
                   and not exists (select 1 from payment_refund r join payment m on m.id = r.payment_id
                                    where m.booking_id = b.id and r.status = 'REQUESTED')
                 group by b.id, b.deposit_minor
                having sum(case p.side when 'C' then p.amount_minor else -p.amount_minor end) > b.deposit_minor
                 limit 200""");
    }

    void insertRefund(Refund refund, String requestedBy, String idempotencyKey, Instant now) {
        entities.createNativeQuery("""
                insert into payment_refund (id, payment_id, amount_minor, currency, reason, status, requested_by,
                                            idempotency_key, created_at)
                values (:id, :payment, :amount, :currency, :reason, 'REQUESTED', :by, :key, :now)""")
                .setParameter("id", refund.id()).setParameter("payment", refund.paymentId())
                .setParameter("amount", refund.amount().minorUnits())
                .setParameter("currency", refund.amount().currency().getCurrencyCode())
                .setParameter("reason", truncated(refund.reason())).setParameter("by", requestedBy)
                .setParameter("key", idempotencyKey).setParameter("now", Timestamp.from(now)).executeUpdate();
    }

    Optional<Refund> refund(UUID refundId) {
        return refunds("where id = :a", refundId).stream().findFirst();
    }

    Optional<Refund> refundByRequest(UUID paymentId, String idempotencyKey) {
        return refunds("where payment_id = :a and idempotency_key = :b", paymentId, idempotencyKey).stream()
                .findFirst();
    }

    /** What is being refunded of the payment and not answered yet. */
    Money refunding(UUID paymentId, Currency currency) {
        Number units = (Number) entities.createNativeQuery(
                """
                        select coalesce(sum(amount_minor), 0) from payment_refund where payment_id = :id and status = 'REQUESTED'""")
                .setParameter("id", paymentId).getSingleResult();
        return new Money(units.longValue(), currency);
    }

    /** Refunds asked before {@code before} and not answered (asked again, under the same id). */
    List<UUID> unansweredRefunds(Instant before) {
        return ids("""
                select id from payment_refund where status = 'REQUESTED' and created_at < :at
                 order by created_at limit 200""", before);
    }

    void answerRefund(UUID refundId, String status, Instant now) {
        entities.createNativeQuery(
                """
                        update payment_refund set status = :status, answered_at = :now where id = :id and status = 'REQUESTED'""")
                .setParameter("status", status).setParameter("now", Timestamp.from(now)).setParameter("id", refundId)
                .executeUpdate();
    }

    private List<Refund> refunds(String where, Object... values) {
        var query = entities.createNativeQuery(
                "select id, payment_id, amount_minor, currency, reason, status from payment_refund " + where);
        query.setParameter("a", values[0]);
        if (values.length > 1) {
            query.setParameter("b", values[1]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Refund((UUID) row[0], (UUID) row[1],
                new Money(((Number) row[2]).longValue(), Currency.getInstance(((String) row[3]).strip())),
                (String) row[4], (String) row[5])).toList();
    }

    private List<UUID> ids(String sql, Instant at) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entities.createNativeQuery(sql).setParameter("at", Timestamp.from(at)).getResultList();
        return ids;
    }

    private List<UUID> ids(String sql) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entities.createNativeQuery(sql).getResultList();
        return ids;
    }

    private Optional<Payment> one(String sql, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery(sql).setParameter("id", id).getResultList();
        return rows.stream().map(PaymentRecords::payment).findFirst();
    }

    private List<Payment> list(String sql, UUID a, String b) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery(sql).setParameter("a", a).setParameter("b", b)
                .getResultList();
        return rows.stream().map(PaymentRecords::payment).toList();
    }

    private static Payment payment(Object[] row) {
        Currency currency = Currency.getInstance(((String) row[6]).strip());
        Optional<ProviderOrder> order = row[9] == null
                ? Optional.empty()
                : Optional.of(new ProviderOrder((String) row[9], URI.create((String) row[10])));
        return new Payment((UUID) row[0], (UUID) row[1], PaymentMethod.byId((String) row[2]).orElseThrow(),
                Optional.ofNullable((String) row[3]).flatMap(Provider::byId),
                row[4] == null ? null : OrderRequest.Channel.valueOf((String) row[4]),
                new Money(((Number) row[5]).longValue(), currency), PaymentStatus.valueOf((String) row[7]),
                (String) row[8], order, Optional.ofNullable((String) row[11]), instant(row[12]));
    }

    private static String kind(PaymentFact fact) {
        return switch (fact) {
            case PaymentFact.Paid paid -> "PAID";
            case PaymentFact.Failed failed -> "FAILED";
            case PaymentFact.Closed closed -> "CLOSED";
            case PaymentFact.Refunded refunded -> "REFUNDED";
        };
    }

    private static String truncated(String text) {
        return text.length() <= 255 ? text : text.substring(0, 255);
    }
}
