package dev.atelier.platform.payments.wechatpay;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the webhook answers WeChat Pay: a notice taken (verified, and its fact recorded or known already) is
 * {@value #TAKEN} with no body; a notice refused by {@code verify} is {@value #REFUSED}, one we failed to record is
 * {@value #NOT_TAKEN}, each with {@link #failure(String)} as its JSON body. WeChat Pay delivers a notice again until
 * it is taken, so a notice is never acknowledged before its fact is recorded.
 */
public final class WechatPayAcknowledgement {

    public static final int TAKEN = 204;
    public static final int REFUSED = 400;
    public static final int NOT_TAKEN = 500;
    public static final String CONTENT_TYPE = "application/json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WechatPayAcknowledgement() {
    }

    /** The body of a refusal, as WeChat Pay reads it: {@code {"code":"FAIL","message":…}}. */
    public static String failure(String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", "FAIL");
        body.put("message", message == null || message.isBlank() ? "FAIL" : message);
        return JSON.writeValueAsString(body);
    }
}
