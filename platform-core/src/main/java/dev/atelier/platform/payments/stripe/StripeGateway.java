package dev.atelier.platform.payments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.gateway.GatewayUnavailableException;
import dev.atelier.platform.payments.gateway.MerchantKeys;
import dev.atelier.platform.payments.gateway.Notice;
import dev.atelier.platform.payments.gateway.NoticeRejectedException;
import dev.atelier.platform.payments.gateway.OrderRequest;
import dev.atelier.platform.payments.gateway.PaymentGateway;
import dev.atelier.platform.payments.gateway.ProviderOrder;
import dev.atelier.platform.payments.gateway.RawNotice;
import dev.atelier.platform.payments.gateway.RefundRequest;
import dev.atelier.platform.payments.model.MerchantCredentials;
import dev.atelier.platform.payments.model.PaymentFact;
import dev.atelier.platform.payments.model.Provider;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Cards through Stripe (UnionPay-branded cards among them, as Stripe takes them): a hosted Checkout session per
 * payment, a direct charge on the chain's connected account with the platform's application fee; refunds on the
 * session's payment intent (their outcome arrives as {@code refund.*} events); Connect webhook events verified with {@code Webhook.constructEvent} on the raw body, with
 * a bounded tolerance for their timestamp.
 */
@Component
public class StripeGateway implements PaymentGateway {

    private final StripeProperties properties;
    private final Clock clock;
    private final StripeClient stripe;

    public StripeGateway(StripeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        int timeout = Math.toIntExact(properties.timeout().toMillis());
        this.stripe = StripeClient.builder().setApiKey(properties.secretKey().isBlank()
                ? "sk_unset"
                : properties.secretKey()).setApiBase(properties.apiBase()).setConnectTimeout(timeout)
                .setReadTimeout(timeout).setMaxNetworkRetries(2).build();
    }

    @Override
    public Provider provider() {
        return Provider.STRIPE;
    }

    /** The application fee each direct charge gives the platform. */
    @Override
    public Money commissionOn(Money captured) {
        return captured.basisPoints(properties.applicationFeeBasisPoints());
    }

    @Override
    public ProviderOrder open(OrderRequest order, MerchantCredentials chain) {
        Money amount = order.amount();
        SessionCreateParams session = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(order.paymentId().toString())
                .putMetadata("atelier_payment", order.paymentId().toString())
                .setSuccessUrl(order.paidReturn().toString())
                .setCancelUrl(order.cancelledReturn().toString())
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                                .setUnitAmount(amount.minorUnits())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(order.description()).build())
                                .build())
                        .build())
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .setApplicationFeeAmount(commissionOn(amount).minorUnits())
                        .putMetadata("atelier_payment", order.paymentId().toString()).build())
                .build();
        try {
            Session opened = stripe.checkout().sessions().create(session,
                    options(chain).setIdempotencyKey(order.idempotencyKey()).build());
            return new ProviderOrder(opened.getId(), URI.create(opened.getUrl()));
        } catch (StripeException e) {
            throw unavailable("open a checkout session", e);
        }
    }

    @Override
    public Optional<PaymentFact> query(ProviderOrder order, MerchantCredentials chain) {
        try {
            Session session = stripe.checkout().sessions().retrieve(order.orderId(), options(chain).build());
            return fact("query:" + session.getId() + ":" + session.getStatus() + ":" + session.getPaymentStatus(),
                    session);
        } catch (StripeException e) {
            throw unavailable("ask for a checkout session", e);
        }
    }

    @Override
    public void close(ProviderOrder order, MerchantCredentials chain) {
        try {
            stripe.checkout().sessions().expire(order.orderId(), options(chain).build());
        } catch (InvalidRequestException alreadyClosed) {
            // a session that is complete or expired already cannot be expired: nothing more to do
        } catch (StripeException e) {
            throw unavailable("expire a checkout session", e);
        }
    }

    @Override
    public PaymentFact.Refunded refund(RefundRequest refund, MerchantCredentials chain) {
        try {
            Refund made = stripe.refunds().create(RefundCreateParams.builder()
                    .setPaymentIntent(refund.paymentReference()).setAmount(refund.amount().minorUnits())
                    .putMetadata("atelier_refund", refund.refundId().toString()).build(),
                    options(chain).setIdempotencyKey("refund-" + refund.refundId()).build());
            return new PaymentFact.Refunded("refund:" + made.getId(), made.getId(),
                    money(made.getAmount(), made.getCurrency()));
        } catch (StripeException e) {
            throw unavailable("refund", e);
        }
    }

    @Override
    public Notice verify(RawNotice notice, MerchantKeys keys) {
        if (!properties.configured()) {
            throw new NoticeRejectedException("Stripe notices are not taken: no webhook secret is configured");
        }
        String signature = notice.header("Stripe-Signature")
                .orElseThrow(() -> new NoticeRejectedException("no Stripe-Signature header"));
        Event event;
        try {
            event = Webhook.constructEvent(utf8(notice.body()), signature, properties.webhookSecret(),
                    properties.noticeTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw new NoticeRejectedException("the Stripe signature does not hold: " + e.getMessage());
        } catch (RuntimeException malformed) {
            throw new NoticeRejectedException("not a Stripe event");
        }
        if (event.getId() == null || event.getType() == null) {
            throw new NoticeRejectedException("not a Stripe event");
        }
        notFromTheFuture(signature);
        Optional<String> merchant = Optional.ofNullable(event.getAccount());
        StripeObject object = deserialized(event);
        return switch (event.getType()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded",
                    "checkout.session.expired", "checkout.session.async_payment_failed" -> {
                Session session = (Session) object;
                yield new Notice(event.getId(), session.getId(), merchant, fact(event.getId(), session)
                        .or(() -> event.getType().endsWith("failed")
                                ? Optional.of(new PaymentFact.Failed(event.getId(), "the payment failed"))
                                : Optional.empty()));
            }
            case "refund.created", "refund.updated" -> {
                Refund refund = (Refund) object;
                yield new Notice(event.getId(), refund.getPaymentIntent(), merchant, "succeeded".equals(
                        refund.getStatus())
                                ? Optional.of(new PaymentFact.Refunded(event.getId(), refund.getId(),
                                        money(refund.getAmount(), refund.getCurrency())))
                                : Optional.empty());
            }
            default -> Notice.ignored(event.getId());
        };
    }

    /** A session's state as a fact: paid, or closed when it expired unpaid; none while open. */
    private static Optional<PaymentFact> fact(String eventId, Session session) {
        if ("paid".equals(session.getPaymentStatus())) {
            return Optional.of(new PaymentFact.Paid(eventId, money(session.getAmountTotal(), session.getCurrency()),
                    session.getPaymentIntent()));
        }
        if ("expired".equals(session.getStatus())) {
            return Optional.of(new PaymentFact.Closed(eventId));
        }
        return Optional.empty();
    }

    private static StripeObject deserialized(Event event) {
        try {
            Optional<StripeObject> object = event.getDataObjectDeserializer().getObject();
            return object.isPresent() ? object.get() : event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (Exception e) {
            throw new NoticeRejectedException("the Stripe event's object cannot be read");
        }
    }

    /**
     * The SDK refuses signatures older than the tolerance but not ones dated ahead; a notice signed for later is no
     * more believable, so its timestamp may not be ahead of ours by more than the tolerance either.
     */
    private void notFromTheFuture(String signature) {
        for (String part : signature.split(",")) {
            if (part.startsWith("t=")) {
                try {
                    long signedAt = Long.parseLong(part.substring(2).strip());
                    if (signedAt > clock.instant().getEpochSecond() + properties.noticeTolerance().toSeconds()) {
                        throw new NoticeRejectedException("the Stripe signature is dated ahead");
                    }
                } catch (NumberFormatException e) {
                    throw new NoticeRejectedException("the Stripe signature's time is not a number");
                }
            }
        }
    }

    private static Money money(Long minorUnits, String currency) {
        if (minorUnits == null || currency == null) {
            throw new NoticeRejectedException("an amount without its currency");
        }
        try {
            return new Money(minorUnits, Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new NoticeRejectedException("not an amount: " + minorUnits + " " + currency);
        }
    }

    private static RequestOptions.RequestOptionsBuilder options(MerchantCredentials chain) {
        if (!(chain instanceof MerchantCredentials.StripeAccount account)) {
            throw new IllegalArgumentException("Stripe takes a chain's connected account, not " + chain);
        }
        return RequestOptions.builder().setStripeAccount(account.accountId());
    }

    private static GatewayUnavailableException unavailable(String what, StripeException e) {
        return new GatewayUnavailableException("Stripe could not " + what + ": " + e.getMessage(), e);
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new NoticeRejectedException("a Stripe notice is UTF-8");
        }
    }
}
