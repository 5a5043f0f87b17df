package dev.atelier.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.TestPlatformApplication;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantProvisioning;
import dev.atelier.platform.testing.Tenants;
import dev.atelier.platform.testing.TestCells;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox relay against real PostgreSQL on two cells: every tenant's events, written as the app writes them (a row
 * in the tenant's {@code outbox_event}, in its own transaction, many at once), reach the consumer once each and in
 * order per aggregate; a failing event is tried again later while its aggregate waits and the others go on; one
 * that always fails is kept among the dead and its aggregate goes on; the lag is a gauge.
 */
@SpringBootTest(classes = {TestPlatformApplication.class, OutboxRelayIT.Consumers.class}, properties = {
        "atelier.outbox.relay.poll=200ms", "atelier.outbox.relay.first-pause=150ms",
        "atelier.outbox.relay.max-attempts=3"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRelayIT {

    static final TestCells CELLS = TestCells.create("relay");

    @DynamicPropertySource
    static void cells(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 6);
    }

    /** What the consumer saw, and the aggregates it fails on (how many more times). */
    static final class Recorder implements OutboxConsumer {

        final Collection<RelayedEvent> seen = new ConcurrentLinkedQueue<>();
        final Map<UUID, Integer> failing = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public String name() {
            return "test-recorder";
        }

        @Override
        public void handle(RelayedEvent event) {
            if (event.payload().contains("poison")) {
                throw new IllegalStateException("poisoned");
            }
            Integer left = failing.computeIfPresent(event.aggregateId(), (id, times) -> times - 1);
            if (left != null && left >= 0) {
                throw new IllegalStateException("failing " + left + " more times");
            }
            seen.add(event);
        }
    }

    @TestConfiguration
    static class Consumers {
        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    @Autowired
    TenantProvisioning provisioning;

    @Autowired
    Recorder recorder;

    @Autowired
    MeterRegistry meters;

    final List<Tenant> tenants = new ArrayList<>();

    @BeforeAll
    void tenants() {
        for (String slug : List.of("relay-a", "relay-b", "relay-c", "relay-d")) {
            tenants.add(provisioning.create(slug.endsWith("a") || slug.endsWith("c")
                    ? Tenants.london(slug)
                    : Tenants.shanghai(slug)));
        }
    }

    @Test
    void everyTenantsEventsReachTheConsumerOnceEachAndInOrderPerAggregate() throws Exception {
        Map<UUID, Tenant> aggregates = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            for (int i = 0; i < 5; i++) {
                aggregates.put(UUID.randomUUID(), tenant);
            }
        }
        int perAggregate = 6;
        ExecutorService writers = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (Map.Entry<UUID, Tenant> aggregate : aggregates.entrySet()) {
                writes.add(writers.submit(() -> {
                    for (int n = 1; n <= perAggregate; n++) {
                        write(aggregate.getValue(), aggregate.getKey(), "{\"n\":" + n + "}");
                    }
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdown();
        }
        int expected = aggregates.size() * perAggregate;
        await(() -> seenOf(aggregates.keySet()).size() >= expected, Duration.ofSeconds(30));

        List<RelayedEvent> seen = seenOf(aggregates.keySet());
        assertThat(seen).hasSize(expected);
        assertThat(seen.stream().map(RelayedEvent::key).distinct().count()).as("each once").isEqualTo(expected);
        Map<UUID, List<Integer>> order = seen.stream().collect(Collectors.groupingBy(RelayedEvent::aggregateId,
                LinkedHashMap::new, Collectors.mapping(event -> Integer.parseInt(event.payload()
                        .replaceAll("\\D", "")), Collectors.toList())));
        assertThat(order).hasSize(aggregates.size());
        order.values().forEach(numbers -> assertThat(numbers).as("in the order written")
                .containsExactly(1, 2, 3, 4, 5, 6));
        for (RelayedEvent event : seen) {
            Tenant tenant = aggregates.get(event.aggregateId());
            assertThat(event.tenantSchema()).isEqualTo(tenant.placement().schema().value());
            assertThat(event.cell()).isEqualTo(tenant.placement().cell());
            assertThat(event.attempt()).isEqualTo(1);
        }
        assertThat(tenants.stream().map(tenant -> tenant.placement().cell()).distinct())
                .as("the tenants lie on both cells").hasSize(2);
        await(() -> pending(tenants.getFirst()) == 0, Duration.ofSeconds(10));
        assertThat(meters.find("atelier.outbox.relay.lag").tag("consumer", "test-recorder").gauges())
                .as("a lag per cell").hasSize(2);
    }

    @Test
    void aFailingEventIsTriedAgainLaterWhileItsAggregateWaitsAndTheOthersGoOn() throws Exception {
        Tenant tenant = tenants.get(1);
        UUID stuck = UUID.randomUUID();
        UUID free = UUID.randomUUID();
        recorder.failing.put(stuck, 2);
        write(tenant, stuck, "{\"n\":1}");
        write(tenant, stuck, "{\"n\":2}");
        write(tenant, free, "{\"n\":1}");
        await(() -> seenOf(List.of(stuck, free)).size() == 3, Duration.ofSeconds(20));

        List<RelayedEvent> seen = seenOf(List.of(stuck, free));
        assertThat(seen.getFirst().aggregateId()).as("the free aggregate does not wait").isEqualTo(free);
        assertThat(seen.subList(1, 3)).extracting(RelayedEvent::aggregateId).containsOnly(stuck);
        assertThat(seen.get(1).payload()).contains("1");
        assertThat(seen.get(1).attempt()).as("after two failures").isEqualTo(3);
        assertThat(seen.get(2).payload()).as("its next event after it").contains("2");
        assertThat(seen.get(2).attempt()).isEqualTo(1);
    }

    @Test
    void anEventThatAlwaysFailsIsKeptAmongTheDeadAndItsAggregateGoesOn() throws Exception {
        Tenant tenant = tenants.get(2);
        UUID aggregate = UUID.randomUUID();
        write(tenant, aggregate, "{\"poison\":true}");
        write(tenant, aggregate, "{\"n\":2}");
        await(() -> seenOf(List.of(aggregate)).size() == 1, Duration.ofSeconds(20));

        assertThat(seenOf(List.of(aggregate)).getFirst().payload()).contains("2");
        try (Connection connection = TestCells.connect(CELLS.database(tenant.placement().cell()));
                Statement statement = connection.createStatement();
                ResultSet dead = statement.executeQuery("""
                        select d.attempts, d.error, e.payload ->> 'poison' from relay.dead d
                          join relay.event e on e.seq = d.seq
                         where d.consumer = 'test-recorder' and e.aggregate_id = '%s'""".formatted(aggregate))) {
            assertThat(dead.next()).as("kept among the dead").isTrue();
            assertThat(dead.getInt(1)).isEqualTo(3);
            assertThat(dead.getString(2)).contains("poisoned");
            assertThat(dead.getString(3)).isEqualTo("true");
            assertThat(dead.next()).isFalse();
        }
    }

    private static void write(Tenant tenant, UUID aggregate, String payload) throws Exception {
        CELLS.update(tenant, """
                insert into outbox_event (aggregate_type, aggregate_id, type, payload, occurred_at)
                values ('booking', '%s', 'test.happened', cast('%s' as jsonb), now())""".formatted(aggregate,
                payload));
    }

    private List<RelayedEvent> seenOf(Collection<UUID> aggregates) {
        return recorder.seen.stream().filter(event -> aggregates.contains(event.aggregateId())).toList();
    }

    private static long pending(Tenant tenant) {
        try (Connection connection = TestCells.connect(CELLS.database(tenant.placement().cell()));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select count(*) from relay.pending where consumer = 'test-recorder'")) {
            rows.next();
            return rows.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + timeout).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
