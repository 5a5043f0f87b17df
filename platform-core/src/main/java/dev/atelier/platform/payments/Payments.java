package dev.atelier.platform.payments;

import dev.atelier.platform.booking.BookingPayments;
import dev.atelier.platform.booking.IdempotencyKeyReusedException;
import dev.atelier.platform.booking.model.Booking;
import dev.atelier.platform.booking.model.BookingRefusedException;
import dev.atelier.platform.booking.model.BookingStatus;
import dev.atelier.platform.booking.model.SlotUnavailableException;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.gateway.GatewayUnavailableException;
import dev.atelier.platform.payments.gateway.OrderRequest;
import dev.atelier.platform.payments.gateway.PaymentGateway;
import dev.atelier.platform.payments.gateway.PaymentGateways;
import dev.atelier.platform.payments.gateway.ProviderOrder;
import dev.atelier.platform.payments.gateway.RefundRequest;
import dev.atelier.platform.payments.ledger.JournalEntry;
import dev.atelier.platform.payments.ledger.RefundTooLargeException;
import dev.atelier.platform.payments.model.MerchantCredentials;
import dev.atelier.platform.payments.model.PaymentFact;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.payments.model.PaymentStatus;
import dev.atelier.platform.payments.model.Provider;
import dev.atelier.platform.payments.model.TimeOrderedIds;
import dev.atelier.platform.payments.model.WhenABookingEnds;
import dev.atelier.platform.tenancy.TenantContext;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments of the current chain's bookings: a customer pays what their booking asks ahead on a provider's hosted
 * page; what providers say arrives as facts ({@link NoticeIntake}, or asked by {@link PaymentSweeps}) and settles the
 * booking: confirmed once paid, or — paid after its time went to someone else, or after it was cancelled — refunded in
 * full automatically. No provider is called inside a database transaction: what is asked of one is written first
 * (the payment, the refund, each with the id the provider is given as its idempotency key), so a call cut short is
 * made again with the same key and makes one order, one refund.
 */
@Service
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final PaymentRecords records;
    private final PaymentLedger ledger;
    private final PaymentGateways gateways;
    private final PaymentRoutes routes;
    private final PaymentSettingsStore settings;
    private final BookingPayments bookings;
    private final Journal journal;
    private final TransactionTemplate transactions;
    private final PaymentProperties properties;
    private final Clock clock;
    private final SecureRandom ids = new SecureRandom();

    Payments(PaymentRecords records, PaymentLedger ledger, PaymentGateways gateways, PaymentRoutes routes,
            PaymentSettingsStore settings, BookingPayments bookings, Journal journal,
            PlatformTransactionManager transactionManager, PaymentProperties properties, Clock clock) {
        this.records = records;
        this.ledger = ledger;
        this.gateways = gateways;
        this.routes = routes;
        this.settings = settings;
        this.bookings = bookings;
        this.journal = journal;
        // each step its own transaction, also when called once another committed (after a booking ended)
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
    }

    /** Where the customer comes back from the provider's page: paid (or they think so), or not. */
    public record Returns(URI paid, URI cancelled) {
    }

    /**
     * The customer {@code customerId} pays their booking's deposit by {@code method}: one payment per
     * {@code idempotencyKey} (the same key answers the same payment and its page; another method under it is
     * refused), an order at the provider opened for it, the booking's time kept while they pay.
     *
     * @throws PaymentMethodUnavailableException when the chain does not take {@code method} online
     * @throws BookingRefusedException when nothing is to be paid, or the booking no longer waits for a payment
     * @throws GatewayUnavailableException when the provider cannot be reached (the same request may be made again)
     */
    public Payment start(UUID customerId, UUID bookingId, PaymentMethod method, OrderRequest.Channel channel,
            String idempotencyKey, Returns returns, String description) {
        return start(customerId, bookingId, method, channel, null, idempotencyKey, returns, description);
    }

    /** As {@link #start}, inside WeChat for a payer WeChat named by {@code wechatOpenId} (a JSAPI order). */
    public Payment start(UUID customerId, UUID bookingId, PaymentMethod method, OrderRequest.Channel channel,
            String wechatOpenId, String idempotencyKey, Returns returns, String description) {
        Provider provider = Provider.of(method).orElseThrow(() -> new PaymentMethodUnavailableException(method,
                "Payment at the salon is taken by the salon's staff, not online."));
        Payment payment = transactions.execute(status -> {
            Instant now = clock.instant();
            Booking booking = bookings.lock(bookingId, customerId);
            Optional<Payment> earlier = records.byRequest(bookingId, idempotencyKey);
            if (earlier.isPresent()) {
                if (earlier.get().method() != method) {
                    throw new IdempotencyKeyReusedException();
                }
                return earlier.get();
            }
            if (!settings.read().takes(method)) {
                throw new PaymentMethodUnavailableException(method, "This salon does not take " + method.id()
                        + " online.");
            }
            Money paid = journal.moneyOf(bookingId, booking.deposit().currency()).captured();
            if (!paid.isZero()) {
                throw new BookingRefusedException("This booking is paid already.");
            }
            bookings.awaitPayment(booking, now.plus(properties.paymentWindow()), now);
            // the id carries its time, so the order's deadline at a provider is the same on every try, in any process
            Payment created = new Payment(TimeOrderedIds.at(now, ids), bookingId, method, Optional.of(provider),
                    channel,
                    booking.deposit(), PaymentStatus.PENDING, idempotencyKey, Optional.empty(), Optional.empty(), now);
            records.insert(created, customerId, now);
            return created;
        });
        if (payment.order().isPresent()) {
            return payment;
        }
        PaymentGateway gateway = gateway(provider);
        MerchantCredentials chain = credentials(provider);
        // our own key first, so a notice that comes before the provider's answer is routed too
        routes.registerOrder(provider, payment.ownOrderKey(), TenantContext.require().id(), payment.id(),
                clock.instant());
        ProviderOrder order = gateway.open(new OrderRequest(payment.id(), payment.providerIdempotencyKey(),
                payment.amount(), description, returns.paid(), returns.cancelled(), channel == null
                        ? OrderRequest.Channel.DESKTOP
                        : channel,
                channel == OrderRequest.Channel.IN_WECHAT ? wechatOpenId : null),
                chain);
        routes.registerOrder(provider, order.orderId(), TenantContext.require().id(), payment.id(), clock.instant());
        return transactions.execute(status -> {
            records.opened(payment.id(), order, clock.instant());
            return records.find(payment.id()).orElseThrow();
        });
    }

    /**
     * Nothing, when the booking is the customer's.
     *
     * @throws dev.atelier.platform.web.NotFoundException otherwise
     */
    public void requireCustomersBooking(UUID customerId, UUID bookingId) {
        bookings.viewOf(customerId, bookingId);
    }

    /**
     * Nothing, when the booking exists at the current chain.
     *
     * @throws dev.atelier.platform.web.NotFoundException otherwise
     */
    public void requireBooking(UUID bookingId) {
        bookings.view(bookingId);
    }

    /** The booking's payments, oldest first. */
    public List<Payment> ofBooking(UUID bookingId) {
        return transactions.execute(status -> records.ofBooking(bookingId));
    }

    /** One payment of the booking, if it is one of the booking's. */
    public Optional<Payment> one(UUID bookingId, UUID paymentId) {
        return transactions.execute(status -> records.find(paymentId)
                .filter(payment -> payment.bookingId().equals(bookingId)));
    }

    /**
     * Asks the payment's provider where its order stands (a notice may have been lost, or the customer is back on the
     * return page before it came) and takes what it says.
     */
    public Payment refresh(UUID paymentId) {
        Payment payment = transactions.execute(status -> records.find(paymentId)).orElseThrow();
        if (payment.status() != PaymentStatus.PENDING || payment.order().isEmpty() || payment.provider().isEmpty()) {
            return payment;
        }
        Provider provider = payment.provider().get();
        Optional<PaymentFact> fact = gateway(provider).query(payment.order().get(), credentials(provider));
        fact.ifPresent(told -> take(paymentId, provider, told));
        return transactions.execute(status -> records.find(paymentId)).orElseThrow();
    }

    /**
     * Takes {@code fact} of the payment into the books, then settles its booking if the payment was newly taken.
     *
     * @return whether the fact was new
     */
    boolean take(UUID paymentId, Provider provider, PaymentFact fact) {
        if (fact instanceof PaymentFact.Paid paid && provider == Provider.STRIPE && paid.providerReference() != null) {
            // Stripe names the payment intent in its refunds' notices. Recorded in the registry before the chain's
            // transaction opens, never inside it: a request holding a cell's connection while it waits for the
            // registry's starves the pools under a burst of notices.
            routes.registerOrder(provider, paid.providerReference(), TenantContext.require().id(), paymentId,
                    clock.instant());
        }
        PaymentLedger.Applied applied = transactions.execute(status -> ledger.apply(paymentId, provider, fact,
                clock.instant()));
        if (applied.newlyCaptured()) {
            settle(paymentId);
        }
        return applied.recorded();
    }

    /**
     * A taken payment's booking: confirmed (late only if its time is still free); when it cannot be — its time went
     * to someone else, it was cancelled, or another payment paid it already — the payment is refunded in full and
     * the booking stays as it is (an event tells the customer).
     */
    void settle(UUID paymentId) {
        Payment payment = transactions.execute(status -> records.find(paymentId)).orElseThrow();
        String refundWhy = null;
        try {
            BookingPayments.Outcome outcome = transactions.execute(status -> bookings.paid(payment.bookingId(),
                    clock.instant()));
            if (outcome == BookingPayments.Outcome.ENDED) {
                refundWhy = "The booking was cancelled before its payment came; all of it is refunded.";
            } else if (outcome == BookingPayments.Outcome.ALREADY_CONFIRMED && paidTwice(payment)) {
                refundWhy = "The booking was paid already; this second payment is refunded.";
            }
        } catch (SlotUnavailableException | BookingRefusedException late) {
            refundWhy = "The payment came after the booking's time was given away; all of it is refunded.";
        }
        if (refundWhy != null) {
            String reason = refundWhy;
            Optional<UUID> refund = transactions.execute(status -> requestRefund(payment, null, reason, null,
                    "automatic"));
            refund.ifPresent(this::executeRefund);
        }
    }

    /** Another payment of the booking was taken too, and this one is not the first of them. */
    private boolean paidTwice(Payment payment) {
        return transactions.execute(status -> records.ofBooking(payment.bookingId()).stream()
                .filter(other -> other.status().captured())
                .min(java.util.Comparator.comparing(Payment::createdAt).thenComparing(Payment::id))
                .filter(first -> !first.id().equals(payment.id())).isPresent());
    }

    /**
     * The booking ended: what was paid ahead and is still held for it goes where its end says — cancelled, all back
     * but the fee recorded on it (none when the salon cancelled without one); not come, kept; done, earned. Each
     * step once, however often it is asked (after the cancelling transaction, and again by the sweep).
     */
    public void bookingEnded(UUID bookingId) {
        List<UUID> refunds = transactions.execute(status -> {
            Instant now = clock.instant();
            BookingPayments.Ended ended = bookings.ended(bookingId);
            if (ended == null) {
                return List.<UUID>of();
            }
            var money = journal.lockedMoneyOf(bookingId, ended.price().currency());
            List<Payment> taken = records.ofBooking(bookingId).stream()
                    .filter(p -> p.status().captured() && p.provider().isPresent()).toList();
            Money held = money.held();
            for (Payment payment : taken) {
                held = held.minus(records.refunding(payment.id(), held.currency()).min(held));
            }
            if (held.isZero()) {
                return List.<UUID>of();
            }
            WhenABookingEnds end = switch (ended.status()) {
                case CANCELLED -> WhenABookingEnds.cancelledByCustomer(held, ended.cancellationFee());
                case NO_SHOW -> WhenABookingEnds.noShow(held);
                default -> new WhenABookingEnds(Money.zero(held.currency()), held);
            };
            Money toKeep = end.kept();
            Money toRefund = end.refund();
            List<UUID> asked = new java.util.ArrayList<>();
            for (Payment payment : taken) {
                Money left = money.leftOf(payment.id())
                        .minus(records.refunding(payment.id(), held.currency()).min(money.leftOf(payment.id())));
                Money kept = toKeep.min(left);
                if (!kept.isZero()) {
                    UUID entry = PaymentLedger.named((ended.status() == BookingStatus.COMPLETED ? "earned:" : "kept:")
                            + payment.id());
                    journal.append(ended.status() == BookingStatus.COMPLETED
                            ? money.record(JournalEntry.earned(entry, bookingId, payment.id(), kept, now))
                            : money.forfeit(entry, payment.id(), kept, now));
                    toKeep = toKeep.minus(kept);
                    left = left.minus(kept);
                }
                Money refunded = toRefund.min(left);
                if (!refunded.isZero()) {
                    requestRefund(payment, refunded, "The booking was " + ended.status().word()
                            + "; what the policy gives back is refunded.", null, "ended").ifPresent(asked::add);
                    toRefund = toRefund.minus(refunded);
                }
            }
            return asked;
        });
        refunds.forEach(this::executeRefund);
    }

    /** How money was taken at the salon. */
    public enum Tender {
        CASH("cash"),
        CARD_TERMINAL("card-terminal"),
        OTHER("other");

        private final String id;

        Tender(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<Tender> byId(String id) {
            return java.util.Arrays.stream(values()).filter(tender -> tender.id.equals(id)).findFirst();
        }
    }

    /**
     * Staff record {@code amount} taken at the salon for the booking (at checkout: cash, the card terminal, other):
     * earned at once in the journal; one payment per {@code idempotencyKey}.
     *
     * @throws PaymentMethodUnavailableException when the chain does not take payment at the salon
     */
    public Payment recordAtSalon(UUID bookingId, Money amount, Tender tender, String staffUserId,
            String idempotencyKey) {
        if (amount.isZero() || amount.minorUnits() < 0) {
            throw new dev.atelier.platform.money.InvalidAmountException("a payment is of more than 0");
        }
        return transactions.execute(status -> {
            Instant now = clock.instant();
            Booking booking = bookings.lock(bookingId, null);
            Optional<Payment> earlier = records.byRequest(bookingId, "salon:" + idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            if (!booking.price().currency().equals(amount.currency())) {
                throw new dev.atelier.platform.money.CurrencyMismatchException(booking.price().currency(),
                        amount.currency());
            }
            if (!settings.read().takes(PaymentMethod.AT_SALON)) {
                throw new PaymentMethodUnavailableException(PaymentMethod.AT_SALON,
                        "This salon does not take payment at the salon.");
            }
            var money = journal.lockedMoneyOf(bookingId, amount.currency());
            UUID id = UUID.randomUUID();
            records.insertAtSalon(id, bookingId, amount, tender.id(), "salon:" + idempotencyKey, now);
            journal.append(money.record(JournalEntry.paidAtSalon(PaymentLedger.named("salon:" + id), bookingId, id,
                    amount, now)));
            return records.find(id).orElseThrow();
        });
    }

    /** A refund as staff see it. */
    public record RefundView(UUID id, UUID paymentId, Money amount, String reason, String status) {
    }

    /**
     * Staff give back {@code amount} of what the booking's customer paid online, for {@code reason}: never more than
     * is left of the payments (taken, less what was refunded, kept or is being refunded), checked with the booking
     * locked so concurrent refunds see each other; one refund per {@code idempotencyKey} (the same key answers the
     * same refunds). Taken from the latest payment first when the booking has several.
     *
     * @throws RefundTooLargeException when more is asked than is left
     */
    public List<RefundView> refundByStaff(UUID bookingId, Money amount, String reason, String staffUserId,
            String idempotencyKey) {
        if (amount.isZero() || amount.minorUnits() < 0) {
            throw new dev.atelier.platform.money.InvalidAmountException("a refund gives back more than 0");
        }
        List<UUID> asked = transactions.execute(status -> {
            Booking booking = bookings.lock(bookingId, null);
            if (!booking.price().currency().equals(amount.currency())) {
                throw new dev.atelier.platform.money.CurrencyMismatchException(booking.price().currency(),
                        amount.currency());
            }
            var money = journal.lockedMoneyOf(bookingId, amount.currency());
            List<Payment> taken = new java.util.ArrayList<>(records.ofBooking(bookingId).stream()
                    .filter(payment -> payment.status().captured() && payment.provider().isPresent()).toList());
            java.util.Collections.reverse(taken);
            List<UUID> earlier = new java.util.ArrayList<>();
            for (Payment payment : taken) {
                records.refundByRequest(payment.id(), "staff:" + idempotencyKey).map(PaymentRecords.Refund::id)
                        .ifPresent(earlier::add);
            }
            if (!earlier.isEmpty()) {
                return earlier;
            }
            Money left = Money.zero(amount.currency());
            for (Payment payment : taken) {
                left = left.plus(leftToRefund(money, payment));
            }
            if (amount.isMoreThan(left)) {
                throw new RefundTooLargeException(amount, left);
            }
            return refundLatestFirst(taken, money, amount, reason, staffUserId, "staff:" + idempotencyKey);
        });
        asked.forEach(this::executeRefund);
        return transactions.execute(status -> asked.stream().map(id -> records.refund(id).orElseThrow())
                .map(refund -> new RefundView(refund.id(), refund.paymentId(), refund.amount(), refund.reason(),
                        refund.status()))
                .toList());
    }

    /**
     * The booking was moved to other stylists and its total changed: what was paid ahead online above its new total
     * (and is not being refunded already) goes back, from the latest payment first. A dearer visit changes nothing
     * here: the difference is paid at the salon. Safe to ask again (after the move, and by the sweep): with the
     * booking locked, a second ask finds nothing above the total.
     */
    public void bookingRepriced(UUID bookingId) {
        List<UUID> asked = transactions.execute(status -> {
            Booking booking = bookings.lock(bookingId, null);
            if (booking.status().isFinal()) {
                return List.<UUID>of();
            }
            var money = journal.lockedMoneyOf(bookingId, booking.price().currency());
            List<Payment> taken = new java.util.ArrayList<>(records.ofBooking(bookingId).stream()
                    .filter(payment -> payment.status().captured() && payment.provider().isPresent()).toList());
            java.util.Collections.reverse(taken);
            Money held = Money.zero(booking.price().currency());
            for (Payment payment : taken) {
                held = held.plus(leftToRefund(money, payment));
            }
            if (!held.isMoreThan(booking.price())) {
                return List.<UUID>of();
            }
            return refundLatestFirst(taken, money, held.minus(booking.price()),
                    "The booking was moved to a lower price; the difference is refunded.", null,
                    "repriced:" + booking.price().minorUnits() + ":" + UUID.randomUUID());
        });
        asked.forEach(this::executeRefund);
    }

    /** Writes refunds of {@code amount} in all, taken from {@code taken} in its order, each within what is left. */
    private List<UUID> refundLatestFirst(List<Payment> taken, dev.atelier.platform.payments.ledger.BookingMoney money,
            Money amount, String reason, String requestedBy, String key) {
        Money toRefund = amount;
        List<UUID> refunds = new java.util.ArrayList<>();
        for (Payment payment : taken) {
            Money part = toRefund.min(leftToRefund(money, payment));
            if (!part.isZero()) {
                requestRefund(payment, part, reason, requestedBy, key).ifPresent(refunds::add);
                toRefund = toRefund.minus(part);
            }
        }
        return refunds;
    }

    private Money leftToRefund(dev.atelier.platform.payments.ledger.BookingMoney money, Payment payment) {
        Money left = money.leftOf(payment.id());
        return left.minus(records.refunding(payment.id(), left.currency()).min(left));
    }

    /**
     * Writes a refund of all that is left of {@code payment} to ask its provider for, once per payment for an
     * automatic one; empty when nothing is left.
     */
    private Optional<UUID> requestRefund(Payment payment, Money amount, String reason, String requestedBy,
            String key) {
        Instant now = clock.instant();
        var money = journal.lockedMoneyOf(payment.bookingId(), payment.amount().currency());
        records.lock(payment.id());
        if (records.refundByRequest(payment.id(), key).isPresent()) {
            return Optional.empty();
        }
        Money left = money.leftOf(payment.id()).minus(records.refunding(payment.id(), payment.amount().currency()));
        Money refunded = amount == null ? left : amount;
        if (refunded.isZero() || refunded.isMoreThan(left)) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        records.insertRefund(new PaymentRecords.Refund(id, payment.id(), refunded, reason, "REQUESTED"), requestedBy,
                key, now);
        return Optional.of(id);
    }

    /**
     * Asks the provider for a written refund (again, under the same id, if it was asked before and not answered) and
     * books its answer.
     */
    void executeRefund(UUID refundId) {
        PaymentRecords.Refund refund = transactions.execute(status -> records.refund(refundId)).orElseThrow();
        if (!"REQUESTED".equals(refund.status())) {
            return;
        }
        Payment payment = transactions.execute(status -> records.find(refund.paymentId())).orElseThrow();
        Provider provider = payment.provider().orElseThrow();
        try {
            PaymentFact.Refunded answer = gateway(provider).refund(new RefundRequest(refundId,
                    payment.order().orElseThrow(), payment.providerReference().orElse(null), refund.amount(),
                    refund.reason()), credentials(provider));
            transactions.executeWithoutResult(status -> {
                ledger.apply(payment.id(), provider, answer, clock.instant());
                records.answerRefund(refundId, "SUCCEEDED", clock.instant());
            });
        } catch (GatewayUnavailableException e) {
            log.warn("refund {} of payment {} not answered; asked again later", refundId, payment.id(), e);
        }
    }

    private PaymentGateway gateway(Provider provider) {
        return gateways.of(provider).orElseThrow(() -> new PaymentMethodUnavailableException(provider.method(),
                "Payments by " + provider.method().id() + " are not set up on this platform."));
    }

    /**
     * The chain's WeChat Pay merchant when it takes WeChat Pay online and gave its official account's AppSecret, so a
     * payer inside WeChat can be known by openid and pay by JSAPI; empty otherwise (they get the H5 page).
     */
    public Optional<MerchantCredentials.WechatPayMerchant> wechatAccountForPayers() {
        return transactions.execute(status -> settings.read().takes(PaymentMethod.WECHATPAY)
                ? settings.credentials(Provider.WECHATPAY)
                : Optional.<MerchantCredentials>empty())
                .filter(MerchantCredentials.WechatPayMerchant.class::isInstance)
                .map(MerchantCredentials.WechatPayMerchant.class::cast)
                .filter(MerchantCredentials.WechatPayMerchant::knowsPayersInWeChat);
    }

    private MerchantCredentials credentials(Provider provider) {
        return transactions.execute(status -> settings.credentials(provider)).orElseThrow(
                () -> new PaymentMethodUnavailableException(provider.method(), "This salon does not take "
                        + provider.method().id() + " online."));
    }
}
