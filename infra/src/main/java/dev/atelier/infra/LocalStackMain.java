package dev.atelier.infra;

import dev.atelier.infra.keycloak.RealmSetup;
import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.ServerStartException;
import dev.atelier.infra.servers.ShutdownHooks;
import dev.atelier.infra.stack.LocalStack;
import dev.atelier.infra.stack.StackException;
import dev.atelier.infra.stack.StackOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.keycloak.admin.client.Keycloak;

/**
 * The launcher behind {@code ./atelier up}: {@code java -jar infra/target/infra-<version>-launcher.jar up [--wipe]
 * [--data-dir DIR] [--servers-only]}, run from the repository root. Ctrl-C stops everything.
 */
public final class LocalStackMain {

    private static final String LOGBACK_CONFIGURATION = "atelier-launcher-logback.xml";

    private LocalStackMain() {
    }

    public static void main(String[] args) {
        // before any logger exists: the launcher's own, quiet logging configuration
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
        }
        System.exit(run(Arrays.asList(args)));
    }

    /**
     * {@code realm --url URL [--production]}: applies the Atelier realm to a running Keycloak, logging in to its master
     * realm as {@code $KC_ADMIN_USERNAME} / {@code $KC_ADMIN_PASSWORD}. Without {@code --production} the realm gets
     * the local-only dev client and demo platform admin.
     */
    static int realm(List<String> args) {
        String url = null;
        RealmSetup.Mode mode = RealmSetup.Mode.LOCAL;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--url" -> url = i + 1 < args.size() ? args.get(++i) : null;
                case "--production" -> mode = RealmSetup.Mode.PRODUCTION;
                default -> {
                    System.err.println("Unknown option " + args.get(i) + ".\n" + REALM_USAGE);
                    return 2;
                }
            }
        }
        String username = System.getenv("KC_ADMIN_USERNAME");
        String password = System.getenv("KC_ADMIN_PASSWORD");
        if (url == null || username == null || password == null) {
            System.err.println(REALM_USAGE);
            return 2;
        }
        try (KeycloakServer keycloak = KeycloakServer.external(url, username, password);
                Keycloak admin = keycloak.adminClient()) {
            RealmSetup.Outcome outcome = RealmSetup.apply(admin, mode);
            System.out.println("Realm " + RealmSetup.REALM + " at " + url + ": " + outcome + " (" + mode + ")");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("Could not apply the realm at " + url + ": " + e.getMessage());
            return 1;
        }
    }

    private static final String REALM_USAGE = """
            Usage: realm --url KEYCLOAK_URL [--production]   (admin login from $KC_ADMIN_USERNAME, $KC_ADMIN_PASSWORD)
              The server needs Atelier's provider jar (infra/keycloak-extensions/target/keycloak-extensions-*.jar)
              in its providers/ directory. --production leaves out the atelier-dev client and the demo admin.""";

    static int run(List<String> args) {
        if (args.isEmpty() || List.of("help", "-h", "--help").contains(args.getFirst())) {
            System.out.println(StackOptions.USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        if (args.getFirst().equals("realm")) {
            return realm(args.subList(1, args.size()));
        }
        if (!args.getFirst().equals("up")) {
            System.err.println("Unknown command " + args.getFirst() + ".\n" + StackOptions.USAGE);
            return 2;
        }
        StackOptions options;
        try {
            options = StackOptions.parse(Path.of(""), args.subList(1, args.size()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + StackOptions.USAGE);
            return 2;
        }
        LocalStack stack = new LocalStack(options, System.out);
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (ShutdownHooks.shuttingDown()) {
                System.err.println("\nStopped while starting.");
                return 1;
            }
            if (e instanceof StackException || e instanceof ServerStartException) {
                System.err.println("\nAtelier could not start: " + e.getMessage());
                return 1;
            }
            System.err.println("\nAtelier could not start: " + e);
            e.printStackTrace();
            return 1;
        }
        stack.watch();
        return 0;
    }
}
