package dev.atelier.platform.payments;

import dev.atelier.platform.payments.model.Provider;
import dev.atelier.platform.tenancy.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * The platform's index of whose provider orders and provider keys are: a notice is routed by the order (or key) it
 * names to the chain and payment our own records say, never by what its body claims. Plain SQL on the platform
 * registry, beside the tenant directory; written before a provider hears of an order, so every notice finds it.
 */
@Component
public class PaymentRoutes {

    /** A payment of a chain. */
    public record Route(TenantId tenant, UUID paymentId) {
    }

    private final JdbcClient jdbc;

    public PaymentRoutes(DataSource registry) {
        this.jdbc = JdbcClient.create(new DelegatingDataSource(registry));
    }

    /** Records that {@code provider}'s order {@code orderKey} is {@code paymentId} of {@code tenant}; again, nothing. */
    public void registerOrder(Provider provider, String orderKey, TenantId tenant, UUID paymentId, Instant now) {
        int added = jdbc.sql("""
                insert into platform.payment_order (provider, order_key, tenant_id, payment_id, created_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(provider.id(), orderKey, tenant.value(), paymentId, Timestamp.from(now)).update();
        if (added == 0 && !findOrder(provider, orderKey).orElseThrow().equals(new Route(tenant, paymentId))) {
            throw new IllegalStateException(provider.id() + " order " + orderKey + " is another payment's");
        }
    }

    public Optional<Route> findOrder(Provider provider, String orderKey) {
        if (orderKey == null || orderKey.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select tenant_id, payment_id from platform.payment_order where provider = ? and order_key = ?")
                .params(provider.id(), orderKey)
                .query((rs, row) -> new Route(new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
                .optional();
    }

    /**
     * Records that {@code provider}'s key {@code keyId} is {@code tenant}'s (replacing the chain's earlier keys of that
     * provider); refused when another chain gave the same key.
     */
    public void registerKey(Provider provider, String keyId, TenantId tenant) {
        jdbc.sql("delete from platform.payment_merchant_key where provider = ? and tenant_id = ? and key_id <> ?")
                .params(provider.id(), tenant.value(), keyId).update();
        int added = jdbc.sql("""
                insert into platform.payment_merchant_key (provider, key_id, tenant_id) values (?, ?, ?)
                on conflict do nothing""").params(provider.id(), keyId, tenant.value()).update();
        if (added == 0 && !findKey(provider, keyId).orElseThrow().equals(tenant)) {
            throw new MerchantKeyTakenException(provider);
        }
    }

    public void forgetKeys(Provider provider, TenantId tenant) {
        jdbc.sql("delete from platform.payment_merchant_key where provider = ? and tenant_id = ?")
                .params(provider.id(), tenant.value()).update();
    }

    public Optional<TenantId> findKey(Provider provider, String keyId) {
        if (keyId == null || keyId.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select tenant_id from platform.payment_merchant_key where provider = ? and key_id = ?")
                .params(provider.id(), keyId).query((rs, row) -> new TenantId(rs.getObject(1, UUID.class)))
                .optional();
    }
}
