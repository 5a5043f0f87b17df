package dev.atelier.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.TestPlatformApplication;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantProvisioning;
import dev.atelier.platform.testing.Tenants;
import dev.atelier.platform.testing.TestCells;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Overlap is impossible by construction: the tenant schema's exclusion constraints refuse a second active stretch of
 * one stylist's (or one resource's) time, whatever code path writes it, even when 50 writers race for one slot.
 * Written here with plain SQL, outside the application, as any path would write it.
 */
@SpringBootTest(classes = TestPlatformApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingOverlapIT {

    static final TestCells CELLS = TestCells.create("booking_overlap");
    static final String EXCLUSION_VIOLATION = "23P01";

    @DynamicPropertySource
    static void cells(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
    }

    @Autowired
    TenantProvisioning provisioning;

    Tenant salon;
    Tenant otherSalon;
    Fixture fixture;
    Fixture otherFixture;

    record Fixture(UUID location, UUID stylist, UUID otherStylist, UUID customer, UUID service, UUID chair) {
    }

    @BeforeAll
    void salons() throws Exception {
        salon = provisioning.create(Tenants.london("overlap-a"));
        otherSalon = provisioning.create(Tenants.london("overlap-b"));
        fixture = fixture(salon);
        otherFixture = fixture(otherSalon);
    }

    @Test
    void fiftyWritersRacingForOneStylistsHourLeaveExactlyOneBooking() throws Exception {
        int writers = 50;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int minutes = 5 * (i % 12);
            outcomes.add(pool.submit(() -> {
                try (Connection connection = connect(salon)) {
                    connection.setAutoCommit(false);
                    start.await();
                    try {
                        book(connection, fixture, fixture.stylist(),
                                at("2026-12-01T10:00:00Z").plusSeconds(60L * minutes),
                                at("2026-12-01T11:00:00Z").plusSeconds(60L * minutes), "CONFIRMED");
                        connection.commit();
                        return "booked";
                    } catch (SQLException e) {
                        connection.rollback();
                        return e.getSQLState();
                    }
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();

        assertThat(results).filteredOn("booked"::equals).hasSize(1);
        assertThat(results).filteredOn(EXCLUSION_VIOLATION::equals).hasSize(writers - 1);
        assertThat(CELLS.column(salon, """
                select count(*) from staff_busy a join staff_busy b
                  on a.staff_id = b.staff_id and a.booking_item_id < b.booking_item_id and a.during && b.during
                 where a.active and b.active""")).containsExactly("0");
        assertThat(CELLS.column(salon, "select count(*) from booking where starts_at >= '2026-12-01T10:00:00Z'"
                + " and starts_at < '2026-12-01T12:00:00Z'")).containsExactly("1");
    }

    @Test
    void backToBackStretchesOtherStylistsCancelledBookingsAndOtherTenantsDoNotCollide() throws Exception {
        try (Connection connection = connect(salon)) {
            book(connection, fixture, fixture.stylist(), at("2026-12-02T10:00:00Z"), at("2026-12-02T11:00:00Z"),
                    "CONFIRMED");
            book(connection, fixture, fixture.stylist(), at("2026-12-02T11:00:00Z"), at("2026-12-02T12:00:00Z"),
                    "CONFIRMED");
            book(connection, fixture, fixture.otherStylist(), at("2026-12-02T10:30:00Z"),
                    at("2026-12-02T11:30:00Z"), "CONFIRMED");
            book(connection, fixture, fixture.stylist(), at("2026-12-02T10:15:00Z"), at("2026-12-02T10:45:00Z"),
                    "CANCELLED");
            assertThatThrownBy(() -> book(connection, fixture, fixture.stylist(), at("2026-12-02T10:59:00Z"),
                    at("2026-12-02T11:01:00Z"), "HELD"))
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo(EXCLUSION_VIOLATION));
        }
        try (Connection connection = connect(otherSalon)) {
            book(connection, otherFixture, otherFixture.stylist(), at("2026-12-02T10:00:00Z"),
                    at("2026-12-02T11:00:00Z"), "CONFIRMED");
        }
    }

    @Test
    void aCancelledBookingFreesItsTimeAndReactivatingItIsRefusedOnceTaken() throws Exception {
        try (Connection connection = connect(salon)) {
            UUID first = book(connection, fixture, fixture.stylist(), at("2026-12-03T10:00:00Z"),
                    at("2026-12-03T11:00:00Z"), "CONFIRMED");
            try (Statement statement = connection.createStatement()) {
                statement.execute("update staff_busy set active = false where booking_id = '" + first + "'");
                statement.execute("update booking set status = 'CANCELLED' where id = '" + first + "'");
            }
            book(connection, fixture, fixture.stylist(), at("2026-12-03T10:30:00Z"), at("2026-12-03T11:30:00Z"),
                    "CONFIRMED");
            assertThatThrownBy(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("update staff_busy set active = true where booking_id = '" + first + "'");
                }
            }).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo(EXCLUSION_VIOLATION));
        }
    }

    @Test
    void oneChairCannotBeInTwoBookingsAtOnce() throws Exception {
        try (Connection connection = connect(salon)) {
            UUID first = book(connection, fixture, fixture.stylist(), at("2026-12-04T10:00:00Z"),
                    at("2026-12-04T11:00:00Z"), "CONFIRMED");
            UUID second = book(connection, fixture, fixture.otherStylist(), at("2026-12-04T10:30:00Z"),
                    at("2026-12-04T11:30:00Z"), "CONFIRMED");
            takeChair(connection, first, at("2026-12-04T10:00:00Z"), at("2026-12-04T11:00:00Z"));
            assertThatThrownBy(() -> takeChair(connection, second, at("2026-12-04T10:30:00Z"),
                    at("2026-12-04T11:30:00Z")))
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo(EXCLUSION_VIOLATION));
        }
    }

    private Fixture fixture(Tenant tenant) throws SQLException {
        Fixture f = new Fixture(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID());
        try (Connection connection = connect(tenant); Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into location (id, name, address_line1, address_city, address_country, latitude, longitude,
                                          timezone, created_at, updated_at)
                    values ('%s', 'Soho', '1 Dean St', 'London', 'GB', 51.51, -0.13, 'Europe/London', now(), now())
                    """.formatted(f.location()));
            for (UUID stylist : List.of(f.stylist(), f.otherStylist())) {
                statement.execute("""
                        insert into staff_membership (id, user_id, email, name, role, status, created_at, updated_at)
                        values ('%s', '%s', '%s@overlap.test', 'Stylist', 'STYLIST', 'ACTIVE', now(), now())
                        """.formatted(stylist, stylist, stylist));
            }
            statement.execute("""
                    insert into customer (id, user_id, name, created_at, last_seen_at)
                    values ('%s', 'customer-%s', 'Client', now(), now())""".formatted(f.customer(), f.customer()));
            statement.execute("""
                    insert into service (id, name, duration_minutes, price_amount, price_currency, created_at,
                                         updated_at)
                    values ('%s', 'Cut', 60, 45.00, 'GBP', now(), now())""".formatted(f.service()));
            statement.execute("""
                    insert into resource (id, location_id, name, type)
                    values ('%s', '%s', 'Chair 1', 'chair')""".formatted(f.chair(), f.location()));
        }
        return f;
    }

    /** A booking of one item with its stylist's stretch; the stretch is active unless the booking is over. */
    private static UUID book(Connection connection, Fixture f, UUID stylist, Instant start, Instant end,
            String status) throws SQLException {
        UUID booking = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        boolean active = List.of("HELD", "CONFIRMED", "CHECKED_IN").contains(status);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into booking (id, customer_id, location_id, status, source, starts_at, ends_at, hold_expires_at,
                                     price_amount, price_currency, created_at, updated_at)
                values (?, ?, ?, ?, 'ONLINE', ?, ?, ?, 45.00, 'GBP', now(), now())""")) {
            insert.setObject(1, booking);
            insert.setObject(2, f.customer());
            insert.setObject(3, f.location());
            insert.setString(4, status);
            insert.setObject(5, java.sql.Timestamp.from(start));
            insert.setObject(6, java.sql.Timestamp.from(end));
            insert.setObject(7, "HELD".equals(status) ? java.sql.Timestamp.from(end) : null);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into booking_item (id, booking_id, position, service_id, staff_id, starts_at, ends_at,
                                          price_amount)
                values (?, ?, 0, ?, ?, ?, ?, 45.00)""")) {
            insert.setObject(1, item);
            insert.setObject(2, booking);
            insert.setObject(3, f.service());
            insert.setObject(4, stylist);
            insert.setObject(5, java.sql.Timestamp.from(start));
            insert.setObject(6, java.sql.Timestamp.from(end));
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into staff_busy (booking_item_id, booking_id, staff_id, starts_at, ends_at, active)
                values (?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, item);
            insert.setObject(2, booking);
            insert.setObject(3, stylist);
            insert.setObject(4, java.sql.Timestamp.from(start));
            insert.setObject(5, java.sql.Timestamp.from(end));
            insert.setBoolean(6, active);
            insert.executeUpdate();
        }
        return booking;
    }

    private void takeChair(Connection connection, UUID booking, Instant start, Instant end) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into resource_busy (booking_item_id, booking_id, resource_id, starts_at, ends_at, active)
                select id, booking_id, ?, ?, ?, true from booking_item where booking_id = ?""")) {
            insert.setObject(1, fixture.chair());
            insert.setObject(2, java.sql.Timestamp.from(start));
            insert.setObject(3, java.sql.Timestamp.from(end));
            insert.setObject(4, booking);
            insert.executeUpdate();
        }
    }

    private static Connection connect(Tenant tenant) throws SQLException {
        Connection connection = TestCells.connect(CELLS.database(tenant.placement().cell()));
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + tenant.placement().schema().quoted());
        }
        return connection;
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
