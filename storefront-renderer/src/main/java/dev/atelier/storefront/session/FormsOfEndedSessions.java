package dev.atelier.storefront.session;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form sent with a session that has ended (timed out, or closed because the account was disabled or signed out
 * at the identity server) goes back to the page it came from, where signing in again leads back to it: a
 * {@code 303} to that page, which asks for sign-in as any page does. Everything else refused on page paths, such as
 * a form with no session at all or a forged token, is the page that says so, and starts no session.
 */
final class FormsOfEndedSessions implements AccessDeniedHandler, AuthenticationEntryPoint {

    private final AccessDeniedHandler refusedPage;
    private final AuthenticationEntryPoint signIn;

    FormsOfEndedSessions(AccessDeniedHandler refusedPage, AuthenticationEntryPoint signIn) {
        this.refusedPage = refusedPage;
        this.signIn = signIn;
    }

    /** A refused form: its token did not match, or there was none to match. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException, ServletException {
        if (refused instanceof CsrfException && sessionEnded(request)) {
            backToTheForm(request, response);
        } else {
            refusedPage.handle(request, response, refused);
        }
    }

    /** Not signed in (any more): pages go to sign-in; a form goes back to its page first. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException needed)
            throws IOException, ServletException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            signIn.commence(request, response, needed);
        } else {
            backToTheForm(request, response);
        }
    }

    /** The request named a session, and it is gone (or was closed while this request ran). */
    private static boolean sessionEnded(HttpServletRequest request) {
        return request.getRequestedSessionId() != null
                && (!request.isRequestedSessionIdValid() || request.getSession(false) == null);
    }

    private static void backToTheForm(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", FormPages.pageOf(request));
    }
}
