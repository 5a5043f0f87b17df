package dev.atelier.storefront.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.storefront.SalonFixture;
import dev.atelier.storefront.StorefrontApplication;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 200 clients for 60 seconds of mixed create / reschedule / cancel over 20 contended slots (four stylists, five
 * overlapping times): afterwards no two active stretches of a stylist overlap (checked in SQL), and the stored state
 * of every booking is what its last successful answer said.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BookingSoakIT {

    static final TestCells CELLS = TestCells.create("soak");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final int CLIENTS = 200;
    static final Duration RUN = Duration.ofSeconds(Integer.getInteger("atelier.soak.seconds", 60));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 16);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    @Autowired
    SalonFixture fixture;

    /** What a client last heard about one of its bookings. */
    record Last(String status, String start) {
    }

    @Test
    void mixedTrafficNeverOverlapsAndEveryAnswerIsWhatIsStored() throws Exception {
        Http http = new Http(port);
        Tenant salon = fixture.chain("soak-a");
        List<UUID> stylists = new ArrayList<>();
        UUID[] ids = new UUID[2];
        TenantContext.asTenant(salon, () -> {
            ids[0] = fixture.location("Busy", LocalTime.of(9, 0), LocalTime.of(18, 0));
            for (int i = 0; i < 4; i++) {
                UUID stylist = fixture.stylist("stylist" + i + "@soak-a.test", ids[0]);
                stylists.add(stylist);
                for (DayOfWeek day : DayOfWeek.values()) {
                    fixture.weekly(stylist, ids[0], StaffShift.Kind.SHIFT, day, 540, 1080);
                }
            }
            ids[1] = fixture.service("Colour", 60, 0, true, stylists);
        });
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            String email = "soak" + c + "@soak.test";
            http.post("soak-a.localhost", "/api/v1/customers", """
                    {"name":"Soak %d","email":"%s","password":"a-long-password"}""".formatted(c, email));
            tokens.add(KEYCLOAK.accessToken("atelier", "atelier-dev", email, "a-long-password", "openid"));
        }
        LocalDate day = LocalDate.now(LONDON).plusDays(10);
        // five starts 30 minutes apart for a 60-minute service: neighbours overlap, so they contend
        List<String> starts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            starts.add(day.atTime(10, 0).plusMinutes(30L * i).atZone(LONDON).toInstant().toString());
        }

        AtomicInteger successes = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        Map<String, Last> last = Collections.synchronizedMap(new HashMap<>());
        Instant end = Instant.now().plus(RUN);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                Random random = new Random(client);
                String token = tokens.get(client % tokens.size());
                List<String> mine = new ArrayList<>();
                int n = 0;
                while (Instant.now().isBefore(end)) {
                    int op = mine.isEmpty() ? 0 : random.nextInt(3);
                    String start = starts.get(random.nextInt(starts.size()));
                    Http.Response response;
                    if (op == 0) {
                        response = http.send("POST", "soak-a.localhost", "/api/v1/bookings", """
                                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}]}"""
                                .formatted(ids[0], start, ids[1], stylists.get(random.nextInt(stylists.size()))),
                                "Idempotency-Key", "soak-" + client + "-" + n++, "Authorization", "Bearer " + token);
                        if (response.status() == 201) {
                            mine.add(response.json().get("id").asString());
                        }
                    } else {
                        String id = mine.get(random.nextInt(mine.size()));
                        response = op == 1
                                ? http.send("POST", "soak-a.localhost", "/api/v1/me/bookings/" + id + "/reschedule",
                                        "{\"start\":\"" + start + "\"}", "Authorization", "Bearer " + token)
                                : http.send("POST", "soak-a.localhost", "/api/v1/me/bookings/" + id + "/cancel", null,
                                        "Authorization", "Bearer " + token);
                    }
                    if (response.status() == 200 || response.status() == 201) {
                        successes.incrementAndGet();
                        last.put(response.json().get("id").asString(), new Last(
                                response.json().get("status").asString(), response.json().get("start").asString()));
                    } else if (response.status() == 409 || response.status() == 422) {
                        conflicts.incrementAndGet();
                    } else {
                        unexpected.add(response.status() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();

        assertThat(unexpected).as("answers other than 2xx, 409, 422").isEmpty();
        assertThat(successes.get()).as("successful operations").isGreaterThan(20);
        assertThat(conflicts.get()).as("refused operations (the slots are contended)").isGreaterThan(100);
        assertThat(CELLS.column(salon, """
                select count(*) from staff_busy a join staff_busy b
                  on a.staff_id = b.staff_id and a.booking_item_id <> b.booking_item_id and a.during && b.during
                 where a.active and b.active""")).containsExactly("0");
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Last> entry : last.entrySet()) {
            List<String> stored = CELLS.column(salon, "select status || ' ' || to_char(starts_at at time zone 'UTC',"
                    + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from booking where id = '" + entry.getKey() + "'");
            String expected = entry.getValue().status() + " " + entry.getValue().start();
            if (stored.size() != 1 || !stored.getFirst().equals(expected)) {
                mismatches.add(entry.getKey() + ": answered " + expected + ", stored " + stored);
            }
        }
        assertThat(mismatches).as("of " + last.size() + " bookings").isEmpty();
    }
}
