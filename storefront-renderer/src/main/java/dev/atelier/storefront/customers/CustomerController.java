package dev.atelier.storefront.customers;

import dev.atelier.platform.customers.Customer;
import dev.atelier.platform.customers.CustomerProfiles;
import dev.atelier.platform.identity.Account;
import dev.atelier.platform.identity.IdentityProvider;
import dev.atelier.platform.security.Caller;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.RateLimited;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers on a tenant's storefront: registering a platform account (one account across every chain, like the
 * marketplaces) and the caller's own profile at this chain, made on their first visit.
 */
@RestController
class CustomerController {

    record Registered(String customerId) {
    }

    record Profile(String customerId, String name, String email, String phone) {

        static Profile of(Customer customer) {
            return new Profile(customer.id().toString(), customer.name(), customer.email(), customer.phone());
        }
    }

    private final IdentityProvider identity;
    private final CustomerProfiles profiles;

    CustomerController(IdentityProvider identity, CustomerProfiles profiles) {
        this.identity = identity;
        this.profiles = profiles;
    }

    /** Creates the platform account and, since they registered here, their profile at this chain. */
    @PostMapping("/api/v1/customers")
    @ResponseStatus(HttpStatus.CREATED)
    @RateLimited
    ResponseEntity<Registered> register(@Valid @RequestBody CustomerRequest request) {
        if (blank(request.email()) && blank(request.phone())) {
            throw new InvalidRequestException(List.of(new FieldError("email", "an email or a phone is required"),
                    new FieldError("phone", "an email or a phone is required")));
        }
        Account account = new Account(request.email(), request.phone(), request.name().strip(), request.password());
        String userId = identity.createAccount(account);
        Customer customer = profiles.profileOf(new Caller(userId, account.email(), account.phone(), account.name(),
                Set.of(), Set.of(Caller.CUSTOMER)));
        return ResponseEntity.created(URI.create("/api/v1/me"))
                .body(new Registered(customer.id().toString()));
    }

    /** The caller's profile at this chain; the first call here makes it. */
    @GetMapping("/api/v1/me")
    Profile me(@AuthenticationPrincipal Jwt token) {
        return Profile.of(profiles.profileOf(Caller.of(token)));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
