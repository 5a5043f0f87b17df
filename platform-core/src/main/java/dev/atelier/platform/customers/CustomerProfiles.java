package dev.atelier.platform.customers;

import dev.atelier.platform.security.Caller;
import java.time.Clock;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current tenant's profile of a signed-in customer, made on their first visit: one platform account has one
 * profile per tenant it visits, and no tenant sees another's.
 */
@Service
public class CustomerProfiles {

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
        try {
            return visit(caller);
        } catch (DataIntegrityViolationException concurrentFirstVisit) {
            return visit(caller);
        }
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
