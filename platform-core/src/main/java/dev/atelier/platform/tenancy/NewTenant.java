package dev.atelier.platform.tenancy;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** What a new tenant is made from; every part already checked. */
public record NewTenant(Slug slug, String name, String country, Currency currency, ZoneId timezone, Locale locale,
        String plan) {

    public NewTenant {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(plan, "plan");
    }
}
