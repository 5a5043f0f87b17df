package dev.atelier.infra.payments;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stripe's API as stripe-java calls it under {@code /stripe/v1}, for what the platform uses: Checkout sessions
 * (create, by the same {@code Idempotency-Key} the same session; retrieve; expire) on the connected account named by
 * {@code Stripe-Account}, and refunds of a session's payment intent. Requests must carry the platform's secret key.
 * A paid session is announced with {@code checkout.session.completed}, a refund with {@code refund.created}, to the
 * platform's webhook endpoint, signed {@code t=…,v1=HMAC-SHA256} with its webhook secret.
 */
final class StripeFake extends ProviderFake {

    static final String API_VERSION = "2026-07-29.dahlia";
    private static final Pattern SESSION = Pattern.compile("/stripe/v1/checkout/sessions/([A-Za-z0-9_]+)(/expire)?");

    private final FakeKeys.Stripe keys;
    private final String webhookUrl;
    private final SecureRandom random = new SecureRandom();

    StripeFake(FakeOrders orders, NoticeSender notices, String baseUrl, Clock clock, FakeKeys.Stripe keys,
            String webhookUrl) {
        super(orders, notices, baseUrl, clock);
        this.keys = keys;
        this.webhookUrl = webhookUrl;
    }

    @Override
    String provider() {
        return "stripe";
    }

    @Override
    String title() {
        return "Stripe Checkout (card)";
    }

    @Override
    ResponseDefinition api(LoggedRequest request) {
        if (!("Bearer " + keys.secretKey()).equals(request.getHeader("Authorization"))) {
            return error(401, null, "Invalid API Key provided.");
        }
        String account = Optional.ofNullable(request.getHeader("Stripe-Account")).orElse("platform");
        String path = FakeHttp.path(request);
        RequestMethod method = request.getMethod();
        if (path.equals("/stripe/v1/checkout/sessions") && method.equals(RequestMethod.POST)) {
            return create(account, request.getHeader("Idempotency-Key"), FakeHttp.form(request));
        }
        if (path.equals("/stripe/v1/refunds") && method.equals(RequestMethod.POST)) {
            return refund(account, request.getHeader("Idempotency-Key"), FakeHttp.form(request));
        }
        Matcher session = SESSION.matcher(path);
        if (session.matches()) {
            Optional<FakeOrder> order = orders.find(provider(), session.group(1))
                    .filter(found -> found.merchant().equals(account));
            if (order.isEmpty()) {
                return error(404, "resource_missing", "No such checkout.session: '" + session.group(1) + "'");
            }
            if (session.group(2) == null && method.equals(RequestMethod.GET)) {
                return FakeHttp.json(200, FakeHttp.json(session(order.get())));
            }
            if (session.group(2) != null && method.equals(RequestMethod.POST)) {
                if (order.get().state() != FakeOrder.State.OPEN) {
                    return error(400, "checkout_session_not_open", "Only Checkout Sessions with a status of open "
                            + "can be expired.");
                }
                FakeOrder expired = orders.update(provider(), order.get().id(), FakeOrder::closed).orElseThrow();
                return FakeHttp.json(200, FakeHttp.json(session(expired)));
            }
        }
        return error(404, "resource_missing", "Unrecognized request URL (" + method + ": " + path + ").");
    }

    private ResponseDefinition create(String account, String idempotencyKey, Map<String, String> form) {
        if (idempotencyKey != null) {
            Optional<FakeOrder> same = orders.first(provider(), order -> order.merchant().equals(account)
                    && idempotencyKey.equals(order.idempotencyKey()));
            if (same.isPresent()) {
                return FakeHttp.json(200, FakeHttp.json(session(same.get())));
            }
        }
        long amount;
        try {
            amount = Long.parseLong(form.getOrDefault("line_items[0][price_data][unit_amount]", ""))
                    * Long.parseLong(form.getOrDefault("line_items[0][quantity]", "1"));
        } catch (NumberFormatException e) {
            return error(400, "parameter_missing", "Missing required param: line_items[0][price_data][unit_amount].");
        }
        String currency = form.getOrDefault("line_items[0][price_data][currency]", "");
        String success = form.get("success_url");
        if (amount <= 0 || !currency.matches("[a-z]{3}") || success == null) {
            return error(400, "parameter_invalid", "A session needs a positive amount, a currency and a success_url.");
        }
        Map<String, String> extra = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("metadata[")) {
                extra.put(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        extra.put("client_reference_id", form.getOrDefault("client_reference_id", ""));
        extra.put("application_fee_amount", form.getOrDefault("payment_intent_data[application_fee_amount]", "0"));
        FakeOrder order = orders.putIfAbsent(FakeOrder.open(provider(), "cs_test_" + FakeKeys.text(random, 24),
                account, amount, currency.toUpperCase(Locale.ROOT),
                form.getOrDefault("line_items[0][price_data][product_data][name]", "Payment"), webhookUrl, success,
                form.get("cancel_url"), idempotencyKey, extra, now()));
        return FakeHttp.json(200, FakeHttp.json(session(order)));
    }

    private ResponseDefinition refund(String account, String idempotencyKey, Map<String, String> form) {
        String intent = form.getOrDefault("payment_intent", "");
        Optional<FakeOrder> paid = orders.first(provider(), order -> order.merchant().equals(account)
                && intent.equals(order.tradeNo()));
        if (paid.isEmpty()) {
            return error(404, "resource_missing", "No such payment_intent: '" + intent + "'");
        }
        String refundId = idempotencyKey == null ? "re_" + FakeKeys.text(random, 24) : idempotencyKey;
        Optional<FakeOrder.Refund> again = paid.get().refund(refundId);
        if (again.isPresent()) {
            return FakeHttp.json(200, FakeHttp.json(refund(paid.get(), again.get())));
        }
        long amount;
        try {
            amount = form.containsKey("amount")
                    ? Long.parseLong(form.get("amount"))
                    : paid.get().amount() - paid.get().refundedTotal();
        } catch (NumberFormatException e) {
            return error(400, "parameter_invalid_integer", "Invalid integer: " + form.get("amount"));
        }
        if (amount <= 0 || amount > paid.get().amount() - paid.get().refundedTotal()) {
            return error(400, "amount_too_large", "Refund amount is greater than the unrefunded amount.");
        }
        FakeOrder.Refund made = new FakeOrder.Refund(refundId, "re_" + FakeKeys.text(random, 24), amount, now());
        FakeOrder refunded = orders.update(provider(), paid.get().id(), order -> order.refunded(made)).orElseThrow();
        Map<String, Object> object = refund(refunded, made);
        notices.deliverLater(event("refund.created", account, object), Duration.ofMillis(500));
        return FakeHttp.json(200, FakeHttp.json(object));
    }

    @Override
    boolean notifyPaid(FakeOrder order) {
        return notices.deliver(event("checkout.session.completed", order.merchant(), session(order)));
    }

    @Override
    String paymentReference(FakeOrder order) {
        return "pi_" + order.id().substring("cs_test_".length());
    }

    private NoticeSender.Delivery event(String type, String account, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_" + FakeKeys.text(random, 24));
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", now());
        event.put("type", type);
        if (!"platform".equals(account)) {
            event.put("account", account);
        }
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("data", Map.of("object", object));
        String body = FakeHttp.json(event);
        long timestamp = now();
        String signature = "t=" + timestamp + ",v1=" + Signing.hmacHex(keys.webhookSecret(), timestamp + "." + body);
        return new NoticeSender.Delivery(webhookUrl, "application/json; charset=utf-8", body,
                Map.of("Stripe-Signature", signature), answer -> answer.statusCode() / 100 == 2);
    }

    private Map<String, Object> session(FakeOrder order) {
        boolean paid = order.state() == FakeOrder.State.PAID;
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", order.id());
        session.put("object", "checkout.session");
        // always the page (an idempotent replay answers as the first time); the page tells a closed order
        session.put("url", payPage(order.id()));
        session.put("status", switch (order.state()) {
            case OPEN -> "open";
            case PAID -> "complete";
            case CLOSED -> "expired";
        });
        session.put("payment_status", paid ? "paid" : "unpaid");
        session.put("mode", "payment");
        session.put("amount_subtotal", order.amount());
        session.put("amount_total", order.amount());
        session.put("currency", order.currency().toLowerCase(Locale.ROOT));
        session.put("payment_intent", paid ? order.tradeNo() : null);
        session.put("client_reference_id", order.extra().getOrDefault("client_reference_id", null));
        session.put("success_url", order.paidReturn());
        session.put("cancel_url", order.otherReturn());
        Map<String, String> metadata = new LinkedHashMap<>(order.extra());
        metadata.remove("client_reference_id");
        metadata.remove("application_fee_amount");
        session.put("metadata", metadata);
        session.put("created", order.createdAt());
        session.put("livemode", false);
        return session;
    }

    private static Map<String, Object> refund(FakeOrder order, FakeOrder.Refund refund) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", refund.providerId());
        object.put("object", "refund");
        object.put("amount", refund.amount());
        object.put("currency", order.currency().toLowerCase(Locale.ROOT));
        object.put("payment_intent", order.tradeNo());
        object.put("status", "succeeded");
        object.put("created", refund.at());
        object.put("metadata", Map.of());
        return object;
    }

    private static ResponseDefinition error(int status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "invalid_request_error");
        if (code != null) {
            error.put("code", code);
        }
        error.put("message", message);
        return FakeHttp.json(status, FakeHttp.json(Map.of("error", error)));
    }
}
