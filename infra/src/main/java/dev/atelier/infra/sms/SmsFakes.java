package dev.atelier.infra.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.atelier.infra.servers.Ports;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Local fakes of two SMS providers on one WireMock server (the local stack's {@value #LOCAL_PORT}; any port in
 * tests), driven through their real SDKs: Twilio's Messages API under {@code /twilio} (checking the account's Basic
 * credentials) and Aliyun's SendSms ({@code Action=SendSms} at {@code /}, checking the AccessKey and that a
 * signature name, a template and its parameters are named). What they accept is kept in order and listed at
 * {@code GET /messages}, so a newcomer can read the texts the platform sent. A number ending in {@code 0000000} is
 * refused as unreachable.
 */
public final class SmsFakes implements AutoCloseable {

    public static final int LOCAL_PORT = 8091;
    /** The credentials the fakes accept. */
    public static final String TWILIO_ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String TWILIO_AUTH_TOKEN = "fake-twilio-auth-token";
    public static final String ALIYUN_ACCESS_KEY_ID = "LTAIfakeAccessKey";
    public static final String ALIYUN_ACCESS_KEY_SECRET = "fake-aliyun-access-key-secret";

    /**
     * One text as a provider accepted it: {@code text} for Twilio; for Aliyun the template, its parameters (JSON) and
     * the signature name (as {@code from}).
     */
    public record Text(String provider, String id, String to, String from, String text, String template,
            String parameters, String at) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NAME = "atelier-sms-fakes";

    private final WireMockServer server;
    private final List<Text> texts;

    private SmsFakes(WireMockServer server, List<Text> texts) {
        this.server = server;
        this.texts = texts;
    }

    /** Starts the fakes on {@code port} (0: any free one). */
    public static SmsFakes start(int port, Clock clock) {
        int bound = port == 0 ? Ports.free() : port;
        List<Text> texts = new CopyOnWriteArrayList<>();
        WireMockServer server = new WireMockServer(options().port(bound).disableRequestJournal()
                .notifier(new Slf4jNotifier(false)).extensions(new Providers(texts, clock)));
        server.start();
        server.stubFor(any(urlPathMatching("/.*")).willReturn(aResponse().withTransformers(NAME)));
        return new SmsFakes(server, texts);
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** Every text accepted so far, oldest first. */
    public List<Text> texts() {
        return List.copyOf(texts);
    }

    /** The texts accepted for {@code to} (E.164, or as Aliyun was given it). */
    public List<Text> textsTo(String to) {
        return texts.stream().filter(text -> text.to().equals(to)).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static final class Providers implements ResponseDefinitionTransformerV2 {

        private final List<Text> texts;
        private final Clock clock;

        Providers(List<Text> texts, Clock clock) {
            this.texts = texts;
            this.clock = clock;
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
            String path = request.getUrl().replaceFirst("\\?.*$", "");
            if (path.equals("/messages")) {
                return json(200, write(Map.of("texts", texts)));
            }
            if (path.startsWith("/twilio/2010-04-01/Accounts/") && path.endsWith("/Messages.json")
                    && request.getMethod().getName().equals("POST")) {
                return twilio(request, path);
            }
            Map<String, String> fields = new LinkedHashMap<>(fields(query(request.getUrl())));
            fields.putAll(fields(request.getBodyAsString()));
            if ("SendSms".equals(fields.get("Action")) || "SendSms".equals(request.getHeader("x-acs-action"))) {
                return aliyun(request, fields);
            }
            return json(404, "{\"message\":\"no such fake endpoint: " + path.replace("\"", "") + "\"}");
        }

        private ResponseDefinition twilio(LoggedRequest request, String path) {
            String account = path.substring("/twilio/2010-04-01/Accounts/".length(), path.length()
                    - "/Messages.json".length());
            String expected = "Basic " + Base64.getEncoder().encodeToString((TWILIO_ACCOUNT_SID + ":"
                    + TWILIO_AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
            if (!account.equals(TWILIO_ACCOUNT_SID) || !expected.equals(request.getHeader("Authorization"))) {
                return json(401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
            }
            Map<String, String> form = fields(request.getBodyAsString());
            String to = form.getOrDefault("To", "");
            String body = form.getOrDefault("Body", "");
            if (!to.matches("\\+[1-9][0-9]{6,14}") || body.isBlank() || form.getOrDefault("From", "").isBlank()) {
                return json(400, "{\"code\":21211,\"message\":\"Invalid 'To', 'From' or 'Body'\",\"status\":400}");
            }
            if (to.endsWith("0000000")) {
                return json(400, "{\"code\":21612,\"message\":\"The 'To' phone number is not reachable\","
                        + "\"status\":400}");
            }
            String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
            String at = clock.instant().toString();
            texts.add(new Text("twilio", sid, to, form.get("From"), body, null, null, at));
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("sid", sid);
            message.put("account_sid", account);
            message.put("to", to);
            message.put("from", form.get("From"));
            message.put("body", body);
            message.put("status", "queued");
            message.put("num_segments", "1");
            message.put("direction", "outbound-api");
            message.put("api_version", "2010-04-01");
            message.put("uri", "/2010-04-01/Accounts/" + account + "/Messages/" + sid + ".json");
            return json(201, write(message));
        }

        private ResponseDefinition aliyun(LoggedRequest request, Map<String, String> fields) {
            String requestId = UUID.randomUUID().toString().toUpperCase();
            String authorization = String.valueOf(request.getHeader("Authorization"));
            boolean signed = ALIYUN_ACCESS_KEY_ID.equals(fields.get("AccessKeyId"))
                    || authorization.contains("Credential=" + ALIYUN_ACCESS_KEY_ID);
            if (!signed) {
                return json(404, "{\"Code\":\"InvalidAccessKeyId.NotFound\",\"Message\":\"Specified access key is"
                        + " not found.\",\"RequestId\":\"" + requestId + "\"}");
            }
            String to = fields.getOrDefault("PhoneNumbers", "");
            String sign = fields.getOrDefault("SignName", "");
            String template = fields.getOrDefault("TemplateCode", "");
            String parameters = fields.getOrDefault("TemplateParam", "");
            if (to.isBlank() || sign.isBlank() || template.isBlank()) {
                return json(200, "{\"Code\":\"isv.INVALID_PARAMETERS\",\"Message\":\"PhoneNumbers, SignName and"
                        + " TemplateCode are required\",\"RequestId\":\"" + requestId + "\"}");
            }
            if (to.endsWith("0000000")) {
                return json(200, "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"invalid mobile number\","
                        + "\"RequestId\":\"" + requestId + "\"}");
            }
            String bizId = Long.toString(clock.millis()) + "^" + texts.size();
            texts.add(new Text("aliyun", bizId, to, sign, null, template, parameters, clock.instant().toString()));
            return json(200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"" + bizId + "\",\"RequestId\":\""
                    + requestId + "\"}");
        }

        private static String write(Object value) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String query(String url) {
            int mark = url.indexOf('?');
            return mark < 0 ? "" : url.substring(mark + 1);
        }

        private static Map<String, String> fields(String encoded) {
            Map<String, String> fields = new LinkedHashMap<>();
            if (encoded == null || encoded.isBlank() || encoded.startsWith("{")) {
                return fields;
            }
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.put(name, value);
            }
            return fields;
        }

        private static ResponseDefinition json(int status, String body) {
            return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(status)
                    .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body).build();
        }
    }

}
