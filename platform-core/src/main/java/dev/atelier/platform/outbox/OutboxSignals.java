package dev.atelier.platform.outbox;

import dev.atelier.platform.tenancy.SchemaName;
import dev.atelier.platform.tenancy.TenancyProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The outbox's wake-up calls: each cell notifies channel {@value #CHANNEL} as an outbox event commits (changeset
 * 0013), and this listens on every cell — one connection of its own per cell, opened on the first subscription, so
 * an app that never subscribes never listens — and passes each signal to the subscribers of its tenant's schema.
 * A dropped connection is opened again with a growing pause; signals sent meanwhile are lost, which is why a signal
 * only says where to look.
 */
@Component
public class OutboxSignals implements DisposableBean {

    public static final String CHANNEL = "atelier_outbox";

    private static final Logger log = LoggerFactory.getLogger(OutboxSignals.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MOST_PAUSE = Duration.ofSeconds(10);

    /** An outbox event committed in {@code schema} about aggregate {@code aggregateType} {@code aggregateId}. */
    public record Signal(String schema, String aggregateType, UUID aggregateId) {

        /** The notification's payload {@code schema:type:id}, if it is one. */
        static Optional<Signal> parse(String payload) {
            String[] parts = payload == null ? new String[0] : payload.split(":", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Signal(new SchemaName(parts[0]).value(), parts[1], UUID.fromString(parts[2])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** Ends a subscription. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final TenancyProperties cells;
    private final Map<String, List<Consumer<Signal>>> subscribers = new ConcurrentHashMap<>();
    private final List<Consumer<Signal>> everyTenant = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final List<Thread> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public OutboxSignals(TenancyProperties cells) {
        this.cells = cells;
    }

    /** Passes every signal of {@code schema}'s tenant to {@code subscriber} (on a listener thread) until closed. */
    public Subscription subscribe(SchemaName schema, Consumer<Signal> subscriber) {
        start();
        subscribers.computeIfAbsent(schema.value(), key -> new CopyOnWriteArrayList<>()).add(subscriber);
        return () -> subscribers.computeIfPresent(schema.value(), (key, list) -> {
            list.remove(subscriber);
            return list.isEmpty() ? null : list;
        });
    }

    /** Passes every signal of every cell to {@code subscriber} (on a listener thread) until closed. */
    public Subscription subscribeAll(Consumer<Signal> subscriber) {
        start();
        everyTenant.add(subscriber);
        return () -> everyTenant.remove(subscriber);
    }

    private void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        cells.cells().forEach((name, cell) -> {
            Thread listener = Thread.ofPlatform().daemon().name("outbox-signals-" + name)
                    .start(() -> listen(name, cell));
            listeners.add(listener);
        });
    }

    private void listen(String name, TenancyProperties.Cell cell) {
        Duration pause = Duration.ofMillis(250);
        while (!closed) {
            Properties login = new Properties();
            login.setProperty("user", cell.username());
            login.setProperty("password", cell.password());
            login.setProperty("ApplicationName", "atelier-outbox-signals");
            login.setProperty("connectTimeout", "5");
            login.setProperty("socketTimeout", "30");
            try (Connection connection = DriverManager.getConnection(cell.url(), login)) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                log.info("listening for outbox signals on cell {}", name);
                pause = Duration.ofMillis(250);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] received = postgres.getNotifications((int) POLL.toMillis());
                    if (received != null) {
                        for (PGNotification notification : received) {
                            Signal.parse(notification.getParameter()).ifPresent(this::deliver);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn("outbox signals from cell {} interrupted ({}); listening again in {} ms", name,
                        e.getMessage(), pause.toMillis());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(MOST_PAUSE) > 0 ? MOST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private void deliver(Signal signal) {
        List<Consumer<Signal>> interested = new ArrayList<>(everyTenant);
        interested.addAll(subscribers.getOrDefault(signal.schema(), List.of()));
        for (Consumer<Signal> subscriber : interested) {
            try {
                subscriber.accept(signal);
            } catch (RuntimeException e) {
                log.debug("an outbox signal's subscriber failed", e);
            }
        }
    }

    @Override
    public void destroy() {
        closed = true;
        listeners.forEach(Thread::interrupt);
    }
}
