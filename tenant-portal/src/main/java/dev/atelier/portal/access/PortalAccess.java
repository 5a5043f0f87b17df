package dev.atelier.portal.access;

import dev.atelier.platform.security.AccessRules;
import dev.atelier.platform.security.Caller;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what on the portal: signup is public, {@code /api/v1/platform/**} needs the platform role, and every
 * other endpoint a valid token plus, through {@link StaffRoles}, an active membership with a named role.
 */
@Configuration(proxyBeanMethods = false)
class PortalAccess implements WebMvcConfigurer {

    private final StaffTenantInterceptor staffTenant;

    PortalAccess(StaffTenantInterceptor staffTenant) {
        this.staffTenant = staffTenant;
    }

    @Bean
    AccessRules portalAccessRules() {
        // the back office's own files and its settings are public: the app signs in once it has loaded
        return requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/signup").permitAll()
                .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/app-config.json").permitAll()
                .requestMatchers("/api/v1/platform/**").hasRole(Caller.PLATFORM_ADMIN);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(staffTenant).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new StaffMemberResolver());
    }

    /** Hands a {@link StaffRoles} endpoint the {@link StaffMember} the interceptor established. */
    static final class StaffMemberResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == StaffMember.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binders) {
            Object member = request.getAttribute(StaffTenantInterceptor.MEMBER, RequestAttributes.SCOPE_REQUEST);
            if (member == null) {
                throw new IllegalStateException(parameter.getMethod() + " takes a StaffMember but has no @StaffRoles");
            }
            return member;
        }
    }
}
