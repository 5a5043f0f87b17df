package dev.atelier.platform.theme;

import dev.atelier.platform.identity.IdentityProvider;
import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current tenant's storefront theme: its own once set, else its starter theme. Setting it also re-brands the
 * chain's sign-in pages (its identity client), so customers see one brand from the storefront to the sign-in and
 * back.
 */
@Service
public class Themes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EntityManager entities;
    private final IdentityProvider identity;
    private final StorefrontUrls storefronts;
    private final Clock clock;

    public Themes(EntityManager entities, IdentityProvider identity, StorefrontUrls storefronts, Clock clock) {
        this.entities = entities;
        this.identity = identity;
        this.storefronts = storefronts;
        this.clock = clock;
    }

    /**
     * A number that changes whenever the chain's storefront content may have: its calendar (locations, menu,
     * categories, staff) or its theme. Pages built at one value can be served again while it stands.
     */
    @Transactional(readOnly = true)
    public String contentVersion() {
        Object[] row = (Object[]) entities.createNativeQuery("""
                select c.version, coalesce((select t.version from storefront_theme t where t.id = 1), -1)
                  from calendar_version c where c.id = 1""").getSingleResult();
        return row[0] + "." + row[1];
    }

    @Transactional(readOnly = true)
    public Theme current() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select brand_name, logo_url, primary_colour, accent_colour, font, corner_radius, hero_image_url,
                       tagline, layout, show_services, show_stylists, show_locations, custom_css
                  from storefront_theme where id = 1""").getResultList();
        if (rows.isEmpty()) {
            Tenant tenant = TenantContext.require();
            return Theme.starter(tenant.name(), tenant.slug().value());
        }
        Object[] row = rows.getFirst();
        return new Theme((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                Theme.Font.valueOf((String) row[4]), ((Number) row[5]).intValue(), (String) row[6], (String) row[7],
                Theme.Layout.valueOf((String) row[8]), new Theme.Sections((Boolean) row[9], (Boolean) row[10],
                        (Boolean) row[11]),
                (String) row[12]);
    }

    /** How long a preview of a theme being edited stands. */
    public static final Duration PREVIEW_LIFETIME = Duration.ofHours(1);

    /** A theme being edited, shown on the chain's own pages at {@code ?preview=<id>} until it expires. */
    public record Preview(UUID id, Instant expiresAt) {
    }

    /**
     * Keeps {@code theme} as a preview for {@link #PREVIEW_LIFETIME}: its id is the digest of the chain and the theme,
     * so the same draft sent again is the same preview, its hour renewed. Lapsed previews are dropped on the way.
     */
    @Transactional
    public Preview preview(Theme theme) {
        String json = JSON.writeValueAsString(theme);
        UUID id = UUID.nameUUIDFromBytes((TenantContext.require().id() + "\n" + json).getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        Instant expires = now.plus(PREVIEW_LIFETIME);
        entities.createNativeQuery("delete from theme_preview where expires_at <= :now")
                .setParameter("now", Timestamp.from(now)).executeUpdate();
        entities.createNativeQuery("""
                insert into theme_preview (id, theme, created_at, expires_at)
                values (:id, cast(:theme as jsonb), :now, :expires)
                on conflict (id) do update set expires_at = excluded.expires_at""")
                .setParameter("id", id).setParameter("theme", json).setParameter("now", Timestamp.from(now))
                .setParameter("expires", Timestamp.from(expires)).executeUpdate();
        return new Preview(id, expires);
    }

    /** The theme previewed as {@code id}, while it stands. */
    @Transactional(readOnly = true)
    public Optional<Theme> previewed(UUID id) {
        @SuppressWarnings("unchecked")
        List<String> rows = entities.createNativeQuery(
                "select cast(theme as text) from theme_preview where id = :id and expires_at > :now")
                .setParameter("id", id).setParameter("now", Timestamp.from(clock.instant())).getResultList();
        return rows.stream().findFirst().map(json -> JSON.readValue(json, Theme.class));
    }

    /** Keeps {@code theme} as the chain's and brands its sign-in pages with it. */
    @Transactional
    public Theme set(Theme theme) {
        entities.createNativeQuery("""
                insert into storefront_theme (id, brand_name, logo_url, primary_colour, accent_colour, font,
                       corner_radius, hero_image_url, tagline, layout, show_services, show_stylists, show_locations,
                       custom_css, updated_at)
                values (1, :name, :logo, :primary, :accent, :font, :radius, :hero, :tagline, :layout, :services,
                        :stylists, :locations, :css, :now)
                on conflict (id) do update set brand_name = excluded.brand_name, logo_url = excluded.logo_url,
                       primary_colour = excluded.primary_colour, accent_colour = excluded.accent_colour,
                       font = excluded.font, corner_radius = excluded.corner_radius,
                       hero_image_url = excluded.hero_image_url, tagline = excluded.tagline,
                       layout = excluded.layout, show_services = excluded.show_services,
                       show_stylists = excluded.show_stylists, show_locations = excluded.show_locations,
                       custom_css = excluded.custom_css, version = storefront_theme.version + 1,
                       updated_at = excluded.updated_at""")
                .setParameter("name", theme.brandName()).setParameter("logo", theme.logoUrl())
                .setParameter("primary", theme.primaryColour()).setParameter("accent", theme.accentColour())
                .setParameter("font", theme.font().name()).setParameter("radius", theme.cornerRadius())
                .setParameter("hero", theme.heroImageUrl()).setParameter("tagline", theme.tagline())
                .setParameter("layout", theme.layout().name()).setParameter("services", theme.sections().services())
                .setParameter("stylists", theme.sections().stylists())
                .setParameter("locations", theme.sections().locations()).setParameter("css", theme.customCss())
                .setParameter("now", Timestamp.from(clock.instant())).executeUpdate();
        Tenant tenant = TenantContext.require();
        identity.brandStorefront(tenant.slug(), storefronts.of(tenant.slug()), theme.branding());
        return theme;
    }
}
