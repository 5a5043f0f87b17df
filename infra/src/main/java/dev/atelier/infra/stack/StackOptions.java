package dev.atelier.infra.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * Options of {@code up}: {@code [--wipe] [--data-dir DIR] [--servers-only]}.
 *
 * @param repositoryRoot where the app modules are (the current directory)
 * @param dataDirectory where PostgreSQL, Keycloak and Elasticsearch keep their data (default {@code .atelier/data})
 * @param wipe delete the data directory first
 * @param serversOnly start PostgreSQL, Keycloak and Elasticsearch but no app (run the apps from an IDE)
 */
public record StackOptions(Path repositoryRoot, Path dataDirectory, boolean wipe, boolean serversOnly) {

    public static final String USAGE = """
            Usage: up [--wipe] [--data-dir DIR] [--servers-only]
              --wipe           delete the data directory first (a fresh platform)
              --data-dir DIR   where the servers keep their data (default .atelier/data); logs go to DIR/../logs
              --servers-only   start PostgreSQL, Keycloak and Elasticsearch only (run the apps from your IDE)""";

    /** Logs live next to the data directory: {@code DIR/../logs}. */
    public Path logDirectory() {
        return dataDirectory.resolveSibling("logs");
    }

    /** Copies of the app jars being run live next to the data directory: {@code DIR/../run}. */
    public Path runDirectory() {
        return dataDirectory.resolveSibling("run");
    }

    /** Parses the arguments after {@code up}; {@code repositoryRoot} is the current directory. */
    public static StackOptions parse(Path repositoryRoot, List<String> arguments) {
        Path root = repositoryRoot.toAbsolutePath().normalize();
        Path dataDirectory = root.resolve(".atelier/data");
        boolean wipe = false;
        boolean serversOnly = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--wipe" -> wipe = true;
                case "--servers-only" -> serversOnly = true;
                case "--data-dir" -> {
                    if (i + 1 >= arguments.size()) {
                        throw new IllegalArgumentException("--data-dir needs a directory");
                    }
                    dataDirectory = root.resolve(arguments.get(++i));
                }
                default -> {
                    if (argument.startsWith("--data-dir=")) {
                        dataDirectory = root.resolve(argument.substring("--data-dir=".length()));
                    } else {
                        throw new IllegalArgumentException("unknown option " + argument);
                    }
                }
            }
        }
        return new StackOptions(root, dataDirectory.toAbsolutePath().normalize(), wipe, serversOnly);
    }
}
