package dev.atelier.storefront.pages;

import dev.atelier.platform.booking.BookingRequest;
import dev.atelier.platform.booking.BookingView;
import dev.atelier.platform.booking.Bookings;
import dev.atelier.platform.booking.IdempotencyKeyReusedException;
import dev.atelier.platform.booking.model.BookingRefusedException;
import dev.atelier.platform.booking.model.SlotUnavailableException;
import dev.atelier.platform.catalog.LocationView;
import dev.atelier.platform.customers.Customer;
import dev.atelier.platform.customers.CustomerProfiles;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.Quotes;
import dev.atelier.platform.payments.model.Quote;
import dev.atelier.platform.scheduling.AvailabilityQuery;
import dev.atelier.platform.scheduling.AvailabilitySearch;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.storefront.catalog.CatalogView;
import dev.atelier.storefront.session.SignedInCustomer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The booking flow as plain pages and links, working without JavaScript: a salon (if the chain has several) and one
 * or more services → a stylist or "any" → a day and a time → sign in or register (Keycloak) → confirm. Every step
 * is a GET carrying the choices so far, so it can be bookmarked, shared and cached; only the confirmation writes, as
 * a POST with a CSRF token and an idempotency key, so a double click books once.
 */
@Controller
class BookingPagesController {

    static final String ANY = "any";
    /** The page's idempotency key: what the form carries (a UUID), nothing else. */
    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");
    /** Characters a note may not carry (line breaks and tabs may). */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");
    private static final int DAYS_SHOWN = 7;

    private final PageFrame frame;
    private final AvailabilitySearch search;
    private final Bookings bookings;
    private final CustomerProfiles profiles;
    private final Quotes quotes;
    private final Paying paying;
    private final Clock clock;
    private final TransactionTemplate reads;

    BookingPagesController(PageFrame frame, AvailabilitySearch search, Bookings bookings, CustomerProfiles profiles,
            Quotes quotes, Paying paying, Clock clock, PlatformTransactionManager transactions) {
        this.quotes = quotes;
        this.paying = paying;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.frame = frame;
        this.search = search;
        this.bookings = bookings;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Step 1: the salon (when there are several), then its services. */
    @GetMapping(value = "/book", produces = MediaType.TEXT_HTML_VALUE)
    String services(@RequestParam(required = false) UUID location, @RequestParam(required = false) String lang,
            @RequestParam(required = false) String missing, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        PageFrame.Site site = frame.site(lang, request, response);
        if (location == null && site.catalog().locations().size() != 1) {
            frame.show(site, "/book", model, request, response);
            model.addAttribute("salons", site.catalog().locations().stream()
                    .map(salon -> Map.of("name", salon.name(), "href", "/book?location=" + salon.id())).toList());
            return "book-salon";
        }
        LocationView salon = location == null ? site.catalog().locations().getFirst() : salon(site, location);
        frame.show(site, "/book?location=" + salon.id(), model, request, response);
        model.addAttribute("salon", Map.of("id", salon.id(), "name", salon.name()));
        model.addAttribute("services", site.catalog().servicesAt(salon.id()).stream()
                .map(service -> Map.of("id", service.id(), "name", service.name(), "minutes",
                        service.durationMinutes(), "price", PageFormats.money(service.price().amount(),
                                service.price().currency(), site.locale())))
                .toList());
        model.addAttribute("missing", missing != null);
        return "book-services";
    }

    /** Step 2: a stylist who does every chosen service at that salon, or anyone. */
    @GetMapping(value = "/book/stylist", produces = MediaType.TEXT_HTML_VALUE)
    String stylist(@RequestParam UUID location, @RequestParam(name = "service", required = false) List<UUID> chosen,
            @RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        PageFrame.Site site = frame.site(lang, request, response);
        LocationView salon = salon(site, location);
        if (chosen == null || chosen.isEmpty() || chosen.contains(null)) {
            return "redirect:/book?location=" + salon.id() + "&missing";
        }
        List<CatalogView.ServiceView> services = services(site, salon, chosen);
        List<CatalogView.StaffView> able = stylistsFor(site, salon.id(), services);
        frame.show(site, "/book?location=" + salon.id(), model, request, response);
        model.addAttribute("salon", Map.of("id", salon.id(), "name", salon.name()));
        model.addAttribute("chosen", services.stream().map(CatalogView.ServiceView::id).toList());
        model.addAttribute("serviceNames", services.stream().map(CatalogView.ServiceView::name).toList());
        model.addAttribute("stylists", able.stream()
                .map(member -> Map.of("id", member.id(), "name", member.name())).toList());
        return "book-stylist";
    }

    /**
     * Step 3: a week of days and the chosen day's free start times, each a link to the confirmation. The page's reads
     * (the site's content version, the availability question) share one read-only transaction; the chain's canonical
     * address is resolved before it opens, since it may read the registry through a second connection of the same
     * pool, and requests holding one connection while waiting for another starve the pool under load.
     */
    @GetMapping(value = "/book/time", produces = MediaType.TEXT_HTML_VALUE)
    String time(@RequestParam UUID location, @RequestParam(name = "service") List<UUID> chosen,
            @RequestParam(defaultValue = ANY) String stylist,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        String home = frame.home();
        return reads.execute(status -> timePage(location, chosen, stylist, date, lang, home, request, response,
                model));
    }

    private String timePage(UUID location, List<UUID> chosen, String stylist, LocalDate date, String lang,
            String home, HttpServletRequest request, HttpServletResponse response, Model model) {
        PageFrame.Site site = frame.site(lang, request, response, home);
        LocationView salon = salon(site, location);
        List<CatalogView.ServiceView> services = services(site, salon, chosen);
        UUID staffId = stylist(site, salon, services, stylist);
        ZoneId zone = ZoneId.of(salon.timezone());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate day = date == null || date.isBefore(today) ? today : date;
        if (day.isAfter(today.plusYears(2))) {
            throw new NotFoundException("day");
        }
        List<UUID> serviceIds = services.stream().map(service -> UUID.fromString(service.id())).toList();
        AvailabilitySearch.Prepared prepared = search.prepare(new AvailabilityQuery(location, serviceIds, staffId,
                day, day), now);
        // every time's link shares the choices so far; ids and ISO instants need no escaping in a query
        String confirm = "/book/confirm?location=" + salon.id() + serviceIds.stream().map(id -> "&service=" + id)
                .collect(Collectors.joining()) + "&stylist=" + stylist + "&start=";
        Set<Instant> starts = new HashSet<>();
        List<Map<String, String>> times = new ArrayList<>();
        for (AvailabilityEngine.Slot slot : prepared.engine().slots(prepared.visit(), day, day, now, 1)) {
            if (starts.add(slot.start())) {
                StringBuilder link = new StringBuilder(confirm).append(slot.start());
                slot.assignments().forEach(assignment -> link.append("&staff=").append(assignment.staffId()));
                times.add(
                        Map.of("label", PageFormats.time(slot.start(), zone, site.locale()), "href", link.toString()));
            }
        }
        LocalDate weekStart = today.plusDays((day.toEpochDay() - today.toEpochDay()) / DAYS_SHOWN * DAYS_SHOWN);
        List<Map<String, Object>> days = new ArrayList<>();
        for (int i = 0; i < DAYS_SHOWN; i++) {
            LocalDate shown = weekStart.plusDays(i);
            days.add(Map.of("label", PageFormats.day(shown, site.locale()), "href", timeLink(salon.id(), serviceIds,
                    stylist, shown), "current", shown.equals(day)));
        }
        frame.show(site, "/book?location=" + salon.id(), model, request, response);
        model.addAttribute("salon", Map.of("id", salon.id(), "name", salon.name()));
        model.addAttribute("serviceNames", services.stream().map(CatalogView.ServiceView::name).toList());
        model.addAttribute("stylistName", staffId == null
                ? site.labels().text("anyStylist")
                : site.stylist(staffId.toString()).map(CatalogView.StaffView::name).orElse(""));
        model.addAttribute("day", PageFormats.longDay(day, site.locale()));
        model.addAttribute("days", days);
        model.addAttribute("earlier", weekStart.isAfter(today)
                ? timeLink(salon.id(), serviceIds, stylist, weekStart.minusDays(DAYS_SHOWN))
                : "");
        model.addAttribute("later", timeLink(salon.id(), serviceIds, stylist, weekStart.plusDays(DAYS_SHOWN)));
        model.addAttribute("times", times);
        model.addAttribute("back", UriComponentsBuilder.fromPath("/book/stylist").queryParam("location", salon.id())
                .queryParam("service", serviceIds.toArray()).build().toUriString());
        return "book-time";
    }

    /** Step 4 (signed in): what will be booked, with the price, and the button that books it. */
    @GetMapping(value = "/book/confirm", produces = MediaType.TEXT_HTML_VALUE)
    String review(@RequestParam UUID location, @RequestParam(name = "service") List<UUID> chosen,
            @RequestParam(name = "staff") List<UUID> staff, @RequestParam(defaultValue = ANY) String stylist,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant start,
            @RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        PageFrame.Site site = frame.site(lang, request, response);
        showReview(site, location, chosen, staff, stylist, start, null, model, request, response);
        return "book-confirm";
    }

    @PostMapping(value = "/book/confirm", produces = MediaType.TEXT_HTML_VALUE)
    String book(@RequestParam UUID location, @RequestParam(name = "service") List<UUID> chosen,
            @RequestParam(name = "staff") List<UUID> staff, @RequestParam(defaultValue = ANY) String stylist,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant start,
            @RequestParam(required = false) String note, @RequestParam String key,
            @RequestParam(required = false) String method,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PageFrame.Site site = frame.site(null, request, response);
        LocationView salon = salon(site, location);
        List<CatalogView.ServiceView> services = services(site, salon, chosen);
        if (staff.size() != services.size() || staff.contains(null) || !KEY.matcher(key).matches()
                || (note != null && (note.length() > 500 || CONTROL.matcher(note).find()))) {
            throw new InvalidRequestException(List.of(new FieldError("note", "up to 500 characters of text")));
        }
        SignedInCustomer signedIn = PageFrame.customer().orElseThrow();
        Customer customer = profiles.profileOf(signedIn.caller());
        try {
            BookingView booked = bookings.create(customer, "page:" + key, new BookingRequest(location, start,
                    items(services, staff), note == null || note.isBlank() ? null : note.strip())).booking();
            if (booked.status().equals("PENDING_PAYMENT") && method != null) {
                return paying.start(customer, UUID.fromString(booked.id()), method, key, request);
            }
            return "redirect:/my/bookings/" + booked.id() + "?booked";
        } catch (SlotUnavailableException | BookingRefusedException | IdempotencyKeyReusedException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            showReview(site, location, chosen, staff, stylist, start, "slotTaken", model, request, response);
            return "book-confirm";
        }
    }

    private void showReview(PageFrame.Site site, UUID location, List<UUID> chosen, List<UUID> staff, String stylist,
            Instant start, String problem, Model model, HttpServletRequest request, HttpServletResponse response) {
        LocationView salon = salon(site, location);
        List<CatalogView.ServiceView> services = services(site, salon, chosen);
        stylist(site, salon, services, stylist);
        if (staff.size() != services.size() || staff.contains(null)) {
            throw new NotFoundException("choice");
        }
        ZoneId zone = ZoneId.of(salon.timezone());
        Quote quote = quotes.of(items(services, staff));
        List<Map<String, String>> lines = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            CatalogView.ServiceView service = services.get(i);
            String stylistName = site.stylist(staff.get(i).toString()).map(CatalogView.StaffView::name)
                    .orElseThrow(() -> new NotFoundException("stylist"));
            lines.add(Map.of("service", service.name(), "stylist", stylistName, "price",
                    money(quote.lines().get(i).price(), site)));
        }
        frame.show(site, "/book?location=" + salon.id(), model, request, response);
        model.addAttribute("salon",
                Map.of("id", salon.id(), "name", salon.name(), "address", PageFormats.address(salon)));
        model.addAttribute("when", PageFormats.longDay(LocalDate.ofInstant(start, zone), site.locale()) + " "
                + PageFormats.time(start, zone, site.locale()));
        model.addAttribute("lines", lines);
        model.addAttribute("total", money(quote.total(), site));
        model.addAttribute("due", quote.asksAhead()
                ? Map.of("now", money(quote.dueNow(), site), "atSalon", money(quote.atSalon(), site), "methods",
                        paying.choices(quote.dueNow().currency().getCurrencyCode(), site.labels()))
                : Map.of());
        model.addAttribute("form", Map.of("location", salon.id(), "stylist", stylist, "start", start.toString(),
                "services", services.stream().map(CatalogView.ServiceView::id).toList(), "staff",
                staff.stream().map(UUID::toString).toList(), "key", UUID.randomUUID().toString()));
        model.addAttribute("problem", problem == null ? "" : site.labels().text(problem));
        model.addAttribute("again", timeLink(salon.id(), chosen, stylist, LocalDate.ofInstant(start, zone)));
    }

    private static List<BookingRequest.Item> items(List<CatalogView.ServiceView> services, List<UUID> staff) {
        List<BookingRequest.Item> items = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            items.add(new BookingRequest.Item(UUID.fromString(services.get(i).id()), staff.get(i)));
        }
        return items;
    }

    private static String money(Money amount, PageFrame.Site site) {
        return PageFormats.money(amount.amount(), amount.currency().getCurrencyCode(), site.locale());
    }

    private static String timeLink(String location, List<UUID> services, String stylist, LocalDate date) {
        return UriComponentsBuilder.fromPath("/book/time").queryParam("location", location)
                .queryParam("service", services.toArray()).queryParam("stylist", stylist)
                .queryParam("date", date.toString()).build().toUriString();
    }

    private static LocationView salon(PageFrame.Site site, UUID id) {
        return site.location(id.toString()).orElseThrow(() -> new NotFoundException("salon"));
    }

    /** The chosen services, each offered at the salon, in the order chosen; anything else is no such page. */
    private static List<CatalogView.ServiceView> services(PageFrame.Site site, LocationView salon, List<UUID> chosen) {
        if (chosen == null || chosen.isEmpty() || chosen.size() > AvailabilityQuery.MAX_SERVICES
                || chosen.contains(null) || new LinkedHashSet<>(chosen).size() != chosen.size()) {
            throw new NotFoundException("services");
        }
        List<CatalogView.ServiceView> offered = site.catalog().servicesAt(salon.id());
        return chosen.stream().map(id -> offered.stream().filter(service -> service.id().equals(id.toString()))
                .findFirst().orElseThrow(() -> new NotFoundException("service"))).toList();
    }

    private static List<CatalogView.StaffView> stylistsFor(PageFrame.Site site, String locationId,
            List<CatalogView.ServiceView> services) {
        return site.catalog().stylistsAt(locationId).stream()
                .filter(member -> services.stream().allMatch(service -> member.serviceIds().contains(service.id())))
                .toList();
    }

    /** The chosen stylist's id, or none for "any"; a stylist who cannot do it all there is no such page. */
    private static UUID stylist(PageFrame.Site site, LocationView salon, List<CatalogView.ServiceView> services,
            String stylist) {
        if (ANY.equals(stylist)) {
            return null;
        }
        return stylistsFor(site, salon.id(), services).stream().filter(member -> member.id().equals(stylist))
                .findFirst().map(member -> UUID.fromString(member.id()))
                .orElseThrow(() -> new NotFoundException("stylist"));
    }
}
