package dev.atelier.portal.signup;

import dev.atelier.platform.identity.Account;
import dev.atelier.platform.onboarding.TenantSignup;
import dev.atelier.platform.tenancy.NewTenant;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.RateLimited;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/signup}: a salon chain signs itself up. Creates the tenant on trial with its schema on a cell,
 * its identity organization and its owner's account with the owner role, all or nothing.
 */
@RestController
class SignupController {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** language, optional script, optional region: {@code zh}, {@code zh-CN}, {@code zh-Hans-CN}, {@code en-GB} */
    private static final java.util.regex.Pattern LANGUAGE_TAG = java.util.regex.Pattern
            .compile("[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?");

    private final TenantSignup signup;
    private final StorefrontUrls storefronts;

    SignupController(TenantSignup signup, StorefrontUrls storefronts) {
        this.signup = signup;
        this.storefronts = storefronts;
    }

    @PostMapping("/api/v1/signup")
    @ResponseStatus(HttpStatus.CREATED)
    @RateLimited
    ResponseEntity<SignupResponse> signup(@Valid @RequestBody SignupRequest request) {
        SignupRequest.Owner owner = request.owner();
        Tenant tenant = signup.signUp(toNewTenant(request), new Account(owner.email(), owner.name(), owner.password()));
        String storefrontUrl = storefronts.of(tenant.slug());
        return ResponseEntity.created(URI.create(storefrontUrl))
                .body(new SignupResponse(tenant.id().toString(), tenant.slug().value(), storefrontUrl));
    }

    static NewTenant toNewTenant(SignupRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Slug.problemWith(request.slug()).ifPresent(problem -> errors.add(new FieldError("slug", "slug " + problem)));
        if (!COUNTRIES.contains(request.country())) {
            errors.add(new FieldError("country", "must be an ISO 3166 alpha-2 country code such as CN or GB"));
        }
        Currency currency = currency(request.currency(), errors);
        ZoneId zone = zone(request.timezone(), errors);
        Locale locale = locale(request.locale(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new NewTenant(Slug.of(request.slug()), request.chainName().strip(), request.country(), currency, zone,
                locale, "trial");
    }

    private static Currency currency(String code, List<FieldError> errors) {
        try {
            if (code.length() == 3 && code.equals(code.toUpperCase(Locale.ROOT))) {
                return Currency.getInstance(code);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as CNY or GBP"));
        return null;
    }

    private static ZoneId zone(String id, List<FieldError> errors) {
        try {
            if (id.contains("/")) {
                return ZoneId.of(id);
            }
        } catch (DateTimeException e) {
            // reported below
        }
        errors.add(new FieldError("timezone", "must be an IANA zone such as Asia/Shanghai"));
        return null;
    }

    private static Locale locale(String tag, List<FieldError> errors) {
        try {
            if (LANGUAGE_TAG.matcher(tag).matches()) {
                return new Locale.Builder().setLanguageTag(tag).build();
            }
        } catch (IllformedLocaleException e) {
            // reported below
        }
        errors.add(new FieldError("locale", "must be a language tag such as zh-CN or en-GB"));
        return null;
    }
}
