package dev.atelier.storefront.pages;

import dev.atelier.platform.booking.BookingView;
import dev.atelier.platform.booking.Bookings;
import dev.atelier.platform.booking.model.BookingRefusedException;
import dev.atelier.platform.booking.model.SlotUnavailableException;
import dev.atelier.platform.catalog.LocationView;
import dev.atelier.platform.customers.Customer;
import dev.atelier.platform.customers.CustomerProfiles;
import dev.atelier.platform.scheduling.AvailabilityQuery;
import dev.atelier.platform.scheduling.AvailabilitySearch;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.storefront.catalog.CatalogView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "My bookings" for the customer signed in to this chain: the list, one booking with its add-to-calendar file, and
 * cancelling or moving it within the chain's policy (the same rules and guarantees as the API: the database decides
 * who gets a time). Changes are POSTs with a CSRF token, answered with a redirect to the booking.
 */
@Controller
class MyBookingsController {

    private static final Set<String> UPCOMING = Set.of("CONFIRMED", "HELD", "PENDING_PAYMENT", "CHECKED_IN");

    private final PageFrame frame;
    private final BookingPage page;
    private final Bookings bookings;
    private final CustomerProfiles profiles;
    private final AvailabilitySearch search;
    private final Clock clock;

    MyBookingsController(PageFrame frame, BookingPage page, Bookings bookings, CustomerProfiles profiles,
            AvailabilitySearch search, Clock clock) {
        this.frame = frame;
        this.page = page;
        this.bookings = bookings;
        this.profiles = profiles;
        this.search = search;
        this.clock = clock;
    }

    @GetMapping(value = "/my/bookings", produces = MediaType.TEXT_HTML_VALUE)
    String list(@RequestParam(required = false) String lang, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        PageFrame.Site site = frame.site(lang, request, response);
        Instant now = clock.instant();
        List<Map<String, Object>> upcoming = new ArrayList<>();
        List<Map<String, Object>> past = new ArrayList<>();
        // soonest first for what is coming, latest first for the rest
        for (BookingView booking : bookings.of(customer()).stream()
                .sorted(java.util.Comparator.comparing(BookingView::start)).toList()) {
            Map<String, Object> shown = page.summary(site, booking);
            if (UPCOMING.contains(booking.status()) && booking.end().isAfter(now)) {
                upcoming.add(shown);
            } else {
                past.addFirst(shown);
            }
        }
        frame.show(site, "/my/bookings", model, request, response);
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("past", past);
        return "my-bookings";
    }

    @GetMapping(value = "/my/bookings/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String one(@PathVariable UUID id, @RequestParam(required = false) String lang,
            @RequestParam(required = false) String booked, @RequestParam(required = false) String moved,
            @RequestParam(required = false) String paid, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        PageFrame.Site site = frame.site(lang, request, response);
        BookingView booking = bookings.one(customer(), id);
        page.show(site, booking, booked != null
                ? "booked"
                : moved != null
                        ? "moved"
                        : paid != null
                                ? "paidNotice"
                                : null,
                null, model, request, response);
        return "my-booking";
    }

    @PostMapping(value = "/my/bookings/{id}/cancel", produces = MediaType.TEXT_HTML_VALUE)
    String cancel(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model) {
        Customer customer = customer();
        try {
            bookings.cancel(customer, id);
            return "redirect:/my/bookings/" + id;
        } catch (BookingRefusedException e) {
            PageFrame.Site site = frame.site(null, request, response);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page.show(site, bookings.one(customer, id), null, "notAllowed", model, request, response);
            return "my-booking";
        }
    }

    /** The free times the same services and stylists have on a day, to move the booking to. */
    @GetMapping(value = "/my/bookings/{id}/reschedule", produces = MediaType.TEXT_HTML_VALUE)
    String moveChoices(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        PageFrame.Site site = frame.site(lang, request, response);
        showMove(site, bookings.one(customer(), id), date, null, model, request, response);
        return "my-booking-move";
    }

    @PostMapping(value = "/my/bookings/{id}/reschedule", produces = MediaType.TEXT_HTML_VALUE)
    String move(@PathVariable UUID id, @RequestParam(required = false) String start, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Customer customer = customer();
        try {
            bookings.reschedule(customer, id, Instant.parse(start == null ? "" : start));
            return "redirect:/my/bookings/" + id + "?moved";
        } catch (SlotUnavailableException | BookingRefusedException | java.time.DateTimeException e) {
            PageFrame.Site site = frame.site(null, request, response);
            response.setStatus(HttpStatus.CONFLICT.value());
            BookingView booking = bookings.one(customer, id);
            showMove(site, booking, null, e instanceof BookingRefusedException ? "notAllowed" : "slotTaken", model,
                    request, response);
            return "my-booking-move";
        }
    }

    /** The booking as an iCalendar event (RFC 5545) for the customer's own calendar. */
    @GetMapping("/my/bookings/{id}/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable UUID id, HttpServletRequest request,
            HttpServletResponse response) {
        PageFrame.Site site = frame.site(null, request, response);
        BookingView booking = bookings.one(customer(), id);
        LocationView salon = site.location(booking.locationId()).orElse(null);
        String brand = String.valueOf(((Map<?, ?>) site.frame().get("brand")).get("name"));
        String summary = booking.items().stream().map(item -> BookingPage.serviceName(site, item.serviceId()))
                .collect(Collectors.joining(", ")) + " · " + brand;
        String where = salon == null ? brand : brand + " " + salon.name() + ", " + PageFormats.address(salon);
        String event = new CalendarEvent(booking.id() + "@" + site.tenant().slug().value() + ".atelier", summary,
                where, site.home() + "/my/bookings/" + booking.id(), booking.start(), booking.end(),
                booking.status().equals("CANCELLED")).write(clock.instant());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("booking-" + booking.id() + ".ics").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(event.getBytes(StandardCharsets.UTF_8));
    }

    private Customer customer() {
        return profiles.profileOf(PageFrame.customer().orElseThrow(() -> new NotFoundException("booking")).caller());
    }

    private void showMove(PageFrame.Site site, BookingView booking, LocalDate date, String problem, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Instant now = clock.instant();
        ZoneId zone = zone(site, booking);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate day = date == null || date.isBefore(today) ? LocalDate.ofInstant(booking.start(), zone) : date;
        if (day.isBefore(today)) {
            day = today;
        }
        if (day.isAfter(today.plusYears(2))) {
            throw new NotFoundException("day");
        }
        List<UUID> services = booking.items().stream().map(item -> UUID.fromString(item.serviceId())).toList();
        List<String> stylists = booking.items().stream().map(BookingView.ItemView::staffId).toList();
        UUID onlyStylist = new LinkedHashSet<>(stylists).size() == 1 ? UUID.fromString(stylists.getFirst()) : null;
        List<Map<String, Object>> times = new ArrayList<>();
        if (List.of("CONFIRMED").contains(booking.status())) {
            AvailabilitySearch.Prepared prepared = search.prepare(new AvailabilityQuery(UUID.fromString(
                    booking.locationId()), services, onlyStylist, day, day), now);
            Set<Instant> starts = new LinkedHashSet<>();
            for (AvailabilityEngine.Slot slot : prepared.engine().slots(prepared.visit(), day, day, now)) {
                boolean sameStylists = slot.assignments().stream().map(a -> a.staffId().toString()).toList()
                        .equals(stylists);
                if (sameStylists && !slot.start().equals(booking.start()) && starts.add(slot.start())) {
                    times.add(Map.of("value", slot.start().toString(), "label", PageFormats.time(slot.start(), zone,
                            site.locale()), "id", "t" + times.size()));
                }
            }
        }
        List<Map<String, Object>> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate shown = day.minusDays(3).plusDays(i);
            if (!shown.isBefore(today)) {
                days.add(Map.of("label", PageFormats.day(shown, site.locale()), "href", "/my/bookings/" + booking.id()
                        + "/reschedule?date=" + shown, "current", shown.equals(day)));
            }
        }
        page.show(site, booking, null, problem, model, request, response);
        model.addAttribute("day", PageFormats.longDay(day, site.locale()));
        model.addAttribute("days", days);
        model.addAttribute("times", times);
    }

    private static ZoneId zone(PageFrame.Site site, BookingView booking) {
        return BookingPage.zone(site, booking);
    }
}
