package dev.atelier.storefront.pages;

import dev.atelier.platform.booking.IdempotencyKeyReusedException;
import dev.atelier.platform.booking.model.BookingRefusedException;
import dev.atelier.platform.customers.Customer;
import dev.atelier.platform.payments.Payment;
import dev.atelier.platform.payments.PaymentMethodUnavailableException;
import dev.atelier.platform.payments.PaymentSettings;
import dev.atelier.platform.payments.PaymentSettingsStore;
import dev.atelier.platform.payments.Payments;
import dev.atelier.platform.payments.WechatPayers;
import dev.atelier.platform.payments.gateway.GatewayUnavailableException;
import dev.atelier.platform.payments.gateway.InWeChatPayment;
import dev.atelier.platform.payments.gateway.OrderRequest;
import dev.atelier.platform.payments.model.MerchantCredentials.WechatPayMerchant;
import dev.atelier.platform.payments.model.MethodsOffered;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.payments.wechatpay.WechatWebAuthorization;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.PublicAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Paying a booking from the pages: which of the chain's methods are offered (in the order its customers look for
 * them), and sending the customer on to the provider's page — or, for WeChat Pay on a computer, to a page with the
 * code to scan with their phone, and inside WeChat (when the chain gave its official account) through WeChat's
 * authorisation to a page that hands WeChat the JSAPI order. The same payment is answered for the same page key, so a double click or a
 * reload opens one order.
 */
@Component
class Paying {

    /** A phone or tablet browser (pays on the provider's mobile page). */
    private static final Pattern PHONE = Pattern.compile("Mobi|Android|iPhone|iPad|HarmonyOS");
    /** WeChat's own browser. */
    private static final Pattern WECHAT = Pattern.compile("MicroMessenger");

    /** The session's record of a WeChat authorisation it sent: the booking and page key it was for. */
    private static final String STATE = "wechat-authorisation:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Payments payments;
    private final PaymentSettingsStore settings;
    private final PublicAddress address;
    private final WechatPayers payers;
    private final WechatWebAuthorization authorization;
    private final Clock clock;

    Paying(Payments payments, PaymentSettingsStore settings, PublicAddress address, WechatPayers payers,
            WechatWebAuthorization authorization, Clock clock) {
        this.payments = payments;
        this.settings = settings;
        this.address = address;
        this.payers = payers;
        this.authorization = authorization;
        this.clock = clock;
    }

    /** The methods a booking in {@code currency} may be paid by online, each with its name for the page. */
    List<Map<String, String>> choices(String currency, Labels labels) {
        PaymentSettings chain = settings.read();
        Set<PaymentMethod> taken = chain.methods().stream().filter(chain::takes).collect(Collectors.toSet());
        return MethodsOffered.inOrder(Currency.getInstance(currency), taken).stream()
                .map(method -> Map.of("id", method.id(), "name", labels.text("method-" + method.id()))).toList();
    }

    /**
     * Opens (or finds again, for the same {@code key}) the payment of the booking by {@code method} and answers where
     * the customer goes next: the provider's page, the code to scan, WeChat's page to know them by openid (inside
     * WeChat, once per chain's official account, before a JSAPI order), or the booking with what went wrong.
     */
    String start(Customer customer, UUID bookingId, String method, String key, HttpServletRequest request) {
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        PaymentMethod chosen = PaymentMethod.byId(method == null ? "" : method).filter(PaymentMethod::online)
                .orElseThrow(() -> new InvalidRequestException(List.of(new FieldError("method",
                        "card, alipay or wechatpay"))));
        OrderRequest.Channel channel = channelOf(userAgent);
        String openId = null;
        if (chosen == PaymentMethod.WECHATPAY && channel == OrderRequest.Channel.IN_WECHAT) {
            Optional<WechatPayMerchant> account;
            try {
                account = payments.wechatAccountForPayers();
            } catch (RuntimeException e) {
                account = Optional.empty();
            }
            if (account.isPresent()) {
                Optional<String> known = payers.openId(customer.id(), account.get().appId());
                if (known.isEmpty()) {
                    String state = HexFormat.of().formatHex(randomBytes());
                    request.getSession().setAttribute(STATE + state, bookingId + " " + key);
                    URI back = URI.create(address.baseUrlOf(request) + "/my/bookings/" + bookingId
                            + "/pay/wechat?key=" + key);
                    return "redirect:" + authorization.authorizationPage(account.get(), back, state);
                }
                openId = known.get();
            }
        }
        return open(customer, bookingId, chosen, channel, openId, key, request);
    }

    /**
     * Back from WeChat's authorisation with a {@code code} for the customer's openid: kept for the chain's official
     * account, then the JSAPI order opened as {@link #start} would have. A {@code state} this session did not send
     * (or sent for another booking or key), or a code WeChat does not take, opens nothing.
     */
    String fromWeChat(Customer customer, UUID bookingId, String code, String state, String key,
            HttpServletRequest request) {
        String booking = "/my/bookings/" + bookingId;
        HttpSession session = request.getSession(false);
        Object sent = session == null || state == null || state.length() > 64
                ? null
                : session.getAttribute(STATE + state);
        if (sent == null || !sent.equals(bookingId + " " + key) || code == null || code.isBlank()
                || code.length() > 512) {
            return "redirect:" + booking + "/pay?unavailable";
        }
        session.removeAttribute(STATE + state);
        Optional<WechatPayMerchant> account = payments.wechatAccountForPayers();
        if (account.isEmpty()) {
            return "redirect:" + booking + "/pay?method";
        }
        String openId;
        try {
            openId = authorization.openId(account.get(), code);
        } catch (GatewayUnavailableException e) {
            return "redirect:" + booking + "/pay?unavailable";
        }
        payers.remember(customer.id(), account.get().appId(), openId, clock.instant());
        return open(customer, bookingId, PaymentMethod.WECHATPAY, OrderRequest.Channel.IN_WECHAT, openId, key,
                request);
    }

    private String open(Customer customer, UUID bookingId, PaymentMethod chosen, OrderRequest.Channel channel,
            String openId, String key, HttpServletRequest request) {
        // back to the address the customer is on, where their page session is (a chain's own domain signs in on
        // the platform's address, so these pages are there)
        String site = address.baseUrlOf(request);
        String booking = "/my/bookings/" + bookingId;
        Payments.Returns returns = new Payments.Returns(URI.create(site + booking + "/paid"),
                URI.create(site + booking + "/pay"));
        Payment payment;
        try {
            payment = payments.start(customer.id(), bookingId, chosen, channel, openId, "page-pay:" + key, returns,
                    TenantContext.require().name() + " " + bookingId.toString().substring(0, 8));
        } catch (GatewayUnavailableException e) {
            return "redirect:" + booking + "/pay?unavailable";
        } catch (PaymentMethodUnavailableException e) {
            return "redirect:" + booking + "/pay?method";
        } catch (BookingRefusedException | IdempotencyKeyReusedException e) {
            return "redirect:" + booking;
        }
        URI page = payment.payPage().orElse(null);
        if (page == null) {
            return "redirect:" + booking + "/pay?unavailable";
        }
        if (InWeChatPayment.of(page).isPresent()) {
            return "redirect:" + booking + "/payments/" + payment.id() + "/wechat";
        }
        boolean web = "https".equals(page.getScheme()) || "http".equals(page.getScheme());
        if (!web || (chosen == PaymentMethod.WECHATPAY && channel == OrderRequest.Channel.DESKTOP)) {
            return "redirect:" + booking + "/payments/" + payment.id() + "/scan";
        }
        return "redirect:" + page;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Where the customer is paying from, as their browser says. */
    static OrderRequest.Channel channelOf(String userAgent) {
        if (userAgent == null) {
            return OrderRequest.Channel.DESKTOP;
        }
        if (WECHAT.matcher(userAgent).find()) {
            return OrderRequest.Channel.IN_WECHAT;
        }
        return PHONE.matcher(userAgent).find() ? OrderRequest.Channel.PHONE : OrderRequest.Channel.DESKTOP;
    }
}
