package dev.atelier.storefront.pages;

import dev.atelier.platform.booking.BookingPolicy;
import dev.atelier.platform.booking.BookingPolicyRepository;
import dev.atelier.platform.booking.BookingView;
import dev.atelier.platform.catalog.LocationView;
import dev.atelier.storefront.catalog.CatalogView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * One of the customer's bookings as its page shows it: what, where and when, what it costs, what was paid ahead and
 * given back, what may still be done (pay, move, cancel) and within which policy, with a notice or a problem on top.
 */
@Component
class BookingPage {

    private static final List<String> ACTIVE = List.of("CONFIRMED", "HELD", "PENDING_PAYMENT");

    private final PageFrame frame;
    private final BookingPolicyRepository policies;
    private final Paying paying;
    private final Clock clock;

    BookingPage(PageFrame frame, BookingPolicyRepository policies, Paying paying, Clock clock) {
        this.frame = frame;
        this.policies = policies;
        this.paying = paying;
        this.clock = clock;
    }

    /** Puts the booking and the page's words into {@code model}; {@code notice} and {@code problem} are label keys. */
    void show(PageFrame.Site site, BookingView booking, String notice, String problem, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Instant now = clock.instant();
        BookingPolicy.Settings policy = policies.require().settings();
        ZoneId zone = zone(site, booking);
        Instant freeUntil = booking.start().minus(Duration.ofHours(policy.freeCancellationHours()));
        boolean active = ACTIVE.contains(booking.status()) && booking.start().isAfter(now);
        String until = when(freeUntil, zone, site);
        frame.show(site, "/my/bookings", model, request, response);
        Map<String, Object> shown = new LinkedHashMap<>(summary(site, booking));
        shown.put("lines", booking.items().stream().map(item -> Map.of("service", serviceName(site,
                item.serviceId()), "stylist", stylistName(site, item.staffId()), "time",
                PageFormats.time(item.start(), zone, site.locale()),
                "price", PageFormats.money(item.price(), booking.price().currency(), site.locale())))
                .toList());
        shown.put("total", PageFormats.money(booking.price().amount(), booking.price().currency(), site.locale()));
        shown.put("fee", booking.cancellationFee() == null || booking.cancellationFee().signum() == 0
                ? ""
                : PageFormats.money(booking.cancellationFee(), booking.price().currency(), site.locale()));
        shown.put("canCancel", active);
        shown.put("canMove", booking.status().equals("CONFIRMED") && now.isBefore(freeUntil));
        shown.put("policy", !active
                ? ""
                : policy.lateCancellationFeePercent() == 0
                        ? site.labels().text("cancelFree", until)
                        : site.labels().text("cancelPolicy", until, policy.lateCancellationFeePercent()));
        shown.put("moveUntil", site.labels().text("moveUntil", until));
        BookingView.PaymentView payment = booking.payment();
        boolean asked = payment != null && !payment.status().equals("NOT_REQUIRED");
        boolean paidSomething = asked && payment.paid().amount().signum() > 0;
        shown.put("deposit", asked ? money(payment.due(), site) : "");
        shown.put("paid", paidSomething ? money(payment.paid(), site) : "");
        shown.put("refunded", asked && payment.refunded().amount().signum() > 0 ? money(payment.refunded(), site) : "");
        shown.put("receipt", paidSomething);
        model.addAttribute("booking", shown);
        boolean payable = asked && payment.status().equals("DUE") && booking.status().equals("PENDING_PAYMENT")
                && booking.holdExpiresAt() != null && booking.holdExpiresAt().isAfter(now);
        model.addAttribute("pay", payable
                ? Map.of("due", money(payment.due(), site), "until", site.labels().text("payUntil",
                        when(booking.holdExpiresAt(), zone, site)), "methods",
                        paying.choices(payment.due().currency(), site.labels()), "key", UUID.randomUUID().toString(),
                        "action", "/my/bookings/" + booking.id() + "/pay")
                : Map.of());
        String shownNotice = notice;
        if (shownNotice == null && booking.status().equals("EXPIRED") && asked) {
            shownNotice = paidSomething ? "lateRefunded" : "expiredUnpaid";
        }
        if ("booked".equals(shownNotice) && payable) {
            model.addAttribute("notice", site.labels().text("awaitingPayment", money(payment.due(), site)));
        } else {
            model.addAttribute("notice", shownNotice == null ? "" : site.labels().text(shownNotice));
        }
        model.addAttribute("bookAgain", booking.status().equals("EXPIRED"));
        model.addAttribute("problem", problem == null ? "" : site.labels().text(problem));
    }

    /** One booking's line in a list: when, what, where, its status and where its money stands. */
    Map<String, Object> summary(PageFrame.Site site, BookingView booking) {
        ZoneId zone = zone(site, booking);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", booking.id());
        shown.put("href", "/my/bookings/" + booking.id());
        shown.put("status", site.labels().texts().getOrDefault(booking.status(), booking.status()));
        shown.put("cancelled", booking.status().equals("CANCELLED"));
        shown.put("when", when(booking.start(), zone, site));
        shown.put("services", booking.items().stream().map(item -> serviceName(site, item.serviceId()))
                .collect(Collectors.joining(", ")));
        shown.put("salon", site.location(booking.locationId()).map(LocationView::name).orElse(""));
        shown.put("address", site.location(booking.locationId()).map(PageFormats::address).orElse(""));
        shown.put("money", moneyLine(site, booking.payment()));
        return shown;
    }

    /** Where a booking's money paid ahead stands, in a few words ("" when nothing was asked). */
    private static String moneyLine(PageFrame.Site site, BookingView.PaymentView payment) {
        if (payment == null) {
            return "";
        }
        return switch (payment.status()) {
            case "DUE" -> site.labels().text("moneyDue", money(payment.due(), site));
            case "PAID" -> site.labels().text("moneyPaid", money(payment.paid(), site));
            case "PARTIALLY_REFUNDED", "REFUNDED" -> site.labels().text("moneyRefunded", money(payment.refunded(),
                    site), money(payment.paid(), site));
            default -> "";
        };
    }

    static ZoneId zone(PageFrame.Site site, BookingView booking) {
        return site.location(booking.locationId()).map(salon -> ZoneId.of(salon.timezone()))
                .orElse(site.tenant().timezone());
    }

    static String when(Instant instant, ZoneId zone, PageFrame.Site site) {
        return PageFormats.longDay(LocalDate.ofInstant(instant, zone), site.locale()) + " "
                + PageFormats.time(instant, zone, site.locale());
    }

    static String money(BookingView.PriceView amount, PageFrame.Site site) {
        return PageFormats.money(amount.amount(), amount.currency(), site.locale());
    }

    static String serviceName(PageFrame.Site site, String id) {
        return site.service(id).map(CatalogView.ServiceView::name).orElse("—");
    }

    static String stylistName(PageFrame.Site site, String id) {
        return site.stylist(id).map(CatalogView.StaffView::name).orElse("—");
    }
}
