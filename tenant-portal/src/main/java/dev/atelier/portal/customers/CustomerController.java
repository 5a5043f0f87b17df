package dev.atelier.portal.customers;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;

import dev.atelier.platform.customers.CustomerBook;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain's customers for its front desk, managers and owners: found by name, email or phone
 * ({@code GET /api/v1/customers?q=}), each one's profile (visits, spend, no-shows, recent bookings, notes), and notes
 * added with an {@code Idempotency-Key}. Stylists see their clients in the diary, not the customer book.
 */
@RestController
class CustomerController {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    record NoteRequest(@NotNull @Size(min = 1, max = CustomerBook.MAX_NOTE) String text) {
    }

    private final CustomerBook book;

    CustomerController(CustomerBook book) {
        this.book = book;
    }

    @GetMapping("/api/v1/customers")
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST})
    List<CustomerBook.Found> search(StaffMember caller, @RequestParam(required = false) String q) {
        return book.search(q);
    }

    @GetMapping("/api/v1/customers/{id}")
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST})
    CustomerBook.Profile profile(StaffMember caller, @PathVariable UUID id) {
        return book.profile(id);
    }

    @PostMapping("/api/v1/customers/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST})
    CustomerBook.Note addNote(StaffMember caller, @PathVariable UUID id,
            @RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody NoteRequest body) {
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("Idempotency-Key",
                    "1 to 200 visible ASCII characters")));
        }
        return book.addNote(id, body.text(), caller.caller().userId(), caller.membership().name(), idempotencyKey);
    }
}
