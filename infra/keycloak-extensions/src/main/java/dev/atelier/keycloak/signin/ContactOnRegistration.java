package dev.atelier.keycloak.signin;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * On Keycloak's registration page, a new account must be reachable: it has an email, or its user name is a phone
 * number in international form ({@code +8613800138000}), which then becomes the account's phone number too, so the
 * person can sign in with it by SMS code. A phone number another account already has is refused. Registrations are
 * limited per client address ({@link ClientAddresses}) like every other way to make an account: every attempt counts,
 * refused ones too, in Keycloak's cluster-wide single-use store.
 */
public final class ContactOnRegistration implements FormAction {

    private static final String USERNAME = "username";
    private static final String EMAIL = "email";

    private final int perAddress;
    private final int windowSeconds;

    ContactOnRegistration(int perAddress, int windowSeconds) {
        if (perAddress < 1 || windowSeconds < 1) {
            throw new IllegalArgumentException("registration limits need a positive count and window");
        }
        this.perAddress = perAddress;
        this.windowSeconds = windowSeconds;
    }

    @Override
    public void buildPage(FormContext context, LoginFormsProvider form) {
    }

    @Override
    public void validate(ValidationContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        SendLimits limits = new SendLimits(context.getSession().singleUseObjects(), windowSeconds);
        String client = ClientAddresses.key(context.getConnection().getRemoteAddr());
        if (!limits.tryTake("registration", client, perAddress, System.currentTimeMillis() / 1000)) {
            context.error(Errors.INVALID_REGISTRATION);
            context.validationError(form, List.of(new FormMessage(null, "atelierTooManyRegistrations")));
            return;
        }
        String username = form.getFirst(USERNAME);
        String email = form.getFirst(EMAIL);
        List<FormMessage> errors = new ArrayList<>();
        if (PhoneNumbers.looksLikePhone(username)) {
            Optional<String> phone = PhoneNumbers.normalize(username);
            if (phone.isPresent() && !phone.get().equals(username.strip())) {
                errors.add(new FormMessage(USERNAME, "atelierPhoneAsUsername", phone.get()));
            } else if (phone.isPresent() && phoneTaken(context.getSession(), context.getRealm(), phone.get())) {
                errors.add(new FormMessage(USERNAME, "atelierPhoneTaken"));
            }
        } else if (email == null || email.isBlank()) {
            errors.add(new FormMessage(EMAIL, "atelierEmailOrPhoneNeeded"));
        }
        if (errors.isEmpty()) {
            context.success();
        } else {
            context.error(Errors.INVALID_REGISTRATION);
            context.validationError(form, errors);
        }
    }

    @Override
    public void success(FormContext context) {
        UserModel user = context.getUser();
        if (user != null && PhoneNumbers.looksLikePhone(user.getUsername())) {
            PhoneNumbers.normalize(user.getUsername())
                    .ifPresent(phone -> user.setSingleAttribute(PhoneOrPasswordForm.PHONE_ATTRIBUTE, phone));
        }
    }

    private static boolean phoneTaken(KeycloakSession session, RealmModel realm, String phone) {
        return session.users().getUserByUsername(realm, phone) != null
                || session.users().searchForUserByUserAttributeStream(realm, PhoneOrPasswordForm.PHONE_ATTRIBUTE,
                        phone).findAny().isPresent();
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
