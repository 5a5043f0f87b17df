package dev.atelier.platform.payments.gateway;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a page inside WeChat's browser hands to WeChat ({@code WeixinJSBridge.invoke('getBrandWCPayRequest', …)}) to
 * pay a JSAPI order: the app, a timestamp and nonce, the prepay id as {@code package}, and the merchant's signature
 * over them. A JSAPI order has no page of its provider's, so these are kept as its pay page, a
 * {@code weixin-jsapi:} URI, and read back by the page that pays it.
 */
public record InWeChatPayment(String appId, String timeStamp, String nonceStr, String packageValue, String signType,
        String paySign) {

    public static final String SCHEME = "weixin-jsapi";
    private static final List<String> NAMES = List.of("appId", "timeStamp", "nonceStr", "package", "signType",
            "paySign");

    public InWeChatPayment {
        for (String value : new String[]{appId, timeStamp, nonceStr, packageValue, signType, paySign}) {
            if (value == null || value.isBlank() || value.length() > 512) {
                throw new IllegalArgumentException("a JSAPI payment has all of " + NAMES);
            }
        }
        if (!packageValue.startsWith("prepay_id=")) {
            throw new IllegalArgumentException("a JSAPI payment's package is prepay_id=…");
        }
    }

    /** The parameters by the names WeChat's bridge takes. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("appId", appId);
        parameters.put("timeStamp", timeStamp);
        parameters.put("nonceStr", nonceStr);
        parameters.put("package", packageValue);
        parameters.put("signType", signType);
        parameters.put("paySign", paySign);
        return parameters;
    }

    /** As the payment's pay page. */
    public URI toUri() {
        StringBuilder query = new StringBuilder();
        parameters().forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return URI.create(SCHEME + ":?" + query);
    }

    /** The payment a pay page names, if it is one. */
    public static Optional<InWeChatPayment> of(URI page) {
        if (page == null || !SCHEME.equals(page.getScheme())) {
            return Optional.empty();
        }
        String part = page.getRawSchemeSpecificPart();
        Map<String, String> found = new LinkedHashMap<>();
        for (String pair : (part.startsWith("?") ? part.substring(1) : part).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                found.put(pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(new InWeChatPayment(found.get("appId"), found.get("timeStamp"), found.get("nonceStr"),
                    found.get("package"), found.get("signType"), found.get("paySign")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
