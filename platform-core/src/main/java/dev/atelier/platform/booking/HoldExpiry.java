package dev.atelier.platform.booking;

import dev.atelier.platform.tenancy.MigrationState;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires the holds whose time ran out, tenant by tenant, every {@code atelier.bookings.hold-sweep-interval}: each
 * becomes {@code EXPIRED}, frees its time and leaves a {@code booking.expired} event. Availability and booking never
 * wait for it (they ignore and expire overdue holds themselves); it keeps the diary and the events current. Runs in
 * the apps that enable it; several instances may run it at once, each hold is expired once.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "atelier.bookings.hold-sweeper", havingValue = "true")
public class HoldExpiry {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

    private final TenantDirectory tenants;
    private final StatusChanges changes;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HoldExpiry(TenantDirectory tenants, StatusChanges changes, TransactionTemplate transactions, Clock clock) {
        this.tenants = tenants;
        this.changes = changes;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One pass over every tenant; returns how many holds expired. */
    @Scheduled(fixedDelayString = "${atelier.bookings.hold-sweep-interval:PT30S}", initialDelayString = "${atelier.bookings.hold-sweep-interval:PT30S}")
    public int sweep() {
        int expired = 0;
        for (Tenant tenant : tenants.all()) {
            if (tenant.migration().status() != MigrationState.Status.CURRENT) {
                continue;
            }
            try {
                expired += TenantContext.asTenant(tenant,
                        () -> transactions.execute(status -> changes.expireOverdueHolds(clock.instant())));
            } catch (RuntimeException e) {
                log.warn("expiring holds of tenant {} failed; the next pass tries again", tenant.slug(), e);
            }
        }
        return expired;
    }
}
