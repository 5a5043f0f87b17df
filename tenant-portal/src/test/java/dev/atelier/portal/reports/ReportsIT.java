package dev.atelier.portal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.Journal;
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
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
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
 * The business reports through the portal against real PostgreSQL, over one hand-counted Monday at a London and a
 * Shanghai salon: each report's figures as counted by hand, local days at each salon's own zone (a Shanghai visit
 * early on Tuesday is Monday in UTC but not in the report, though it is a rebooking), the CSV export quoted and
 * formula-safe, and refusals.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT {

    static final TestCells CELLS = TestCells.create("reports");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate MONDAY = LocalDate.of(2026, 6, 15);
    static final String PERIOD = "from=2026-06-15&to=2026-06-15";

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

    Chains chains;
    String owner;
    String stylistToken;
    Tenant tenant;
    String london;
    String shanghai;
    String anna;
    String bo;
    String cut;

    @BeforeAll
    void oneMonday() throws SQLException {
        chains = new Chains(new Http(port), KEYCLOAK);
        owner = chains.token(chains.signUp("reports"));
        london = chains.addLocation(owner, "Soho");
        Http.Response east = chains.call("POST", "/api/v1/locations", owner, """
                {"name":"Jing'an","address":{"line1":"1 Nanjing Road","city":"Shanghai","region":"",
                 "postalCode":"200040","country":"CN"},"latitude":31.22,"longitude":121.45,"timezone":"Asia/Shanghai",
                 "phone":"+86 21 5555 0000","openingHours":[{"day":"MONDAY","opens":"09:00","closes":"18:00"}]}""");
        assertThat(east.status()).as(east.body()).isEqualTo(201);
        shanghai = east.json().get("id").asString();
        anna = chains.addStaff(owner, "anna@reports.test", "STYLIST", london);
        bo = chains.addStaff(owner, "bo@reports.test", "STYLIST", shanghai);
        stylistToken = chains.token("anna@reports.test");
        cut = chains.addService(owner, "Cut");
        // Anna: Monday 09:00-17:00 with half an hour's break, and an hour off at four: 390 working minutes
        Http.Response week = chains.call("PUT", "/api/v1/staff/" + anna + "/schedule", owner, """
                {"locationId":"%s","weekly":[{"day":"MONDAY","start":"09:00","end":"17:00"}],
                 "breaks":[{"day":"MONDAY","start":"12:00","end":"12:30"}]}""".formatted(london));
        assertThat(week.status()).as(week.body()).isEqualTo(200);
        tenant = directory.bySlug(Slug.of("reports")).orElseThrow();
        CELLS.update(tenant, """
                insert into staff_time_off (id, staff_id, starts_at, ends_at, reason, created_at)
                values ('%s', '%s', '%s', '%s', 'Dentist', now())""".formatted(UUID.randomUUID(), anna,
                at(LONDON, MONDAY, 16, 0), at(LONDON, MONDAY, 17, 0)));
        UUID mei = customer("Lin, \"Mei\"");
        UUID formula = customer("=HYPERLINK(\"http://x\")");
        UUID tao = customer("Tao");
        UUID paid = booking(mei, london, anna, "COMPLETED", at(LONDON, MONDAY, 10, 0), "25.00");
        booking(formula, london, anna, "NO_SHOW", at(LONDON, MONDAY, 11, 0), "25.00");
        UUID late = booking(mei, london, anna, "CANCELLED", at(LONDON, MONDAY, 14, 0), "25.00");
        cancelledAt(late, at(LONDON, MONDAY, 12, 0));
        UUID early = booking(formula, london, anna, "CANCELLED", at(LONDON, MONDAY, 15, 0), "25.00");
        cancelledAt(early, at(LONDON, MONDAY.minusDays(3), 9, 0));
        booking(mei, london, anna, "COMPLETED", at(LONDON, MONDAY.plusDays(30), 10, 0), "25.00");
        booking(mei, london, anna, "COMPLETED", at(LONDON, MONDAY.minusDays(100), 10, 0), "25.00");
        UUID east1 = booking(tao, shanghai, bo, "COMPLETED", at(SHANGHAI, MONDAY, 10, 0), "300.00");
        // Tuesday 00:30 in Shanghai: Monday in UTC, Tuesday at the salon
        booking(tao, shanghai, bo, "COMPLETED", at(SHANGHAI, MONDAY.plusDays(1), 0, 30), "300.00");
        booking(tao, shanghai, bo, "EXPIRED", at(SHANGHAI, MONDAY, 15, 0), "300.00");

        Currency gbp = Currency.getInstance("GBP");
        UUID payment = UUID.randomUUID();
        TenantContext.asTenant(tenant, () -> transactions.executeWithoutResult(status -> {
            journal.append(JournalEntry.charge(UUID.randomUUID(), paid, payment, new Money(4_000, gbp),
                    at(LONDON, MONDAY, 10, 40)));
            journal.append(JournalEntry.refund(UUID.randomUUID(), paid, payment, new Money(500, gbp),
                    at(LONDON, MONDAY, 18, 0)));
            journal.append(JournalEntry.paidAtSalon(UUID.randomUUID(), east1, UUID.randomUUID(),
                    new Money(2_500, gbp), at(SHANGHAI, MONDAY, 10, 40)));
        }));
    }

    @Test
    void everyReportCountsTheMondayAsCountedByHand() {
        // numbers as plain decimals without trailing zeros
        assertThat(rows("revenue")).containsExactly(List.of("2026-06-15", "Jing'an", "GBP", "300", "25", "0"),
                List.of("2026-06-15", "Soho", "GBP", "50", "40", "5"));
        assertThat(rows("utilisation")).containsExactly(List.of("Jing'an", "bo@reports.test", "30", "0", "null"),
                List.of("Soho", "anna@reports.test", "60", "390", "0.154"));
        assertThat(rows("attendance")).containsExactly(List.of("Jing'an", "1", "1", "0", "0", "0", "0", "0"),
                List.of("Soho", "4", "1", "1", "0.25", "2", "1", "0.25"));
        assertThat(rows("rebooking")).containsExactly(List.of("Jing'an", "1", "1", "1"),
                List.of("Soho", "1", "1", "1"));
        assertThat(rows("customers")).containsExactly(List.of("Jing'an", "1", "1", "0"),
                List.of("Soho", "1", "0", "1"));
        assertThat(rows("top-services")).containsExactly(List.of("Cut", "Cuts", "GBP", "3", "350"));
        assertThat(rows("staff")).containsExactly(List.of("anna@reports.test", "GBP", "1", "25", "1", "25"),
                List.of("bo@reports.test", "GBP", "1", "300", "0", "300"));
        assertThat(rows("visits")).extracting(row -> row.get(1) + " " + row.get(2) + " " + row.get(6))
                .containsExactly("10:00 Jing'an COMPLETED", "10:00 Soho COMPLETED", "11:00 Soho NO_SHOW",
                        "14:00 Soho CANCELLED", "15:00 Soho CANCELLED");
        assertThat(rows("revenue", "&locationId=" + london)).hasSize(1);
    }

    @Test
    void theCsvExportIsQuotedFormulaSafeAndRefusalsAreProblems() {
        Http.Response csv = chains.call("GET", "/api/v1/reports/visits.csv?" + PERIOD, owner, null);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("day,time,location,stylist,service,customer,status,source,currency,price");
        assertThat(lines).hasSize(6);
        assertThat(lines[2]).isEqualTo(
                "2026-06-15,10:00,Soho,anna@reports.test,Cut,\"Lin, \"\"Mei\"\"\",COMPLETED,STAFF,GBP,25.00");
        assertThat(lines[3]).as("a formula is text").contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");

        assertThat(chains.call("GET", "/api/v1/reports/revenue", owner, null).status()).isEqualTo(400);
        assertThat(chains.call("GET", "/api/v1/reports/revenue?from=2026-01-01&to=2027-01-02", owner, null)
                .status()).as("over 366 days").isEqualTo(400);
        assertThat(chains.call("GET", "/api/v1/reports/revenue?" + PERIOD + "&locationId=x", owner, null)
                .status()).isEqualTo(400);
        Http.Response unknown = chains.call("GET", "/api/v1/reports/gossip?" + PERIOD, owner, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(chains.call("GET", "/api/v1/reports/revenue.csv?from=x&to=y", owner, null).isProblem()).isTrue();
        assertThat(chains.call("GET", "/api/v1/reports/revenue?" + PERIOD, stylistToken, null).status())
                .isEqualTo(403);
    }

    private List<List<String>> rows(String report) {
        return rows(report, "");
    }

    private List<List<String>> rows(String report, String more) {
        Http.Response answer = chains.call("GET", "/api/v1/reports/" + report + "?" + PERIOD + more, owner, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode table = answer.json();
        assertThat(table.get("report").asString()).isEqualTo(report);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            assertThat(row).hasSize(table.get("columns").size());
            rows.add(row.valueStream().map(value -> value.isNull()
                    ? "null"
                    : value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asString())
                    .toList());
        }
        return rows;
    }

    private static Instant at(ZoneId zone, LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
    }

    private UUID customer(String name) throws SQLException {
        UUID id = UUID.randomUUID();
        CELLS.update(tenant, """
                insert into customer (id, user_id, name, created_at, last_seen_at)
                values ('%s', '%s', '%s', now(), now())""".formatted(id, "user-" + id, name.replace("'", "''")));
        return id;
    }

    private UUID booking(UUID customer, String location, String staff, String status, Instant start, String price)
            throws SQLException {
        UUID id = UUID.randomUUID();
        CELLS.update(tenant, """
                insert into booking (id, customer_id, location_id, status, source, starts_at, ends_at, hold_expires_at,
                                     price_amount, price_currency, created_at, updated_at)
                values ('%1$s', '%2$s', '%3$s', '%4$s', 'STAFF', '%5$s', timestamptz '%5$s' + interval '30 minutes',
                        %6$s, %7$s, 'GBP', now(), now());
                insert into booking_item (id, booking_id, position, service_id, staff_id, starts_at, ends_at,
                                          price_amount)
                values ('%8$s', '%1$s', 0, '%9$s', '%10$s', '%5$s', timestamptz '%5$s' + interval '30 minutes', %7$s)"""
                .formatted(id, customer, location, status, start, status.equals("EXPIRED") ? "now()" : "null",
                        price, UUID.randomUUID(), cut, staff));
        return id;
    }

    private void cancelledAt(UUID booking, Instant at) throws SQLException {
        CELLS.update(tenant, """
                insert into outbox_event (aggregate_type, aggregate_id, type, payload, occurred_at)
                values ('booking', '%s', 'booking.cancelled', '{}', '%s')""".formatted(booking, at));
    }
}
