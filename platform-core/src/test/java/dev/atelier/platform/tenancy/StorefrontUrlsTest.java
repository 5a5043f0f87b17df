package dev.atelier.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.tenancy.internal.TenantRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A chain's canonical storefront address: its verified custom domain over https, else its slug's address; read
 * through the directory's short-lived cache, so a newly verified domain shows within the cache period.
 */
class StorefrontUrlsTest {

    private static final Duration TTL = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final DomainsRegistry registry = new DomainsRegistry();
    private final TenantDirectory directory = new TenantDirectory(registry, clock, TTL);
    private final StorefrontUrls urls = new StorefrontUrls("http://{slug}.localhost:8080/", directory);
    private final Tenant aurora = tenant("aurora");

    @Test
    void withoutAVerifiedDomainTheCanonicalAddressIsTheSlugs() {
        assertThat(urls.of(aurora.slug())).isEqualTo("http://aurora.localhost:8080");
        assertThat(urls.canonicalOf(aurora)).isEqualTo("http://aurora.localhost:8080");
    }

    @Test
    void aVerifiedDomainIsTheCanonicalAddressOverHttpsWhileTheSlugsAddressStays() {
        registry.domains.put(aurora.id(), "www.aurora.test");

        assertThat(urls.canonicalOf(aurora)).isEqualTo("https://www.aurora.test");
        assertThat(urls.of(aurora.slug())).isEqualTo("http://aurora.localhost:8080");
    }

    @Test
    void aNewlyVerifiedDomainShowsWithinTheCachePeriodOrAtOnceAfterAnEviction() {
        assertThat(urls.canonicalOf(aurora)).isEqualTo("http://aurora.localhost:8080");
        registry.domains.put(aurora.id(), "www.aurora.test");

        clock.advance(TTL.minusSeconds(1));
        assertThat(urls.canonicalOf(aurora)).as("no domain is cached too").isEqualTo("http://aurora.localhost:8080");
        assertThat(registry.lookups).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(urls.canonicalOf(aurora)).isEqualTo("https://www.aurora.test");

        registry.domains.remove(aurora.id());
        directory.evict(aurora);
        assertThat(urls.canonicalOf(aurora)).isEqualTo("http://aurora.localhost:8080");
        assertThat(registry.lookups).isEqualTo(3);
    }

    @Test
    void eachChainHasItsOwn() {
        Tenant other = tenant("other");
        registry.domains.put(other.id(), "salon.other.test");

        assertThat(urls.canonicalOf(aurora)).isEqualTo("http://aurora.localhost:8080");
        assertThat(urls.canonicalOf(other)).isEqualTo("https://salon.other.test");
    }

    private static Tenant tenant(String slug) {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        UUID id = UUID.randomUUID();
        return new Tenant(new TenantId(id), Slug.of(slug), "Chain " + slug, TenantStatus.ACTIVE, "trial",
                Locale.UK, Currency.getInstance("GBP"), ZoneId.of("Europe/London"), "GB",
                new TenantPlacement("main", new SchemaName("t_" + id.toString().replace("-", "")), "atelier", null),
                new MigrationState("v1", MigrationState.Status.CURRENT, null, 1, created), created);
    }

    /** The registry's canonical-domain answer from a map (the SQL itself is exercised by the storefront's IT). */
    private static final class DomainsRegistry extends TenantRegistry {

        final Map<TenantId, String> domains = new HashMap<>();
        int lookups;

        DomainsRegistry() {
            super(new SimpleDriverDataSource());
        }

        @Override
        public Optional<String> findCanonicalDomain(TenantId id) {
            lookups++;
            return Optional.ofNullable(domains.get(id));
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
