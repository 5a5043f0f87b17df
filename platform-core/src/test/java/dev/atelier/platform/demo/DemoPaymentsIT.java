package dev.atelier.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.payments.FakeKeys;
import dev.atelier.infra.payments.GatewayFakes;
import dev.atelier.platform.TestPlatformApplication;
import dev.atelier.platform.catalog.SalonService;
import dev.atelier.platform.catalog.SalonServiceRepository;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.PaymentSettingsStore;
import dev.atelier.platform.payments.model.DepositRule;
import dev.atelier.platform.payments.model.MerchantCredentials;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.payments.model.Provider;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantProvisioning;
import dev.atelier.platform.testing.Tenants;
import dev.atelier.platform.testing.TestCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A demo chain set up to pay through the local payment fakes from the merchant file the local stack writes (the
 * same file format, read by the real settings store): its methods, credentials matching the fakes and deposits the
 * first time; a later start keeps what its owner changed, and gives new credentials only when the fakes' keys
 * changed.
 */
@SpringBootTest(classes = TestPlatformApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPaymentsIT {

    static final TestCells CELLS = TestCells.create("demo_payments");
    static final Path MERCHANTS = merchantsFile();
    static final Set<PaymentMethod> ALL = EnumSet.of(PaymentMethod.ALIPAY, PaymentMethod.WECHATPAY,
            PaymentMethod.CARD, PaymentMethod.AT_SALON);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 2);
        // the local stack's mode: its credential key is the local one
        registry.add("atelier.web.local-mode", () -> "true");
        registry.add("atelier.demo.payment-keys", MERCHANTS::toString);
    }

    @Autowired
    TenantProvisioning provisioning;

    @Autowired
    DemoPayments payments;

    @Autowired
    PaymentSettingsStore settings;

    @Autowired
    SalonServiceRepository services;

    @AfterAll
    void removeFile() throws IOException {
        Files.deleteIfExists(MERCHANTS);
    }

    @Test
    void aDemoChainPaysThroughTheFakesAndKeepsWhatItsOwnerChanged() throws Exception {
        FakeKeys first = writeMerchants();
        Tenant chain = provisioning.create(Tenants.shanghai("demo-pays"));
        TenantContext.asTenant(chain, () -> {
            services.save(service("Full colour", "688"));
            services.save(service("Men's cut", "128"));
        });
        DemoPayments.Plan plan = new DemoPayments.Plan(ALL, Map.of("Full colour", new DepositRule.Fixed(Money.parse(
                "200.00", "CNY"))));

        payments.ensure(chain, plan);
        TenantContext.asTenant(chain, () -> {
            assertThat(settings.read().methods()).isEqualTo(ALL);
            assertThat(settings.credentials(Provider.ALIPAY)).contains(new MerchantCredentials.AlipayMerchant(
                    first.alipay().appId(), first.alipay().appPrivateKey(), first.alipay().alipayPublicKey()));
            assertThat(settings.credentials(Provider.WECHATPAY)).get()
                    .isInstanceOfSatisfying(MerchantCredentials.WechatPayMerchant.class, wechat -> {
                        assertThat(wechat.merchantId()).isEqualTo(first.wechatpay().merchantId());
                        assertThat(wechat.publicKey()).isEqualTo(first.wechatpay().platformPublicKey());
                        assertThat(wechat.apiV3Key()).isEqualTo(first.wechatpay().apiV3Key());
                    });
            assertThat(settings.credentials(Provider.STRIPE)).contains(new MerchantCredentials.StripeAccount(
                    "acct_demodemopays"));
            assertThat(deposit("Full colour")).isEqualTo(new DepositRule.Fixed(Money.parse("200.00", "CNY")));
            assertThat(deposit("Men's cut")).isEqualTo(new DepositRule.None());
        });

        // the owner turns WeChat Pay off and drops the deposit
        TenantContext.asTenant(chain, () -> {
            settings.change(EnumSet.of(PaymentMethod.ALIPAY, PaymentMethod.CARD, PaymentMethod.AT_SALON),
                    java.util.List.of(), Set.of(), Instant.now());
            SalonService colour = named("Full colour");
            colour.deposit(new DepositRule.None(), Instant.now());
            services.save(colour);
        });
        Instant given = TenantContext.asTenant(chain, () -> settings.read().credentialsGiven().get(Provider.ALIPAY));
        payments.ensure(chain, plan);
        TenantContext.asTenant(chain, () -> {
            assertThat(settings.read().methods()).as("the owner's choice stays")
                    .isEqualTo(EnumSet.of(PaymentMethod.ALIPAY, PaymentMethod.CARD, PaymentMethod.AT_SALON));
            assertThat(deposit("Full colour")).isEqualTo(new DepositRule.None());
            assertThat(settings.read().credentialsGiven().get(Provider.ALIPAY)).as("nothing given again")
                    .isEqualTo(given);
        });

        // the fakes made new keys (their directory was deleted): the chain is given the new ones
        FakeKeys second = writeMerchants();
        payments.ensure(chain, plan);
        TenantContext.asTenant(chain, () -> {
            assertThat(settings.credentials(Provider.ALIPAY)).get()
                    .extracting(credentials -> ((MerchantCredentials.AlipayMerchant) credentials).alipayPublicKey())
                    .isEqualTo(second.alipay().alipayPublicKey());
            assertThat(settings.read().methods()).contains(PaymentMethod.ALIPAY).doesNotContain(
                    PaymentMethod.WECHATPAY);
        });
    }

    @Test
    void withoutAMerchantFileNothingChanges() throws Exception {
        Tenant chain = provisioning.create(Tenants.london("demo-no-keys"));
        Files.deleteIfExists(MERCHANTS);
        payments.ensure(chain, new DemoPayments.Plan(EnumSet.of(PaymentMethod.CARD, PaymentMethod.AT_SALON),
                Map.of()));
        TenantContext.asTenant(chain, () -> {
            assertThat(settings.read().methods()).containsExactly(PaymentMethod.AT_SALON);
            assertThat(settings.read().credentialsGiven()).isEmpty();
        });
    }

    private SalonService service(String name, String price) {
        return new SalonService(new SalonService.Definition(name, null, null, 60, 0, 0, 0, 0, new BigDecimal(price),
                Currency.getInstance("CNY"), true, Set.of()), Instant.now());
    }

    private SalonService named(String name) {
        return services.findAll().stream().filter(service -> service.name().equals(name)).findFirst().orElseThrow();
    }

    private DepositRule deposit(String name) {
        return named(name).deposit();
    }

    /** A merchant file as the local stack writes it, from fakes with new keys. */
    private static FakeKeys writeMerchants() {
        try (GatewayFakes fakes = GatewayFakes.start(0, (Path) null, "http://localhost:1/webhooks/stripe",
                Clock.systemUTC())) {
            fakes.writeMerchantFile(MERCHANTS);
            return fakes.keys();
        }
    }

    private static Path merchantsFile() {
        try {
            Path file = Files.createTempFile("atelier-demo-merchants", ".json");
            Files.delete(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
