package dev.atelier.platform.security.internal;

import dev.atelier.platform.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 400, 401 and 403 from the security filters, as problem+json like every other error, with the RFC 6750
 * {@code WWW-Authenticate} header the bearer-token handlers set. The reason a token was refused is not echoed.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    /** For the firewall's refusals only (they never reach the bearer-token entry point). */
    ProblemResponses() {
    }

    /**
     * @param resourceMetadata the URL of this app's protected resource metadata for a request, from configuration
     *            (Spring's default would build it from the request's {@code Host} header)
     */
    ProblemResponses(Function<HttpServletRequest, String> resourceMetadata) {
        bearerEntryPoint.setResourceMetadataParameterResolver(resourceMetadata);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearerEntryPoint.commence(request, response, e);
        write(response, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHORIZED,
                "A valid access token is needed: sign in and send it as 'Authorization: Bearer <token>'.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerDenied.handle(request, response, e);
        write(response, HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, "Your account may not do this.");
    }

    /** A request the firewall refuses (a path with {@code ..}, {@code //}, encoded slashes…) is a 400 problem. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(response, HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST, "The request path is not acceptable.");
    }

    private static void write(HttpServletResponse response, HttpStatus status, ProblemType type, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.uri().toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
