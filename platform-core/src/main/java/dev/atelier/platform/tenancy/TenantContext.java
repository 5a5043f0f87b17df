package dev.atelier.platform.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tenant the current thread works for. Filled only from verified sources (the storefront host name, a verified
 * token) or explicitly by background work through {@link #asTenant}; never from a header a client sets.
 */
public final class TenantContext {

    private static final ThreadLocal<Tenant> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<Tenant> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static Tenant require() {
        Tenant tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("no tenant in context: tenant data is reachable only inside asTenant");
        }
        return tenant;
    }

    /**
     * Makes {@code tenant} current until the returned scope is closed, which restores whatever was current before;
     * for request-scoped code (an interceptor) that cannot wrap the work in {@link #asTenant}.
     */
    public static Scope enter(Tenant tenant) {
        Tenant previous = CURRENT.get();
        if (previous != null && !previous.id().equals(tenant.id())
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("cannot switch from tenant " + previous.slug() + " to " + tenant.slug()
                    + " inside a transaction: its connection belongs to the first tenant");
        }
        CURRENT.set(tenant);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** A tenant made current by {@link #enter}; closing it restores the previous one. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Forgets any current tenant; the end of every request does this whatever happened in it. */
    public static void clear() {
        CURRENT.remove();
    }

    /** Runs {@code work} as {@code tenant}, restoring whatever was current before. */
    public static <T> T asTenant(Tenant tenant, Supplier<T> work) {
        try (Scope ignored = enter(tenant)) {
            return work.get();
        }
    }

    public static void asTenant(Tenant tenant, Runnable work) {
        asTenant(tenant, () -> {
            work.run();
            return null;
        });
    }
}
