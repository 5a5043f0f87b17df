package dev.atelier.platform.payments;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The current chain's customers known by WeChat openid for one of its apps (the {@code wechat_payer} rows). */
@Component
public class WechatPayers {

    private final EntityManager entities;
    private final TransactionTemplate transactions;

    WechatPayers(EntityManager entities, TransactionTemplate transactions) {
        this.entities = entities;
        this.transactions = transactions;
    }

    /** The customer's openid for {@code appId}, if WeChat gave one. */
    public Optional<String> openId(UUID customerId, String appId) {
        return transactions.execute(status -> {
            List<?> rows = entities.createNativeQuery(
                    "select open_id from wechat_payer where customer_id = :customer and app_id = :app")
                    .setParameter("customer", customerId).setParameter("app", appId).getResultList();
            return rows.stream().map(String.class::cast).findFirst();
        });
    }

    /** Keeps the openid WeChat gave now for the customer and {@code appId} (a later one replaces it). */
    public void remember(UUID customerId, String appId, String openId, Instant now) {
        transactions.executeWithoutResult(status -> entities.createNativeQuery("""
                insert into wechat_payer (customer_id, app_id, open_id, linked_at)
                values (:customer, :app, :openId, :now)
                on conflict (customer_id, app_id) do update set open_id = excluded.open_id,
                                                                linked_at = excluded.linked_at""")
                .setParameter("customer", customerId).setParameter("app", appId).setParameter("openId", openId)
                .setParameter("now", Timestamp.from(now)).executeUpdate());
    }
}
