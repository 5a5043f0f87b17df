package dev.atelier.storefront;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One visitor of the storefront's pages over plain HTTP, as a browser without scripts: cookies kept per host (by
 * hand, since Keycloak's are {@code Secure} and the JDK keeps those only over https), redirects not followed so a
 * test sees each step, and {@code *.localhost} addresses of the storefront sent to its loopback port with their Host
 * header. {@link #signIn} goes through the chain's own Keycloak sign-in page with an email and a password.
 */
public final class PageVisitor {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern HIDDEN_CSRF = Pattern.compile(
            "<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final Map<String, Map<String, String>> cookies = new HashMap<>();

    /** A visitor of the storefront listening on {@code port}. */
    public PageVisitor(int port) {
        this.port = port;
    }

    /** One answer, its address (to resolve a relative {@code Location} against) included. */
    public record Page(URI address, int status, String body, Map<String, List<String>> headers) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** Where a redirect leads, absolute. */
        public String location() {
            return address.resolve(header("Location").orElseThrow(
                    () -> new AssertionError("not a redirect: " + status + " " + body))).toString();
        }

        /** The page's CSRF token, from the hidden field of its forms. */
        public String csrf() {
            Matcher token = HIDDEN_CSRF.matcher(body);
            if (!token.find()) {
                throw new AssertionError("no form token on the page: " + body);
            }
            return token.group(1);
        }
    }

    public Page get(String url) {
        return send(URI.create(url), HttpRequest.newBuilder().GET());
    }

    /** Posts a form of these fields (a field given twice: list it twice) to {@code url}. */
    public Page post(String url, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(URI.create(url), HttpRequest.newBuilder()
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows redirects from {@code page} while they stay on the storefront or Keycloak, up to a few. */
    public Page follow(Page page) {
        Page current = page;
        for (int hops = 0; hops < 10 && current.status() >= 300 && current.status() < 400; hops++) {
            current = get(current.location());
        }
        return current;
    }

    /**
     * Signs in from {@code page} (a redirect to the storefront's sign-in, or a page needing it) with an email and
     * password on the chain's Keycloak page; the page it comes back to.
     */
    public Page signIn(Page page, String email, String password) {
        Page login = page;
        for (int hops = 0; hops < 10 && !login.body().contains("id=\"kc-form-login\""); hops++) {
            if (login.status() < 300 || login.status() >= 400) {
                throw new AssertionError("no Keycloak sign-in page on the way (still signed in there?): "
                        + login.address() + " " + login.status());
            }
            login = get(login.location());
        }
        Matcher form = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*\\baction=\"([^\"]+)\"")
                .matcher(login.body());
        if (!form.find()) {
            throw new AssertionError("no Keycloak sign-in form: " + login.body());
        }
        String action = form.group(1).replace("&amp;", "&");
        return follow(post(action, List.of(Map.entry("username", email), Map.entry("password", password),
                Map.entry("login", ""))));
    }

    /** The storefront session cookie of {@code host}, if any. */
    public Optional<String> session(String host) {
        return Optional.ofNullable(cookies.getOrDefault(host, Map.of()).get("JSESSIONID"));
    }

    /** Keeps {@code value} as the session cookie of {@code host}, as a browser with an old cookie would send it. */
    public void keepSession(String host, String value) {
        cookies.computeIfAbsent(host, any -> new LinkedHashMap<>()).put("JSESSIONID", value);
    }

    private Page send(URI address, HttpRequest.Builder request) {
        String host = address.getHost();
        URI target = address;
        if (host.endsWith(".localhost") && address.getPort() == port) {
            target = URI.create("http://127.0.0.1:" + port + address.getRawPath()
                    + (address.getRawQuery() == null ? "" : "?" + address.getRawQuery()));
            request.header("Host", host + ":" + port);
        }
        Map<String, String> jar = cookies.getOrDefault(host, Map.of());
        if (!jar.isEmpty()) {
            request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.uri(target).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            response.headers().allValues("Set-Cookie").forEach(cookie -> keep(host, cookie));
            return new Page(address, response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(String host, String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            return;
        }
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        String attributes = setCookie.toLowerCase(Locale.ROOT);
        Map<String, String> jar = cookies.computeIfAbsent(host, any -> new LinkedHashMap<>());
        if (value.isEmpty() || attributes.contains("max-age=0") || attributes.contains("expires=thu, 01")) {
            jar.remove(name);
        } else {
            jar.put(name, value);
        }
    }
}
