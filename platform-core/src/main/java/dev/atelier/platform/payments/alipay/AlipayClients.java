package dev.atelier.platform.payments.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import dev.atelier.platform.payments.gateway.GatewayUnavailableException;
import dev.atelier.platform.payments.model.MerchantCredentials.AlipayMerchant;
import java.security.Security;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One SDK client per chain's Alipay app (kept by app id, made anew when the chain's keys change), and the one way
 * calls go through them: an answer is believed only when it is signed and the SDK found the signature to hold with
 * the chain's Alipay public key.
 */
final class AlipayClients {

    static final String CHARSET = "UTF-8";
    static final String SIGN_TYPE = "RSA2";
    static final String SUCCESS = "10000";

    private static final String DISABLED_ALGORITHMS = "jdk.certpath.disabledAlgorithms";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // The SDK's client clears the JVM's list of disabled certificate algorithms when its class is first
        // initialised (for Alipay's old certificates, which the public-key mode used here never reads); that would
        // weaken every TLS connection of the process, so the list is put back as it was.
        String disabled = Security.getProperty(DISABLED_ALGORITHMS);
        try {
            Class.forName("com.alipay.api.AbstractAlipayClient", true, AlipayClients.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        } finally {
            if (disabled != null) {
                Security.setProperty(DISABLED_ALGORITHMS, disabled);
            }
        }
    }

    private record Client(AlipayMerchant chain, DefaultAlipayClient sdk) {
    }

    private final AlipayProperties properties;
    private final ConcurrentMap<String, Client> byApp = new ConcurrentHashMap<>();

    AlipayClients(AlipayProperties properties) {
        this.properties = properties;
    }

    /** The SDK client signing as {@code chain}'s app and checking answers with {@code chain}'s Alipay public key. */
    DefaultAlipayClient of(AlipayMerchant chain) {
        return byApp.compute(chain.appId(), (app, known) -> known != null && known.chain().equals(chain)
                ? known
                : new Client(chain, client(chain))).sdk();
    }

    /**
     * Sends {@code request} as {@code chain}; the answer, whose signature the SDK has checked. An answer without a
     * signature is not believed either: the SDK checks an error's signature only when it has one, and an unsigned
     * "no such trade" must not pass for Alipay's.
     */
    <T extends AlipayResponse> T execute(AlipayMerchant chain, AlipayRequest<T> request, String what) {
        T answer;
        try {
            answer = of(chain).execute(request);
        } catch (AlipayApiException | RuntimeException e) {
            throw unavailable(what, e.getMessage(), e);
        }
        if (answer == null || !signed(answer.getBody())) {
            throw unavailable(what, "its answer is not signed", null);
        }
        return answer;
    }

    static GatewayUnavailableException unavailable(String what, String why, Throwable cause) {
        return new GatewayUnavailableException("Alipay could not " + what + ": " + why, cause);
    }

    /** Why Alipay refused, for a message: its code and sub-code. */
    static String refusal(AlipayResponse answer) {
        return answer.getCode() + " " + answer.getSubCode() + " (" + answer.getSubMsg() + ")";
    }

    private static boolean signed(String body) {
        if (body == null) {
            return false;
        }
        try {
            JsonNode sign = JSON.readTree(body).path("sign");
            return sign.isString() && !sign.stringValue().isBlank();
        } catch (JacksonException e) {
            return false;
        }
    }

    private DefaultAlipayClient client(AlipayMerchant chain) {
        DefaultAlipayClient sdk = new DefaultAlipayClient(properties.serverUrl(), chain.appId(), chain.privateKey(),
                "json", CHARSET, chain.alipayPublicKey(), SIGN_TYPE);
        int timeout = Math.toIntExact(properties.timeout().toMillis());
        sdk.setConnectTimeout(timeout);
        sdk.setReadTimeout(timeout);
        return sdk;
    }
}
