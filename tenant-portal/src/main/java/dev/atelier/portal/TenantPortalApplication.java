package dev.atelier.portal;

import dev.atelier.platform.AtelierApplication;
import dev.atelier.portal.migration.MigrateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * The tenant portal: the chains' back office API and self-serve signup. Started with the single argument
 * {@code migrate} it runs the fleet migration of every tenant schema instead, and exits.
 */
@AtelierApplication
public class TenantPortalApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(MigrateCommand.NAME)) {
            SpringApplication app = new SpringApplication(TenantPortalApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles(MigrateCommand.NAME);
            System.exit(SpringApplication.exit(app.run(args)));
        }
        SpringApplication.run(TenantPortalApplication.class, args);
    }
}
