package dev.atelier.keycloak.signin;

import dev.atelier.keycloak.sms.SmsNotSentException;
import dev.atelier.keycloak.sms.SmsSender;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.security.SecureRandom;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.theme.Theme;

/**
 * Keycloak's username-and-password form, plus sign-in by phone number and a code sent by text message.
 * <p>
 * The sign-in page takes an email or a phone number. "Sign in" checks the password exactly as Keycloak does (a
 * phone number is first turned into its account's user name). "Text me a code" sends a one-time code to the number
 * and shows the code page. The answer never tells whether the number has an account: an unknown number gets the same
 * page and the same wording, only no message leaves, and no code can ever match. Sends are limited per number and
 * per client address; a code expires, and a few wrong codes spend it.
 */
public class PhoneOrPasswordForm extends UsernamePasswordForm {

    /** The user attribute holding an account's phone number (E.164), as the platform writes it. */
    public static final String PHONE_ATTRIBUTE = "phoneNumber";
    /** Client attribute naming the brand the code is sent under (the tenant's storefront client carries it). */
    public static final String BRAND_NAME_ATTRIBUTE = "atelier.brand.name";
    public static final String CODE_PAGE = "atelier-sms-code.ftl";
    private static final String USERNAME = "username";

    private static final Logger log = Logger.getLogger(PhoneOrPasswordForm.class);
    private static final SecureRandom random = new SecureRandom();

    private final KeycloakSession session;
    private final SmsPolicy policy;

    PhoneOrPasswordForm(KeycloakSession session, SmsPolicy policy) {
        super(session);
        this.session = session;
        this.policy = policy;
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey("cancel")) {
            super.action(context);
        } else if (form.containsKey("sendCode")) {
            sendCode(context, form);
        } else if (form.containsKey("code")) {
            checkCode(context, form.getFirst("code"));
        } else {
            super.action(context);
        }
    }

    /** A phone number typed as the user name is the account's user name for the password check. */
    @Override
    protected boolean validateForm(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        String typed = form.getFirst(USERNAME);
        if (PhoneNumbers.looksLikePhone(typed)) {
            Optional<UserModel> account = PhoneNumbers.normalize(typed)
                    .flatMap(phone -> findByPhone(context.getRealm(), phone));
            if (account.isPresent()) {
                MultivaluedMap<String, String> mapped = new MultivaluedHashMap<>(form);
                mapped.putSingle(USERNAME, account.get().getUsername());
                return super.validateForm(context, mapped);
            }
        }
        return super.validateForm(context, form);
    }

    private void sendCode(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        String typed = form.getFirst(USERNAME);
        Optional<String> normalized = typed == null || typed.contains("@")
                ? Optional.empty()
                : PhoneNumbers.normalize(typed);
        if (normalized.isEmpty()) {
            context.challenge(context.form().setFormData(form)
                    .addError(new FormMessage(USERNAME, "atelierPhoneInvalid"))
                    .createLoginUsernamePassword());
            return;
        }
        String phone = normalized.get();
        long now = Time.currentTime();
        SendLimits limits = new SendLimits(session.singleUseObjects(), policy.windowSeconds());
        String address = context.getConnection().getRemoteAddr();
        if (!limits.tryTake("address", String.valueOf(address), policy.sendsPerAddress(), now)
                || !limits.tryTake("phone", phone, policy.sendsPerNumber(), now)) {
            context.getEvent().detail("phone_masked", PhoneNumbers.masked(phone)).error("sms_rate_limited");
            context.challenge(context.form().setFormData(form).setError("atelierTooManyCodes")
                    .createLoginUsernamePassword());
            return;
        }
        RealmModel realm = context.getRealm();
        UserModel user = findByPhone(realm, phone).filter(account -> mayReceiveCode(realm, account)).orElse(null);
        CodeChallenge.Issued issued = CodeChallenge.issue(phone, user == null ? null : user.getId(), random, now,
                policy.codeLifetimeSeconds());
        if (user != null) {
            try {
                session.getProvider(SmsSender.class).send(realm, phone, smsText(context, user, issued.code()));
            } catch (SmsNotSentException e) {
                log.warnf(e, "sign-in code for %s not sent", PhoneNumbers.masked(phone));
                context.challenge(context.form().setFormData(form).setError("atelierSmsNotSent")
                        .createLoginUsernamePassword());
                return;
            }
        }
        keep(context.getAuthenticationSession(), issued.challenge());
        context.challenge(codePage(context, phone, null));
    }

    private void checkCode(AuthenticationFlowContext context, String entered) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Optional<CodeChallenge> current = CodeChallenge.fromNotes(authSession::getAuthNote);
        if (current.isEmpty()) {
            context.challenge(context.form().setError("atelierCodeSpent").createLoginUsernamePassword());
            return;
        }
        CodeChallenge challenge = current.get();
        switch (challenge.check(entered, Time.currentTime(), policy.maxAttempts())) {
            case ACCEPTED -> {
                UserModel user = session.users().getUserById(context.getRealm(), challenge.userId());
                forget(authSession);
                if (user == null || !mayReceiveCode(context.getRealm(), user)) {
                    context.challenge(context.form().setError("atelierCodeSpent").createLoginUsernamePassword());
                    return;
                }
                authSession.setAuthNote(ATTEMPTED_USERNAME, user.getUsername());
                context.getEvent().user(user).detail(Details.USERNAME, user.getUsername())
                        .detail(Details.AUTH_METHOD, "sms-code");
                context.setUser(user);
                context.success();
            }
            case REJECTED -> {
                keep(authSession, challenge.afterAttempt());
                context.getEvent().detail("phone_masked", PhoneNumbers.masked(challenge.phone()))
                        .error(Errors.INVALID_CODE);
                context.challenge(codePage(context, challenge.phone(), "atelierCodeWrong"));
            }
            case SPENT -> {
                forget(authSession);
                context.getEvent().detail("phone_masked", PhoneNumbers.masked(challenge.phone()))
                        .error(Errors.EXPIRED_CODE);
                context.challenge(context.form().setError("atelierCodeSpent").createLoginUsernamePassword());
            }
        }
    }

    private Response codePage(AuthenticationFlowContext context, String phone, String error) {
        LoginFormsProvider form = context.form()
                .setAttribute("atelierPhone", PhoneNumbers.masked(phone))
                .setAttribute("atelierCodeMinutes", policy.codeLifetimeSeconds() / 60);
        if (error != null) {
            form.addError(new FormMessage("code", error));
        }
        return form.createForm(CODE_PAGE);
    }

    private boolean mayReceiveCode(RealmModel realm, UserModel user) {
        if (!user.isEnabled()) {
            return false;
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        return !realm.isBruteForceProtected() || protector == null
                || !protector.isTemporarilyDisabled(session, realm, user);
    }

    private Optional<UserModel> findByPhone(RealmModel realm, String phone) {
        UserModel byName = session.users().getUserByUsername(realm, phone);
        if (byName != null) {
            return Optional.of(byName);
        }
        return session.users().searchForUserByUserAttributeStream(realm, PHONE_ATTRIBUTE, phone).findFirst();
    }

    private String smsText(AuthenticationFlowContext context, UserModel user, String code) {
        String brand = context.getAuthenticationSession().getClient().getAttribute(BRAND_NAME_ATTRIBUTE);
        if (brand == null || brand.isBlank()) {
            RealmModel realm = context.getRealm();
            brand = realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName();
        }
        Locale locale = session.getContext().resolveLocale(user);
        String pattern = "{0}: your sign-in code is {1}. It expires in {2} minutes. Never share it.";
        try {
            Properties messages = session.theme().getTheme(Theme.Type.LOGIN)
                    .getEnhancedMessages(context.getRealm(), locale);
            pattern = messages.getProperty("atelierSmsText", pattern);
        } catch (IOException e) {
            log.debugf(e, "no login theme messages for %s; the English text is sent", locale);
        }
        return new MessageFormat(pattern, locale).format(
                new Object[]{brand, code, String.valueOf(policy.codeLifetimeSeconds() / 60)});
    }

    private static void keep(AuthenticationSessionModel authSession, CodeChallenge challenge) {
        challenge.toNotes().forEach(authSession::setAuthNote);
    }

    private static void forget(AuthenticationSessionModel authSession) {
        CodeChallenge.noteNames().forEach(authSession::removeAuthNote);
    }
}
