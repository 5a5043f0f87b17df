package dev.atelier.storefront;

import dev.atelier.platform.AtelierApplication;
import org.springframework.boot.SpringApplication;

/** The storefront: every chain's branded booking site and customer API, the tenant chosen by the host name. */
@AtelierApplication
public class StorefrontApplication {

    public static void main(String[] args) {
        SpringApplication.run(StorefrontApplication.class, args);
    }
}
