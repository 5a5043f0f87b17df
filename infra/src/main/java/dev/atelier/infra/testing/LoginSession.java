package dev.atelier.infra.testing;

import dev.atelier.infra.servers.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's trip through Keycloak's login pages without a browser: the authorization-code flow with PKCE, as a
 * storefront starts it, with cookies kept between pages and redirects not followed, so a test sees every page and
 * the final redirect back to the client with its code.
 */
public final class LoginSession {

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String issuer;
    private final String clientId;
    private final String redirectUri;
    private final String verifier;
    /**
     * Cookies by name. Kept by hand: Keycloak marks its cookies {@code Secure}, which browsers honour on
     * {@code http://localhost} (a secure context) but the JDK's cookie manager does not.
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private HttpResponse<String> last;

    /** A session for {@code clientId} of the realm at {@code issuer}; nothing is requested yet. */
    public LoginSession(String issuer, String clientId, String redirectUri) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Opens the authorization endpoint (extra query parameters, e.g. {@code ui_locales}, may be given). */
    public LoginSession open(Map<String, String> extra) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("response_type", "code");
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid");
        query.put("state", "s" + System.nanoTime());
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        query.putAll(extra);
        last = send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/auth?" + encode(query)))
                .GET());
        return this;
    }

    public LoginSession open() {
        return open(Map.of());
    }

    /** Follows a link of the current page (absolute, or relative to the page; HTML entities are resolved). */
    public LoginSession get(String link) {
        URI target = last == null ? URI.create(unescape(link)) : last.uri().resolve(unescape(link));
        last = send(HttpRequest.newBuilder(target).GET());
        return this;
    }

    /** Submits the form with id {@code formId} on the current page with {@code fields}. */
    public LoginSession submit(String formId, Map<String, String> fields) {
        String action = formAction(formId).orElseThrow(
                () -> new AssertionError("no form " + formId + " on the page: " + Http.abbreviate(body())));
        last = send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
        return this;
    }

    public int status() {
        return last.statusCode();
    }

    public String body() {
        return last.body();
    }

    /** The {@code Location} of a redirect answer. */
    public Optional<String> location() {
        return last.headers().firstValue("Location");
    }

    /** The authorization code in the redirect back to the client, when sign-in succeeded. */
    public Optional<String> authorizationCode() {
        return location().filter(location -> location.startsWith(redirectUri))
                .flatMap(location -> queryParameter(location, "code"));
    }

    /** Exchanges the authorization code for tokens; the access token. */
    public String accessToken() {
        String code = authorizationCode().orElseThrow(() -> new AssertionError(
                "not signed in: " + last.statusCode() + " " + location().orElse(Http.abbreviate(body()))));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId);
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        HttpResponse<String> response = Http.postForm(issuer + "/protocol/openid-connect/token", form);
        if (response.statusCode() != 200) {
            throw new AssertionError("code exchange failed: " + response.statusCode() + " " + response.body());
        }
        return Http.json(response.body()).path("access_token").asText();
    }

    /** The action URL of the form with id {@code formId} on the current page. */
    public Optional<String> formAction(String formId) {
        Matcher form = Pattern.compile("<form[^>]*\\bid=\"" + Pattern.quote(formId) + "\"[^>]*>").matcher(body());
        if (!form.find()) {
            return Optional.empty();
        }
        Matcher action = Pattern.compile("\\baction=\"([^\"]*)\"").matcher(form.group());
        return action.find() ? Optional.of(unescape(action.group(1))) : Optional.empty();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            return;
        }
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        String attributes = setCookie.toLowerCase(java.util.Locale.ROOT);
        if (value.isEmpty() || attributes.contains("max-age=0") || attributes.contains("expires=thu, 01-jan-1970")
                || attributes.contains("expires=thu, 01 jan 1970")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static Optional<String> queryParameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return Optional.of(java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#61;", "=").replace("&quot;", "\"").replace("&#39;", "'");
    }

    private static String encode(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
