package dev.atelier.keycloak.signin;

import org.keycloak.Config;

/**
 * The limits of SMS sign-in. Each can be set on the server, e.g.
 * {@code --spi-authenticator--atelier-phone-or-password--sends-per-number=3}.
 *
 * @param codeLifetimeSeconds how long a code is accepted
 * @param maxAttempts wrong codes after which a code is spent
 * @param sendsPerNumber codes sent to one number per window
 * @param sendsPerAddress codes requested from one client address per window
 * @param windowSeconds the rate-limit window
 */
record SmsPolicy(int codeLifetimeSeconds, int maxAttempts, int sendsPerNumber, int sendsPerAddress,
        int windowSeconds) {

    static final SmsPolicy DEFAULTS = new SmsPolicy(300, 5, 3, 30, 900);

    SmsPolicy {
        if (codeLifetimeSeconds < 60 || maxAttempts < 1 || sendsPerNumber < 1 || sendsPerAddress < 1
                || windowSeconds < 60) {
            throw new IllegalArgumentException("SMS sign-in limits out of range: lifetime ≥ 60 s, attempts ≥ 1, "
                    + "sends ≥ 1, window ≥ 60 s");
        }
    }

    static SmsPolicy from(Config.Scope config) {
        return new SmsPolicy(
                config.getInt("code-lifetime", DEFAULTS.codeLifetimeSeconds),
                config.getInt("max-attempts", DEFAULTS.maxAttempts),
                config.getInt("sends-per-number", DEFAULTS.sendsPerNumber),
                config.getInt("sends-per-address", DEFAULTS.sendsPerAddress),
                config.getInt("window", DEFAULTS.windowSeconds));
    }
}
