package dev.atelier.infra.payments;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fakes' hosted page, {@code GET /pay/{provider}/{orderId}}: what is paid, to whom and for what, and three forms.
 * <b>Pay</b> marks the order paid, sends the provider's signed notice to its notify URL and returns the customer to
 * the shop's paid page; <b>Fail</b> (the provider declined) and <b>Cancel</b> (the customer gave up) leave it unpaid
 * and open, and return the customer to the shop's not-paid page (or, where the provider has only one return
 * address, to that one, whose page asks the provider where the order stands).
 */
final class PayPage implements ResponseDefinitionTransformerV2 {

    static final String NAME = "atelier-pay-page";
    private static final Pattern PAGE = Pattern.compile("/pay/([a-z]+)/([A-Za-z0-9_-]{1,64})(?:/(pay|fail|cancel))?");

    private final Map<String, ProviderFake> providers;

    PayPage(java.util.List<ProviderFake> providers) {
        this.providers = providers.stream().collect(Collectors.toMap(ProviderFake::provider, Function.identity()));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        Matcher page = PAGE.matcher(FakeHttp.path(request));
        ProviderFake provider = page.matches() ? providers.get(page.group(1)) : null;
        if (provider == null) {
            return problem(404, "No such page", "The fakes' pages are /pay/stripe|alipay|wechatpay/{orderId}.");
        }
        String orderId = page.group(2);
        Optional<FakeOrder> found = provider.current(orderId);
        if (found.isEmpty()) {
            return problem(404, "No such order", provider.title() + " has no order " + orderId + ".");
        }
        boolean post = request.getMethod().equals(RequestMethod.POST);
        if (page.group(3) == null) {
            if (post) {
                return problem(405, "Not a form", "Press Pay, Fail or Cancel.");
            }
            FakeOrder order = found.get();
            String redirect = FakeHttp.query(request).get("redirect_url");
            if (redirect != null && !redirect.isEmpty() && order.paidReturn() == null) {
                // WeChat Pay's H5 page returns to its redirect_url whatever happened
                order = provider.orders.update(provider.provider(), orderId, open -> open.returningTo(redirect,
                        redirect)).orElseThrow();
            }
            return FakeHttp.html(200, html(provider, order));
        }
        if (!post) {
            return problem(405, "Press the button", "Pay, Fail and Cancel are forms (POST).");
        }
        FakeOrder order = found.get();
        return switch (page.group(3)) {
            case "pay" -> pay(provider, order);
            case "fail" -> {
                if (order.state() == FakeOrder.State.OPEN) {
                    order = provider.orders.update(provider.provider(), orderId, FakeOrder::declinedOnce)
                            .orElseThrow();
                }
                yield FakeHttp.redirect(notPaidReturn(provider, order));
            }
            default -> FakeHttp.redirect(notPaidReturn(provider, order));
        };
    }

    private ResponseDefinition pay(ProviderFake provider, FakeOrder order) {
        if (order.state() == FakeOrder.State.CLOSED) {
            return problem(409, "This order is closed", "Its pay window ended or the shop closed it; it can no "
                    + "longer be paid. Go back to the shop and start again.");
        }
        if (order.state() == FakeOrder.State.OPEN) {
            String reference = provider.paymentReference(order);
            long now = provider.now();
            java.util.concurrent.atomic.AtomicBoolean paidNow = new java.util.concurrent.atomic.AtomicBoolean();
            FakeOrder paid = provider.orders.update(provider.provider(), order.id(), open -> {
                if (open.state() != FakeOrder.State.OPEN) {
                    return open;
                }
                paidNow.set(true);
                return open.paid(reference, now);
            }).orElseThrow();
            if (paidNow.get()) {
                provider.notifyPaid(paid);
            }
            order = paid;
        }
        return FakeHttp.redirect(order.paidReturn() == null ? provider.payPage(order.id()) : order.paidReturn());
    }

    private static String notPaidReturn(ProviderFake provider, FakeOrder order) {
        if (order.otherReturn() != null) {
            return order.otherReturn();
        }
        return order.paidReturn() != null ? order.paidReturn() : provider.payPage(order.id());
    }

    private static String html(ProviderFake provider, FakeOrder order) {
        String action = "/pay/" + provider.provider() + "/" + FakeHttp.escape(order.id());
        String amount = order.currency() + " " + order.decimal();
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"fake\">Local fake of ").append(FakeHttp.escape(provider.title()))
                .append(": no real provider is called and no money moves.</p>\n");
        body.append("<h1>Pay ").append(FakeHttp.escape(amount)).append("</h1>\n<dl>\n");
        row(body, "Merchant", order.merchant());
        row(body, "For", order.description());
        row(body, "Order", order.id());
        row(body, "Status", switch (order.state()) {
            case OPEN -> order.declined() > 0 ? "Not paid (the last attempt failed)" : "Not paid";
            case PAID -> order.refunds().isEmpty()
                    ? "Paid"
                    : "Paid, " + order.currency() + " " + order.decimal(order.refundedTotal()) + " refunded";
            case CLOSED -> "Closed: it can no longer be paid";
        });
        body.append("</dl>\n");
        if (order.state() == FakeOrder.State.OPEN) {
            body.append("<div class=\"buttons\">\n");
            form(body, action + "/pay", "pay", "Pay");
            form(body, action + "/fail", "fail", "Fail");
            form(body, action + "/cancel", "cancel", "Cancel");
            body.append("</div>\n<p class=\"hint\">Pay marks the order paid and notifies the shop. Fail declines the"
                    + " payment, Cancel gives up; either leaves it unpaid.</p>\n");
        } else if (order.paidReturn() != null) {
            body.append("<p><a href=\"").append(FakeHttp.escape(order.paidReturn()))
                    .append("\">Back to the shop</a></p>\n");
        }
        return page("Pay " + amount + " with " + provider.title(), body.toString());
    }

    private static void row(StringBuilder body, String term, String value) {
        body.append("<dt>").append(term).append("</dt><dd>").append(FakeHttp.escape(value)).append("</dd>\n");
    }

    private static void form(StringBuilder body, String action, String kind, String label) {
        body.append("<form method=\"post\" action=\"").append(action).append("\"><button type=\"submit\" class=\"")
                .append(kind).append("\">").append(label).append("</button></form>\n");
    }

    /** A page of the fakes saying why something cannot be done. */
    static ResponseDefinition problem(int status, String title, String detail) {
        return FakeHttp.html(status, page(title, "<h1>" + FakeHttp.escape(title) + "</h1>\n<p>"
                + FakeHttp.escape(detail) + "</p>\n"));
    }

    private static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 0; background: #f4f4f6; color: #1d1d22; }
                main { max-width: 30rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; }
                .fake { background: #fff4cc; padding: .5rem .75rem; border-radius: 4px; font-size: .9rem; }
                dl { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1rem; }
                dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
                .buttons { display: flex; gap: .75rem; margin-top: 1.5rem; }
                button { font-size: 1rem; padding: .6rem 1.4rem; border-radius: 4px; border: 1px solid #555;
                  background: #fff; cursor: pointer; }
                button.pay { background: #14532d; color: #fff; border-color: #14532d; }
                .hint { color: #4a4a55; font-size: .9rem; }
                </style>
                </head>
                <body>
                <main>
                %s</main>
                </body>
                </html>
                """.formatted(FakeHttp.escape(title), body);
    }
}
