package dev.atelier.portal.payments;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;

import dev.atelier.platform.payments.PaymentSettingsStore;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.payments.model.Provider;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain's payment settings: owners and managers see which methods are on and which providers have credentials;
 * only owners change them. Credentials are accepted, checked and sealed, and never returned.
 */
@RestController
@RequestMapping("/api/v1/payment-settings")
class PaymentSettingsController {

    private final PaymentSettingsStore settings;
    private final Clock clock;

    PaymentSettingsController(PaymentSettingsStore settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping
    @StaffRoles({OWNER, MANAGER})
    PaymentSettingsView get(StaffMember caller) {
        return PaymentSettingsView.of(settings.read());
    }

    @PutMapping
    @StaffRoles(OWNER)
    PaymentSettingsView replace(StaffMember caller, @Valid @RequestBody PaymentSettingsRequest request) {
        Set<PaymentMethod> methods = EnumSet.noneOf(PaymentMethod.class);
        for (String id : request.methods()) {
            methods.add(PaymentMethod.byId(id).orElseThrow(() -> invalid("methods",
                    "each method is one of card, alipay, wechatpay, at-salon")));
        }
        Set<Provider> removed = EnumSet.noneOf(Provider.class);
        for (String id : request.removeCredentials() == null ? List.<String>of() : request.removeCredentials()) {
            removed.add(Provider.byId(id).orElseThrow(() -> invalid("removeCredentials",
                    "each provider is one of stripe, alipay, wechatpay")));
        }
        return PaymentSettingsView.of(settings.change(methods, request.credentials(), removed, clock.instant()));
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, message)));
    }
}
