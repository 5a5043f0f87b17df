package dev.atelier.infra;

import dev.atelier.infra.servers.ServerStartException;
import dev.atelier.infra.servers.ShutdownHooks;
import dev.atelier.infra.stack.LocalStack;
import dev.atelier.infra.stack.StackException;
import dev.atelier.infra.stack.StackOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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

    static int run(List<String> args) {
        if (args.isEmpty() || List.of("help", "-h", "--help").contains(args.getFirst())) {
            System.out.println(StackOptions.USAGE);
            return args.isEmpty() ? 2 : 0;
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
