package dev.atelier.portal.services;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.booking.BookingRequest;
import dev.atelier.platform.booking.Bookings;
import dev.atelier.platform.customers.Customer;
import dev.atelier.platform.customers.CustomerProfiles;
import dev.atelier.platform.security.Caller;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.portal.Chains;
import dev.atelier.portal.TenantPortalApplication;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The diary through the portal: a customer's booking shows with who booked it, and the desk moves it along. */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DiaryIT {

    static final TestCells CELLS = TestCells.create("diary");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final ZoneId LONDON = ZoneId.of("Europe/London");

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
    CustomerProfiles profiles;

    @Autowired
    Bookings bookings;

    @Test
    void aBookingShowsInTheDiaryAndIsCheckedInAndCompleted() throws Exception {
        Chains chains = new Chains(new Http(port), KEYCLOAK);
        String owner = chains.token(chains.signUp("diary-chain"));
        String location = chains.addLocation(owner, "Diary salon");
        String stylist = chains.addStaff(owner, "diary-stylist@diary.test", "STYLIST", location);
        String service = chains.addService(owner, "Diary cut");
        chains.call("PATCH", "/api/v1/staff/" + stylist, owner, "{\"serviceIds\":[\"" + service + "\"]}");
        chains.call("PUT", "/api/v1/staff/" + stylist + "/schedule", owner, """
                {"locationId":"%s","weekly":[{"day":"MONDAY","start":"09:00","end":"17:00"}]}""".formatted(location));
        LocalDate monday = LocalDate.now(LONDON).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Instant start = monday.atTime(LocalTime.of(10, 0)).atZone(LONDON).toInstant();
        Tenant tenant = directory.bySlug(Slug.of("diary-chain")).orElseThrow();
        String bookingId = TenantContext.asTenant(tenant, () -> {
            Customer customer = profiles.profileOf(new Caller("diary-customer", "ada@diary.test", null, "Ada",
                    Set.of(), Set.of(Caller.CUSTOMER)));
            return bookings.create(customer, "diary-1", new BookingRequest(UUID.fromString(location), start,
                    List.of(new BookingRequest.Item(UUID.fromString(service), null)), "first visit")).booking().id();
        });

        Http.Response diary = chains.call("GET", "/api/v1/bookings?from=" + monday + "&to=" + monday + "&staffId="
                + stylist, owner, null);
        assertThat(diary.status()).as(diary.body()).isEqualTo(200);
        JsonNode entry = diary.json().get(0);
        assertThat(entry.get("id").asString()).isEqualTo(bookingId);
        assertThat(entry.get("customer").get("name").asString()).isEqualTo("Ada");
        assertThat(entry.get("items").get(0).get("staffId").asString()).isEqualTo(stylist);
        assertThat(chains.call("GET", "/api/v1/bookings?from=" + monday.plusDays(1) + "&to=" + monday.plusDays(1),
                owner, null).json().size()).isZero();

        String stylistToken = chains.token("diary-stylist@diary.test");
        assertThat(chains.call("POST", "/api/v1/bookings/" + bookingId + "/check-in", stylistToken, null).status())
                .isEqualTo(204);
        assertProblem(chains.call("POST", "/api/v1/bookings/" + bookingId + "/check-in", owner, null), 422,
                "booking-rules");
        assertThat(chains.call("POST", "/api/v1/bookings/" + bookingId + "/complete", owner, null).status())
                .isEqualTo(204);
        assertProblem(chains.call("POST", "/api/v1/bookings/" + bookingId + "/no-show", owner, null), 422,
                "booking-rules");
        assertProblem(chains.call("GET", "/api/v1/bookings?from=" + monday + "&to=" + monday.minusDays(1), owner,
                null), 400, "validation");

        assertThat(CELLS.column(tenant, "select status from booking where id = '" + bookingId + "'"))
                .containsExactly("COMPLETED");
        assertThat(CELLS.column(tenant, "select actor_kind || ' ' || action from audit_entry where subject_id = '"
                + bookingId + "' order by id")).containsExactly("CUSTOMER booking.create", "STAFF booking.check-in",
                        "STAFF booking.complete");
        assertThat(CELLS.column(tenant, "select type from outbox_event where aggregate_id = '" + bookingId
                + "' order by id")).containsExactly("booking.confirmed", "booking.checked_in", "booking.completed");
    }
}
