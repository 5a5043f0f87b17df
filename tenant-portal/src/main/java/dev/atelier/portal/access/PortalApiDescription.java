package dev.atelier.portal.access;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the portal's OpenAPI description says of its tenant endpoints, as {@link StaffTenantInterceptor} serves them:
 * the {@link StaffMember} a handler takes comes from the interceptor, not from the request, and every
 * {@link StaffRoles} endpoint reads the optional {@code X-Tenant} header and admits only the roles it names.
 */
@Configuration(proxyBeanMethods = false)
class PortalApiDescription {

    static {
        // springdoc would otherwise describe the record's components as query parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(StaffMember.class);
    }

    @Bean
    OperationCustomizer staffEndpoints() {
        return (operation, handler) -> {
            StaffRoles roles = handler.getMethodAnnotation(StaffRoles.class);
            if (roles != null) {
                operation.addParametersItem(new HeaderParameter().name(StaffTenantInterceptor.TENANT_HEADER)
                        .required(false).schema(new StringSchema())
                        .description("The chain (its slug) to act for; needed only by staff of several chains"));
                String allowed = Arrays.stream(roles.value()).map(Enum::name).collect(Collectors.joining(", "));
                operation.description("Staff roles: " + allowed + ".");
            }
            return operation;
        };
    }
}
