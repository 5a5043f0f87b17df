package dev.atelier.keycloak.signin;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers {@link PhoneOrPasswordForm} as the authenticator {@value #ID}. */
public final class PhoneOrPasswordFormFactory implements AuthenticatorFactory {

    public static final String ID = "atelier-phone-or-password";

    private SmsPolicy policy = SmsPolicy.DEFAULTS;

    @Override
    public Authenticator create(KeycloakSession session) {
        return new PhoneOrPasswordForm(session, policy);
    }

    @Override
    public void init(Config.Scope config) {
        policy = SmsPolicy.from(config);
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
        return "Atelier: password or SMS code";
    }

    @Override
    public String getHelpText() {
        return "Email or phone number with a password, or a phone number with a one-time code sent by SMS.";
    }

    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[]{Requirement.REQUIRED, Requirement.ALTERNATIVE};
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
