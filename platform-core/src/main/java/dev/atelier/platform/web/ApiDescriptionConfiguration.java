package dev.atelier.platform.web;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * The OpenAPI 3.1 description every app serves at {@code /v3/api-docs} (springdoc; its settings are in
 * {@code atelier-defaults.yml}, each app's title in its {@code application.yml}). It is the same whatever host or port
 * a request names, so it can be committed and compared: its server is the app's configured public address, which
 * operations need a bearer token comes from the app's own security rules ({@link TokenRequirements}), failures are
 * problems ({@link ProblemAnswers}), and operations and nested records get names of their own ({@link OperationIds},
 * {@link SchemaNames}) that stay put as the API grows. A handler that answers 201 or 204 through a
 * {@code ResponseEntity} says so with {@code @ResponseStatus} too, which is what the description reads.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescriptionConfiguration {

    @Bean
    OpenAPI apiDescription(WebProperties web) {
        return new OpenAPI(SpecVersion.V31).servers(List.of(new Server().url(web.baseUrl())))
                .components(new Components().addSecuritySchemes(TokenRequirements.SCHEME,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("An access token from Keycloak's realm for the audience atelier-api")));
    }

    @Bean
    ModelConverter schemaNames() {
        return new SchemaNames();
    }

    @Bean
    OperationCustomizer operationIds() {
        return new OperationIds();
    }

    @Bean
    GlobalOpenApiCustomizer problemAnswers() {
        return new ProblemAnswers();
    }

    @Bean
    GlobalOpenApiCustomizer tokenRequirements(ObjectProvider<WebInvocationPrivilegeEvaluator> rules) {
        return new TokenRequirements(rules::getObject);
    }
}
