package dev.atelier.platform.outbox;

import dev.atelier.platform.tenancy.CellPools;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hands every tenant's outbox events to the {@link OutboxConsumer}s of this app. Each tenant's trigger copies its events
 * into its cell's {@code relay} schema in the writing transaction, with a pending row per registered consumer; one
 * worker per cell (not per tenant) takes the due rows of each consumer with {@code FOR UPDATE SKIP LOCKED} — so any
 * number of instances share the work — handles them and deletes each handled row in the same transaction. Only the
 * earliest pending row of an aggregate can be taken, so a consumer sees an aggregate's events in order; a crash before
 * the commit leaves the rows to be taken again (at least once). A failure is tried again after a doubling pause (the
 * aggregate's later events wait) and, after {@code max-attempts}, kept in {@code relay.dead} while the aggregate goes
 * on. The worker wakes on each cell's outbox signal and polls besides. Its lag per consumer and cell (the age of the
 * oldest pending event) is the gauge {@code atelier.outbox.relay.lag}.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);
    private static final Duration TIDY_EVERY = Duration.ofMinutes(10);
    /** Handled events are kept this long before they go (for a look back, and for late consumers' tests). */
    private static final Duration KEEP_HANDLED = Duration.ofHours(1);

    private final CellPools cells;
    private final OutboxSignals signals;
    private final List<OutboxConsumer> consumers;
    private final MeterRegistry meters;
    private final Duration poll;
    private final int batch;
    private final int maxAttempts;
    private final Duration firstPause;
    private final boolean enabled;
    private final Map<String, Semaphore> wakeUps = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Double>> lags = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private OutboxSignals.Subscription subscription;

    public OutboxRelay(CellPools cells, OutboxSignals signals, List<OutboxConsumer> consumers,
            MeterRegistry meters, @Value("${atelier.outbox.relay.enabled:true}") boolean enabled,
            @Value("${atelier.outbox.relay.poll:2s}") Duration poll,
            @Value("${atelier.outbox.relay.batch:50}") int batch,
            @Value("${atelier.outbox.relay.max-attempts:8}") int maxAttempts,
            @Value("${atelier.outbox.relay.first-pause:2s}") Duration firstPause) {
        this.cells = cells;
        this.signals = signals;
        this.consumers = List.copyOf(consumers);
        this.meters = meters;
        this.enabled = enabled;
        this.poll = poll;
        this.batch = batch;
        this.maxAttempts = maxAttempts;
        this.firstPause = firstPause;
        for (OutboxConsumer consumer : this.consumers) {
            if (consumer.name().isBlank() || consumer.name().length() > 40) {
                throw new IllegalArgumentException("an outbox consumer's name is 1 to 40 characters: "
                        + consumer.name());
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running || !enabled || consumers.isEmpty()) {
            return;
        }
        running = true;
        for (String cell : cells.names()) {
            register(cell);
            wakeUps.put(cell, new Semaphore(0));
            for (OutboxConsumer consumer : consumers) {
                AtomicReference<Double> lag = new AtomicReference<>(0.0);
                lags.put(cell + "/" + consumer.name(), lag);
                Gauge.builder("atelier.outbox.relay.lag", lag, AtomicReference::get)
                        .description("Age of the oldest event a consumer has still to handle")
                        .baseUnit("seconds").tag("cell", cell).tag("consumer", consumer.name()).register(meters);
            }
            workers.add(Thread.ofPlatform().daemon().name("outbox-relay-" + cell).start(() -> work(cell)));
        }
        subscription = signals.subscribeAll(signal -> wakeUps.values().forEach(OutboxRelay::wake));
        log.info("relaying the outbox of cells {} to {}", cells.names(),
                consumers.stream().map(OutboxConsumer::name).toList());
    }

    private static void wake(Semaphore wakeUp) {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /** Each consumer reads the cell's events from now on; one registered already keeps its place. */
    private void register(String cell) {
        try (Connection connection = cells.cell(cell).getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into relay.consumer (name, registered_at) values (?, now())
                        on conflict (name) do nothing""")) {
            for (OutboxConsumer consumer : consumers) {
                insert.setString(1, consumer.name());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not register the outbox consumers on cell " + cell, e);
        }
    }

    private void work(String cell) {
        DataSource pool = cells.cell(cell);
        long tidied = System.nanoTime();
        Duration pause = Duration.ofMillis(250);
        while (running) {
            try {
                boolean more = false;
                for (OutboxConsumer consumer : consumers) {
                    more |= drain(cell, pool, consumer) == batch;
                    measureLag(cell, pool, consumer);
                }
                if (System.nanoTime() - tidied > TIDY_EVERY.toNanos()) {
                    tidy(pool);
                    tidied = System.nanoTime();
                }
                pause = Duration.ofMillis(250);
                if (!more) {
                    wakeUps.get(cell).tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("the outbox relay of cell {} stumbled ({}); going on in {} ms", cell, e.getMessage(),
                        pause.toMillis());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30)
                        : pause.multipliedBy(2);
            }
        }
    }

    /** Takes and handles one batch of {@code consumer}'s due events on the cell; answers how many it took. */
    private int drain(String cell, DataSource pool, OutboxConsumer consumer) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<RelayedEvent> taken = claim(connection, cell, consumer.name());
                for (RelayedEvent event : taken) {
                    try {
                        consumer.handle(event);
                        handled(connection, consumer.name(), event);
                        count(consumer, "handled");
                    } catch (Exception failure) {
                        failed(connection, consumer, event, failure);
                    }
                }
                connection.commit();
                return taken.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private List<RelayedEvent> claim(Connection connection, String cell, String consumer) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select p.seq, e.tenant_schema, e.event_id, e.aggregate_type, e.aggregate_id, e.type,
                       cast(e.payload as text), e.occurred_at, p.attempts
                  from relay.pending p join relay.event e on e.seq = p.seq
                 where p.consumer = ? and p.not_before <= now()
                   and not exists (select 1 from relay.pending q
                                    where q.consumer = p.consumer and q.aggregate_id = p.aggregate_id
                                      and q.seq < p.seq)
                 order by p.seq
                 limit ?
                   for update of p skip locked""")) {
            select.setString(1, consumer);
            select.setInt(2, batch);
            List<RelayedEvent> taken = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    taken.add(new RelayedEvent(cell, rows.getLong(1), rows.getString(2), rows.getLong(3),
                            rows.getString(4), rows.getObject(5, UUID.class), rows.getString(6), rows.getString(7),
                            rows.getTimestamp(8).toInstant(), rows.getInt(9) + 1));
                }
            }
            return taken;
        }
    }

    private static void handled(Connection connection, String consumer, RelayedEvent event) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from relay.pending where consumer = ? and seq = ?")) {
            delete.setString(1, consumer);
            delete.setLong(2, event.seq());
            delete.executeUpdate();
        }
    }

    private void failed(Connection connection, OutboxConsumer consumer, RelayedEvent event, Exception failure)
            throws SQLException {
        String error = String.valueOf(failure).substring(0, Math.min(2000, String.valueOf(failure).length()));
        if (event.attempt() >= maxAttempts) {
            try (PreparedStatement dead = connection.prepareStatement("""
                    insert into relay.dead (consumer, seq, attempts, error, died_at) values (?, ?, ?, ?, now())
                    on conflict (consumer, seq) do nothing""")) {
                dead.setString(1, consumer.name());
                dead.setLong(2, event.seq());
                dead.setInt(3, event.attempt());
                dead.setString(4, error);
                dead.executeUpdate();
            }
            handled(connection, consumer.name(), event);
            count(consumer, "dead");
            log.warn("outbox consumer {} gave up on event {} ({} {}) after {} attempts: {}", consumer.name(),
                    event.key(), event.type(), event.aggregateId(), event.attempt(), error);
            return;
        }
        Duration pause = pauseAfter(event.attempt());
        try (PreparedStatement retry = connection.prepareStatement("""
                update relay.pending set attempts = ?, last_error = ?,
                       not_before = now() + cast(? as bigint) * interval '1 millisecond'
                 where consumer = ? and seq = ?""")) {
            retry.setInt(1, event.attempt());
            retry.setString(2, error);
            retry.setLong(3, pause.toMillis());
            retry.setString(4, consumer.name());
            retry.setLong(5, event.seq());
            retry.executeUpdate();
        }
        count(consumer, "retried");
        log.info("outbox consumer {} failed on event {} (attempt {}), again in {} ms: {}", consumer.name(),
                event.key(), event.attempt(), pause.toMillis(), error);
    }

    /** The pause after failed attempt {@code attempt}: the first pause, doubled each time, at most an hour. */
    Duration pauseAfter(int attempt) {
        Duration pause = firstPause;
        for (int i = 1; i < attempt && pause.compareTo(LONGEST_PAUSE) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    private void count(OutboxConsumer consumer, String outcome) {
        Counter.builder("atelier.outbox.relay.events").tag("consumer", consumer.name()).tag("outcome", outcome)
                .register(meters).increment();
    }

    private void measureLag(String cell, DataSource pool, OutboxConsumer consumer) throws SQLException {
        try (Connection connection = pool.getConnection();
                PreparedStatement oldest = connection.prepareStatement("""
                        select coalesce(extract(epoch from now() - min(e.occurred_at)), 0)
                          from relay.pending p join relay.event e on e.seq = p.seq where p.consumer = ?""")) {
            oldest.setString(1, consumer.name());
            try (ResultSet row = oldest.executeQuery()) {
                row.next();
                lags.get(cell + "/" + consumer.name()).set(Math.max(0, row.getDouble(1)));
            }
        }
    }

    /** Drops events every consumer has handled, once they are old enough. */
    private static void tidy(DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection();
                PreparedStatement delete = connection.prepareStatement("""
                        delete from relay.event where seq in (
                            select e.seq from relay.event e
                             where e.occurred_at < now() - cast(? as bigint) * interval '1 second'
                               and not exists (select 1 from relay.pending p where p.seq = e.seq)
                               and not exists (select 1 from relay.dead d where d.seq = e.seq)
                             limit 10000)""")) {
            delete.setLong(1, KEEP_HANDLED.toSeconds());
            delete.executeUpdate();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (subscription != null) {
            subscription.close();
        }
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
