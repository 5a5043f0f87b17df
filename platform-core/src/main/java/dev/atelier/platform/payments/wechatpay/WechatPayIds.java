package dev.atelier.platform.payments.wechatpay;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Our ids as WeChat Pay keeps them: a payment's id is the order's {@code out_trade_no} and a refund's id its
 * {@code out_refund_no}, each the UUID's 32 hex digits without dashes (WeChat Pay takes at most 32 characters), so
 * that retrying a request names the same order or refund, and a notice names one of ours.
 */
final class WechatPayIds {

    private static final Pattern COMPACT = Pattern.compile("[0-9a-f]{32}");

    private WechatPayIds() {
    }

    static String compact(UUID id) {
        return id.toString().replace("-", "");
    }

    /** The UUID {@code compact} is (dashes put back), or none when it is not one of ours. */
    static Optional<UUID> uuid(String compact) {
        if (compact == null || !COMPACT.matcher(compact).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(compact.substring(0, 8) + "-" + compact.substring(8, 12) + "-"
                + compact.substring(12, 16) + "-" + compact.substring(16, 20) + "-" + compact.substring(20)));
    }
}
