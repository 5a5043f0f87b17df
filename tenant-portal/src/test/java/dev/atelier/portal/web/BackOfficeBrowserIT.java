package dev.atelier.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.Ports;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.platform.testing.browser.Axe;
import dev.atelier.platform.testing.browser.Chromium;
import dev.atelier.portal.Chains;
import dev.atelier.portal.TenantPortalApplication;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The back office in a real headless Chromium against the portal as {@code ./atelier up} runs it (the demo chains
 * seeded, Keycloak's own sign-in page, the app built by Maven): an owner signs in with PKCE at the realm's portal
 * client and sees the front desk's calendar of the first salon, a column per stylist and every booking of the day in
 * it, and the chain's reports; a stylist sees only their own column; platform staff see every chain and suspend and
 * resume one. Screens are shot at desktop and phone widths in both languages
 * ({@code target/screenshots/back-office/}) and checked by axe-core.
 * <p>
 * At a chain of its own (two stylists working all day, a service both do), a receptionist books by clicking an empty time, drags the booking to another stylist and
 * onto taken time (refused, said, back where it was), sees a booking made elsewhere appear within 2 s, checks the
 * visit in, takes its payment and completes it, books a walk-in for a customer found by phone, and notes something
 * on that customer's profile. An owner of a new chain adds a service, a stylist new to the platform and her rota, and
 * the chain's own site (storefront-renderer, run as its own process) offers the times of her shifts (not of her breaks,
 * and two hours long, her own time for it) for it; then the
 * salon closes on Sundays, gets a basin, the policy's start times come every half hour, and card payments are taken
 * once the chain's Stripe account is given; the site's brand and tagline change, its home page framed in the draft as typed.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackOfficeBrowserIT {

    static final TestCells CELLS = TestCells.create("backoffice");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    /** A fixed port, since the portal client lets sign-in return only to the addresses it names. */
    static final int PORT = Ports.free();
    /** The chains' sites (storefront-renderer, its own process). */
    static final int SITE_PORT = Ports.free();
    static final Path SHOTS = Path.of("target", "screenshots", "back-office");
    static final Dimension PHONE = new Dimension(390, 844);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
        PortalClient.serveAt(registry, PORT);
        StorefrontProcess.register(registry, SITE_PORT);
        registry.add("atelier.demo.enabled", () -> "true");
    }

    @Autowired
    TenantDirectory directory;

    ChromeDriver browser;
    StorefrontProcess site;
    Axe axe;
    Http http;
    final List<String> violations = new ArrayList<>();

    @BeforeAll
    void browser() throws Exception {
        site = StorefrontProcess.start(CELLS, KEYCLOAK, SITE_PORT, PORT);
        PortalClient.allowReturnsTo(KEYCLOAK, PORT);
        http = new Http(PORT);
        axe = Axe.load();
        browser = Chromium.start(1280, 900);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void anOwnerSeesTheFrontDeskCalendarAndAStylistOnlyTheirOwnDiary() throws Exception {
        String owner = KEYCLOAK.accessToken("atelier", "atelier-dev", "owner@aurora.test", "aurora-owner-2026",
                "openid organization");
        JsonNode locations = get(owner, "/api/v1/locations");
        JsonNode first = locations.get(0);
        ZoneId zone = ZoneId.of(first.get("timezone").asString());
        // the first day from the salon's today with bookings on it (the demo books the weeks around now)
        int ahead = 0;
        int items = 0;
        int held = 0;
        for (; ahead < 14 && (items == 0 || held == 0); ahead++) {
            String day = LocalDate.now(zone).plusDays(ahead).toString();
            items = 0;
            held = 0;
            for (JsonNode entry : get(owner, "/api/v1/bookings?from=" + day + "&to=" + day + "&locationId="
                    + first.get("id").asString())) {
                if (!List.of("CANCELLED", "EXPIRED").contains(entry.get("status").asString())) {
                    items += entry.get("items").size();
                    held += entry.get("resources").size();
                }
            }
        }
        assertThat(items).as("the demo salon has bookings within a fortnight").isPositive();
        assertThat(held).as("and some of them hold a basin").isPositive();
        int days = ahead - 1;
        List<String> stylists = new ArrayList<>();
        for (JsonNode member : get(owner, "/api/v1/staff")) {
            if (member.get("status").asString().equals("ACTIVE")
                    && member.get("role").asString().equals("STYLIST")
                    && member.get("locationIds").toString().contains(first.get("id").asString())) {
                stylists.add(member.get("name").asString());
            }
        }
        assertThat(stylists).as("the demo salon has stylists").isNotEmpty();

        signIn("owner@aurora.test", "aurora-owner-2026");
        Chromium.waitFor(browser, By.cssSelector("#calendar .ec-resource, #calendar .ec-header"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isIn("Front desk", "前台");
        // a reload signs in again at once (Keycloak's single sign-on), no password asked
        browser.navigate().refresh();
        Chromium.waitFor(browser, By.cssSelector("#calendar .ec-header"));
        assertThat(browser.findElements(By.id("username"))).as("no sign-in form on reload").isEmpty();
        assertThat(browser.getCurrentUrl()).startsWith("http://localhost:" + PORT + "/");
        assertThat(browser.findElement(By.cssSelector("#calendar .ec-title")).getText()).as("the salon's today")
                .contains(String.valueOf(LocalDate.now(zone).getDayOfMonth()));
        for (int i = 0; i < days; i++) {
            browser.findElement(By.cssSelector("#calendar .ec-next")).click();
        }
        int expected = items;
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver
                .findElements(By.cssSelector("#calendar .ec-event.booking")).size() == expected);
        String headers = browser.findElement(By.id("calendar")).getText();
        assertThat(stylists).allMatch(headers::contains);
        everyWay("01-front-desk");

        // the same day by the salon's chairs and basins: each visit where the engine placed it
        browser.findElement(By.id("by-resource")).click();
        int expectedHeld = held;
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver
                .findElements(By.cssSelector("#calendar .ec-event.held")).size() == expectedHeld);
        assertThat(browser.findElement(By.id("calendar")).getText()).contains("Basin 1");
        everyWay("01-front-desk-resources");
        browser.findElement(By.id("by-stylist")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver
                .findElements(By.cssSelector("#calendar .ec-event.booking")).size() == expected);

        // the owner's reports over this month of the demo's bookings
        browser.findElement(By.xpath("//nav//a[@href='#reports']")).click();
        Chromium.waitFor(browser, By.cssSelector("#report-revenue .chart svg"));
        Chromium.waitFor(browser, By.cssSelector("#report-staff table"));
        everyWay("03-reports");
        browser.findElement(By.xpath("//nav//a[@href='#']")).click();
        Chromium.waitFor(browser, By.cssSelector("#calendar .ec-header"));

        browser.findElement(By.xpath("//button[normalize-space()='Sign out' or normalize-space()='退出登录']"))
                .click();
        Chromium.waitFor(browser, By.id("username"));
        signIn("stylist1@aurora.test", "aurora-staff-2026");
        Chromium.waitFor(browser, By.cssSelector("#calendar .ec-header"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isIn("My diary", "我的日程");
        String mine = browser.findElement(By.cssSelector(".who")).getText();
        assertThat(mine).isNotBlank();
        List<String> shown = stylists.stream().filter(browser.findElement(By.id("calendar")).getText()::contains)
                .toList();
        assertThat(shown).as("only their own column").hasSize(1);
        everyWay("02-stylist-diary");

        // platform staff: every chain; one suspended and resumed
        String chain = "platform-" + UUID.randomUUID().toString().substring(0, 8);
        new Chains(http, KEYCLOAK).signUp(chain);
        browser.findElement(By.xpath("//button[normalize-space()='Sign out' or normalize-space()='退出登录']"))
                .click();
        Chromium.waitFor(browser, By.id("username"));
        signIn("admin@atelier.test", "atelier-admin");
        WebElement tenants = Chromium.waitFor(browser, By.id("tenant-list"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> tenants.getText().contains("aurora")
                && tenants.getText().contains(chain));
        browser.findElement(By.id("tenant-filter")).sendKeys(chain);
        browser.findElement(By.xpath("//button[@aria-label='Suspend " + chain + "' or @aria-label='暂停 " + chain
                + "']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> get(platformAdmin(),
                "/api/v1/platform/tenants/" + chain).get("status").asString().equals("SUSPENDED"));
        everyWay("18-platform");
        browser.findElement(By.xpath("//button[@aria-label='Resume " + chain + "' or @aria-label='恢复 " + chain
                + "']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !get(platformAdmin(),
                "/api/v1/platform/tenants/" + chain).get("status").asString().equals("SUSPENDED"));

        assertThat(violations).as("serious or critical accessibility violations").isEmpty();
    }

    @Test
    void anOwnerAddsAServiceAStylistAndARotaAndTheirTimesAreOffered() throws Exception {
        Chains chains = new Chains(http, KEYCLOAK);
        String slug = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        String ownerEmail = chains.signUp(slug);
        String owner = chains.token(ownerEmail);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        String allDay = Stream.of(DayOfWeek.values())
                .map(day -> "{\"day\":\"%s\",\"opens\":\"08:00\",\"closes\":\"21:00\"}".formatted(day))
                .collect(Collectors.joining(","));
        Http.Response created = chains.call("POST", "/api/v1/locations", owner, """
                {"name":"Owner salon","address":{"line1":"1 Nanjing Road","city":"Shanghai","region":"",
                 "postalCode":"200001","country":"CN"},"latitude":31.23,"longitude":121.47,"timezone":"%s",
                 "phone":"+86 21 5555 0000","openingHours":[%s]}""".formatted(zone.getId(), allDay));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String salon = created.json().get("id").asString();

        signIn(ownerEmail, Chains.PASSWORD);
        Chromium.waitFor(browser, By.cssSelector("nav.screens"));
        // the menu: a 90-minute colour, online
        browser.findElement(By.xpath("//nav//a[@href='#services']")).click();
        Chromium.waitFor(browser, By.id("add-service")).click();
        Chromium.waitFor(browser, By.id("service-name")).sendKeys("Balayage");
        browser.findElement(By.id("service-category")).sendKeys("Colour");
        WebElement minutes = browser.findElement(By.id("service-duration"));
        minutes.clear();
        minutes.sendKeys("90");
        browser.findElement(By.id("service-price")).sendKeys("480");
        everyWay("12-add-service");
        browser.findElement(By.id("save-service")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("service-list"))
                .getText().contains("Balayage"));
        JsonNode service = get(owner, "/api/v1/services").valueStream()
                .filter(found -> found.get("name").asString().equals("Balayage")).findFirst().orElseThrow();
        assertThat(service.get("durationMinutes").asInt()).isEqualTo(90);
        assertThat(service.get("price").get("amount").decimalValue()).isEqualByComparingTo("480");
        assertThat(service.get("price").get("currency").asString()).as("the chain's currency").isEqualTo("GBP");
        everyWay("13-services");

        // a stylist new to the platform, at the salon, doing it
        browser.findElement(By.xpath("//nav//a[@href='#team']")).click();
        Chromium.waitFor(browser, By.id("add-member")).click();
        Chromium.waitFor(browser, By.id("member-name")).sendKeys("Lena Wu");
        String lenaEmail = "lena@" + slug + ".test";
        browser.findElement(By.id("member-email")).sendKeys(lenaEmail);
        WebElement atSalon = browser.findElement(By.xpath(
                "//*[@id='member-form']//label[contains(., 'Owner salon')]/input"));
        if (!atSalon.isSelected()) {
            atSalon.click();
        }
        browser.findElement(By.xpath("//*[@id='member-form']//label[contains(., 'Balayage')]/input")).click();
        shot("14-add-member");
        browser.findElement(By.id("save-member")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("member-list"))
                .getText().contains("Lena Wu"));
        JsonNode lena = get(owner, "/api/v1/staff").valueStream()
                .filter(found -> found.get("email").asString().equals(lenaEmail)).findFirst().orElseThrow();
        assertThat(lena.get("role").asString()).isEqualTo("STYLIST");
        assertThat(lena.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(lena.get("locationIds").toString()).contains(salon);
        assertThat(lena.get("serviceIds").toString()).contains(service.get("id").asString());
        everyWay("15-team");

        // she takes two hours over it
        browser.findElement(By.xpath("//nav//a[@href='#services']")).click();
        Chromium.waitFor(browser, By.xpath("//button[@aria-label='Change Balayage' or @aria-label='更换 Balayage']"))
                .click();
        WebElement hers = Chromium.waitFor(browser, By.xpath("//*[@id='service-form']//label[contains(., 'Lena Wu')"
                + " and (contains(., 'Minutes') or contains(., '分钟'))]/input"));
        hers.sendKeys("120");
        browser.findElement(By.id("save-service")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> get(owner, "/api/v1/services/"
                + service.get("id").asString() + "/performers").toString().contains("\"durationMinutes\":120"));
        browser.findElement(By.xpath("//nav//a[@href='#team']")).click();

        // her week: 09:00-18:00 with a break at one, every day
        Chromium.waitFor(browser, By.xpath("//button[@aria-label='Rota Lena Wu' or @aria-label='排班 Lena Wu']"))
                .click();
        Chromium.waitFor(browser, By.id("rota"));
        for (DayOfWeek day : DayOfWeek.values()) {
            browser.findElement(By.id("shifts-" + day)).sendKeys("09:00-18:00");
            browser.findElement(By.id("breaks-" + day)).sendKeys("13:00-14:00");
        }
        everyWay("16-rota");
        browser.findElement(By.id("save-rota")).click();
        Chromium.waitFor(browser, By.cssSelector("#rota [role=status]"));
        JsonNode week = get(owner, "/api/v1/staff/" + lena.get("id").asString() + "/schedule?locationId=" + salon);
        shot("17-rota-saved");
        assertThat(week.get("weekly")).hasSize(7);
        assertThat(week.get("breaks")).hasSize(7);
        assertThat(violations).as("serious or critical accessibility violations").isEmpty();

        // the chain's own site (the storefront, its own app) offers her shifts' times for it three days on, in
        // two-hour visits, none over her break
        LocalDate day = LocalDate.now(zone).plusDays(3);
        browser.get(site.site(slug) + "/book/time?location=" + salon + "&service=" + service.get("id").asString()
                + "&stylist=" + lena.get("id").asString() + "&date=" + day + "&lang=zh-CN");
        List<String> times = Chromium.waitFor(browser, By.cssSelector("main")).findElements(
                By.xpath("//main//ul/li/a")).stream().map(WebElement::getText).map(String::strip).toList();
        shot("17-storefront-times");
        assertThat(times).as("Balayage with Lena on " + day).isNotEmpty().contains("09:00", "11:00", "14:00", "16:00")
                .doesNotContain("08:45", "11:15", "12:00", "13:00", "13:45", "16:15");
        browser.get("http://localhost:" + PORT + "/");
        Chromium.waitFor(browser, By.cssSelector("nav.screens"));

        // the salon closes on Sundays now, and start times come every half hour
        browser.findElement(By.xpath("//nav//a[@href='#salons']")).click();
        Chromium.waitFor(browser, By.xpath("//select[@id='salon-choice']/option[normalize-space()='Owner salon']"))
                .click();
        WebElement sunday = Chromium.waitFor(browser, By.id("hours-SUNDAY"));
        assertThat(sunday.getAttribute("value")).isEqualTo("08:00-21:00");
        // as a person clears it (WebElement.clear() sets the value without the input event React listens to)
        sunday.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        browser.findElement(By.id("save-salon")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !get(owner, "/api/v1/locations/" + salon)
                .get("openingHours").toString().contains("SUNDAY"));
        WebElement step = Chromium.waitFor(browser, By.id("policy-slotStepMinutes"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !step.getAttribute("value").isEmpty());
        step.clear();
        step.sendKeys("30");
        browser.findElement(By.id("save-policy")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> get(owner, "/api/v1/booking-policy")
                .get("slotStepMinutes").asInt() == 30);
        browser.findElement(By.id("resource-name")).sendKeys("Basin 1");
        browser.findElement(By.id("resource-type")).sendKeys("basin");
        browser.findElement(By.id("add-resource")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("resource-list"))
                .getText().contains("Basin 1"));
        assertThat(get(owner, "/api/v1/resources?locationId=" + salon).toString()).contains("\"type\":\"basin\"");
        // card payments: refused without the chain's Stripe account, taken with it (the account id itself never shown)
        browser.findElement(By.id("method-card")).click();
        browser.findElement(By.id("save-payment-settings")).click();
        assertThat(Chromium.waitFor(browser, By.id("payment-settings-problem")).getText()).isNotBlank();
        browser.findElement(By.id("stripe-accountId")).sendKeys("acct_1OwnerSalon42");
        browser.findElement(By.id("save-payment-settings")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> get(owner, "/api/v1/payment-settings")
                .get("methods").toString().contains("card"));
        JsonNode paying = get(owner, "/api/v1/payment-settings");
        assertThat(paying.get("credentials").get("stripe").get("given").asBoolean()).isTrue();
        assertThat(paying.toString()).doesNotContain("acct_1OwnerSalon42");
        assertThat(browser.findElement(By.id("payment-settings")).getText()).doesNotContain("acct_1OwnerSalon42");
        everyWay("18-salons");

        // the site's look: a new brand and tagline, previewed as typed, then saved
        browser.findElement(By.xpath("//nav//a[@href='#theme']")).click();
        WebElement brand = Chromium.waitFor(browser, By.id("theme-brand"));
        brand.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        brand.sendKeys("Owner Studio");
        browser.findElement(By.id("theme-tagline")).sendKeys("Colour by appointment");
        // the site's own home page, framed in the draft: not the site as its visitors see it yet
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> {
            WebElement frame = driver.findElement(By.id("theme-preview-frame"));
            driver.switchTo().frame(frame);
            try {
                String page = driver.findElement(By.tagName("body")).getText();
                return page.contains("Owner Studio") && page.contains("Colour by appointment")
                        && !driver.findElements(By.cssSelector(".preview-banner")).isEmpty();
            } catch (org.openqa.selenium.NoSuchElementException e) {
                return false;
            } finally {
                driver.switchTo().defaultContent();
            }
        });
        assertThat(new Http(SITE_PORT).send("GET", slug + ".localhost", "/", null).body()).as("not published yet")
                .doesNotContain("Colour by appointment");
        everyWay("19-theme-preview");
        browser.findElement(By.id("save-theme")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> get(owner, "/api/v1/theme").get("theme")
                .get("brandName").asString().equals("Owner Studio"));
        everyWay("19-theme");
        assertThat(violations).as("serious or critical accessibility violations").isEmpty();
    }

    @Test
    void theDeskBooksByClickingTheCalendarMovesChecksInCompletesAndTakesPayment() throws Exception {
        Chains chains = new Chains(http, KEYCLOAK);
        String slug = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        String owner = chains.token(chains.signUp(slug));
        // London or Shanghai: in one of them it is between 04:00 and 20:00 now, so a walk-in fits in the day
        ZoneId zone = Stream.of("Europe/London", "Asia/Shanghai").map(ZoneId::of)
                .filter(z -> ZonedDateTime.now(z).getHour() >= 4 && ZonedDateTime.now(z).getHour() < 20)
                .findFirst().orElseThrow();
        String salon = chains.addAllDaySalon(owner, "Desk salon", zone);
        String anna = chains.addStaff(owner, "anna@" + slug + ".test", "STYLIST", salon);
        String ben = chains.addStaff(owner, "ben@" + slug + ".test", "STYLIST", salon);
        String desk = "desk@" + slug + ".test";
        chains.addStaff(owner, desk, "RECEPTIONIST", salon);
        String cut = chains.addService(owner, "Desk cut");
        chains.worksAllDay(owner, anna, salon, cut);
        chains.worksAllDay(owner, ben, salon, cut);
        // a customer of the chain (as a first visit to its site makes one), and someone else's booking at noon
        Tenant tenant = directory.bySlug(Slug.of(slug)).orElseThrow();
        CELLS.update(tenant, """
                insert into customer (id, user_id, name, email, phone, created_at, last_seen_at)
                values ('%s', 'desk-customer', 'Mei Lin', 'mei@%s.test', '+86 138 0013 8000', now(), now())"""
                .formatted(UUID.randomUUID(), slug));
        LocalDate day = LocalDate.now(zone).plusDays(2);
        Http.Response blocker = book(chains, owner, salon, day.atTime(12, 0).atZone(zone).toInstant(), cut, ben,
                "In The Way");
        assertThat(blocker.status()).as(blocker.body()).isEqualTo(201);

        signIn(desk, Chains.PASSWORD);
        Chromium.waitFor(browser, By.cssSelector("#calendar .ec-header"));
        for (LocalDate shown = LocalDate.now(zone); shown.isBefore(day); shown = shown.plusDays(1)) {
            browser.findElement(By.cssSelector("#calendar .ec-next")).click();
        }
        // a click on 10:00 in Anna's column books there: a guest, the service
        WebElement ten = Chromium.waitFor(browser, By.xpath(
                "//*[contains(@class,'ec-sidebar')]//*[not(*) and contains(normalize-space(.), '10:00')]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", ten);
        Chromium.waitFor(browser, event("In The Way"));
        click(column("anna@" + slug + ".test"), middleOf(ten) + 8);
        Chromium.waitFor(browser, By.id("new-booking"));
        String guest = "Drag Me";
        browser.findElement(By.id("guest-name")).sendKeys(guest);
        browser.findElement(By.xpath("//*[@id='new-booking']//label[contains(., 'Desk cut')]/input")).click();
        everyWay("04-new-booking");
        browser.findElement(By.id("book")).click();
        Chromium.waitFor(browser, By.cssSelector("#message[role=status]"));
        WebElement event = Chromium.waitFor(browser, event(guest));
        JsonNode booked = get(owner, "/api/v1/bookings?from=" + day + "&to=" + day + "&locationId=" + salon)
                .valueStream().filter(entry -> entry.get("customer").get("name").asString().equals(guest))
                .findFirst().orElseThrow();
        assertThat(Instant.parse(booked.get("start").asString())).as("at the time clicked")
                .isEqualTo(day.atTime(10, 0).atZone(zone).toInstant());
        assertThat(booked.get("items").get(0).get("staffId").asString()).as("in the column clicked").isEqualTo(anna);
        assertThat(booked.get("source").asString()).isEqualTo("STAFF");
        String booking = booked.get("id").asString();

        // dragged to Ben's column: moved, at the same time
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", event);
        shot("05-before-drag");
        drag(event, column("ben@" + slug + ".test") - column("anna@" + slug + ".test"), 0);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> entry(owner, salon, day, booking)
                .get("items").get(0).get("staffId").asString().equals(ben));
        assertThat(browser.findElement(By.id("message")).getAttribute("role")).isEqualTo("status");
        assertThat(Instant.parse(entry(owner, salon, day, booking).get("start").asString())).as("at the same time")
                .isEqualTo(day.atTime(10, 0).atZone(zone).toInstant());
        shot("06-moved");

        // two hours later in that column is taken: refused, said, and the booking goes back where it was
        WebElement there = Chromium.waitFor(browser, event(guest));
        int top = there.getRect().getY();
        int pixelsPerHour = there.getRect().getHeight() * 60 / 30;
        drag(there, 0, 2 * pixelsPerHour);
        WebElement refused = Chromium.waitFor(browser, By.cssSelector("#message[role=alert]"));
        assertThat(refused.getText()).isNotBlank();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> driver.findElement(event(guest)).getRect().getY() == top);
        JsonNode after = entry(owner, salon, day, booking);
        assertThat(Instant.parse(after.get("start").asString())).as("still at its time")
                .isEqualTo(day.atTime(10, 0).atZone(zone).toInstant());
        assertThat(after.get("items").get(0).get("staffId").asString()).isEqualTo(ben);
        shot("07-refused-and-back");

        // booked elsewhere (another desk, the chain's site): on this calendar within 2 s, unasked
        Chromium.waitFor(browser, By.cssSelector("#live.on"));
        Http.Response elsewhere = book(chains, owner, salon, day.atTime(11, 0).atZone(zone).toInstant(), cut, anna,
                "From Elsewhere");
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(201);
        new WebDriverWait(browser, Duration.ofSeconds(2)).pollingEvery(Duration.ofMillis(50))
                .until(driver -> !driver.findElements(event("From Elsewhere")).isEmpty());

        // checked in, completed, and paid at the desk
        Chromium.waitFor(browser, event(guest)).click();
        Chromium.waitFor(browser, By.id("check-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> entry(owner, salon, day, booking)
                .get("status").asString().equals("CHECKED_IN"));
        Chromium.waitFor(browser, By.xpath("//article[contains(@class, 'status-checked_in') and contains(., '"
                + guest + "')]")).click();
        Chromium.waitFor(browser, By.id("take-payment"));
        // the price is due (filled in once the booking's payments are read)
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> "25.00".equals(driver.findElement(By.id(
                "pay-amount")).getAttribute("value")));
        everyWay("08-checked-in");
        browser.findElement(By.id("take-payment")).click();
        Chromium.waitFor(browser, By.id("payment-list"));
        JsonNode payments = get(owner, "/api/v1/bookings/" + booking + "/payments");
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).get("method").asString()).isEqualTo("at-salon");
        assertThat(payments.get(0).get("amount").get("amount").decimalValue()).isEqualByComparingTo("25.00");
        browser.findElement(By.id("complete")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> entry(owner, salon, day, booking)
                .get("status").asString().equals("COMPLETED"));
        shot("09-completed");

        // a walk-in for a customer of the chain, found by phone, starts now
        browser.findElement(By.id("walk-in")).click();
        Chromium.waitFor(browser, By.id("who-customer")).click();
        Chromium.waitFor(browser, By.id("customer-search")).sendKeys("138 0013");
        Chromium.waitFor(browser, By.cssSelector(".found-customer")).click();
        assertThat(Chromium.waitFor(browser, By.id("chosen-customer")).getText()).contains("Mei Lin");
        browser.findElement(By.xpath("//*[@id='new-booking']//label[contains(., 'Desk cut')]/input")).click();
        shot("10-walk-in");
        browser.findElement(By.id("book")).click();
        Chromium.waitFor(browser, By.cssSelector("#message[role=status]"));
        LocalDate today = LocalDate.now(zone);
        JsonNode walkIn = get(owner, "/api/v1/bookings?from=" + today + "&to=" + today + "&locationId=" + salon)
                .valueStream().filter(entry -> entry.get("source").asString().equals("WALK_IN")).findFirst()
                .orElseThrow();
        assertThat(walkIn.get("customer").get("name").asString()).isEqualTo("Mei Lin");
        assertThat(Duration.between(Instant.parse(walkIn.get("start").asString()), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(5));

        // the customer book: found, her visit to come, a note kept
        browser.findElement(By.xpath("//nav//a[@href='#customers']")).click();
        Chromium.waitFor(browser, By.id("customer-search")).sendKeys("mei");
        Chromium.waitFor(browser, By.cssSelector(".found-customer")).click();
        Chromium.waitFor(browser, By.id("customer-profile"));
        browser.findElement(By.id("note-text")).sendKeys("Prefers the basin by the window.");
        browser.findElement(By.id("add-note")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(By.cssSelector(
                ".notes")).getText().contains("Prefers the basin by the window."));
        everyWay("11-customer");

        // the delivery log: what went to the customers (two entries as the notifications write them; the pipeline
        // itself is BookingEmailsIT's and BookingTextsIT's), narrowed to texts
        CELLS.update(tenant, """
                insert into notification (id, event_key, kind, channel, recipient, locale, subject, status, attempts,
                       error, created_at, sent_at)
                values (gen_random_uuid(), 'screen-1', 'BOOKING_CONFIRMED', 'EMAIL', 'mei@%1$s.test', 'en-GB',
                        'Booking confirmed: Desk salon', 'SENT', 1, null, now() - interval '5 minutes', now()),
                       (gen_random_uuid(), 'screen-1', 'BOOKING_CONFIRMED', 'SMS', '+8613800138000', 'en-GB',
                        'Desk salon: your booking is confirmed.', 'SKIPPED', 1,
                        'the customer chose not to be told by sms', now() - interval '5 minutes', null)"""
                .formatted(slug));
        browser.findElement(By.xpath("//nav//a[@href='#messages']")).click();
        Chromium.waitFor(browser, By.id("delivery-log"));
        assertThat(browser.findElements(By.cssSelector("#delivery-log tbody tr"))).hasSize(2);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("log-channel"))).selectByValue("SMS");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> driver.findElements(By.cssSelector(
                "#delivery-log tbody tr")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#delivery-log tbody")).getText())
                .contains("+8613800138000", "the customer chose not to be told by sms");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("log-channel"))).selectByValue("");
        everyWay("12-messages");
        assertThat(violations).as("serious or critical accessibility violations").isEmpty();
    }

    /** The y of {@code element}'s middle in the window (where the mouse's events are aimed). */
    private int middleOf(WebElement element) {
        return ((Number) browser.executeScript("""
                const r = arguments[0].getBoundingClientRect();
                return Math.round(r.top + r.height / 2);""", element)).intValue();
    }

    /** A click as a mouse makes it, at page coordinates {@code x}, {@code y} of the visible window. */
    private void click(int x, int y) {
        mouse("mouseMoved", x, y, 0);
        mouse("mousePressed", x, y, 1);
        mouse("mouseReleased", x, y, 0);
    }

    /** The booking as the diary API has it. */
    private JsonNode entry(String token, String salon, LocalDate day, String booking) {
        return get(token, "/api/v1/bookings?from=" + day + "&to=" + day + "&locationId=" + salon).valueStream()
                .filter(entry -> entry.get("id").asString().equals(booking)).findFirst().orElseThrow();
    }

    /** The x of the middle of {@code stylist}'s column heading. */
    private int column(String stylist) {
        WebElement heading = browser.findElement(By.xpath("//*[contains(@class,'ec-header')]//*[normalize-space()='"
                + stylist + "']"));
        return heading.getRect().getX() + heading.getRect().getWidth() / 2;
    }

    /**
     * Drags {@code element} by {@code dx}, {@code dy} as a mouse would (the browser's own input events: pressed,
     * moved in small steps with the button held, released), from near the top of its visible part.
     */
    private void drag(WebElement element, int dx, int dy) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) browser.executeScript("""
                const r = arguments[0].getBoundingClientRect();
                return {x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 12)};""", element);
        double x = box.get("x").doubleValue();
        double y = box.get("y").doubleValue();
        mouse("mouseMoved", x, y, 0);
        mouse("mousePressed", x, y, 1);
        for (int step = 1; step <= 12; step++) {
            mouse("mouseMoved", x + dx * step / 12.0, y + dy * step / 12.0, 1);
            Thread.sleep(25);
        }
        mouse("mouseReleased", x + dx, y + dy, 0);
    }

    private void mouse(String type, double x, double y, int buttons) {
        browser.executeCdpCommand("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button",
                "left", "buttons", buttons, "clickCount", type.equals("mouseMoved") ? 0 : 1));
    }

    private static By event(String guest) {
        return By.xpath("//article[contains(concat(' ', normalize-space(@class), ' '), ' ec-event ') and contains(., '"
                + guest + "')]");
    }

    private static Http.Response book(Chains chains, String token, String salon, Instant start, String service,
            String stylist,
            String guest) {
        return chains.call("POST", "/api/v1/bookings", token, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}],"guest":{"name":"%s"}}"""
                .formatted(salon, start, service, stylist, guest), "Idempotency-Key", "drag-" + UUID.randomUUID());
    }

    private static String platformAdmin() {
        return KEYCLOAK.accessToken("atelier", "atelier-dev", "admin@atelier.test", "atelier-admin",
                "openid organization");
    }

    private void signIn(String email, String password) {
        // a new person at the computer: no one's session at Keycloak or in the app
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.get("http://localhost:" + PORT + "/");
        Chromium.waitFor(browser, By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    /** The screen at desktop and phone widths, in English and in Chinese (the app's own language switch). */
    private void everyWay(String name) throws Exception {
        for (int language = 0; language < 2; language++) {
            String lang = browser.findElement(By.tagName("html")).getAttribute("lang");
            shot(name + "-" + lang);
            Dimension desktop = browser.manage().window().getSize();
            browser.manage().window().setSize(PHONE);
            try {
                shot(name + "-" + lang + "-phone");
            } finally {
                browser.manage().window().setSize(desktop);
            }
            browser.findElement(By.xpath("//button[normalize-space()='中文' or normalize-space()='English']"))
                    .click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !lang.equals(driver.findElement(
                    By.tagName("html")).getAttribute("lang")));
        }
    }

    private void shot(String name) throws Exception {
        // fonts loaded and two frames painted since the last change (a resize, a language, a move)
        browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(done)));""");
        Chromium.screenshot(browser, SHOTS, name);
        axe.seriousViolations(browser).forEach(found -> violations.add(name + ": " + found));
    }

    private JsonNode get(String token, String path) {
        Http.Response response = http.send("GET", "localhost", path, null, "Authorization", "Bearer " + token);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.json();
    }

}
