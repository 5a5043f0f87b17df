package dev.atelier.billing;

import dev.atelier.platform.AtelierApplication;
import org.springframework.boot.SpringApplication;

/** The billing app: runs platform plans, tenant subscriptions and the platform-staff console. */
@AtelierApplication
public class BillingApplication {

    public static void main(String[] args) {
        SpringApplication.run(BillingApplication.class, args);
    }
}
