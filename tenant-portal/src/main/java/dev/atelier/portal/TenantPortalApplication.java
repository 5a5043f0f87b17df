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
            System.exit(migrate(args));
        }
        SpringApplication.run(TenantPortalApplication.class, args);
    }

    /** Runs the {@code migrate} command without a web server; returns its exit code. */
    public static int migrate(String... args) {
        SpringApplication app = new SpringApplication(TenantPortalApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles(MigrateCommand.NAME);
        return SpringApplication.exit(app.run(args));
    }
}
