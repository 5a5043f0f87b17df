package dev.atelier.storefront.bookings;

import dev.atelier.platform.booking.BookingRequest;
import dev.atelier.platform.booking.BookingView;
import dev.atelier.platform.booking.Bookings;
import dev.atelier.platform.customers.Customer;
import dev.atelier.platform.customers.CustomerProfiles;
import dev.atelier.platform.security.Caller;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in customer books a visit at the host's chain and sees their bookings there. */
@RestController
class BookingController {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final Bookings bookings;
    private final CustomerProfiles profiles;

    BookingController(Bookings bookings, CustomerProfiles profiles) {
        this.bookings = bookings;
        this.profiles = profiles;
    }

    /** {@code {"locationId","start","items":[{"serviceId","staffId"}],"note"}}; {@code staffId} may be absent. */
    record Body(@NotNull UUID locationId, @NotNull Instant start,
            @NotNull @Size(min = 1, max = 5) List<@NotNull @Valid Item> items, @Size(max = 500) String note) {

        record Item(@NotNull UUID serviceId, UUID staffId) {
        }
    }

    /** Books and confirms at once (paid at the salon). */
    @PostMapping("/api/v1/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<BookingView> book(@AuthenticationPrincipal Jwt token,
            @RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody Body body) {
        Customer customer = profiles.profileOf(Caller.of(token));
        return created(bookings.create(customer, key(idempotencyKey), request(body)));
    }

    /**
     * Holds the time during checkout: {@code 201 {"status":"HELD","holdExpiresAt",…}}; confirmed by
     * {@code POST /api/v1/me/bookings/{id}/confirm}, else it expires and frees the time.
     */
    @PostMapping("/api/v1/holds")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<BookingView> hold(@AuthenticationPrincipal Jwt token,
            @RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody Body body) {
        Customer customer = profiles.profileOf(Caller.of(token));
        return created(bookings.hold(customer, key(idempotencyKey), request(body)));
    }

    @PostMapping("/api/v1/me/bookings/{id}/confirm")
    BookingView confirm(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return bookings.confirm(profiles.profileOf(Caller.of(token)), id);
    }

    @GetMapping("/api/v1/me/bookings/{id}")
    BookingView one(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return bookings.one(profiles.profileOf(Caller.of(token)), id);
    }

    private static String key(String idempotencyKey) {
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("Idempotency-Key",
                    "1 to 200 visible ASCII characters")));
        }
        return idempotencyKey;
    }

    private static BookingRequest request(Body body) {
        return new BookingRequest(body.locationId(), body.start(), body.items().stream()
                .map(item -> new BookingRequest.Item(item.serviceId(), item.staffId())).toList(), body.note());
    }

    private static ResponseEntity<BookingView> created(Bookings.Created created) {
        return ResponseEntity.created(URI.create("/api/v1/me/bookings/" + created.booking().id()))
                .body(created.booking());
    }

    @GetMapping("/api/v1/me/bookings")
    List<BookingView> mine(@AuthenticationPrincipal Jwt token) {
        return bookings.of(profiles.profileOf(Caller.of(token)));
    }

    /** Cancels one of the caller's bookings (free until the chain's cut-off, then with a recorded fee). */
    @PostMapping("/api/v1/me/bookings/{id}/cancel")
    BookingView cancel(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return bookings.cancel(profiles.profileOf(Caller.of(token)), id);
    }

    /** {@code {"start"}}: moves one of the caller's bookings, same services and stylists. */
    record Reschedule(@NotNull Instant start) {
    }

    @PostMapping("/api/v1/me/bookings/{id}/reschedule")
    BookingView reschedule(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
            @Valid @RequestBody Reschedule body) {
        return bookings.reschedule(profiles.profileOf(Caller.of(token)), id, body.start());
    }
}
