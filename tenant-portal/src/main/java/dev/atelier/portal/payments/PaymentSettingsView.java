package dev.atelier.portal.payments;

import dev.atelier.platform.payments.PaymentSettings;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.payments.model.Provider;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings as the portal shows them: methods, and per provider whether (and when) credentials were given. */
record PaymentSettingsView(List<String> methods, Map<String, Credentials> credentials, Instant updatedAt) {

    record Credentials(boolean given, Instant updatedAt) {
    }

    static PaymentSettingsView of(PaymentSettings settings) {
        Map<String, Credentials> credentials = new LinkedHashMap<>();
        for (Provider provider : Provider.values()) {
            Instant given = settings.credentialsGiven().get(provider);
            credentials.put(provider.id(), new Credentials(given != null, given));
        }
        return new PaymentSettingsView(Arrays.stream(PaymentMethod.values()).filter(settings.methods()::contains)
                .map(PaymentMethod::id).toList(), credentials, settings.updatedAt());
    }
}
