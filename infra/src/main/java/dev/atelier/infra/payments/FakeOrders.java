package dev.atelier.infra.payments;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fakes' orders, in memory and, when given a file, written to it after every change (and read back at start),
 * so a restarted stack still knows the orders its bookings point at.
 */
final class FakeOrders {

    private static final Logger log = LoggerFactory.getLogger(FakeOrders.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, FakeOrder> orders = new ConcurrentHashMap<>();
    private final Path file;

    FakeOrders(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try {
                for (FakeOrder order : JSON.readValue(file.toFile(), new TypeReference<List<FakeOrder>>() {
                })) {
                    orders.put(key(order.provider(), order.id()), order);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("the payment fakes' orders in {} cannot be read ({}); starting without them", file,
                        e.toString());
            }
        }
    }

    Optional<FakeOrder> find(String provider, String id) {
        return Optional.ofNullable(orders.get(key(provider, id)));
    }

    Optional<FakeOrder> first(String provider, Predicate<FakeOrder> which) {
        return orders.values().stream().filter(order -> order.provider().equals(provider)).filter(which)
                .findFirst();
    }

    /** Keeps {@code order}, or the one already kept under its id (opening twice gives one order). */
    FakeOrder putIfAbsent(FakeOrder order) {
        FakeOrder kept = orders.putIfAbsent(key(order.provider(), order.id()), order);
        if (kept == null) {
            save();
            return order;
        }
        return kept;
    }

    /** Changes the order atomically; empty when there is none. */
    Optional<FakeOrder> update(String provider, String id, UnaryOperator<FakeOrder> change) {
        FakeOrder changed = orders.computeIfPresent(key(provider, id), (key, order) -> change.apply(order));
        if (changed != null) {
            save();
        }
        return Optional.ofNullable(changed);
    }

    private synchronized void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path written = file.resolveSibling(file.getFileName() + ".new");
            JSON.writeValue(written.toFile(), List.copyOf(orders.values()));
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the payment fakes' orders in " + file, e);
        }
    }

    private static String key(String provider, String id) {
        return provider + ":" + id;
    }
}
