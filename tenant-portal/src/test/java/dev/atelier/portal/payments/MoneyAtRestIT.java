package dev.atelier.portal.payments;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.Journal;
import dev.atelier.platform.payments.PaymentSettingsStore;
import dev.atelier.platform.payments.SealedCredentialException;
import dev.atelier.platform.payments.ledger.BookingMoney;
import dev.atelier.platform.payments.ledger.JournalEntry;
import dev.atelier.platform.payments.ledger.RefundTooLargeException;
import dev.atelier.platform.payments.model.MerchantCredentials;
import dev.atelier.platform.payments.model.Provider;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.portal.Chains;
import dev.atelier.portal.TenantPortalApplication;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Money at rest against real PostgreSQL and Keycloak. A chain's payment settings through the portal: owners set the
 * methods and give merchant credentials, which are checked, sealed for that chain and never returned; managers see
 * what is on; an online method needs its provider's credentials; sealed credentials copied to another chain do not
 * open. And the chain's journal: append-only and balanced in the schema itself, and 20 concurrent refunds of one
 * payment never give back more than it captured.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoneyAtRestIT {

    static final TestCells CELLS = TestCells.create("money_at_rest");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("atelier.web.local-mode", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory directory;

    @Autowired
    PaymentSettingsStore store;

    @Autowired
    Journal journal;

    @Autowired
    TransactionTemplate transactions;

    Chains chains;
    String owner;
    String manager;
    String stylist;
    Tenant chain;
    Tenant other;
    String merchantKey;
    String otherOwner;
    String alipayKey;
    String location;

    @BeforeAll
    void chains() throws Exception {
        chains = new Chains(new Http(port), KEYCLOAK);
        owner = chains.token(chains.signUp("pay-a"));
        location = chains.addLocation(owner, "Pay salon");
        chains.addStaff(owner, "manager@pay-a.test", "MANAGER", location);
        chains.addStaff(owner, "stylist@pay-a.test", "STYLIST", location);
        manager = chains.token("manager@pay-a.test");
        stylist = chains.token("stylist@pay-a.test");
        otherOwner = chains.token(chains.signUp("pay-b"));
        chain = directory.bySlug(Slug.of("pay-a")).orElseThrow();
        other = directory.bySlug(Slug.of("pay-b")).orElseThrow();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair merchant = generator.generateKeyPair();
        merchantKey = Base64.getEncoder().encodeToString(merchant.getPrivate().getEncoded());
        alipayKey = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }

    @Test
    void ownersGiveCredentialsThatAreSealedAndNeverShown() throws Exception {
        JsonNode starting = chains.call("GET", "/api/v1/payment-settings", owner, null).json();
        assertThat(starting.get("methods").valueStream().map(JsonNode::asString)).containsExactly("at-salon");
        assertThat(starting.get("credentials").get("alipay").get("given").asBoolean()).isFalse();

        Http.Response set = chains.call("PUT", "/api/v1/payment-settings", owner, """
                {"methods":["alipay","card","at-salon"],"stripe":{"accountId":"acct_1PayA2Test3"},
                 "alipay":{"appId":"2021000000000001","privateKey":"%s",
                 "alipayPublicKey":"-----BEGIN PUBLIC KEY-----\\n%s\\n-----END PUBLIC KEY-----"}}"""
                .formatted(merchantKey, alipayKey));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("methods").valueStream().map(JsonNode::asString))
                .containsExactly("card", "alipay", "at-salon");
        assertThat(set.body()).doesNotContain(merchantKey.substring(40, 80), alipayKey.substring(40, 80),
                "acct_1PayA2Test3", "2021000000000001");
        JsonNode seen = chains.call("GET", "/api/v1/payment-settings", manager, null).json();
        assertThat(seen.get("credentials").get("alipay").get("given").asBoolean()).isTrue();
        assertThat(seen.get("credentials").get("stripe").get("given").asBoolean()).isTrue();
        assertThat(seen.get("credentials").get("wechatpay").get("given").asBoolean()).isFalse();
        assertThat(seen.toString()).doesNotContain(merchantKey.substring(40, 80), "acct_1PayA2Test3");

        List<String> stored = CELLS.column(chain, "select key_id || ' ' || sealed from payment_credential");
        assertThat(stored).hasSize(2).allMatch(row -> row.startsWith("local-only v1:local-only:"))
                .noneMatch(row -> row.contains(merchantKey.substring(40, 80)) || row.contains("acct_1PayA2Test3")
                        || row.contains("2021000000000001"));
        MerchantCredentials opened = TenantContext.asTenant(chain, () -> store.credentials(Provider.ALIPAY))
                .orElseThrow();
        assertThat(((MerchantCredentials.AlipayMerchant) opened).privateKey()).isEqualTo(merchantKey);

        // the same sealed credentials in another chain's schema do not open there
        CELLS.update(other, "insert into payment_credential (provider, sealed, key_id, updated_at) values ('alipay', '"
                + CELLS.column(chain, "select sealed from payment_credential where provider = 'alipay'").getFirst()
                + "', 'local-only', now())");
        assertThatThrownBy(() -> TenantContext.asTenant(other, () -> store.credentials(Provider.ALIPAY)))
                .isInstanceOf(SealedCredentialException.class);

        Http.Response removed = chains.call("PUT", "/api/v1/payment-settings", owner, """
                {"methods":["card","at-salon"],"removeCredentials":["alipay"]}""");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("credentials").get("alipay").get("given").asBoolean()).isFalse();
        assertThat(removed.json().get("credentials").get("stripe").get("given").asBoolean()).as("kept").isTrue();
    }

    @Test
    void aWechatOfficialAccountsAppSecretIsCheckedSealedAndNeverShown() throws Exception {
        String wechat = """
                {"methods":["wechatpay","at-salon"],"wechatpay":{"merchantId":"1900000109",
                 "appId":"wxd678efa567b06787","serialNumber":"5157F09EFDC096DE15EBE81A47057A72","privateKey":"%s",
                 "apiV3Key":"%s","publicKeyId":"PUB_KEY_ID_0119000001092025A","publicKey":"%s","appSecret":"%s"}}""";
        String secret = "0123456789abcdef0123456789abcdef";
        for (String bad : List.of("not-a-secret", "0123456789ABCDEF0123456789ABCDEF", "0".repeat(33), "")) {
            Http.Response refused = chains.call("PUT", "/api/v1/payment-settings", otherOwner,
                    wechat.formatted(merchantKey, "k".repeat(32), alipayKey, bad));
            assertProblem(refused, 400, "validation");
            assertThat(refused.body()).as(bad).contains("\"field\":\"wechatpay.appSecret\"");
        }
        Http.Response set = chains.call("PUT", "/api/v1/payment-settings", otherOwner,
                wechat.formatted(merchantKey, "k".repeat(32), alipayKey, secret));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("credentials").get("wechatpay").get("given").asBoolean()).isTrue();
        assertThat(set.body()).doesNotContain(secret);
        assertThat(CELLS.column(other, "select sealed from payment_credential where provider = 'wechatpay'"))
                .hasSize(1).noneMatch(sealed -> sealed.contains(secret));
        var opened = (MerchantCredentials.WechatPayMerchant) TenantContext.asTenant(other,
                () -> store.credentials(Provider.WECHATPAY)).orElseThrow();
        assertThat(opened.appSecret()).isEqualTo(secret);
        assertThat(opened.knowsPayersInWeChat()).isTrue();
        assertThat(opened.toString()).doesNotContain(secret);
    }

    @Test
    void onlyOwnersChangeThemAndBadSettingsAreRefusedNamingTheField() throws Exception {
        String before = CELLS.column(chain, "select methods || ' ' || updated_at from payment_settings").getFirst();
        assertProblem(chains.call("PUT", "/api/v1/payment-settings", manager, "{\"methods\":[\"at-salon\"]}"), 403,
                "forbidden");
        assertProblem(chains.call("GET", "/api/v1/payment-settings", stylist, null), 403, "forbidden");
        assertProblem(chains.call("PUT", "/api/v1/payment-settings", owner, "{\"methods\":[\"wechatpay\"]}"), 422,
                "payment-method-unavailable");
        assertProblem(chains.call("PUT", "/api/v1/payment-settings", owner, "{\"methods\":[\"bitcoin\"]}"), 400,
                "validation");
        assertProblem(chains.call("PUT", "/api/v1/payment-settings", owner, "{}"), 400, "validation");
        for (String bad : List.of("\"stripe\":{\"accountId\":\"sk_live_oops\"}",
                "\"alipay\":{\"appId\":\"2021000000000001\",\"privateKey\":\"not a key\",\"alipayPublicKey\":\""
                        + alipayKey + "\"}",
                "\"alipay\":{\"appId\":\"12\",\"privateKey\":\"" + merchantKey + "\",\"alipayPublicKey\":\""
                        + alipayKey + "\"}",
                "\"alipay\":{\"appId\":\"2021000000000001\",\"privateKey\":\"" + alipayKey
                        + "\",\"alipayPublicKey\":\"" + alipayKey + "\"}",
                "\"wechatpay\":{\"merchantId\":\"1900000109\",\"appId\":\"wxd678efh567hg6787\"}")) {
            Http.Response refused = chains.call("PUT", "/api/v1/payment-settings", owner,
                    "{\"methods\":[\"at-salon\"]," + bad + "}");
            assertProblem(refused, 400, "validation");
            assertThat(refused.body()).as(bad).contains("\"field\":\"");
        }
        assertProblem(chains.call("PUT", "/api/v1/payment-settings", owner, "{\"methods\":[\"at-salon\"],"
                + "\"removeCredentials\":[\"paypal\"]}"), 400, "validation");
        assertThat(CELLS.column(chain, "select methods || ' ' || updated_at from payment_settings").getFirst())
                .as("nothing refused was kept").isEqualTo(before);
    }

    @Test
    void theJournalIsAppendOnlyAndBalancedInTheSchemaItself() throws Exception {
        UUID booking = booking();
        UUID payment = UUID.randomUUID();
        UUID charge = UUID.randomUUID();
        TenantContext.asTenant(chain, () -> transactions.executeWithoutResult(status -> journal.append(
                JournalEntry.charge(charge, booking, payment, Money.parse("100.00", "GBP"), Instant.now()))));
        assertThat(CELLS.column(chain, "select account || side || amount_minor from journal_posting where entry_id = '"
                + charge + "' order by line")).containsExactly("PROVIDER_CLEARINGD10000", "CUSTOMER_PREPAYMENTSC10000");

        for (String change : List.of("update journal_posting set amount_minor = 1",
                "delete from journal_posting", "update journal_entry set kind = 'REFUND'", "delete from journal_entry",
                "truncate journal_posting")) {
            assertThatThrownBy(() -> CELLS.update(chain, change)).as(change).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        UUID lopsided = UUID.randomUUID();
        assertThatThrownBy(() -> CELLS.update(chain, "begin; insert into journal_entry (id, kind, booking_id, "
                + "currency, at) values ('" + lopsided + "', 'CHARGE', '" + booking + "', 'GBP', now()); "
                + "insert into journal_posting values ('" + lopsided + "', 0, 'PROVIDER_CLEARING', 'D', 500); commit"))
                .isInstanceOf(SQLException.class).hasMessageContaining("does not balance");
        assertThat(CELLS.column(chain, "select count(*) from journal_entry")).containsExactly("1");
    }

    @Test
    void twentyConcurrentPartialRefundsNeverGiveBackMoreThanWasCaptured() throws Exception {
        UUID booking = booking();
        UUID payment = UUID.randomUUID();
        TenantContext.asTenant(chain, () -> transactions.executeWithoutResult(status -> journal.append(
                JournalEntry.charge(UUID.randomUUID(), booking, payment, Money.parse("100.00", "GBP"),
                        Instant.now()))));
        Currency gbp = Currency.getInstance("GBP");
        ExecutorService racers = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> refunds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            refunds.add(racers.submit(() -> {
                start.await();
                return TenantContext.asTenant(chain, () -> transactions.execute(status -> {
                    try {
                        BookingMoney money = journal.lockedMoneyOf(booking, gbp);
                        journal.append(money.refund(UUID.randomUUID(), payment, Money.parse("7.00", "GBP"),
                                Instant.now()));
                        return true;
                    } catch (RefundTooLargeException refused) {
                        return false;
                    }
                }));
            }));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<Boolean> refund : refunds) {
            succeeded += refund.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        racers.shutdown();
        assertThat(succeeded).as("7.00 fits 14 times into 100.00").isEqualTo(14);
        BookingMoney after = TenantContext.asTenant(chain, () -> journal.moneyOf(booking, gbp));
        assertThat(after.refunded()).isEqualTo(Money.parse("98.00", "GBP"));
        assertThat(after.held()).isEqualTo(Money.parse("2.00", "GBP"));
    }

    /** A booking row of the chain for the journal to speak of. */
    private UUID booking() throws SQLException {
        UUID id = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        CELLS.update(chain, "insert into booking (id, guest_name, location_id, status, source, starts_at, ends_at, "
                + "price_amount, price_currency, created_at, updated_at) values ('" + id + "', 'Guest', '" + location
                + "', 'CONFIRMED', 'STAFF', '" + start + "', '" + start.plus(Duration.ofMinutes(30))
                + "', 100.00, 'GBP', now(), now())");
        return id;
    }
}
