package dev.atelier.portal.payments;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.Journal;
import dev.atelier.platform.payments.ledger.EntryKind;
import dev.atelier.platform.payments.ledger.JournalEntry;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.portal.Chains;
import dev.atelier.portal.TenantPortalApplication;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
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
 * The chain's payments list and daily settlement through the portal, against real PostgreSQL and Keycloak. A chain
 * with a London salon (GBP) and a Shanghai one (CNY) holds a mix of card, Alipay, WeChat Pay and at-salon payments,
 * charged, refunded, forfeited and commissioned around midnight in each zone (its journal written through the
 * journal itself), and one payment taken at the salon through the portal. The list filters and pages; each
 * settlement day adds up to what the journal holds for that location's own local day; the CSV says what the JSON
 * says; owners and managers may read money, receptionists and stylists may not; another chain's money never shows.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentReportsIT {

    static final TestCells CELLS = TestCells.create("payment_reports");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String JUNE = "from=2026-06-01&to=2026-06-30";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory directory;

    @Autowired
    Journal journal;

    @Autowired
    TransactionTemplate transactions;

    /** One seeded journal entry, as the test expects the settlement to count it. */
    record Seeded(String location, ZoneId zone, String method, EntryKind kind, long minorUnits, String currency,
            Instant at, UUID paymentId) {

        LocalDate day() {
            return at.atZone(zone).toLocalDate();
        }
    }

    Chains chains;
    String owner;
    String manager;
    String receptionist;
    String stylist;
    String otherOwner;
    Tenant chain;
    Tenant other;
    String london;
    String shanghai;
    String otherLocation;
    final Map<String, UUID> payments = new LinkedHashMap<>();
    final Map<String, Instant> created = new LinkedHashMap<>();
    final List<Seeded> seeded = new ArrayList<>();
    UUID otherPayment;
    String salonPayment;

    @BeforeAll
    void chainsAndMoney() throws Exception {
        chains = new Chains(new Http(port), KEYCLOAK);
        owner = chains.token(chains.signUp("reports-a"));
        london = chains.addLocation(owner, "A-London");
        shanghai = chains.addLocation(owner, "A-Shanghai");
        Http.Response moved = chains.call("PATCH", "/api/v1/locations/" + shanghai, owner,
                "{\"timezone\":\"Asia/Shanghai\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        chains.addStaff(owner, "manager@reports-a.test", "MANAGER", london);
        chains.addStaff(owner, "desk@reports-a.test", "RECEPTIONIST", london);
        chains.addStaff(owner, "stylist@reports-a.test", "STYLIST", london);
        manager = chains.token("manager@reports-a.test");
        receptionist = chains.token("desk@reports-a.test");
        stylist = chains.token("stylist@reports-a.test");
        otherOwner = chains.token(chains.signUp("reports-b"));
        otherLocation = chains.addLocation(otherOwner, "B-London");
        chain = directory.bySlug(Slug.of("reports-a")).orElseThrow();
        other = directory.bySlug(Slug.of("reports-b")).orElseThrow();

        // London, GBP (British Summer Time: UTC+1). L2 is asked for at 23:58 on the 14th and paid at 00:00:30 on
        // the 15th; L3 is taken at the salon a second before midnight on the 14th.
        UUID l1 = payment(chain, london, "L1", "card", "PARTIALLY_REFUNDED", 10_000, "GBP", "2026-06-14T09:00:00Z");
        entry(chain, "A-London", LONDON, "card", EntryKind.CHARGE, l1, 10_000, "GBP", "2026-06-14T09:01:00Z");
        entry(chain, "A-London", LONDON, "card", EntryKind.COMMISSION, l1, 150, "GBP", "2026-06-14T09:01:00Z");
        entry(chain, "A-London", LONDON, "card", EntryKind.REFUND, l1, 3_000, "GBP", "2026-06-15T10:00:00Z");
        UUID l2 = payment(chain, london, "L2", "card", "SUCCEEDED", 5_000, "GBP", "2026-06-14T22:58:00Z");
        entry(chain, "A-London", LONDON, "card", EntryKind.CHARGE, l2, 5_000, "GBP", "2026-06-14T23:00:30Z");
        entry(chain, "A-London", LONDON, "card", EntryKind.COMMISSION, l2, 75, "GBP", "2026-06-14T23:00:30Z");
        entry(chain, "A-London", LONDON, "card", EntryKind.FORFEIT, l2, 2_000, "GBP", "2026-06-16T12:00:00Z");
        UUID l3 = payment(chain, london, "L3", "at-salon", "SUCCEEDED", 4_000, "GBP", "2026-06-14T22:59:59Z");
        entry(chain, "A-London", LONDON, "at-salon", EntryKind.PAID_AT_SALON, l3, 4_000, "GBP",
                "2026-06-14T22:59:59Z");
        payment(chain, london, "L4", "card", "FAILED", 2_500, "GBP", "2026-06-15T12:00:00Z");
        // Shanghai, CNY (UTC+8): S1 is paid at 00:30 on the 15th there (still the 14th in UTC), S2 at 23:59:59 on
        // the 14th.
        UUID s1 = payment(chain, shanghai, "S1", "alipay", "REFUNDED", 30_000, "CNY", "2026-06-14T16:20:00Z");
        entry(chain, "A-Shanghai", SHANGHAI, "alipay", EntryKind.CHARGE, s1, 30_000, "CNY", "2026-06-14T16:30:00Z");
        entry(chain, "A-Shanghai", SHANGHAI, "alipay", EntryKind.REFUND, s1, 30_000, "CNY", "2026-06-15T02:00:00Z");
        UUID s2 = payment(chain, shanghai, "S2", "wechatpay", "SUCCEEDED", 20_000, "CNY", "2026-06-14T15:50:00Z");
        entry(chain, "A-Shanghai", SHANGHAI, "wechatpay", EntryKind.CHARGE, s2, 20_000, "CNY",
                "2026-06-14T15:59:59Z");
        entry(chain, "A-Shanghai", SHANGHAI, "wechatpay", EntryKind.COMMISSION, s2, 200, "CNY",
                "2026-06-14T15:59:59Z");
        UUID s3 = payment(chain, shanghai, "S3", "alipay", "PARTIALLY_REFUNDED", 12_000, "CNY",
                "2026-06-15T04:00:00Z");
        entry(chain, "A-Shanghai", SHANGHAI, "alipay", EntryKind.CHARGE, s3, 12_000, "CNY", "2026-06-15T04:00:00Z");
        entry(chain, "A-Shanghai", SHANGHAI, "alipay", EntryKind.FORFEIT, s3, 5_000, "CNY", "2026-06-15T05:00:00Z");
        entry(chain, "A-Shanghai", SHANGHAI, "alipay", EntryKind.REFUND, s3, 7_000, "CNY", "2026-06-15T05:00:00Z");
        // a visit done earns what was paid ahead: it moves nothing to or from the chain
        entry(chain, "A-Shanghai", SHANGHAI, "wechatpay", EntryKind.EARNED, s2, 20_000, "CNY",
                "2026-06-15T06:00:00Z");

        // the other chain's money, on the same days
        otherPayment = payment(other, otherLocation, "B1", "card", "SUCCEEDED", 9_900, "GBP", "2026-06-14T12:00:00Z");
        TenantContext.asTenant(other, () -> transactions.executeWithoutResult(status -> journal.append(
                JournalEntry.charge(UUID.randomUUID(), bookingOf(other, otherPayment), otherPayment,
                        new Money(9_900, Currency.getInstance("GBP")), Instant.parse("2026-06-14T12:00:00Z")))));

        // and one taken at the salon's desk through the portal, today
        UUID booking = booking(chain, london, "GBP");
        Http.Response taken = chains.call("POST", "/api/v1/bookings/" + booking + "/payments", owner, """
                {"method":"at-salon","amount":{"amount":12.00,"currency":"GBP"},"tender":"card-terminal"}""",
                "Idempotency-Key", "reports-desk-1");
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        salonPayment = taken.json().get("id").asString();
    }

    @Test
    void theListFiltersByLocalDayLocationMethodAndStatusAndPagesNewestFirst() {
        List<String> newestFirst = created.entrySet().stream().filter(e -> !e.getKey().startsWith("B"))
                .sorted(Map.Entry.<String, Instant>comparingByValue().reversed())
                .map(e -> payments.get(e.getKey()).toString()).toList();
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode answer = ok(chains.call("GET", "/api/v1/payments?" + JUNE + "&size=3&page=" + page, owner, null));
            assertThat(answer.get("total").asLong()).isEqualTo(7);
            assertThat(answer.get("payments").size()).isEqualTo(page < 2 ? 3 : 1);
            paged.addAll(Chains.ids(answer.get("payments")));
        }
        assertThat(paged).as("three pages, newest first, each payment once").isEqualTo(newestFirst);
        assertThat(ok(chains.call("GET", "/api/v1/payments?" + JUNE + "&size=3&page=3", owner, null))
                .get("payments").size()).isZero();

        assertThat(listed("method=card")).containsExactlyInAnyOrder(ids("L1", "L2", "L4"));
        assertThat(listed("status=REFUNDED")).containsExactly(ids("S1"));
        assertThat(listed("method=alipay&status=PARTIALLY_REFUNDED")).containsExactly(ids("S3"));
        assertThat(listed("locationId=" + shanghai)).containsExactlyInAnyOrder(ids("S1", "S2", "S3"));
        // local days at each payment's own location: L2 was asked for at 23:58 in London, S1 at 00:20 in Shanghai
        assertThat(listed("from=2026-06-15&to=2026-06-15")).containsExactlyInAnyOrder(ids("L4", "S1", "S3"));
        assertThat(listed("from=2026-06-14&to=2026-06-14")).containsExactlyInAnyOrder(ids("L1", "L2", "L3", "S2"));
        assertThat(listed("to=2026-06-14&locationId=" + london)).containsExactlyInAnyOrder(ids("L1", "L2", "L3"));

        JsonNode l1 = row("L1");
        assertThat(l1.get("bookingId").asString()).isNotBlank();
        assertThat(l1.get("location").get("id").asString()).isEqualTo(london);
        assertThat(l1.get("location").get("name").asString()).isEqualTo("A-London");
        assertThat(l1.get("method").asString()).isEqualTo("card");
        assertThat(l1.get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(l1.get("amount").get("amount").asString()).isEqualTo("100.00");
        assertThat(l1.get("amount").get("currency").asString()).isEqualTo("GBP");
        assertThat(l1.get("refunded").get("amount").asString()).isEqualTo("30.00");
        assertThat(Instant.parse(l1.get("createdAt").asString())).isEqualTo(Instant.parse("2026-06-14T09:00:00Z"));
        assertThat(Instant.parse(l1.get("paidAt").asString())).isEqualTo(Instant.parse("2026-06-14T09:01:00Z"));
        assertThat(l1.get("providerReference").asString()).isEqualTo("ref-L1");
        JsonNode failed = row("L4");
        assertThat(failed.path("paidAt").isNull() || failed.path("paidAt").isMissingNode()).isTrue();
        assertThat(failed.get("refunded").get("amount").asString()).isEqualTo("0.00");
        assertThat(row("S1").get("refunded").get("amount").asString()).isEqualTo("300.00");

        JsonNode desk = ok(chains.call("GET", "/api/v1/payments?method=at-salon&from=" + LocalDate.now(LONDON)
                + "&to=" + LocalDate.now(LONDON), owner, null)).get("payments");
        assertThat(Chains.ids(desk)).containsExactly(salonPayment);
        assertThat(desk.get(0).get("tender").asString()).isEqualTo("card-terminal");
        assertThat(desk.get(0).get("paidAt").asString()).isNotBlank();
    }

    @Test
    void eachLocationsDaysAddUpToWhatItsJournalHoldsForThatLocalDay() throws Exception {
        JsonNode settlement = ok(chains.call("GET", "/api/v1/settlements?from=2026-06-14&to=2026-06-16", owner,
                null));
        Map<String, long[]> expected = new TreeMap<>();
        Map<String, Map<String, long[]>> expectedByMethod = new TreeMap<>();
        for (Seeded entry : seeded) {
            String key = entry.location() + " " + entry.day() + " " + entry.currency();
            add(expected.computeIfAbsent(key, k -> new long[5]), entry);
            add(expectedByMethod.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(entry.method(),
                    m -> new long[5]), entry);
        }
        expected.values().removeIf(sums -> java.util.Arrays.stream(sums).allMatch(s -> s == 0));
        Map<String, long[]> actual = new TreeMap<>();
        for (JsonNode day : settlement.get("days")) {
            String key = day.get("locationName").asString() + " " + day.get("date").asString() + " "
                    + day.get("currency").asString();
            assertThat(actual.put(key, figures(day))).as("one row per location, day and currency").isNull();
            long[] sums = figures(day);
            assertThat(minor(day.get("net"))).as(key).isEqualTo(sums[1] - sums[2] - sums[4]);
            Map<String, long[]> methods = new TreeMap<>();
            day.get("byMethod").forEach(method -> methods.put(method.get("method").asString(), figures(method)));
            assertThat(methods.keySet()).as(key).isEqualTo(expectedByMethod.get(key).keySet().stream()
                    .filter(m -> java.util.Arrays.stream(expectedByMethod.get(key).get(m)).anyMatch(s -> s != 0))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
            methods.forEach((method, figures) -> assertThat(figures).as(key + " " + method)
                    .containsExactly(expectedByMethod.get(key).get(method)));
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, sums) -> assertThat(actual.get(key)).as(key).containsExactly(sums));

        // the midnight payments land on their location's own day
        assertThat(actual.get("A-London 2026-06-15 GBP")[1]).as("L2's charge, 00:00:30 in London").isEqualTo(5_000);
        assertThat(actual.get("A-London 2026-06-14 GBP")[1]).as("L1 and L3").isEqualTo(14_000);
        assertThat(actual.get("A-Shanghai 2026-06-15 CNY")[1]).as("S1 (00:30 in Shanghai) and S3")
                .isEqualTo(42_000);
        assertThat(actual.get("A-Shanghai 2026-06-14 CNY")[1]).as("S2").isEqualTo(20_000);

        // the totals are the journal's own sums, straight from the schema
        for (JsonNode total : settlement.get("totals")) {
            String currency = total.get("currency").asString();
            for (String[] field : new String[][]{{"charges", "'CHARGE', 'PAID_AT_SALON'"}, {"refunds", "'REFUND'"},
                    {"feesKept", "'FORFEIT'"}, {"commission", "'COMMISSION'"}}) {
                long journalSum = Long.parseLong(CELLS.column(chain, """
                        select coalesce(sum(p.amount_minor), 0) from journal_entry e
                          join journal_posting p on p.entry_id = e.id and p.side = 'D'
                         where e.currency = '%s' and e.kind in (%s)
                           and e.at >= '2026-06-13T00:00:00Z' and e.at < '2026-06-18T00:00:00Z'"""
                        .formatted(currency, field[1])).getFirst());
                assertThat(minor(total.get(field[0]))).as(currency + " " + field[0]).isEqualTo(journalSum);
            }
        }
        assertThat(settlement.get("totals").valueStream().map(t -> t.get("currency").asString()))
                .containsExactly("CNY", "GBP");

        JsonNode onlyShanghai = ok(chains.call("GET", "/api/v1/settlements?from=2026-06-14&to=2026-06-16&locationId="
                + shanghai, owner, null));
        assertThat(onlyShanghai.get("days").valueStream().map(d -> d.get("locationId").asString()))
                .isNotEmpty().allMatch(shanghai::equals);
        JsonNode today = ok(chains.call("GET", "/api/v1/settlements?from=" + LocalDate.now(LONDON) + "&to="
                + LocalDate.now(LONDON) + "&locationId=" + london, owner, null));
        assertThat(today.get("days").size()).isEqualTo(1);
        assertThat(today.get("days").get(0).get("charges").get("amount").asString()).as("taken at the desk")
                .isEqualTo("12.00");
    }

    @Test
    void theCsvSaysWhatTheJsonSays() {
        String query = "?from=2026-06-14&to=2026-06-16";
        JsonNode json = ok(chains.call("GET", "/api/v1/settlements" + query, owner, null));
        List<String> expected = new ArrayList<>();
        expected.add("date,location_id,location_name,timezone,currency,method,payments,charges,refunds,fees_kept,"
                + "commission,net");
        for (JsonNode day : json.get("days")) {
            String place = String.join(",", day.get("date").asString(), day.get("locationId").asString(),
                    day.get("locationName").asString(), day.get("timezone").asString(),
                    day.get("currency").asString());
            expected.add(place + ",all," + csvFigures(day));
            day.get("byMethod").forEach(m -> expected.add(place + "," + m.get("method").asString() + ","
                    + csvFigures(m)));
        }
        for (JsonNode total : json.get("totals")) {
            expected.add(",,,," + total.get("currency").asString() + ",all," + csvFigures(total));
            total.get("byMethod").forEach(m -> expected.add(",,,," + total.get("currency").asString() + ","
                    + m.get("method").asString() + "," + csvFigures(m)));
        }
        Http.Response csv = chains.call("GET", "/api/v1/settlements.csv" + query, owner, null);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("settlement-2026-06-14-2026-06-16.csv");
        assertThat(csv.body()).endsWith("\r\n");
        assertThat(csv.body().split("\r\n")).containsExactlyElementsOf(expected);
        Http.Response negotiated = chains.call("GET", "/api/v1/settlements" + query, manager, null, "Accept",
                "text/csv");
        assertThat(negotiated.contentType()).startsWith("text/csv");
        assertThat(negotiated.body()).isEqualTo(csv.body());
        Http.Response none = chains.call("GET", "/api/v1/settlements.csv?from=2001-01-01&to=2001-01-31", owner, null);
        assertThat(none.body()).as("a period with no money is its header row").isEqualTo(expected.getFirst() + "\r\n");
    }

    @Test
    void badFiltersAreRefusedNamingTheField() {
        assertThat(fields(chains.call("GET", "/api/v1/settlements?to=2026-06-16", owner, null))).containsExactly(
                "from");
        assertThat(fields(chains.call("GET", "/api/v1/settlements?from=2025-01-01&to=2026-01-02", owner, null)))
                .containsExactly("to");
        assertThat(fields(chains.call("GET", "/api/v1/settlements.csv?from=2026-02-30&to=2026-03-01", owner, null,
                "Accept", "text/csv"))).containsExactly("from");
        assertThat(fields(chains.call("GET", "/api/v1/settlements?from=2026-06-01&to=2026-06-02&locationId=x", owner,
                null, "Accept", "text/csv"))).containsExactly("locationId");
        assertThat(fields(chains.call("GET", "/api/v1/payments?method=bitcoin&status=paid&size=500&page=-1", owner,
                null))).containsExactly("method", "status", "page", "size");
        assertThat(fields(chains.call("GET", "/api/v1/payments?from=2026-06-30&to=2026-06-01", owner, null)))
                .containsExactly("to");
        assertProblem(chains.call("GET", "/api/v1/payments?locationId=" + UUID.randomUUID(), owner, null), 404,
                "not-found");
    }

    @Test
    void ownersAndManagersReadMoneyReceptionistsAndStylistsDoNot() {
        for (String path : List.of("/api/v1/payments", "/api/v1/settlements?" + JUNE,
                "/api/v1/settlements.csv?" + JUNE)) {
            assertThat(chains.call("GET", path, manager, null).status()).as(path).isEqualTo(200);
            assertProblem(chains.call("GET", path, receptionist, null), 403, "forbidden");
            assertProblem(chains.call("GET", path, stylist, null), 403, "forbidden");
            assertThat(chains.call("GET", path, null, null).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void anotherChainsMoneyNeverAppears() {
        JsonNode theirs = ok(chains.call("GET", "/api/v1/payments", otherOwner, null));
        assertThat(Chains.ids(theirs.get("payments"))).containsExactly(otherPayment.toString());
        JsonNode theirDays = ok(chains.call("GET", "/api/v1/settlements?" + JUNE, otherOwner, null));
        assertThat(theirDays.get("days").valueStream().map(d -> d.get("locationId").asString()))
                .containsExactly(otherLocation);
        assertThat(theirDays.get("totals").get(0).get("charges").get("amount").asString()).isEqualTo("99.00");
        assertThat(theirDays.toString()).doesNotContain(london, shanghai);
        assertProblem(chains.call("GET", "/api/v1/payments?locationId=" + london, otherOwner, null), 404,
                "not-found");
        assertProblem(chains.call("GET", "/api/v1/settlements.csv?" + JUNE + "&locationId=" + london, otherOwner,
                null), 404, "not-found");
        for (String path : List.of("/api/v1/payments", "/api/v1/settlements?" + JUNE,
                "/api/v1/settlements.csv?" + JUNE)) {
            assertProblem(chains.call("GET", path, owner, null, "X-Tenant", "reports-b"), 403, "forbidden");
        }
        JsonNode ours = ok(chains.call("GET", "/api/v1/payments?size=200", owner, null));
        assertThat(ours.toString()).doesNotContain(otherPayment.toString(), otherLocation);
    }

    // ---- fixtures -----------------------------------------------------------------------------------------------

    /** A payment of a new booking at {@code location}, asked for at {@code createdAt}, as its provider left it. */
    private UUID payment(Tenant tenant, String location, String name, String method, String status, long minorUnits,
            String currency, String createdAt) throws SQLException {
        UUID booking = booking(tenant, location, currency);
        UUID id = UUID.randomUUID();
        String provider = switch (method) {
            case "card" -> "'stripe'";
            case "alipay" -> "'alipay'";
            case "wechatpay" -> "'wechatpay'";
            default -> "null";
        };
        CELLS.update(tenant, """
                insert into payment (id, booking_id, method, provider, amount_minor, currency, status, tender,
                                     provider_reference, created_at, updated_at)
                values ('%s', '%s', '%s', %s, %d, '%s', '%s', %s, 'ref-%s', '%s', '%s')""".formatted(id, booking,
                method, provider, minorUnits, currency, status, method.equals("at-salon") ? "'cash'" : "null", name,
                createdAt, createdAt));
        payments.put(name, id);
        created.put(name, Instant.parse(createdAt));
        return id;
    }

    /** Appends a journal entry of {@code kind} for the payment, through the journal, and notes what it counts. */
    private void entry(Tenant tenant, String location, ZoneId zone, String method, EntryKind kind, UUID paymentId,
            long minorUnits, String currency, String at) throws SQLException {
        UUID booking = bookingOf(tenant, paymentId);
        Money amount = new Money(minorUnits, Currency.getInstance(currency));
        Instant when = Instant.parse(at);
        UUID id = UUID.randomUUID();
        JournalEntry entry = switch (kind) {
            case CHARGE -> JournalEntry.charge(id, booking, paymentId, amount, when);
            case REFUND -> JournalEntry.refund(id, booking, paymentId, amount, when);
            case FORFEIT -> JournalEntry.forfeit(id, booking, paymentId, amount, when);
            case COMMISSION -> JournalEntry.commission(id, booking, paymentId, amount, when);
            case EARNED -> JournalEntry.earned(id, booking, paymentId, amount, when);
            case PAID_AT_SALON -> JournalEntry.paidAtSalon(id, booking, paymentId, amount, when);
        };
        TenantContext.asTenant(tenant, () -> transactions.executeWithoutResult(status -> journal.append(entry)));
        seeded.add(new Seeded(location, zone, method, kind, minorUnits, currency, when, paymentId));
    }

    private UUID bookingOf(Tenant tenant, UUID paymentId) {
        try {
            return UUID.fromString(CELLS.column(tenant, "select booking_id from payment where id = '" + paymentId
                    + "'").getFirst());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A confirmed booking row at {@code location} for the journal to speak of. */
    private static UUID booking(Tenant tenant, String location, String currency) throws SQLException {
        UUID id = UUID.randomUUID();
        CELLS.update(tenant, "insert into booking (id, guest_name, location_id, status, source, starts_at, ends_at, "
                + "price_amount, price_currency, created_at, updated_at) values ('" + id + "', 'Guest', '" + location
                + "', 'CONFIRMED', 'STAFF', '2026-06-20T10:00:00Z', '2026-06-20T10:30:00Z', 500.00, '" + currency
                + "', now(), now())");
        return id;
    }

    /** {charges' payments, charges, refunds, fees kept, commission}, as a settlement day should count them. */
    private static void add(long[] sums, Seeded entry) {
        switch (entry.kind()) {
            case CHARGE, PAID_AT_SALON -> {
                sums[0] += 1;
                sums[1] += entry.minorUnits();
            }
            case REFUND -> sums[2] += entry.minorUnits();
            case FORFEIT -> sums[3] += entry.minorUnits();
            case COMMISSION -> sums[4] += entry.minorUnits();
            case EARNED -> {
            }
        }
    }

    private static long[] figures(JsonNode node) {
        return new long[]{node.get("payments").asLong(), minor(node.get("charges")), minor(node.get("refunds")),
                minor(node.get("feesKept")), minor(node.get("commission"))};
    }

    private static long minor(JsonNode amount) {
        Currency currency = Currency.getInstance(amount.get("currency").asString());
        return new BigDecimal(amount.get("amount").asString()).movePointRight(currency.getDefaultFractionDigits())
                .longValueExact();
    }

    private static String csvFigures(JsonNode node) {
        return String.join(",", node.get("payments").asString(), node.get("charges").get("amount").asString(),
                node.get("refunds").get("amount").asString(), node.get("feesKept").get("amount").asString(),
                node.get("commission").get("amount").asString(), node.get("net").get("amount").asString());
    }

    private List<String> listed(String query) {
        return Chains.ids(ok(chains.call("GET", "/api/v1/payments?" + query, owner, null)).get("payments"));
    }

    private JsonNode row(String name) {
        return ok(chains.call("GET", "/api/v1/payments?" + JUNE + "&size=200", owner, null)).get("payments")
                .valueStream().filter(row -> row.get("id").asString().equals(payments.get(name).toString()))
                .findFirst().orElseThrow();
    }

    private String[] ids(String... names) {
        return java.util.Arrays.stream(names).map(name -> payments.get(name).toString()).toArray(String[]::new);
    }

    private static List<String> fields(Http.Response response) {
        JsonNode problem = assertProblem(response, 400, "validation");
        return problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
