package dev.atelier.keycloak.signin;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormActionFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Registers {@link ContactOnRegistration} as the registration form action {@value #ID}. Its limit is a server option:
 * {@code --spi-form-action--atelier-registration-contact--registrations-per-address=20} (and
 * {@code registration-window}, seconds).
 */
public final class ContactOnRegistrationFactory implements FormActionFactory {

    public static final String ID = "atelier-registration-contact";
    /** Registrations one client address may attempt per window, as the platform's public writes. */
    static final int DEFAULT_PER_ADDRESS = 20;
    static final int DEFAULT_WINDOW_SECONDS = 60;

    private ContactOnRegistration instance = new ContactOnRegistration(DEFAULT_PER_ADDRESS, DEFAULT_WINDOW_SECONDS);

    @Override
    public FormAction create(KeycloakSession session) {
        return instance;
    }

    @Override
    public void init(Config.Scope config) {
        instance = new ContactOnRegistration(config.getInt("registrations-per-address", DEFAULT_PER_ADDRESS),
                config.getInt("registration-window", DEFAULT_WINDOW_SECONDS));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Atelier: email or phone number";
    }

    @Override
    public String getHelpText() {
        return "A new account needs an email, or a phone number (+country code) as its user name.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[]{Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
