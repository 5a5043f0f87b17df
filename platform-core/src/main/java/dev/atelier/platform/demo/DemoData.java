package dev.atelier.platform.demo;

import dev.atelier.platform.catalog.Address;
import dev.atelier.platform.catalog.Location;
import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.catalog.OpeningHours;
import dev.atelier.platform.identity.Account;
import dev.atelier.platform.identity.IdentityProvider;
import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.onboarding.TenantSignup;
import dev.atelier.platform.payments.model.DepositRule;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.staff.NewStaffMember;
import dev.atelier.platform.staff.StaffAdministration;
import dev.atelier.platform.tenancy.NewTenant;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.theme.Theme;
import dev.atelier.platform.theme.Themes;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * time it starts; a later start finds them and leaves them alone. Given the local payment fakes' keys, Aurora takes
 * Alipay, WeChat Pay, cards and payment at the salon, Mayfair cards and payment at the salon, and a few services of
 * each ask for a deposit ({@link DemoPayments}). On only with {@code atelier.demo.enabled=true} (the local stack sets it).
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
    private final DemoCatalog catalog;
    private final DemoPayments payments;
    private final StorefrontUrls storefronts;
    private final Themes themes;
    private final Clock clock;

    DemoData(TenantSignup signup, TenantDirectory directory, LocationRepository locations, StaffAdministration staff,
            IdentityProvider identity, DemoCatalog catalog, DemoPayments payments, StorefrontUrls storefronts,
            Themes themes, TransactionTemplate transactions, Clock clock) {
        this.payments = payments;
        this.themes = themes;
        this.signup = signup;
        this.directory = directory;
        this.locations = locations;
        this.staff = staff;
        this.transactions = transactions;
        this.identity = identity;
        this.catalog = catalog;
        this.storefronts = storefronts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed(new NewTenant(Slug.of("aurora"), "Aurora Hair 极光美发", "CN", Currency.getInstance("CNY"),
                ZoneId.of("Asia/Shanghai"), Locale.forLanguageTag("zh-CN"), "trial"),
                new Account("owner@aurora.test", "Li Na 李娜", "aurora-owner-2026"), auroraLocations(),
                "Wang Fang 王芳",
                new Theme("Aurora Hair 极光美发", null, "#7a1f5c", "#d4a017", Theme.Font.HUMANIST, 12, null,
                        "上海三家门店，在线预约 · Three salons in Shanghai, book online", Theme.Layout.CLASSIC,
                        Theme.Sections.ALL, ""));
        catalog.ensure(directory.bySlug(Slug.of("aurora")).orElseThrow(),
                List.of("Zhang Wei 张伟", "Chen Jing 陈静", "Liu Yang 刘洋", "Zhao Min 赵敏", "Sun Li 孙丽", "Zhou Jie 周杰",
                        "Wu Ting 吴婷", "Huang Lei 黄磊"),
                List.of(new DemoCatalog.Item("剪发 Cuts", "女士剪发 Women's cut", 45, "198", 0, 10, "chair"),
                        new DemoCatalog.Item("剪发 Cuts", "男士剪发 Men's cut", 30, "128", 0, 5, "chair"),
                        new DemoCatalog.Item("剪发 Cuts", "儿童剪发 Children's cut", 30, "88", 0, 5, "chair"),
                        new DemoCatalog.Item("剪发 Cuts", "洗剪吹 Wash, cut and blow-dry", 60, "238", 0, 10, "basin"),
                        new DemoCatalog.Item("染发 Colour", "全头染发 Full colour", 120, "688", 45, 15, "basin"),
                        new DemoCatalog.Item("染发 Colour", "补染发根 Root touch-up", 90, "398", 30, 10, "basin"),
                        new DemoCatalog.Item("染发 Colour", "挑染 Highlights", 150, "888", 40, 15, "basin"),
                        new DemoCatalog.Item("染发 Colour", "漂发 Bleach", 120, "798", 40, 15, "basin"),
                        new DemoCatalog.Item("烫发 Perms", "数码烫 Digital perm", 150, "980", 40, 15, null),
                        new DemoCatalog.Item("烫发 Perms", "离子烫 Straightening", 180, "1280", 45, 15, null),
                        new DemoCatalog.Item("护理 Treatments", "头皮护理 Scalp care", 45, "268", 0, 10, "basin"),
                        new DemoCatalog.Item("护理 Treatments", "深层修护 Deep repair", 60, "368", 20, 10, "basin"),
                        new DemoCatalog.Item("护理 Treatments", "头部按摩 Head massage", 30, "158", 0, 5, null),
                        new DemoCatalog.Item("造型 Styling", "吹造型 Blow-dry", 30, "128", 0, 5, null),
                        new DemoCatalog.Item("造型 Styling", "盘发 Up-do", 60, "398", 0, 10, null),
                        new DemoCatalog.Item("造型 Styling", "新娘造型 Bridal styling", 120, "1688", 0, 15, null),
                        new DemoCatalog.Item("美甲 Nails", "美甲 Manicure", 60, "198", 0, 10, null),
                        new DemoCatalog.Item("美甲 Nails", "美足 Pedicure", 60, "238", 0, 10, null)),
                List.of("Li Xiaoyu 李晓雨", "Wang Hao 王浩", "Zhang Yi 张怡", "Liu Mei 刘梅", "Chen Yu 陈宇", "Yang Xue 杨雪",
                        "Zhao Lin 赵琳", "Wu Fei 吴飞", "Zhou Qian 周倩", "Xu Ning 徐宁", "Sun Yue 孙悦", "Ma Jun 马骏"));
        payments.ensure(directory.bySlug(Slug.of("aurora")).orElseThrow(), new DemoPayments.Plan(
                EnumSet.of(PaymentMethod.ALIPAY, PaymentMethod.WECHATPAY, PaymentMethod.CARD, PaymentMethod.AT_SALON),
                Map.of("全头染发 Full colour", new DepositRule.Fixed(Money.parse("200.00", "CNY")),
                        "数码烫 Digital perm", new DepositRule.Percent(30),
                        "新娘造型 Bridal styling", new DepositRule.Full())));
        seed(new NewTenant(Slug.of("mayfair"), "Mayfair Beauty Rooms", "GB", Currency.getInstance("GBP"),
                ZoneId.of("Europe/London"), Locale.forLanguageTag("en-GB"), "trial"),
                new Account("owner@mayfair.test", "Eleanor Hart", "mayfair-owner-2026"), mayfairLocations(),
                "Priya Shah",
                new Theme("Mayfair Beauty Rooms", null, "#1b4332", "#b08968", Theme.Font.SERIF, 2, null,
                        "Hair, colour and nails across London", Theme.Layout.SPLIT, Theme.Sections.ALL, ""));
        catalog.ensure(directory.bySlug(Slug.of("mayfair")).orElseThrow(),
                List.of("Tom Fletcher", "Sofia Rossi", "Amara Okafor", "Jack Moreno", "Hannah Price", "Leo Brooks",
                        "Maya Patel", "Oscar Lindqvist", "Chloe Adeyemi"),
                List.of(new DemoCatalog.Item("Cuts", "Restyle cut", 60, "95", 0, 10, "chair"),
                        new DemoCatalog.Item("Cuts", "Cut and finish", 45, "75", 0, 10, "chair"),
                        new DemoCatalog.Item("Cuts", "Men's cut", 30, "45", 0, 5, "chair"),
                        new DemoCatalog.Item("Cuts", "Fringe trim", 15, "15", 0, 0, null),
                        new DemoCatalog.Item("Colour", "Full head colour", 120, "140", 40, 15, "basin"),
                        new DemoCatalog.Item("Colour", "Root colour", 90, "85", 30, 10, "basin"),
                        new DemoCatalog.Item("Colour", "Half head highlights", 120, "120", 35, 15, "basin"),
                        new DemoCatalog.Item("Colour", "Balayage", 180, "210", 45, 15, "basin"),
                        new DemoCatalog.Item("Colour", "Toner and gloss", 45, "45", 15, 10, "basin"),
                        new DemoCatalog.Item("Treatments", "Olaplex treatment", 45, "40", 15, 5, "basin"),
                        new DemoCatalog.Item("Treatments", "Keratin smoothing", 180, "250", 45, 15, null),
                        new DemoCatalog.Item("Styling", "Blow-dry", 45, "38", 0, 5, null),
                        new DemoCatalog.Item("Styling", "Hair up", 60, "65", 0, 10, null),
                        new DemoCatalog.Item("Styling", "Bridal trial", 90, "120", 0, 15, null),
                        new DemoCatalog.Item("Nails", "Gel manicure", 60, "42", 0, 10, null),
                        new DemoCatalog.Item("Nails", "Classic pedicure", 60, "45", 0, 10, null),
                        new DemoCatalog.Item("Brows and lashes", "Brow shape and tint", 30, "28", 0, 5, null),
                        new DemoCatalog.Item("Brows and lashes", "Lash lift", 60, "55", 0, 10, null),
                        new DemoCatalog.Item("Brows and lashes", "Lash extensions", 120, "110", 0, 10, null)),
                List.of("Olivia Bennett", "James Carter", "Isla Murphy", "Noah Williams", "Ava Thompson",
                        "George Evans", "Freya Walsh", "Arthur Hughes", "Grace Kelly-Ward", "Harry Stone",
                        "Ella Robinson", "Alfie Turner"));
        payments.ensure(directory.bySlug(Slug.of("mayfair")).orElseThrow(), new DemoPayments.Plan(
                EnumSet.of(PaymentMethod.CARD, PaymentMethod.AT_SALON),
                Map.of("Full head colour", new DepositRule.Fixed(Money.parse("30.00", "GBP")),
                        "Balayage", new DepositRule.Percent(25),
                        "Bridal trial", new DepositRule.Full())));
    }

    /**
     * A new chain with its salons and its manager {@code manager@<slug>.test} (password {@code <slug>-staff-2026});
     * its stylists, menu and rota come from {@link DemoCatalog}.
     */
    private void seed(NewTenant chain, Account owner, List<Location> salons, String manager, Theme theme) {
        if (directory.bySlug(chain.slug()).isPresent()) {
            identity.brandStorefront(chain.slug(), storefronts.of(chain.slug()), theme.branding());
            log.info("demo tenant {} already present", chain.slug());
            return;
        }
        Tenant tenant = signup.signUp(chain, owner);
        TenantContext.asTenant(tenant, () -> {
            themes.set(theme);
            transactions.executeWithoutResult(status -> locations.saveAll(salons));
            String slug = chain.slug().value();
            staff.add(StaffRole.OWNER, new NewStaffMember(manager, "manager@" + slug + ".test",
                    StaffRole.MANAGER, Set.of(), slug + "-staff-2026"));
        });
        log.info("seeded demo tenant {} with {} locations and its manager", chain.slug(), salons.size());
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
