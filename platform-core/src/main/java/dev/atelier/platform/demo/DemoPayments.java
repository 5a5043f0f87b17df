package dev.atelier.platform.demo;

import dev.atelier.platform.catalog.SalonService;
import dev.atelier.platform.catalog.SalonServiceRepository;
import dev.atelier.platform.payments.PaymentSettingsStore;
import dev.atelier.platform.payments.model.DepositRule;
import dev.atelier.platform.payments.model.MerchantCredentials;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.payments.model.Provider;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A demo chain's payments, from the local payment fakes' merchant file ({@code atelier.demo.payment-keys}): its
 * merchant credentials (given again whenever they differ from the file's, as after the fakes made new keys), and,
 * the first time, the methods it offers and a few services' deposit rules, so a newcomer booking one meets a deposit.
 * Later starts leave methods and deposits as the chain's owner left them.
 */
@Component
class DemoPayments {

    /** What a demo chain takes: its methods, and deposit rules by service name. */
    record Plan(Set<PaymentMethod> methods, Map<String, DepositRule> deposits) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoPayments.class);

    private final DemoProperties properties;
    private final PaymentSettingsStore settings;
    private final SalonServiceRepository services;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    DemoPayments(DemoProperties properties, PaymentSettingsStore settings, SalonServiceRepository services,
            TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.settings = settings;
        this.services = services;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sets {@code tenant}'s payments up as {@code plan} says; a failure is logged, never stops the portal. */
    void ensure(Tenant tenant, Plan plan) {
        Optional<JsonNode> keys = keys();
        if (keys.isEmpty()) {
            return;
        }
        try {
            TenantContext.asTenant(tenant, () -> apply(tenant, plan, keys.get()));
        } catch (RuntimeException e) {
            log.warn("demo tenant {}: payments not set up ({})", tenant.slug(), e.toString());
        }
    }

    private void apply(Tenant tenant, Plan plan, JsonNode keys) {
        Instant now = clock.instant();
        boolean first = settings.read().credentialsGiven().isEmpty();
        List<MerchantCredentials> given = new ArrayList<>();
        for (PaymentMethod method : plan.methods()) {
            Provider.of(method).map(provider -> credentials(tenant, provider, keys))
                    .filter(wanted -> !settings.credentials(wanted.provider()).equals(Optional.of(wanted)))
                    .ifPresent(given::add);
        }
        if (!first && given.isEmpty()) {
            return;
        }
        settings.change(first ? plan.methods() : settings.read().methods(), given, Set.of(), now);
        if (first) {
            transactions.executeWithoutResult(status -> {
                for (SalonService service : services.findAll()) {
                    DepositRule rule = plan.deposits().get(service.name());
                    if (rule != null) {
                        service.deposit(rule, now);
                        services.save(service);
                    }
                }
            });
        }
        log.info("demo tenant {}: payments by {} with the local fakes' keys{}", tenant.slug(),
                settings.read().methods(), first ? ", deposits on " + plan.deposits().keySet() : "");
    }

    /** The chain's credentials at {@code provider}: the fakes' merchant, and a Stripe account of its own. */
    private MerchantCredentials credentials(Tenant tenant, Provider provider, JsonNode keys) {
        return switch (provider) {
            case STRIPE -> new MerchantCredentials.StripeAccount("acct_demo" + tenant.slug().value()
                    .replaceAll("[^A-Za-z0-9]", ""));
            case ALIPAY -> json.treeToValue(keys.required("alipay"), MerchantCredentials.AlipayMerchant.class);
            case WECHATPAY -> json.treeToValue(keys.required("wechatpay"),
                    MerchantCredentials.WechatPayMerchant.class);
        };
    }

    private Optional<JsonNode> keys() {
        if (properties.paymentKeys().isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(properties.paymentKeys());
        try {
            return Optional.of(json.readTree(Files.readString(file)));
        } catch (java.io.IOException | JacksonException e) {
            log.warn("the demo chains' payment keys in {} cannot be read ({}); they are paid at the salon only",
                    file, e.toString());
            return Optional.empty();
        }
    }
}
