package dev.atelier.storefront.pages;

import dev.atelier.platform.booking.BookingView;
import dev.atelier.platform.booking.Bookings;
import dev.atelier.platform.customers.Customer;
import dev.atelier.platform.customers.CustomerProfiles;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.Journal;
import dev.atelier.platform.payments.Payment;
import dev.atelier.platform.payments.Payments;
import dev.atelier.platform.payments.gateway.GatewayUnavailableException;
import dev.atelier.platform.payments.gateway.InWeChatPayment;
import dev.atelier.platform.payments.ledger.EntryKind;
import dev.atelier.platform.payments.ledger.JournalEntry;
import dev.atelier.platform.payments.model.PaymentStatus;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paying a booking on the pages: the customer picks one of the chain's methods and goes on to the provider's page
 * (or scans WeChat Pay's code on a computer); the provider sends them back to {@code …/paid}, which asks the provider
 * where the payment stands (its notice may not have come yet) and shows the booking confirmed, or to {@code …/pay}
 * when they did not pay, to try again while the time is still kept. A receipt lists every movement of the
 * booking's money from the chain's journal.
 */
@Controller
class PaymentPagesController {

    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PageFrame frame;
    private final BookingPage page;
    private final Paying paying;
    private final Bookings bookings;
    private final Payments payments;
    private final Journal journal;
    private final CustomerProfiles profiles;

    PaymentPagesController(PageFrame frame, BookingPage page, Paying paying, Bookings bookings, Payments payments,
            Journal journal, CustomerProfiles profiles) {
        this.frame = frame;
        this.page = page;
        this.paying = paying;
        this.bookings = bookings;
        this.payments = payments;
        this.journal = journal;
        this.profiles = profiles;
    }

    @PostMapping(value = "/my/bookings/{id}/pay", produces = MediaType.TEXT_HTML_VALUE)
    String pay(@PathVariable UUID id, @RequestParam(required = false) String method,
            @RequestParam(required = false) String key, HttpServletRequest request) {
        Customer customer = customer();
        bookings.one(customer, id);
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("key", "the page's key")));
        }
        return paying.start(customer, id, method, key, request);
    }

    /** Back from WeChat's authorisation inside WeChat's browser: the JSAPI order for the openid it gave. */
    @GetMapping(value = "/my/bookings/{id}/pay/wechat", produces = MediaType.TEXT_HTML_VALUE)
    String fromWeChat(@PathVariable UUID id, @RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String key,
            HttpServletRequest request) {
        Customer customer = customer();
        bookings.one(customer, id);
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("key", "the page's key")));
        }
        return paying.fromWeChat(customer, id, code, state, key, request);
    }

    /** Inside WeChat: the page that hands WeChat the JSAPI order, and the ways on. */
    @GetMapping(value = "/my/bookings/{id}/payments/{paymentId}/wechat", produces = MediaType.TEXT_HTML_VALUE)
    String inWeChat(@PathVariable UUID id, @PathVariable UUID paymentId, @RequestParam(required = false) String lang,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PageFrame.Site site = frame.site(lang, request, response);
        BookingView booking = bookings.one(customer(), id);
        Payment payment = payments.one(id, paymentId).orElseThrow(() -> new NotFoundException("payment"));
        InWeChatPayment order = payment.payPage().flatMap(InWeChatPayment::of)
                .orElseThrow(() -> new NotFoundException("payment"));
        if (payment.status() != PaymentStatus.PENDING) {
            return "redirect:/my/bookings/" + id + "/paid";
        }
        page.show(site, booking, null, null, model, request, response);
        model.addAttribute("wechat", Map.of("parameters", JSON.writeValueAsString(order.parameters()), "amount",
                PageFormats.money(payment.amount().amount(), payment.amount().currency().getCurrencyCode(),
                        site.locale()),
                "done", "/my/bookings/" + id + "/paid", "back", "/my/bookings/" + id + "/pay"));
        return "my-booking-wechat";
    }

    /** Back from the provider without paying (or when a payment could not start): the booking, to try again. */
    @GetMapping(value = "/my/bookings/{id}/pay", produces = MediaType.TEXT_HTML_VALUE)
    String notPaid(@PathVariable UUID id, @RequestParam(required = false) String unavailable,
            @RequestParam(required = false) String method, @RequestParam(required = false) String lang,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PageFrame.Site site = frame.site(lang, request, response);
        BookingView booking = bookings.one(customer(), id);
        String problem = unavailable != null ? "payUnavailable" : method != null ? "methodOff" : "notPaid";
        page.show(site, booking, null, booking.status().equals("PENDING_PAYMENT") ? problem : null, model, request,
                response);
        return "my-booking";
    }

    /**
     * Back from the provider having paid (or so they think): the latest payment asked of its provider, then the
     * booking confirmed, or a page that says it waits for the provider's word.
     */
    @GetMapping(value = "/my/bookings/{id}/paid", produces = MediaType.TEXT_HTML_VALUE)
    String paid(@PathVariable UUID id, @RequestParam(required = false) String lang, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Customer customer = customer();
        bookings.one(customer, id);
        Optional<Payment> latest = payments.ofBooking(id).stream().filter(payment -> payment.provider().isPresent())
                .reduce((first, second) -> second);
        Optional<Payment> now = latest;
        if (latest.isPresent() && latest.get().status() == PaymentStatus.PENDING) {
            try {
                now = Optional.of(payments.refresh(latest.get().id()));
            } catch (GatewayUnavailableException e) {
                now = latest;
            }
        }
        BookingView booking = bookings.one(customer, id);
        if (now.isPresent() && now.get().status().captured() && !booking.status().equals("EXPIRED")) {
            return "redirect:/my/bookings/" + id + "?paid";
        }
        if (now.isPresent() && now.get().status() != PaymentStatus.PENDING) {
            return "redirect:/my/bookings/" + id + (booking.status().equals("PENDING_PAYMENT") ? "/pay" : "");
        }
        PageFrame.Site site = frame.site(lang, request, response);
        page.show(site, booking, booking.status().equals("PENDING_PAYMENT") ? "waitingForProvider" : null, null,
                model, request, response);
        model.addAttribute("checkAgain", "/my/bookings/" + id + "/paid");
        return "my-booking";
    }

    /** WeChat Pay on a computer: the code to scan with the phone, and the way back once paid. */
    @GetMapping(value = "/my/bookings/{id}/payments/{paymentId}/scan", produces = MediaType.TEXT_HTML_VALUE)
    String scan(@PathVariable UUID id, @PathVariable UUID paymentId, @RequestParam(required = false) String lang,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PageFrame.Site site = frame.site(lang, request, response);
        BookingView booking = bookings.one(customer(), id);
        Payment payment = payments.one(id, paymentId).filter(found -> found.payPage().isPresent())
                .orElseThrow(() -> new NotFoundException("payment"));
        if (payment.status() != PaymentStatus.PENDING) {
            return "redirect:/my/bookings/" + id + "/paid";
        }
        String code = payment.payPage().orElseThrow().toString();
        page.show(site, booking, null, null, model, request, response);
        model.addAttribute("scan", Map.of("qr", QrCode.svg(code, site.labels().text("scanTitle")), "amount",
                PageFormats.money(payment.amount().amount(), payment.amount().currency().getCurrencyCode(),
                        site.locale()),
                "link", code.startsWith("http://") || code.startsWith("https://") ? code : "",
                "done", "/my/bookings/" + id + "/paid"));
        return "my-booking-scan";
    }

    /** What was paid for the booking, given back and kept, each movement from the chain's journal. */
    @GetMapping(value = "/my/bookings/{id}/receipt", produces = MediaType.TEXT_HTML_VALUE)
    String receipt(@PathVariable UUID id, @RequestParam(required = false) String lang, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        PageFrame.Site site = frame.site(lang, request, response);
        BookingView booking = bookings.one(customer(), id);
        Currency currency = Currency.getInstance(booking.price().currency());
        Map<UUID, Payment> byId = payments.ofBooking(id).stream()
                .collect(Collectors.toMap(Payment::id, Function.identity()));
        var zone = BookingPage.zone(site, booking);
        List<Map<String, String>> movements = new ArrayList<>();
        long net = 0;
        List<JournalEntry> entries = journal.moneyOf(id, currency).entries();
        for (JournalEntry entry : entries) {
            if (entry.kind() == EntryKind.EARNED || entry.kind() == EntryKind.COMMISSION) {
                continue; // the chain's own bookkeeping, not the customer's money
            }
            long sign = switch (entry.kind()) {
                case REFUND -> -1;
                case FORFEIT -> 0;
                default -> 1;
            };
            Money amount = entry.postings().getFirst().amount();
            net += sign * amount.minorUnits();
            Payment payment = entry.paymentId() == null ? null : byId.get(entry.paymentId());
            movements.add(Map.of("when", BookingPage.when(entry.at(), zone, site), "what",
                    site.labels().text("entry-" + entry.kind().name()), "how", payment == null
                            ? ""
                            : site.labels().text("method-" + payment.method().id()),
                    "reference",
                    payment == null ? "" : payment.providerReference().orElse(""), "amount",
                    (sign < 0 ? "−" : "") + PageFormats.money(amount.amount(), currency.getCurrencyCode(),
                            site.locale())));
        }
        if (movements.isEmpty()) {
            throw new NotFoundException("receipt");
        }
        page.show(site, booking, null, null, model, request, response);
        model.addAttribute("movements", movements);
        model.addAttribute("net", PageFormats.money(new Money(net, currency).amount(),
                currency.getCurrencyCode(), site.locale()));
        model.addAttribute("kept", entries.stream().anyMatch(entry -> entry.kind() == EntryKind.FORFEIT));
        return "my-booking-receipt";
    }

    private Customer customer() {
        return profiles.profileOf(PageFrame.customer().orElseThrow(() -> new NotFoundException("booking")).caller());
    }
}
