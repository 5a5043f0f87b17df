package dev.atelier.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The limit on public writes (signup, customer registration) per client ({@link ClientKeys}): every request to a
 * {@link RateLimited} endpoint counts, before its body is read, so refused ones (bad bodies, 400s) count too.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimiter publicWrites(@Value("${atelier.rate-limits.public-writes-per-minute:20}") int perMinute,
            Clock clock) {
        return new RateLimiter(perMinute, Duration.ofMinutes(1), clock);
    }

    @Bean
    WebMvcConfigurer publicWritesLimit(RateLimiter publicWrites) {
        HandlerInterceptor counter = new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(RateLimited.class)) {
                    publicWrites.acquire(ClientKeys.of(request.getRemoteAddr()));
                }
                return true;
            }
        };
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(counter);
            }
        };
    }
}
