package dev.atelier.storefront.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

class CsrfTokenFromBodyOrHeaderOnlyTest {

    static final CsrfToken TOKEN = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "the-secret");

    /** The masked value a page renders into its form, as Spring Security makes it for this request. */
    private static String rendered(BodyOrHeaderCsrfTokens tokens) {
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/my/bookings/1");
        Supplier<CsrfToken> deferred = () -> TOKEN;
        tokens.handle(page, new MockHttpServletResponse(), deferred);
        return ((CsrfToken) page.getAttribute(CsrfToken.class.getName())).getToken();
    }

    @Test
    void aTokenInTheFormBodyOrAHeaderIsTaken() {
        BodyOrHeaderCsrfTokens tokens = new BodyOrHeaderCsrfTokens();
        String value = rendered(tokens);

        MockHttpServletRequest body = new MockHttpServletRequest("POST", "/my/bookings/1/cancel");
        body.setContentType("application/x-www-form-urlencoded");
        body.addParameter("_csrf", value);
        assertThat(tokens.resolveCsrfTokenValue(body, TOKEN)).as("unmasked").isEqualTo(TOKEN.getToken());

        MockHttpServletRequest header = new MockHttpServletRequest("POST", "/my/bookings/1/cancel");
        header.addHeader("X-CSRF-TOKEN", value);
        assertThat(tokens.resolveCsrfTokenValue(header, TOKEN)).isEqualTo(TOKEN.getToken());
    }

    @Test
    void aTokenInTheQueryStringIsNever() {
        BodyOrHeaderCsrfTokens tokens = new BodyOrHeaderCsrfTokens();
        String value = rendered(tokens);
        for (String query : new String[]{"_csrf=" + value, "a=1&_csrf=" + value, "%5Fcsrf=" + value,
                "_csrf=" + value + "&_csrf=" + value}) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/my/bookings/1/cancel");
            request.setQueryString(query);
            request.addParameter("_csrf", value);
            assertThat(tokens.resolveCsrfTokenValue(request, TOKEN)).as(query).isNull();
        }
        assertThat(BodyOrHeaderCsrfTokens.inQueryString("x=_csrf&y=%", "_csrf")).isFalse();
        assertThat(BodyOrHeaderCsrfTokens.inQueryString(null, "_csrf")).isFalse();
    }
}
