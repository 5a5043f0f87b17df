package dev.atelier.portal.bookings;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.booking.BookingRequest;
import dev.atelier.platform.booking.StaffBookings;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The front desk books clients in (by phone or in person), takes walk-ins, cancels and moves visits. Creations need
 * an {@code Idempotency-Key}, like the storefront's.
 */
@RestController
class FrontDeskController {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final StaffBookings bookings;

    FrontDeskController(StaffBookings bookings) {
        this.bookings = bookings;
    }

    /** One service of the visit and, optionally, who does it. */
    record Item(@NotNull UUID serviceId, UUID staffId) {
    }

    /** A guest without an account: a name, and optionally a phone number kept in the note. */
    record Guest(@NotNull @Size(min = 1, max = 200) String name, @Size(max = 40) String phone) {
    }

    /** {@code {"locationId","start","items":[…],"customerId"|"guest":{"name","phone"},"note"}}. */
    record Booking(@NotNull UUID locationId, @NotNull Instant start,
            @NotNull @Size(min = 1, max = 5) List<@NotNull @Valid Item> items, UUID customerId, @Valid Guest guest,
            @Size(max = 400) String note) {
    }

    /** {@code {"locationId","items":[…],"customerId"|"guest","note"}}: starts now. */
    record WalkIn(@NotNull UUID locationId, @NotNull @Size(min = 1, max = 5) List<@NotNull @Valid Item> items,
            UUID customerId, @Valid Guest guest, @Size(max = 400) String note) {
    }

    /** {@code {"chargeFee","reason"}}: the late fee is charged only when asked (the client cancelled late). */
    record Cancel(boolean chargeFee, @Size(max = 200) String reason) {
    }

    /** {@code {"start","staffIds":[…]}}: a stylist (or null to keep) per service, in order; optional. */
    record Move(@NotNull Instant start, @Size(max = 5) List<UUID> staffIds) {
    }

    @PostMapping("/api/v1/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    public ResponseEntity<StaffBookings.DiaryEntry> book(StaffMember caller,
            @RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody Booking body) {
        StaffBookings.Created created = bookings.book(caller.caller().userId(), key(idempotencyKey),
                client(body.customerId(), body.guest()), new BookingRequest(body.locationId(), body.start(),
                        items(body.items()), note(body.note(), body.guest())));
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + created.booking().id()))
                .body(created.booking());
    }

    @PostMapping("/api/v1/walk-ins")
    @ResponseStatus(HttpStatus.CREATED)
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    public ResponseEntity<StaffBookings.DiaryEntry> walkIn(StaffMember caller,
            @RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody WalkIn body) {
        StaffBookings.Created created = bookings.walkIn(caller.caller().userId(), key(idempotencyKey),
                client(body.customerId(), body.guest()), body.locationId(), items(body.items()),
                note(body.note(), body.guest()));
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + created.booking().id()))
                .body(created.booking());
    }

    @PostMapping("/api/v1/bookings/{id}/cancel")
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST})
    public StaffBookings.DiaryEntry cancel(StaffMember caller, @PathVariable UUID id,
            @Valid @RequestBody(required = false) Cancel body) {
        Cancel cancel = body == null ? new Cancel(false, null) : body;
        return bookings.cancel(id, cancel.chargeFee(), cancel.reason(), caller.caller().userId());
    }

    @PostMapping("/api/v1/bookings/{id}/reschedule")
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST})
    public StaffBookings.DiaryEntry reschedule(StaffMember caller, @PathVariable UUID id,
            @Valid @RequestBody Move body) {
        return bookings.reschedule(id, body.start(), body.staffIds(), caller.caller().userId());
    }

    private static String key(String idempotencyKey) {
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("Idempotency-Key",
                    "1 to 200 visible ASCII characters")));
        }
        return idempotencyKey;
    }

    private static StaffBookings.Client client(UUID customerId, Guest guest) {
        if ((customerId == null) == (guest == null)) {
            throw new InvalidRequestException(List.of(new FieldError("customerId",
                    "give either a customerId or a guest, not both")));
        }
        if (guest != null && guest.name().isBlank()) {
            throw new InvalidRequestException(List.of(new FieldError("guest.name", "must not be blank")));
        }
        return new StaffBookings.Client(customerId, guest == null ? null : guest.name());
    }

    private static List<BookingRequest.Item> items(List<Item> items) {
        List<BookingRequest.Item> request = new ArrayList<>();
        items.forEach(item -> request.add(new BookingRequest.Item(item.serviceId(), item.staffId())));
        return request;
    }

    private static String note(String note, Guest guest) {
        String phone = guest == null || guest.phone() == null || guest.phone().isBlank()
                ? null
                : "Phone: " + guest.phone().strip();
        if (phone == null) {
            return note;
        }
        return note == null || note.isBlank() ? phone : phone + ". " + note;
    }
}
