package dev.atelier.infra.testing;

import dev.atelier.infra.servers.Http;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a storefront does around Keycloak's login pages with the authorization-code flow and PKCE (S256): the
 * authorization URL, the code in the redirect back, the exchange of the code for tokens.
 */
public final class Pkce {

    private final String issuer;
    private final String clientId;
    private final String redirectUri;
    private final String verifier;

    public Pkce(String issuer, String clientId, String redirectUri) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public String redirectUri() {
        return redirectUri;
    }

    /** The authorization endpoint with this client, redirect, a state, the challenge and {@code extra}. */
    public String authorizeUrl(Map<String, String> extra) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("response_type", "code");
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid");
        query.put("state", "s" + System.nanoTime());
        query.put("code_challenge", challenge());
        query.put("code_challenge_method", "S256");
        query.putAll(extra);
        return issuer + "/protocol/openid-connect/auth?" + form(query);
    }

    /** The authorization code in {@code location}, when it is the redirect back to this client. */
    public Optional<String> codeIn(String location) {
        if (location == null || !location.startsWith(redirectUri)) {
            return Optional.empty();
        }
        String query = URI.create(location).getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("code=")) {
                return Optional.of(URLDecoder.decode(pair.substring("code=".length()), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** Exchanges {@code code} (with the verifier) for tokens; the access token. */
    public String accessToken(String code) {
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", clientId);
        exchange.put("code", code);
        exchange.put("redirect_uri", redirectUri);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> response = Http.postForm(issuer + "/protocol/openid-connect/token", exchange);
        if (response.statusCode() != 200) {
            throw new AssertionError("code exchange failed: " + response.statusCode() + " " + response.body());
        }
        return Http.json(response.body()).path("access_token").asText();
    }

    private String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
