package dev.atelier.platform.payments;

import dev.atelier.platform.payments.model.MerchantCredentials;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.payments.model.Provider;
import dev.atelier.platform.persistence.SqlValues;
import dev.atelier.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current chain's payment settings in its schema: the methods it offers and its merchant credentials, sealed per
 * provider for this chain ({@link CredentialVault}). Credentials are opened only to take or refund money; when they
 * were sealed under an older key they are sealed again under the active one as they are opened.
 */
@Component
public class PaymentSettingsStore {

    private final EntityManager entities;
    private final CredentialVault vault;
    private final PaymentRoutes routes;
    private final JsonMapper json = JsonMapper.builder().build();

    PaymentSettingsStore(EntityManager entities, CredentialVault vault, PaymentRoutes routes) {
        this.entities = entities;
        this.vault = vault;
        this.routes = routes;
    }

    @Transactional(readOnly = true)
    public PaymentSettings read() {
        Object[] settings = (Object[]) entities.createNativeQuery(
                "select methods, updated_at from payment_settings where id = 1").getSingleResult();
        Map<Provider, Instant> given = new EnumMap<>(Provider.class);
        for (Object row : entities.createNativeQuery("select provider, updated_at from payment_credential")
                .getResultList()) {
            Object[] columns = (Object[]) row;
            Provider.byId((String) columns[0])
                    .ifPresent(provider -> given.put(provider, SqlValues.instant(columns[1])));
        }
        return new PaymentSettings(methods((String) settings[0]), given, SqlValues.instant(settings[1]));
    }

    /**
     * Replaces the offered methods, gives or replaces credentials, and removes those named; every online method
     * left on must have its provider's credentials.
     */
    @Transactional
    public PaymentSettings change(Set<PaymentMethod> methods, List<MerchantCredentials> given, Set<Provider> removed,
            Instant now) {
        for (Provider provider : removed) {
            entities.createNativeQuery("delete from payment_credential where provider = :provider")
                    .setParameter("provider", provider.id()).executeUpdate();
            routes.forgetKeys(provider, TenantContext.require().id());
        }
        for (MerchantCredentials credentials : given) {
            save(credentials, now);
            if (credentials instanceof MerchantCredentials.WechatPayMerchant wechat) {
                // WeChat Pay's notices name the key they are signed with: the route to this chain
                routes.registerKey(Provider.WECHATPAY, wechat.publicKeyId(), TenantContext.require().id());
            }
        }
        Set<Provider> configured = read().credentialsGiven().keySet();
        for (PaymentMethod method : methods) {
            Provider.of(method).filter(provider -> !configured.contains(provider)).ifPresent(provider -> {
                throw new PaymentMethodUnavailableException(method, "Payment by " + method.id()
                        + " needs the chain's " + provider.id() + " credentials first.");
            });
        }
        entities.createNativeQuery("update payment_settings set methods = :methods, updated_at = :now where id = 1")
                .setParameter("methods", methods.stream().sorted().map(PaymentMethod::id)
                        .collect(Collectors.joining(",")))
                .setParameter("now", Timestamp.from(now)).executeUpdate();
        return read();
    }

    /** The chain's credentials for {@code provider}, opened; sealed again under the active key when older. */
    @Transactional
    public Optional<MerchantCredentials> credentials(Provider provider) {
        List<?> rows = entities.createNativeQuery("select sealed from payment_credential where provider = :provider")
                .setParameter("provider", provider.id()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String sealed = (String) rows.getFirst();
        MerchantCredentials credentials = json.readValue(vault.open(sealed, context(provider)), type(provider));
        if (!CredentialVault.keyOf(sealed).equals(vault.activeKey())) {
            entities.createNativeQuery("update payment_credential set sealed = :sealed, key_id = :key "
                    + "where provider = :provider")
                    .setParameter("sealed", vault.seal(json.writeValueAsString(credentials), context(provider)))
                    .setParameter("key", vault.activeKey()).setParameter("provider", provider.id())
                    .executeUpdate();
        }
        return Optional.of(credentials);
    }

    private void save(MerchantCredentials credentials, Instant now) {
        Provider provider = credentials.provider();
        entities.createNativeQuery("""
                insert into payment_credential (provider, sealed, key_id, updated_at)
                values (:provider, :sealed, :key, :now)
                on conflict (provider) do update set sealed = excluded.sealed, key_id = excluded.key_id,
                    updated_at = excluded.updated_at""")
                .setParameter("provider", provider.id())
                .setParameter("sealed", vault.seal(json.writeValueAsString(credentials), context(provider)))
                .setParameter("key", vault.activeKey()).setParameter("now", Timestamp.from(now)).executeUpdate();
    }

    /** Sealed credentials open only for the chain and provider they were sealed for. */
    private static String context(Provider provider) {
        return "atelier-payment-credentials:" + TenantContext.require().id() + ":" + provider.id();
    }

    private static Class<? extends MerchantCredentials> type(Provider provider) {
        return switch (provider) {
            case STRIPE -> MerchantCredentials.StripeAccount.class;
            case ALIPAY -> MerchantCredentials.AlipayMerchant.class;
            case WECHATPAY -> MerchantCredentials.WechatPayMerchant.class;
        };
    }

    private static Set<PaymentMethod> methods(String stored) {
        Set<PaymentMethod> methods = EnumSet.noneOf(PaymentMethod.class);
        Arrays.stream(stored.split(",")).map(String::strip).map(PaymentMethod::byId).flatMap(Optional::stream)
                .forEach(methods::add);
        return methods;
    }
}
