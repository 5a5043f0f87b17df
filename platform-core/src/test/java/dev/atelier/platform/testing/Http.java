package dev.atelier.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against an app under test on loopback, with any Host header (the build allows the JDK client to set it),
 * so storefront requests reach the app exactly as a browser's for {@code {slug}.localhost} would.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String address;
    private final int port;

    public Http(int port) {
        this("127.0.0.1", port);
    }

    /** Requests to the app at {@code address} (an IP literal; IPv6 in brackets, e.g. {@code [::1]}). */
    public Http(String address, int port) {
        this.address = address;
        this.port = port;
    }

    /** A request with a body of exactly these bytes, sent chunked (without a length) when {@code chunked}. */
    public Response postBytes(String host, String path, String contentType, byte[] body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return send(HttpRequest.newBuilder(uri(path)).header("Host", host).header("Content-Type", contentType)
                .POST(publisher));
    }

    public Response get(String host, String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Host", host).GET());
    }

    public Response post(String host, String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Host", host).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Any request: {@code method} with {@code json} as body (or none when null) and {@code headers} given as name,
     * value pairs (for instance {@code "Authorization", "Bearer ..."}).
     */
    public Response send(String method, String host, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Host", host);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method, json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    private URI uri(String path) {
        return URI.create("http://" + address + ":" + port + path);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    public record Response(int status, String contentType, String body, java.util.Map<String, List<String>> headers) {

        /** The first value of header {@code name} (any case), or empty. */
        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream()).findFirst().orElse("");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
