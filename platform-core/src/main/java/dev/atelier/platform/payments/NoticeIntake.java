package dev.atelier.platform.payments;

import dev.atelier.platform.payments.gateway.MerchantKeys;
import dev.atelier.platform.payments.gateway.Notice;
import dev.atelier.platform.payments.gateway.NoticeRejectedException;
import dev.atelier.platform.payments.gateway.PaymentGateway;
import dev.atelier.platform.payments.gateway.PaymentGateways;
import dev.atelier.platform.payments.gateway.RawNotice;
import dev.atelier.platform.payments.model.AmountMismatchException;
import dev.atelier.platform.payments.model.MerchantCredentials;
import dev.atelier.platform.payments.model.Provider;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.tenancy.TenantId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where providers' notices come in (the storefront's {@code /webhooks/{provider}}): each is verified by its
 * provider's gateway on its raw bytes, with the keys of the chain our own records say it is for; routed to that chain
 * and payment by the order it names (never by what its body says whose it is); checked to come from that chain's
 * merchant account; then kept once per provider event id and taken into the chain's books. A notice that does not
 * verify, names an order of ours from another merchant, or states another amount than the order's changes nothing.
 */
@Service
public class NoticeIntake {

    private static final Logger log = LoggerFactory.getLogger(NoticeIntake.class);

    /** What became of a verified notice. */
    public enum Outcome {
        /** A new fact, taken into the books. */
        TAKEN,
        /** Its event was taken before: nothing changes. */
        DUPLICATE,
        /** A kind of notice that changes nothing of ours: acknowledged. */
        IGNORED
    }

    private final PaymentGateways gateways;
    private final PaymentRoutes routes;
    private final TenantDirectory tenants;
    private final PaymentSettingsStore settings;
    private final Payments payments;
    private final PaymentRecords records;
    private final TransactionTemplate transactions;

    NoticeIntake(PaymentGateways gateways, PaymentRoutes routes, TenantDirectory tenants,
            PaymentSettingsStore settings, Payments payments, PaymentRecords records,
            TransactionTemplate transactions) {
        this.gateways = gateways;
        this.routes = routes;
        this.tenants = tenants;
        this.settings = settings;
        this.payments = payments;
        this.records = records;
        this.transactions = transactions;
    }

    /**
     * Takes one notice of {@code provider}.
     *
     * @throws NoticeRejectedException when it does not verify or is not ours (nothing changes)
     * @throws OrderNotKnownYetException when it is genuine but names an order we do not know yet (a refund told
     *         before its payment): the provider delivers it again later
     */
    public Outcome accept(Provider provider, RawNotice raw) {
        PaymentGateway gateway = gateways.of(provider)
                .orElseThrow(() -> new NoticeRejectedException(provider.id() + " is not set up on this platform"));
        Notice notice = gateway.verify(raw, keys());
        if (notice.fact().isEmpty()) {
            return Outcome.IGNORED;
        }
        PaymentRoutes.Route route = routes.findOrder(provider, notice.orderKey())
                .orElseThrow(() -> new OrderNotKnownYetException(provider, notice.orderKey()));
        Tenant tenant = tenants.byId(route.tenant())
                .orElseThrow(() -> new NoticeRejectedException("the order's chain is gone"));
        return TenantContext.asTenant(tenant, () -> {
            MerchantCredentials chain = transactions.execute(status -> settings.credentials(provider))
                    .orElseThrow(() -> new NoticeRejectedException("the order's chain has no " + provider.id()
                            + " account"));
            if (notice.merchant().isPresent() && !notice.merchant().get().equals(chain.merchantId())) {
                throw new NoticeRejectedException("the notice is from another merchant than the order's chain");
            }
            if (transactions.execute(status -> records.knows(provider, notice.eventId()))) {
                return Outcome.DUPLICATE;
            }
            try {
                return payments.take(route.paymentId(), provider, notice.fact().get())
                        ? Outcome.TAKEN
                        : Outcome.DUPLICATE;
            } catch (AmountMismatchException e) {
                log.warn("{} notice {} for payment {} refused: {}", provider.id(), notice.eventId(),
                        route.paymentId(), e.getMessage());
                throw new NoticeRejectedException("the notice's amount is not the order's");
            }
        });
    }

    /** Our own records of whose orders and keys are, with the credentials those chains gave. */
    private MerchantKeys keys() {
        return new MerchantKeys() {
            @Override
            public Optional<MerchantCredentials> ofOrder(Provider provider, String orderKey) {
                return routes.findOrder(provider, orderKey).flatMap(route -> credentialsOf(route.tenant(), provider));
            }

            @Override
            public Optional<MerchantCredentials> ofKey(Provider provider, String keyId) {
                return routes.findKey(provider, keyId).flatMap(tenant -> credentialsOf(tenant, provider));
            }
        };
    }

    private Optional<MerchantCredentials> credentialsOf(TenantId id, Provider provider) {
        return tenants.byId(id).flatMap(tenant -> TenantContext.asTenant(tenant,
                () -> transactions.execute(status -> settings.credentials(provider))));
    }
}
