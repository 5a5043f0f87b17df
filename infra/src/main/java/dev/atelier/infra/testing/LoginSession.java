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
    private final Pkce pkce;
    /**
     * Cookies by name. Kept by hand: Keycloak marks its cookies {@code Secure}, which browsers honour on
     * {@code http://localhost} (a secure context) but the JDK's cookie manager does not.
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private HttpResponse<String> last;

    /** A session for {@code clientId} of the realm at {@code issuer}; nothing is requested yet. */
    public LoginSession(String issuer, String clientId, String redirectUri) {
        this.pkce = new Pkce(issuer, clientId, redirectUri);
    }

    /** Opens the authorization endpoint (extra query parameters, e.g. {@code ui_locales}, may be given). */
    public LoginSession open(Map<String, String> extra) {
        last = send(HttpRequest.newBuilder(URI.create(pkce.authorizeUrl(extra))).GET());
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
                .POST(HttpRequest.BodyPublishers.ofString(Pkce.form(fields))));
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
        return location().flatMap(pkce::codeIn);
    }

    /** Exchanges the authorization code for tokens; the access token. */
    public String accessToken() {
        String code = authorizationCode().orElseThrow(() -> new AssertionError(
                "not signed in: " + last.statusCode() + " " + location().orElse(Http.abbreviate(body()))));
        return pkce.accessToken(code);
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

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#61;", "=").replace("&quot;", "\"").replace("&#39;", "'");
    }

}
