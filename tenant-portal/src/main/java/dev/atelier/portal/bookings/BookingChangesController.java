package dev.atelier.portal.bookings;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.outbox.OutboxSignals;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/bookings/changes}: the chain's booking changes as they commit, as server-sent events, so the
 * front desk's calendar shows what was booked, moved or cancelled elsewhere (the storefront, another desk) at once.
 * Each event names the booking only ({@code event: booking}, {@code data: {"id"}}); the diary is then read again, so
 * a stylist still sees only their own. The stream opens with {@code event: ready} and ends after {@code seconds}
 * (default 55, at most 300), for the client to open it again.
 */
@RestController
class BookingChangesController implements SmartLifecycle {

    static final int DEFAULT_SECONDS = 55;
    static final int MOST_SECONDS = 300;

    private final OutboxSignals signals;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    BookingChangesController(OutboxSignals signals) {
        this.signals = signals;
    }

    @Operation(summary = "The chain's booking changes as server-sent events")
    @GetMapping(path = "/api/v1/bookings/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    SseEmitter changes(StaffMember caller, @RequestParam(required = false) String seconds) throws IOException {
        int lasting = seconds(seconds);
        SseEmitter emitter = new SseEmitter(Duration.ofSeconds(lasting).toMillis());
        OutboxSignals.Subscription subscription = signals.subscribe(caller.tenant().placement().schema(),
                signal -> {
                    if (!signal.aggregateType().equals("booking")) {
                        return;
                    }
                    try {
                        emitter.send(SseEmitter.event().name("booking")
                                .data(Map.of("id", signal.aggregateId().toString()), MediaType.APPLICATION_JSON));
                    } catch (IOException | IllegalStateException e) {
                        emitter.completeWithError(e);
                    }
                });
        open.add(emitter);
        emitter.onCompletion(() -> {
            open.remove(emitter);
            subscription.close();
        });
        emitter.onTimeout(() -> {
            subscription.close();
            emitter.complete();
        });
        emitter.onError(error -> subscription.close());
        emitter.send(SseEmitter.event().name("ready").data(Map.of("seconds", lasting), MediaType.APPLICATION_JSON));
        return emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends the open streams first as the app stops, so that a graceful shutdown does not wait for them. */
    @Override
    public void stop() {
        running = false;
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private static int seconds(String seconds) {
        if (seconds == null) {
            return DEFAULT_SECONDS;
        }
        try {
            int value = Integer.parseInt(seconds);
            if (value >= 1 && value <= MOST_SECONDS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidRequestException(List.of(new FieldError("seconds", "a whole number from 1 to "
                + MOST_SECONDS)));
    }
}
