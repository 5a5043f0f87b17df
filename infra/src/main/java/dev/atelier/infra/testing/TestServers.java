package dev.atelier.infra.testing;

import dev.atelier.infra.keycloak.RealmSetup;
import dev.atelier.infra.servers.ElasticsearchServer;
import dev.atelier.infra.servers.FileTrees;
import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.PostgresServer;
import dev.atelier.infra.servers.ShutdownHooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real servers of an integration-test JVM: each started lazily on first use, once per JVM, on free ports with
 * fresh data in a temporary directory, and stopped (data deleted) when the JVM exits. Call from Spring's
 * {@code @DynamicPropertySource}, e.g. {@code registry.add("spring.elasticsearch.uris", () ->
 * TestServers.elasticsearch().baseUrl())}.
 * <p>
 * A server named by a system property (or the environment variable of the same name in upper case with {@code _} for
 * {@code .} and {@code -}) is used instead of starting one:
 * <ul>
 * <li>{@value #POSTGRES_URL} ({@code jdbc:postgresql://host:port}), {@value #POSTGRES_USERNAME} (default
 * {@code postgres}), {@value #POSTGRES_PASSWORD} (default empty);</li>
 * <li>{@value #KEYCLOAK_URL} ({@code http://host:port}), {@value #KEYCLOAK_ADMIN_USERNAME} and
 * {@value #KEYCLOAK_ADMIN_PASSWORD} (default admin/admin) for the master realm;</li>
 * <li>{@value #ELASTICSEARCH_URL} ({@code http://host:port}).</li>
 * </ul>
 * Server logs go to {@code <atelier.build.directory>/atelier-test-servers/} (failsafe sets that property to the
 * module's {@code target}), else next to the temporary data.
 */
public final class TestServers {

    /** The two cell databases {@link #postgres()} creates. */
    public static final String CELL_A = "cell_a";
    public static final String CELL_B = "cell_b";

    public static final String POSTGRES_URL = "atelier.test.postgres.url";
    public static final String POSTGRES_USERNAME = "atelier.test.postgres.username";
    public static final String POSTGRES_PASSWORD = "atelier.test.postgres.password";
    public static final String KEYCLOAK_URL = "atelier.test.keycloak.url";
    public static final String KEYCLOAK_ADMIN_USERNAME = "atelier.test.keycloak.admin-username";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "atelier.test.keycloak.admin-password";
    public static final String ELASTICSEARCH_URL = "atelier.test.elasticsearch.url";

    private static final Logger log = LoggerFactory.getLogger(TestServers.class);

    private static final Lazy<Path> workDirectory = new Lazy<>("the test server directory",
            TestServers::createWorkDirectory);
    private static final Lazy<PostgresServer> postgres = new Lazy<>("PostgreSQL", TestServers::startPostgres);
    private static final Lazy<KeycloakServer> keycloak = new Lazy<>("Keycloak", TestServers::startKeycloak);
    private static final Lazy<ElasticsearchServer> elasticsearch = new Lazy<>("Elasticsearch",
            TestServers::startElasticsearch);

    private TestServers() {
    }

    /** PostgreSQL 17 with the databases {@value #CELL_A} and {@value #CELL_B}; user {@code postgres}, no password. */
    public static PostgresServer postgres() {
        return postgres.get();
    }

    /** Keycloak with the realm {@value RealmSetup#REALM} applied ({@link RealmSetup}); in-memory database. */
    public static KeycloakServer keycloak() {
        return keycloak.get();
    }

    /** Elasticsearch 9, single node, security off. */
    public static ElasticsearchServer elasticsearch() {
        return elasticsearch.get();
    }

    /** Where the started servers write their logs. */
    public static Path logDirectory() {
        String buildDirectory = System.getProperty("atelier.build.directory");
        if (buildDirectory != null && !buildDirectory.isBlank()) {
            return Path.of(buildDirectory, "atelier-test-servers");
        }
        return workDirectory.get().resolve("logs");
    }

    private static PostgresServer startPostgres() {
        String url = setting(POSTGRES_URL);
        PostgresServer server;
        if (url != null) {
            server = PostgresServer.external(url, setting(POSTGRES_USERNAME, "postgres"),
                    setting(POSTGRES_PASSWORD, ""));
            log.info("Using external {}", server);
        } else {
            server = PostgresServer.builder()
                    .dataDirectory(workDirectory.get().resolve("postgres"))
                    .cleanDataDirectory(true)
                    .logFile(logDirectory().resolve("postgres.log"))
                    // throw-away data: durability only slows tests down
                    .serverConfig("fsync", "off")
                    .serverConfig("synchronous_commit", "off")
                    .serverConfig("full_page_writes", "off")
                    .start();
        }
        server.createDatabaseIfMissing(CELL_A);
        server.createDatabaseIfMissing(CELL_B);
        return server;
    }

    private static KeycloakServer startKeycloak() {
        String url = setting(KEYCLOAK_URL);
        KeycloakServer server;
        if (url != null) {
            server = KeycloakServer.external(url, setting(KEYCLOAK_ADMIN_USERNAME, "admin"),
                    setting(KEYCLOAK_ADMIN_PASSWORD, "admin"));
            log.info("Using external {}", server);
        } else {
            server = KeycloakServer.builder()
                    .workDirectory(workDirectory.get().resolve("keycloak"))
                    .logFile(logDirectory().resolve("keycloak.log"))
                    .devMemDatabase()
                    .start();
        }
        RealmSetup.apply(server);
        return server;
    }

    private static ElasticsearchServer startElasticsearch() {
        String url = setting(ELASTICSEARCH_URL);
        if (url != null) {
            ElasticsearchServer server = ElasticsearchServer.external(url);
            log.info("Using external {}", server);
            return server;
        }
        return ElasticsearchServer.builder()
                .directory(workDirectory.get().resolve("elasticsearch"))
                .logFile(logDirectory().resolve("elasticsearch.log"))
                .start();
    }

    private static Path createWorkDirectory() {
        try {
            Path directory = Files.createTempDirectory("atelier-test-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            // registered before any server, so deleted after all of them have stopped
            ShutdownHooks.register(new AutoCloseable() {
                @Override
                public void close() {
                    FileTrees.deleteRecursively(directory);
                }

                @Override
                public String toString() {
                    return "test server directory " + directory;
                }
            });
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory", e);
        }
    }

    static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String setting(String name, String fallback) {
        String value = setting(name);
        return value == null ? fallback : value;
    }

    /** Computes a value once; a failure is remembered and reported again (without retrying) on later calls. */
    private static final class Lazy<T> {
        private final String name;
        private final Supplier<T> supplier;
        private T value;
        private RuntimeException failure;

        Lazy(String name, Supplier<T> supplier) {
            this.name = name;
            this.supplier = supplier;
        }

        synchronized T get() {
            if (value != null) {
                return value;
            }
            if (failure != null) {
                throw new IllegalStateException(name + " failed to start earlier in this JVM: " + failure.getMessage(),
                        failure);
            }
            try {
                value = supplier.get();
                return value;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
    }
}
