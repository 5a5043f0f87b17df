package dev.atelier.storefront.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * A page request the page filters refuse: a form without its valid token (sent from another site, or from a page
 * older than the session), or a page not open to the one signed in. A {@code 403} page that says which, never a
 * session.
 */
@Component
class RefusedPage implements AccessDeniedHandler {

    private final ErrorPages pages;

    RefusedPage(ErrorPages pages) {
        this.pages = pages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        pages.render("refused", HttpStatus.FORBIDDEN,
                Map.of("reason", refused instanceof CsrfException ? "form" : "forbidden"), request, response);
    }
}
