package dev.atelier.infra.payments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the fakes' notices as the providers do: a POST to the notify URL, delivered again a few times later when
 * it was not acknowledged (the app was down, or refused it), then given up (the platform's reconciliation asks the
 * provider in the end).
 */
final class NoticeSender implements AutoCloseable {

    /** A notice to deliver: where, its body and headers, and what answer acknowledges it. */
    record Delivery(String url, String contentType, String body, Map<String, String> headers,
            Predicate<HttpResponse<String>> acknowledged) {
    }

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);
    private static final List<Duration> AGAIN_AFTER = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "payment-fake-notices");
        thread.setDaemon(true);
        return thread;
    });

    /** Delivers now, and again later while it is not acknowledged; whether this first delivery was. */
    boolean deliver(Delivery delivery) {
        boolean taken = attempt(delivery);
        if (!taken) {
            schedule(delivery, 0);
        }
        return taken;
    }

    /** Delivers after {@code delay} (a notice that follows an API answer, as a refund's does). */
    void deliverLater(Delivery delivery, Duration delay) {
        later.schedule(() -> {
            if (!attempt(delivery)) {
                schedule(delivery, 0);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void schedule(Delivery delivery, int again) {
        if (again >= AGAIN_AFTER.size()) {
            log.warn("gave up delivering a notice to {}", delivery.url());
            return;
        }
        later.schedule(() -> {
            if (!attempt(delivery)) {
                schedule(delivery, again + 1);
            }
        }, AGAIN_AFTER.get(again).toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean attempt(Delivery delivery) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", delivery.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8));
            delivery.headers().forEach(request::header);
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean taken = delivery.acknowledged().test(answer);
            if (!taken) {
                log.info("a notice to {} was answered {} {}", delivery.url(), answer.statusCode(),
                        answer.body().length() > 200 ? answer.body().substring(0, 200) : answer.body());
            }
            return taken;
        } catch (java.io.IOException | IllegalArgumentException e) {
            log.info("a notice to {} could not be delivered: {}", delivery.url(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        later.shutdownNow();
        http.close();
    }
}
