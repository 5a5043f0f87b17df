package dev.atelier.portal.payments;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;

import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.Payment;
import dev.atelier.platform.payments.Payments;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A booking's money at the front desk: {@code GET /api/v1/bookings/{id}/payments} lists its payments (owners,
 * managers, receptionists); {@code POST /api/v1/bookings/{id}/refunds} {@code {"amount":{"amount","currency"},"reason"}}
 * with an {@code Idempotency-Key} gives part or all of it back (owners and managers), never more than was paid and
 * is left (422).
 */
@RestController
class BookingPaymentsController {

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final Payments payments;

    BookingPaymentsController(Payments payments) {
        this.payments = payments;
    }

    record Amount(@NotNull BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code") String currency) {
    }

    record RefundRequest(@NotNull @Valid Amount amount, @NotBlank @Size(max = 500) String reason) {
    }

    record PaymentView(String id, String method, String status, Amount amount, String providerReference,
            Instant createdAt) {

        static PaymentView of(Payment payment) {
            return new PaymentView(payment.id().toString(), payment.method().id(), payment.status().name(),
                    new Amount(payment.amount().amount(), payment.amount().currency().getCurrencyCode()),
                    payment.providerReference().orElse(null), payment.createdAt());
        }
    }

    record RefundView(String id, String paymentId, Amount amount, String reason, String status) {

        static RefundView of(Payments.RefundView refund) {
            return new RefundView(refund.id().toString(), refund.paymentId().toString(),
                    new Amount(refund.amount().amount(), refund.amount().currency().getCurrencyCode()),
                    refund.reason(), refund.status());
        }
    }

    @GetMapping("/api/v1/bookings/{id}/payments")
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST})
    List<PaymentView> payments(StaffMember caller, @PathVariable UUID id) {
        payments.requireBooking(id);
        return payments.ofBooking(id).stream().map(PaymentView::of).toList();
    }

    /** {@code tender}: cash, card-terminal or other. */
    record AtSalonRequest(@NotNull @Pattern(regexp = "at-salon", message = "at-salon (online payments are the "
            + "customer's)") String method, @NotNull @Valid Amount amount,
            @NotNull @Pattern(regexp = "cash|card-terminal|other", message = "cash, card-terminal or other") String tender) {
    }

    /** Money taken at the salon for the booking (the front desk at checkout), earned at once. */
    @PostMapping("/api/v1/bookings/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST})
    ResponseEntity<PaymentView> takeAtSalon(StaffMember caller, @PathVariable UUID id,
            @RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody AtSalonRequest request) {
        key(idempotencyKey);
        Money amount = Money.parse(request.amount().amount().toPlainString(), request.amount().currency());
        Payment payment = payments.recordAtSalon(id, amount, Payments.Tender.byId(request.tender()).orElseThrow(),
                caller.caller().userId(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + id + "/payments"))
                .body(PaymentView.of(payment));
    }

    @PostMapping("/api/v1/bookings/{id}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @StaffRoles({OWNER, MANAGER})
    ResponseEntity<List<RefundView>> refund(StaffMember caller, @PathVariable UUID id,
            @RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody RefundRequest request) {
        key(idempotencyKey);
        Money amount = Money.parse(request.amount().amount().toPlainString(), request.amount().currency());
        List<RefundView> refunds = payments
                .refundByStaff(id, amount, request.reason().strip(), caller.caller().userId(),
                        idempotencyKey)
                .stream().map(RefundView::of).toList();
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + id + "/payments")).body(refunds);
    }

    private static void key(String idempotencyKey) {
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("Idempotency-Key",
                    "1 to 200 visible ASCII characters")));
        }
    }
}
