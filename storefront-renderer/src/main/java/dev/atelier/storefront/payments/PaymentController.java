package dev.atelier.storefront.payments;

import dev.atelier.platform.booking.BookingPayments;
import dev.atelier.platform.customers.Customer;
import dev.atelier.platform.customers.CustomerProfiles;
import dev.atelier.platform.payments.Payment;
import dev.atelier.platform.payments.Payments;
import dev.atelier.platform.payments.gateway.OrderRequest;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.security.Caller;
import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
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

/**
 * A signed-in customer pays what their booking asks ahead: {@code POST /api/v1/me/bookings/{id}/payments}
 * {@code {"method","channel"}} with an {@code Idempotency-Key} opens one order at the provider and answers the page
 * to pay on; {@code GET …/payments/{paymentId}} says where it stands (asking the provider when it is still pending, as
 * the return page does).
 */
@RestController
class PaymentController {

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final Payments payments;
    private final BookingPayments bookings;
    private final CustomerProfiles profiles;
    private final StorefrontUrls urls;

    PaymentController(Payments payments, BookingPayments bookings, CustomerProfiles profiles, StorefrontUrls urls) {
        this.payments = payments;
        this.bookings = bookings;
        this.profiles = profiles;
        this.urls = urls;
    }

    /** {@code method}: card, alipay or wechatpay; {@code channel} (optional): DESKTOP, PHONE or IN_WECHAT. */
    record Body(
            @NotNull @Pattern(regexp = "card|alipay|wechatpay|at-salon", message = "card, alipay or wechatpay") String method,
            @Pattern(regexp = "DESKTOP|PHONE|IN_WECHAT", message = "DESKTOP, PHONE or IN_WECHAT") String channel) {
    }

    /** A payment as the customer sees it. */
    record PaymentView(String id, String method, String status, Amount amount, String redirectUrl) {

        record Amount(BigDecimal amount, String currency) {
        }

        static PaymentView of(Payment payment) {
            return new PaymentView(payment.id().toString(), payment.method().id(), payment.status().name(),
                    new Amount(payment.amount().amount(), payment.amount().currency().getCurrencyCode()),
                    payment.payPage().map(URI::toString).orElse(null));
        }
    }

    @PostMapping("/api/v1/me/bookings/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<PaymentView> pay(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
            @RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody Body body) {
        Customer customer = profiles.profileOf(Caller.of(token));
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("Idempotency-Key",
                    "1 to 200 visible ASCII characters")));
        }
        // the chain's pages on the platform's address, where customers' page sessions are
        String site = urls.of(TenantContext.require().slug());
        Payments.Returns returns = new Payments.Returns(URI.create(site + "/my/bookings/" + id + "/paid"),
                URI.create(site + "/my/bookings/" + id + "/pay"));
        Payment payment = payments.start(customer.id(), id, PaymentMethod.byId(body.method()).orElseThrow(),
                body.channel() == null ? null : OrderRequest.Channel.valueOf(body.channel()), idempotencyKey,
                returns, TenantContext.require().name() + " booking " + id.toString().substring(0, 8));
        return ResponseEntity.created(URI.create("/api/v1/me/bookings/" + id + "/payments/" + payment.id()))
                .body(PaymentView.of(payment));
    }

    @GetMapping("/api/v1/me/bookings/{id}/payments/{paymentId}")
    PaymentView one(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @PathVariable UUID paymentId) {
        Customer customer = profiles.profileOf(Caller.of(token));
        mine(customer, id);
        payments.one(id, paymentId).orElseThrow(() -> new NotFoundException("payment"));
        return PaymentView.of(payments.refresh(paymentId));
    }

    @GetMapping("/api/v1/me/bookings/{id}/payments")
    List<PaymentView> all(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        mine(profiles.profileOf(Caller.of(token)), id);
        return payments.ofBooking(id).stream().map(PaymentView::of).toList();
    }

    private void mine(Customer customer, UUID bookingId) {
        payments.requireCustomersBooking(customer.id(), bookingId);
    }
}
