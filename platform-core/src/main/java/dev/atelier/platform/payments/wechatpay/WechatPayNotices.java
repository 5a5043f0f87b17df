package dev.atelier.platform.payments.wechatpay;

import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import com.wechat.pay.java.service.refund.model.Status;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.gateway.MerchantKeys;
import dev.atelier.platform.payments.gateway.Notice;
import dev.atelier.platform.payments.gateway.NoticeRejectedException;
import dev.atelier.platform.payments.gateway.RawNotice;
import dev.atelier.platform.payments.model.MerchantCredentials.WechatPayMerchant;
import dev.atelier.platform.payments.model.PaymentFact;
import dev.atelier.platform.payments.model.Provider;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat Pay's notices verified with the keys of the chain our records give for them. The public key id in
 * {@code Wechatpay-Serial} must be one a chain gave us; the SDK's {@link NotificationParser}, built from that
 * chain's public key and APIv3 key, checks the signature over {@code timestamp\nnonce\nbody\n} and decrypts the
 * resource (AES-256-GCM); the decrypted merchant id (and, for a payment, app id) must be the chain's, and the order
 * must be one our records have for the same chain. The SDK does not look at the timestamp, so a notice more than the
 * tolerance away from our clock is refused before it is parsed. Within the tolerance a notice delivered again (or
 * replayed with its nonce) verifies again with the same event id, the notice's {@code id}, which is counted once
 * upstream.
 */
final class WechatPayNotices {

    static final String SERIAL = "Wechatpay-Serial";
    static final String SIGNATURE = "Wechatpay-Signature";
    static final String TIMESTAMP = "Wechatpay-Timestamp";
    static final String NONCE = "Wechatpay-Nonce";
    static final String SIGNATURE_TYPE = "Wechatpay-Signature-Type";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WechatPayClients clients;
    private final Clock clock;
    private final Duration tolerance;

    WechatPayNotices(WechatPayClients clients, Clock clock, Duration tolerance) {
        this.clients = clients;
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /** A refund's notice as decrypted: the SDK's model, and the merchant it names (which the model leaves out). */
    static final class RefundBody extends RefundNotification {
        private String mchid;
    }

    /** Any other notice's resource: only whose it says it is. */
    static final class OtherBody {
        private String mchid;
    }

    Notice verify(RawNotice notice, MerchantKeys keys) {
        String serial = header(notice, SERIAL);
        String signature = header(notice, SIGNATURE);
        String timestamp = header(notice, TIMESTAMP);
        String nonce = header(notice, NONCE);
        fresh(timestamp);
        String body = utf8(notice.body());
        WechatPayMerchant chain = keys.ofKey(Provider.WECHATPAY, serial)
                .filter(WechatPayMerchant.class::isInstance).map(WechatPayMerchant.class::cast)
                .orElseThrow(() -> new NoticeRejectedException("no chain of ours has WeChat Pay key " + serial));
        JsonNode envelope = envelope(body);
        String eventId = envelope.get("id").asString();
        String eventType = envelope.get("event_type").asString();
        RequestParam param = new RequestParam.Builder().serialNumber(serial).signature(signature)
                .timestamp(timestamp).nonce(nonce).signType(notice.header(SIGNATURE_TYPE).orElse(null)).body(body)
                .build();
        // the type is read before the signature is checked, to know what to decrypt into; the signature covers it
        NotificationParser parser = clients.of(chain).notices();
        if (eventType.startsWith("TRANSACTION.")) {
            return transaction(eventId, eventType, decrypted(parser, param, Transaction.class), chain, keys);
        }
        if (eventType.startsWith("REFUND.")) {
            return refund(eventId, eventType, decrypted(parser, param, RefundBody.class), chain, keys);
        }
        OtherBody other = decrypted(parser, param, OtherBody.class);
        if (other.mchid != null && !chain.merchantId().equals(other.mchid)) {
            throw new NoticeRejectedException("a WeChat Pay notice for another merchant than the key's chain");
        }
        return Notice.ignored(eventId);
    }

    private static Notice transaction(String eventId, String eventType, Transaction transaction,
            WechatPayMerchant chain, MerchantKeys keys) {
        if (!chain.merchantId().equals(transaction.getMchid()) || !chain.appId().equals(transaction.getAppid())) {
            throw new NoticeRejectedException("a WeChat Pay payment for another merchant or app than the chain's");
        }
        String order = ours(transaction.getOutTradeNo(), chain, keys);
        if (!"TRANSACTION.SUCCESS".equals(eventType)) {
            return new Notice(eventId, order, Optional.of(chain.merchantId()), Optional.empty());
        }
        if (transaction.getTradeState() != Transaction.TradeStateEnum.SUCCESS
                || transaction.getTransactionId() == null || transaction.getAmount() == null) {
            throw new NoticeRejectedException("a WeChat Pay payment notice that is not of a payment");
        }
        Money paid = Fen.money(transaction.getAmount().getTotal(), transaction.getAmount().getCurrency())
                .filter(amount -> transaction.getAmount().getCurrency() != null)
                .orElseThrow(() -> new NoticeRejectedException("a WeChat Pay payment of no amount of CNY"));
        return new Notice(eventId, order, Optional.of(chain.merchantId()),
                Optional.of(new PaymentFact.Paid(eventId, paid, transaction.getTransactionId())));
    }

    private static Notice refund(String eventId, String eventType, RefundBody refund, WechatPayMerchant chain,
            MerchantKeys keys) {
        if (!chain.merchantId().equals(refund.mchid)) {
            throw new NoticeRejectedException("a WeChat Pay refund for another merchant than the chain's");
        }
        String order = ours(refund.getOutTradeNo(), chain, keys);
        if (!"REFUND.SUCCESS".equals(eventType)) {
            return new Notice(eventId, order, Optional.of(chain.merchantId()), Optional.empty());
        }
        UUID refundId = WechatPayIds.uuid(refund.getOutRefundNo())
                .orElseThrow(() -> new NoticeRejectedException("a WeChat Pay refund that is not one of ours"));
        if (refund.getRefundStatus() != Status.SUCCESS || refund.getAmount() == null) {
            throw new NoticeRejectedException("a WeChat Pay refund notice that is not of a refund");
        }
        Money refunded = Fen.money(refund.getAmount().getRefund(), refund.getAmount().getCurrency())
                .orElseThrow(() -> new NoticeRejectedException("a WeChat Pay refund of no amount of CNY"));
        return new Notice(eventId, order, Optional.of(chain.merchantId()),
                Optional.of(new PaymentFact.Refunded(eventId, refundId.toString(), refunded)));
    }

    /** {@code order} when our records have it for {@code chain} (the same merchant and app); refused otherwise. */
    private static String ours(String order, WechatPayMerchant chain, MerchantKeys keys) {
        if (order == null || order.isBlank()) {
            throw new NoticeRejectedException("a WeChat Pay notice without its order");
        }
        boolean same = keys.ofOrder(Provider.WECHATPAY, order).filter(WechatPayMerchant.class::isInstance)
                .map(WechatPayMerchant.class::cast)
                .filter(owner -> owner.merchantId().equals(chain.merchantId()) && owner.appId().equals(chain.appId()))
                .isPresent();
        if (!same) {
            throw new NoticeRejectedException("order " + order + " is not the key's chain's");
        }
        return order;
    }

    private static <T> T decrypted(NotificationParser parser, RequestParam param, Class<T> type) {
        T resource;
        try {
            resource = parser.parse(param, type);
        } catch (RuntimeException e) {
            throw new NoticeRejectedException("the WeChat Pay notice's signature or ciphertext does not hold ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (resource == null) {
            throw new NoticeRejectedException("the WeChat Pay notice has no resource");
        }
        return resource;
    }

    private void fresh(String timestamp) {
        long signedAt;
        try {
            signedAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new NoticeRejectedException("the WeChat Pay notice's timestamp is not a number");
        }
        long apart = Math.abs(clock.instant().getEpochSecond() - signedAt);
        if (signedAt < 0 || apart > tolerance.toSeconds()) {
            throw new NoticeRejectedException("the WeChat Pay notice was signed at "
                    + Instant.ofEpochSecond(Math.max(signedAt, 0)) + ", too far from now");
        }
    }

    private static JsonNode envelope(String body) {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new NoticeRejectedException("a WeChat Pay notice is JSON");
        }
        if (envelope == null || !envelope.isObject() || !text(envelope, "id") || !text(envelope, "event_type")
                || !envelope.path("resource").isObject()) {
            throw new NoticeRejectedException("a WeChat Pay notice has its id, event type and resource");
        }
        return envelope;
    }

    private static boolean text(JsonNode node, String field) {
        return node.path(field).isString() && !node.path(field).asString().isBlank();
    }

    private static String header(RawNotice notice, String name) {
        return notice.header(name).filter(value -> !value.isBlank())
                .orElseThrow(() -> new NoticeRejectedException("no " + name + " header"));
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new NoticeRejectedException("a WeChat Pay notice is UTF-8");
        }
    }
}
