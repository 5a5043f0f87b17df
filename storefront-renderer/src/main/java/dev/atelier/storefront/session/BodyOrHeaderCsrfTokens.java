package dev.atelier.storefront.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Page forms' CSRF tokens are taken from the form body or a header only: a request whose query string names the token
 * parameter is refused, because a token in an address leaks through logs, history and Referer headers, and a link
 * could then make a change.
 */
final class BodyOrHeaderCsrfTokens implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler standard = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        standard.handle(request, response, csrfToken);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        if (inQueryString(request.getQueryString(), csrfToken.getParameterName())) {
            return null;
        }
        return standard.resolveCsrfTokenValue(request, csrfToken);
    }

    static boolean inQueryString(String query, String name) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (String pair : query.split("&")) {
            String key = pair.split("=", 2)[0];
            try {
                key = URLDecoder.decode(key, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException undecodable) {
                // an undecodable name is not the token's
            }
            if (key.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
