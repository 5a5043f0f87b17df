package dev.atelier.platform.identity;

import java.util.Locale;

/**
 * A person's platform account to create: an email or a phone number (E.164) to sign in with (at least one), a
 * display name and an initial password. Without a password the account must set one at first sign-in.
 */
public record Account(String email, String phone, String name, String password) {

    public Account {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an account needs a name");
        }
        email = email == null || email.isBlank() ? null : normalizeEmail(email);
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        if (email == null && phone == null) {
            throw new IllegalArgumentException("an account needs an email or a phone number");
        }
        password = password == null || password.isEmpty() ? null : password;
    }

    /** An account signed in with its email. */
    public Account(String email, String name, String password) {
        this(email, null, name, password);
    }

    /** An email as accounts and memberships store and compare it: trimmed, lower case. */
    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The user name: the email when there is one, else the phone number. */
    public String username() {
        return email != null ? email : phone;
    }

    @Override
    public String toString() {
        return "Account[" + username() + "]";
    }
}
