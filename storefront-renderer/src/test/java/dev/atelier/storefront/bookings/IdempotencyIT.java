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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 1,000 bookings, each sent three times with its own Idempotency-Key, the 3,000 requests shuffled and sent by 16
 * clients at once: every retry answers the first booking, and exactly 1,000 bookings exist.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyIT {

    static final TestCells CELLS = TestCells.create("idempotency");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final int BOOKINGS = 1_000;
    static final int STYLISTS = 10;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 16);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("server.tomcat.threads.max", () -> 32);
    }

    @LocalServerPort
    int port;

    @Autowired
    SalonFixture fixture;

    @Test
    void everyRetryAnswersTheFirstBookingAndNothingIsBookedTwice() throws Exception {
        Http http = new Http(port);
        Tenant salon = fixture.chain("retry-a");
        List<UUID> stylists = new ArrayList<>();
        UUID[] ids = new UUID[2];
        TenantContext.asTenant(salon, () -> {
            ids[0] = fixture.location("Always open", LocalTime.MIDNIGHT, LocalTime.of(23, 59));
            for (int i = 0; i < STYLISTS; i++) {
                UUID stylist = fixture.stylist("stylist" + i + "@retry-a.test", ids[0]);
                stylists.add(stylist);
                for (DayOfWeek day : DayOfWeek.values()) {
                    fixture.weekly(stylist, ids[0], StaffShift.Kind.SHIFT, day, 0, 1440);
                }
            }
            ids[1] = fixture.service("Quick trim", 15, 0, true, stylists);
        });
        http.post("retry-a.localhost", "/api/v1/customers", """
                {"name":"Retrier","email":"retrier@retry.test","password":"a-long-password"}""");
        String token = KEYCLOAK.accessToken("atelier", "atelier-dev", "retrier@retry.test", "a-long-password",
                "openid");
        LocalDate first = LocalDate.now(LONDON).plusDays(7);

        List<Integer> requests = new ArrayList<>();
        for (int i = 0; i < BOOKINGS; i++) {
            requests.addAll(List.of(i, i, i));
        }
        Collections.shuffle(requests, new Random(11));
        Map<Integer, List<String>> answers = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<?>> sent = new ArrayList<>();
        for (int n : requests) {
            sent.add(clients.submit(() -> {
                int slot = n / STYLISTS;
                String start = first.plusDays(slot / 90).atStartOfDay(LONDON).plusMinutes(15L * (slot % 90))
                        .toInstant().toString();
                Http.Response response = http.send("POST", "retry-a.localhost", "/api/v1/bookings", """
                        {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}]}"""
                        .formatted(ids[0], start, ids[1], stylists.get(n % STYLISTS)), "Idempotency-Key",
                        "booking-" + n, "Authorization", "Bearer " + token);
                if (response.status() == 201) {
                    answers.computeIfAbsent(n, key -> Collections.synchronizedList(new ArrayList<>()))
                            .add(response.json().get("id").asString());
                } else {
                    failures.add(n + " → " + response.status() + " " + response.body());
                }
            }));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        clients.shutdown();

        assertThat(failures).isEmpty();
        assertThat(answers).hasSize(BOOKINGS);
        assertThat(answers.values()).allSatisfy(ids3 -> assertThat(ids3).hasSize(3).containsOnly(ids3.getFirst()));
        assertThat(CELLS.column(salon, "select count(*) from booking")).containsExactly(String.valueOf(BOOKINGS));
        assertThat(CELLS.column(salon, "select count(*) from idempotency_key where response_status = 201"))
                .containsExactly(String.valueOf(BOOKINGS));
    }
}
