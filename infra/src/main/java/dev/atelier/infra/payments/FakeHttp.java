package dev.atelier.infra.payments;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the fakes read of a request and how they answer: decoded query and form fields, JSON, HTML, redirects. */
final class FakeHttp {

    /** JSON with everything beyond ASCII escaped, so a signature over the text holds whatever the charset. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private FakeHttp() {
    }

    /** The request's path without its query. */
    static String path(LoggedRequest request) {
        return URI.create(request.getUrl()).getRawPath();
    }

    /** The fields of a query string or form body, decoded (UTF-8); the first of a repeated name. */
    static Map<String, String> fields(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    static Map<String, String> query(LoggedRequest request) {
        return fields(URI.create(request.getUrl()).getRawQuery());
    }

    static Map<String, String> form(LoggedRequest request) {
        return fields(request.getBodyAsString());
    }

    static String encode(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!form.isEmpty()) {
                form.append('&');
            }
            form.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return form.toString();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseDefinition answer(int status, String contentType, String body, Map<String, String> headers) {
        List<HttpHeader> all = new ArrayList<>();
        if (contentType != null) {
            all.add(new HttpHeader("Content-Type", contentType));
        }
        headers.forEach((name, value) -> all.add(new HttpHeader(name, value)));
        ResponseDefinitionBuilder answer = WireMock.aResponse().withStatus(status).withHeaders(new HttpHeaders(all));
        return (body.isEmpty() ? answer : answer.withBody(body)).build();
    }

    static ResponseDefinition json(int status, String body) {
        return answer(status, "application/json", body, Map.of());
    }

    static ResponseDefinition html(int status, String body) {
        return answer(status, "text/html; charset=utf-8", body, Map.of());
    }

    static ResponseDefinition redirect(String location) {
        return answer(303, null, "", Map.of("Location", location));
    }

    /** {@code text} safe inside HTML text and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
