package dev.atelier.platform.web;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limit on public writes (signup, customer registration) per client address. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimiter publicWrites(@Value("${atelier.rate-limits.public-writes-per-minute:20}") int perMinute,
            Clock clock) {
        return new RateLimiter(perMinute, Duration.ofMinutes(1), clock);
    }
}
