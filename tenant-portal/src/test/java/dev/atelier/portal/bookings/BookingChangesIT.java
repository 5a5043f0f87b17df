package dev.atelier.portal.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.portal.Chains;
import dev.atelier.portal.TenantPortalApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The booking changes stream through the portal against real PostgreSQL (its LISTEN/NOTIFY) and Keycloak: a
 * booking made, moved or cancelled at the desk reaches a subscribed member of the chain within 2 s, named by id;
 * another chain's never does; the stream ends when asked and refuses nonsense.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingChangesIT {

    static final TestCells CELLS = TestCells.create("changes");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    Chains chains;
    String owner;
    String stylistToken;
    String otherOwner;
    String location;
    String otherLocation;
    String cut;
    String otherCut;
    String stylist;
    String otherStylist;

    @BeforeAll
    void chains() {
        chains = new Chains(new Http(port), KEYCLOAK);
        owner = chains.token(chains.signUp("changes"));
        location = chains.addLocation(owner, "Changes salon");
        stylist = chains.addStaff(owner, "stylist@changes.test", "STYLIST", location);
        stylistToken = chains.token("stylist@changes.test");
        cut = working(owner, stylist, location, "Changes cut");
        otherOwner = chains.token(chains.signUp("changes-other"));
        otherLocation = chains.addLocation(otherOwner, "Other salon");
        otherStylist = chains.addStaff(otherOwner, "stylist@changes-other.test", "STYLIST", otherLocation);
        otherCut = working(otherOwner, otherStylist, otherLocation, "Other cut");
    }

    @Test
    void aDeskChangeReachesTheChainsSubscribersWithinTwoSecondsAndNoOtherChain() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        BlockingQueue<String> seenByStylist = new LinkedBlockingQueue<>();
        BlockingQueue<String> seenByOther = new LinkedBlockingQueue<>();
        follow(owner, 8, seen);
        follow(stylistToken, 8, seenByStylist);
        follow(otherOwner, 8, seenByOther);
        assertThat(seen.poll(10, TimeUnit.SECONDS)).as("the stream opens").startsWith("ready");
        assertThat(seenByStylist.poll(10, TimeUnit.SECONDS)).startsWith("ready");
        assertThat(seenByOther.poll(10, TimeUnit.SECONDS)).startsWith("ready");

        Instant start = LocalDate.now(LONDON).plusDays(3).atTime(11, 0).atZone(LONDON).toInstant();
        Instant asked = Instant.now();
        String booking = book(owner, location, cut, stylist, start);
        String event = seen.poll(2, TimeUnit.SECONDS);
        assertThat(event).as("within 2 s of the booking's answer").isEqualTo("booking " + booking);
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(3));
        assertThat(seenByStylist.poll(2, TimeUnit.SECONDS)).isEqualTo("booking " + booking);

        Http.Response moved = chains.call("POST", "/api/v1/bookings/" + booking + "/reschedule", owner,
                "{\"start\":\"" + start.plusSeconds(3600) + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(seen.poll(2, TimeUnit.SECONDS)).isEqualTo("booking " + booking);
        Http.Response cancelled = chains.call("POST", "/api/v1/bookings/" + booking + "/cancel", owner,
                "{\"chargeFee\":false}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(seen.poll(2, TimeUnit.SECONDS)).isEqualTo("booking " + booking);

        String theirs = book(otherOwner, otherLocation, otherCut, otherStylist, start);
        assertThat(seenByOther.poll(2, TimeUnit.SECONDS)).isEqualTo("booking " + theirs);
        assertThat(seen.poll(1, TimeUnit.SECONDS)).as("another chain's booking").isNull();
        assertThat(seenByOther).as("only its own").isEmpty();
    }

    @Test
    void theStreamEndsWhenAskedAndRefusesNonsense() throws Exception {
        HttpResponse<String> ended = HttpClient.newHttpClient().send(request(owner, "?seconds=1"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(ended.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(ended.body()).startsWith("event:ready");
        for (String bad : List.of("0", "-1", "301", "x", "1.5")) {
            Http.Response refused = chains.call("GET", "/api/v1/bookings/changes?seconds=" + bad, owner, null);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(chains.call("GET", "/api/v1/bookings/changes?seconds=1", null, null).status()).isEqualTo(401);
    }

    /** Reads the stream in the background, putting "ready …" and "booking {id}" for each event. */
    private void follow(String token, int seconds, BlockingQueue<String> into) {
        HttpClient.newHttpClient().sendAsync(request(token, "?seconds=" + seconds), HttpResponse.BodyHandlers
                .ofLines()).thenAccept(response -> {
                    String[] name = new String[1];
                    response.body().forEach(line -> {
                        if (line.startsWith("event:")) {
                            name[0] = line.substring("event:".length()).strip();
                        } else if (line.startsWith("data:")) {
                            String data = line.substring("data:".length()).strip();
                            into.add(name[0].equals("booking")
                                    ? "booking " + data.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")
                                    : name[0] + " " + data);
                        }
                    });
                });
    }

    private HttpRequest request(String token, String query) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/bookings/changes" + query))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
    }

    private String book(String token, String at, String service, String staff, Instant start) {
        Http.Response booked = chains.call("POST", "/api/v1/bookings", token, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}],"guest":{"name":"Live"}}"""
                .formatted(at, start, service, staff), "Idempotency-Key", "changes-" + UUID.randomUUID());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("id").asString();
    }

    /** A service {@code staff} performs, every day all day at {@code at} (open all day). */
    private String working(String token, String staff, String at, String name) {
        String service = chains.addService(token, name);
        String days = Stream.of(DayOfWeek.values())
                .map(day -> "{\"day\":\"%s\",\"opens\":\"00:00\",\"closes\":\"23:59\"}".formatted(day))
                .collect(Collectors.joining(","));
        assertThat(chains.call("PATCH", "/api/v1/locations/" + at, token, "{\"openingHours\":[" + days + "]}")
                .status()).isEqualTo(200);
        chains.worksAllDay(token, staff, at, service);
        return service;
    }
}
