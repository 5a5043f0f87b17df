package dev.atelier.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import java.util.function.Supplier;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Marks each described operation that a caller without a token is refused with the {@value #SCHEME} scheme, asking
 * the app's own security rules (the same filter chains that serve requests) rather than a list kept beside them, so
 * the description cannot claim an endpoint is public when it is not, or the other way round.
 */
final class TokenRequirements implements GlobalOpenApiCustomizer {

    static final String SCHEME = "bearer";

    private static final Authentication NO_TOKEN = new AnonymousAuthenticationToken("api-description", "anonymous",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final Supplier<WebInvocationPrivilegeEvaluator> rules;

    TokenRequirements(Supplier<WebInvocationPrivilegeEvaluator> rules) {
        this.rules = rules;
    }

    @Override
    public void customise(OpenAPI description) {
        if (description.getPaths() == null) {
            return;
        }
        WebInvocationPrivilegeEvaluator evaluator = rules.get();
        description.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (!evaluator.isAllowed(null, path, method.name(), NO_TOKEN)) {
                operation.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)));
            }
        }));
    }
}
