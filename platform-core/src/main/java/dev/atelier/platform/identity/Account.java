package dev.atelier.platform.identity;

import java.util.Objects;

/** A person's platform account to create: sign-in email, display name, initial password. */
public record Account(String email, String name, String password) {

    public Account {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        email = email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Account[" + email + "]";
    }
}
