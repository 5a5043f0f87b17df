package dev.atelier.platform.testing;

import dev.atelier.platform.tenancy.NewTenant;
import dev.atelier.platform.tenancy.Slug;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/** Small builders for tenants in tests. */
public final class Tenants {

    private Tenants() {
    }

    public static NewTenant shanghai(String slug) {
        return new NewTenant(Slug.of(slug), "Chain " + slug, "CN", Currency.getInstance("CNY"),
                ZoneId.of("Asia/Shanghai"), Locale.forLanguageTag("zh-CN"), "trial");
    }

    public static NewTenant london(String slug) {
        return new NewTenant(Slug.of(slug), "Chain " + slug, "GB", Currency.getInstance("GBP"),
                ZoneId.of("Europe/London"), Locale.forLanguageTag("en-GB"), "trial");
    }
}
