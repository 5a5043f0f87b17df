package dev.atelier.platform.payments;

import dev.atelier.platform.payments.gateway.GatewayUnavailableException;
import dev.atelier.platform.payments.gateway.PaymentGateways;
import dev.atelier.platform.payments.model.PaymentFact;
import dev.atelier.platform.payments.model.PaymentStatus;
import dev.atelier.platform.tenancy.MigrationState;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every chain's payments true to their providers, every {@code atelier.payments.sweep-interval}, in the apps
 * that enable it ({@code atelier.payments.sweeper}): the order of a booking that no longer waits for it (its hold
 * expired, it was cancelled or paid otherwise) is closed at its provider; an order pending longer than
 * {@code reconcile-after} is asked about (a lost notice is found so); a payment taken whose booking was never settled
 * (the app stopped in between) is settled; a refund asked and not answered is asked again under the same id. Each
 * step is safe to run twice and from several instances at once.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "atelier.payments.sweeper", havingValue = "true")
public class PaymentSweeps {

    private static final Logger log = LoggerFactory.getLogger(PaymentSweeps.class);

    /** What one pass did, summed over the chains. */
    public record Pass(int closed, int reconciled, int settled, int refundsAsked) {

        Pass plus(Pass other) {
            return new Pass(closed + other.closed, reconciled + other.reconciled, settled + other.settled,
                    refundsAsked + other.refundsAsked);
        }
    }

    private final TenantDirectory tenants;
    private final PaymentRecords records;
    private final Payments payments;
    private final PaymentGateways gateways;
    private final PaymentSettingsStore settings;
    private final PaymentProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PaymentSweeps(TenantDirectory tenants, PaymentRecords records, Payments payments, PaymentGateways gateways,
            PaymentSettingsStore settings, PaymentProperties properties, TransactionTemplate transactions,
            Clock clock) {
        this.tenants = tenants;
        this.records = records;
        this.payments = payments;
        this.gateways = gateways;
        this.settings = settings;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${atelier.payments.sweep-interval:PT30S}", initialDelayString = "${atelier.payments.sweep-interval:PT30S}")
    public Pass sweep() {
        Pass total = new Pass(0, 0, 0, 0);
        for (Tenant tenant : tenants.all()) {
            if (tenant.migration().status() != MigrationState.Status.CURRENT) {
                continue;
            }
            try {
                total = total.plus(TenantContext.asTenant(tenant, this::sweepCurrent));
            } catch (RuntimeException e) {
                log.warn("sweeping the payments of tenant {} failed; the next pass tries again", tenant.slug(), e);
            }
        }
        return total;
    }

    private Pass sweepCurrent() {
        int closed = 0;
        for (UUID id : transactions.execute(status -> records.pendingOfEndedBookings())) {
            closed += guarded(id, () -> close(id));
        }
        int reconciled = 0;
        for (UUID id : transactions.execute(
                status -> records.pendingSince(clock.instant().minus(properties.reconcileAfter())))) {
            reconciled += guarded(id, () -> payments.refresh(id).status() != PaymentStatus.PENDING ? 1 : 0);
        }
        int settled = 0;
        for (UUID id : transactions.execute(status -> records.paidOfWaitingBookings())) {
            settled += guarded(id, () -> {
                payments.settle(id);
                return 1;
            });
        }
        for (UUID bookingId : transactions.execute(status -> records.endedBookingsHoldingMoney())) {
            settled += guarded(bookingId, () -> {
                payments.bookingEnded(bookingId);
                return 1;
            });
        }
        for (UUID bookingId : transactions.execute(status -> records.liveBookingsHoldingTooMuch())) {
            settled += guarded(bookingId, () -> {
                payments.bookingRepriced(bookingId);
                return 1;
            });
        }
        int asked = 0;
        for (UUID id : transactions.execute(
                status -> records.unansweredRefunds(clock.instant().minus(properties.reconcileAfter())))) {
            asked += guarded(id, () -> {
                payments.executeRefund(id);
                return 1;
            });
        }
        return new Pass(closed, reconciled, settled, asked);
    }

    /** Closes the payment's order at its provider and keeps that as its fact; asks first, in case it was paid. */
    private int close(UUID paymentId) {
        Payment payment = payments.refresh(paymentId);
        if (payment.status() != PaymentStatus.PENDING) {
            return 0;
        }
        var provider = payment.provider().orElseThrow();
        var gateway = gateways.of(provider).orElseThrow();
        var chain = transactions.execute(status -> settings.credentials(provider)).orElseThrow();
        gateway.close(payment.order().orElseThrow(), chain);
        payments.take(paymentId, provider, new PaymentFact.Closed("closed-by-atelier:" + paymentId));
        return 1;
    }

    private static int guarded(UUID paymentId, java.util.function.IntSupplier step) {
        try {
            return step.getAsInt();
        } catch (GatewayUnavailableException e) {
            log.warn("payment {}: its provider did not answer; the next pass tries again", paymentId, e);
            return 0;
        }
    }

}
