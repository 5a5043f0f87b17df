package dev.atelier.infra.payments;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fake provider: answers its API under its path (a WireMock transformer: the stub only routes), and, when the
 * tester presses Pay on its hosted page, sends the provider's signed notice of the payment.
 */
abstract class ProviderFake implements ResponseDefinitionTransformerV2 {

    /** An order's extra field: when its pay window ends, epoch seconds. */
    static final String EXPIRES_AT = "expires_at";

    private static final Logger log = LoggerFactory.getLogger(ProviderFake.class);

    final FakeOrders orders;
    final NoticeSender notices;
    final String baseUrl;
    final Clock clock;

    ProviderFake(FakeOrders orders, NoticeSender notices, String baseUrl, Clock clock) {
        this.orders = orders;
        this.notices = notices;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** {@code stripe}, {@code alipay} or {@code wechatpay}: its path under the fakes and on the pay page. */
    abstract String provider();

    /** The provider's name as the pay page shows it. */
    abstract String title();

    abstract ResponseDefinition api(LoggedRequest request);

    /** Sends the notice that {@code order} was paid; whether its notify URL acknowledged it. */
    abstract boolean notifyPaid(FakeOrder order);

    /** The reference the provider gives the payment of {@code order} ({@code pi_…}, a trade number). */
    abstract String paymentReference(FakeOrder order);

    /** The hosted page of {@code order}. */
    String payPage(String orderId) {
        return baseUrl + "/pay/" + provider() + "/" + orderId;
    }

    /**
     * The order as it stands now: an open order whose pay window ({@code expires_at} in its extra fields, epoch
     * seconds) has ended is closed first, as the provider would have closed it.
     */
    java.util.Optional<FakeOrder> current(String orderId) {
        return orders.find(provider(), orderId).flatMap(order -> {
            String expires = order.extra().get(EXPIRES_AT);
            if (order.state() == FakeOrder.State.OPEN && expires != null && Long.parseLong(expires) < now()) {
                return orders.update(provider(), orderId, open -> open.state() == FakeOrder.State.OPEN
                        ? open.closed()
                        : open);
            }
            return java.util.Optional.of(order);
        });
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    @Override
    public String getName() {
        return "atelier-" + provider() + "-fake";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        try {
            return api(event.getRequest());
        } catch (RuntimeException e) {
            log.warn("the {} fake could not answer {} {}", provider(), event.getRequest().getMethod(),
                    event.getRequest().getUrl(), e);
            return FakeHttp.json(500, "{\"error\":\"the fake failed: " + e.getClass().getSimpleName() + "\"}");
        }
    }
}
