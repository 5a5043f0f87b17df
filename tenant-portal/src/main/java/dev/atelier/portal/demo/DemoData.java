package dev.atelier.portal.demo;

import dev.atelier.platform.catalog.Address;
import dev.atelier.platform.catalog.Location;
import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.catalog.OpeningHours;
import dev.atelier.platform.identity.Account;
import dev.atelier.platform.identity.Branding;
import dev.atelier.platform.identity.IdentityProvider;
import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.onboarding.TenantSignup;
import dev.atelier.platform.staff.NewStaffMember;
import dev.atelier.platform.staff.StaffAdministration;
import dev.atelier.platform.tenancy.NewTenant;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the local stack's two demo chains (one in Shanghai, one in London), each with its owner account, the first
 * time it starts; a later start
 * finds them and leaves them alone. On only with {@code atelier.demo.enabled=true} (the local stack sets it).
 */
@Component
@ConditionalOnProperty(name = "atelier.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final TenantSignup signup;
    private final TenantDirectory directory;
    private final LocationRepository locations;
    private final StaffAdministration staff;
    private final TransactionTemplate transactions;
    private final IdentityProvider identity;
    private final StorefrontUrls storefronts;
    private final Clock clock;

    DemoData(TenantSignup signup, TenantDirectory directory, LocationRepository locations, StaffAdministration staff,
            IdentityProvider identity, StorefrontUrls storefronts,
            TransactionTemplate transactions, Clock clock) {
        this.signup = signup;
        this.directory = directory;
        this.locations = locations;
        this.staff = staff;
        this.transactions = transactions;
        this.identity = identity;
        this.storefronts = storefronts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed(new NewTenant(Slug.of("aurora"), "Aurora Hair 极光美发", "CN", Currency.getInstance("CNY"),
                ZoneId.of("Asia/Shanghai"), Locale.forLanguageTag("zh-CN"), "trial"),
                new Account("owner@aurora.test", "Li Na 李娜", "aurora-owner-2026"), auroraLocations(),
                List.of("Wang Fang 王芳", "Zhang Wei 张伟", "Chen Jing 陈静", "Liu Yang 刘洋"),
                new Branding("Aurora Hair 极光美发", "#7a1f5c", "#d4a017", null));
        seed(new NewTenant(Slug.of("mayfair"), "Mayfair Beauty Rooms", "GB", Currency.getInstance("GBP"),
                ZoneId.of("Europe/London"), Locale.forLanguageTag("en-GB"), "trial"),
                new Account("owner@mayfair.test", "Eleanor Hart", "mayfair-owner-2026"), mayfairLocations(),
                List.of("Priya Shah", "Tom Fletcher", "Sofia Rossi", "Amara Okafor"),
                new Branding("Mayfair Beauty Rooms", "#1b4332", "#b08968", null));
    }

    /**
     * The first of {@code people} manages the chain; the others are stylists, one per salon. Their accounts are
     * {@code manager@<slug>.test} and {@code stylist1@<slug>.test}… with the password {@code <slug>-staff-2026}.
     */
    private void seed(NewTenant chain, Account owner, List<Location> salons, List<String> people, Branding brand) {
        if (directory.bySlug(chain.slug()).isPresent()) {
            identity.brandStorefront(chain.slug(), storefronts.of(chain.slug()), brand);
            log.info("demo tenant {} already present", chain.slug());
            return;
        }
        Tenant tenant = signup.signUp(chain, owner);
        identity.brandStorefront(chain.slug(), storefronts.of(chain.slug()), brand);
        TenantContext.asTenant(tenant, () -> {
            transactions.executeWithoutResult(status -> locations.saveAll(salons));
            String slug = chain.slug().value();
            String password = slug + "-staff-2026";
            staff.add(StaffRole.OWNER, new NewStaffMember(people.getFirst(), "manager@" + slug + ".test",
                    StaffRole.MANAGER, Set.of(), password));
            for (int i = 1; i < people.size(); i++) {
                Location salon = salons.get((i - 1) % salons.size());
                staff.add(StaffRole.OWNER, new NewStaffMember(people.get(i), "stylist" + i + "@" + slug + ".test",
                        StaffRole.STYLIST, Set.of(salon.id()), password));
            }
        });
        log.info("seeded demo tenant {} with {} locations and {} staff", chain.slug(), salons.size(),
                people.size());
    }

    private List<Location> auroraLocations() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        List<OpeningHours> hours = every(DayOfWeek.values(), "10:00", "21:00");
        return List.of(
                new Location("Aurora 静安寺店", new Address("南京西路 1601 号", "上海", "上海", "200040", "CN"), 31.2231,
                        121.4453, shanghai, "+86 21 6288 0101", hours, clock.instant()),
                new Location("Aurora 徐家汇店", new Address("虹桥路 1 号", "上海", "上海", "200030", "CN"), 31.1947, 121.4368,
                        shanghai, "+86 21 6448 0202", hours, clock.instant()),
                new Location("Aurora 陆家嘴店", new Address("世纪大道 8 号", "上海", "上海", "200120", "CN"), 31.2397, 121.4998,
                        shanghai, "+86 21 5888 0303", hours, clock.instant()));
    }

    private List<Location> mayfairLocations() {
        ZoneId london = ZoneId.of("Europe/London");
        List<OpeningHours> hours = new ArrayList<>(every(new DayOfWeek[]{DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY}, "09:00", "19:00"));
        hours.add(new OpeningHours(DayOfWeek.SUNDAY, LocalTime.parse("10:00"), LocalTime.parse("16:00")));
        return List.of(
                new Location("Mayfair — Mount Street", new Address("24 Mount Street", "London", null, "W1K 2RR", "GB"),
                        51.5101, -0.1517, london, "+44 20 7946 0101", hours, clock.instant()),
                new Location("Mayfair — Shoreditch", new Address("88 Redchurch Street", "London", null, "E2 7DJ", "GB"),
                        51.5246, -0.0760, london, "+44 20 7946 0202", hours, clock.instant()),
                new Location("Mayfair — Clapham", new Address("12 Old Town", "London", null, "SW4 0JY", "GB"), 51.4627,
                        -0.1393, london, "+44 20 7946 0303", hours, clock.instant()));
    }

    private static List<OpeningHours> every(DayOfWeek[] days, String opens, String closes) {
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : days) {
            hours.add(new OpeningHours(day, LocalTime.parse(opens), LocalTime.parse(closes)));
        }
        return hours;
    }
}
