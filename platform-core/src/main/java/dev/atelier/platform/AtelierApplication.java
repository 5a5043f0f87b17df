package dev.atelier.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Marks an Atelier Spring Boot application: scans the shared kernel ({@code dev.atelier.platform}) as well as the
 * application's own package, so every app gets the same tenancy, persistence and error handling.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootApplication(scanBasePackages = "dev.atelier")
@ConfigurationPropertiesScan("dev.atelier")
@EntityScan("dev.atelier")
@EnableJpaRepositories("dev.atelier")
public @interface AtelierApplication {
}
