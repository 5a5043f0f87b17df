package dev.atelier.platform.customers;

import dev.atelier.platform.security.Caller;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current tenant's profile of a signed-in customer, made on their first visit: one platform account has one
 * profile per tenant it visits, and no tenant sees another's. Profiles are never removed and their ids never change,
 * so a profile read once is kept (per tenant and account) and read again only to record a visit, at most every
 * {@link Customer#SEEN_PRECISION}.
 */
@Service
public class CustomerProfiles {

    /** More kept profiles than this and the cache starts afresh, so it stays bounded. */
    static final int MAX_KEPT = 100_000;

    private record Key(TenantId tenant, String userId) {
    }

    private record Kept(Customer customer, Instant readAt) {
    }

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    private final CustomerRepository customers;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CustomerProfiles(CustomerRepository customers, TransactionTemplate transactions, Clock clock) {
        this.customers = customers;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The caller's profile here, made now if this is their first visit (two first visits at once make one). */
    public Customer profileOf(Caller caller) {
        Key key = new Key(TenantContext.require().id(), caller.userId());
        Instant now = clock.instant();
        Kept known = kept.get(key);
        if (known != null && known.readAt().isAfter(now.minus(Customer.SEEN_PRECISION))) {
            return known.customer();
        }
        Customer customer;
        try {
            customer = visit(caller);
        } catch (DataIntegrityViolationException concurrentFirstVisit) {
            customer = visit(caller);
        }
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(key, new Kept(customer, now));
        return customer;
    }

    private Customer visit(Caller caller) {
        return transactions.execute(status -> customers.findByUserId(caller.userId())
                .map(existing -> {
                    existing.seen(clock.instant());
                    return existing;
                })
                .orElseGet(() -> customers.save(new Customer(caller.userId(),
                        caller.name() != null ? caller.name() : "Customer", caller.email(), caller.phone(),
                        clock.instant()))));
    }
}
