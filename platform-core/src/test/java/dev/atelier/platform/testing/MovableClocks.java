package dev.atelier.platform.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Import into a test's application to give it a {@link MovableClock} as its clock. */
@TestConfiguration
public class MovableClocks {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
