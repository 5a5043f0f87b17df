package dev.atelier.infra.servers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak as a real server process ({@code kc.sh start-dev} from the {@code keycloak-quarkus-dist} archive), or a
 * handle on an external server.
 * <p>
 * Every instance runs from its own home directory under its work directory: the distribution's files are hard-linked
 * from the unpacked cache (nothing writes to them), while {@code conf/}, {@code data/} and {@code lib/quarkus/} (which
 * start-dev rewrites when it re-augments) are the instance's own. The re-augmented {@code lib/quarkus/} is kept in the
 * cache per set of build options, so only the very first start with given options pays the ~20 s build.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String DEFAULT_ADMIN_USERNAME = "admin";
    public static final String DEFAULT_ADMIN_PASSWORD = "admin";

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    private final String baseUrl;
    private final int port;
    private final int managementPort;
    private final String adminUsername;
    private final String adminPassword;
    private final ManagedProcess process;
    private final Path smsOutbox;

    private KeycloakServer(String baseUrl, int port, int managementPort, String adminUsername, String adminPassword,
            ManagedProcess process, Path smsOutbox) {
        this.baseUrl = baseUrl;
        this.port = port;
        this.managementPort = managementPort;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.process = process;
        this.smsOutbox = smsOutbox;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A server someone else runs, e.g. {@code http://localhost:8180}; {@link #close()} leaves it running. */
    public static KeycloakServer external(String baseUrl, String adminUsername, String adminPassword) {
        String url = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        int port = java.net.URI.create(url).getPort();
        return new KeycloakServer(url, port, -1, adminUsername, adminPassword, null, null);
    }

    /** {@code http://localhost:PORT}, no trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return port;
    }

    /** The management port (health), -1 for an external server. */
    public int managementPort() {
        return managementPort;
    }

    /** The bootstrap admin of the master realm. */
    public String adminUsername() {
        return adminUsername;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** Whether this JVM started the server. */
    public boolean embedded() {
        return process != null;
    }

    /** The process log of an embedded server, else null. */
    public Path logFile() {
        return process == null ? null : process.logFile();
    }

    /**
     * The file an embedded server's development SMS sender appends every text message to (one JSON object per line:
     * {@code at}, {@code realm}, {@code to}, {@code text}); null for an external server.
     */
    public Path smsOutbox() {
        return smsOutbox;
    }

    /** The realm's issuer, {@code http://localhost:PORT/realms/REALM}. */
    public String issuerUri(String realm) {
        return baseUrl + "/realms/" + realm;
    }

    /** The realm's token endpoint. */
    public String tokenUrl(String realm) {
        return issuerUri(realm) + "/protocol/openid-connect/token";
    }

    /** The realm's JSON Web Key Set. */
    public String jwkSetUri(String realm) {
        return issuerUri(realm) + "/protocol/openid-connect/certs";
    }

    /** A new admin client logged in to the master realm as the bootstrap admin; the caller closes it. */
    public Keycloak adminClient() {
        return KeycloakBuilder.builder()
                .serverUrl(baseUrl)
                .realm("master")
                .clientId("admin-cli")
                .grantType(OAuth2Constants.PASSWORD)
                .username(adminUsername)
                .password(adminPassword)
                .build();
    }

    /**
     * An access token from the password grant (direct access grants must be enabled on {@code clientId}, a public
     * client). {@code scope} may be null.
     */
    public String accessToken(String realm, String clientId, String username, String password, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        if (scope != null) {
            form.put("scope", scope);
        }
        HttpResponse<String> response = Http.postForm(tokenUrl(realm), form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("password grant for " + username + " at realm " + realm + " failed: "
                    + response.statusCode() + " " + Http.abbreviate(response.body()));
        }
        JsonNode token = Http.json(response.body()).get("access_token");
        if (token == null) {
            throw new IllegalStateException("no access_token in " + Http.abbreviate(response.body()));
        }
        return token.asText();
    }

    /** Stops an embedded server; nothing for an external one. */
    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    @Override
    public String toString() {
        return "Keycloak " + baseUrl + (process == null ? " (external)" : "");
    }

    /** Starts an embedded server. */
    public static final class Builder {
        private int port;
        private int managementPort;
        private Path workDirectory;
        private Path logFile;
        private String database = "dev-mem";
        private final List<String> databaseOptions = new ArrayList<>();
        private String adminUsername = DEFAULT_ADMIN_USERNAME;
        private String adminPassword = DEFAULT_ADMIN_PASSWORD;
        private String heap = "-Xms64m -Xmx768m";
        private Duration startTimeout = Duration.ofMinutes(4);

        private Builder() {
        }

        /** The HTTP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The management (health) port; 0 (the default) picks a free one. */
        public Builder managementPort(int managementPort) {
            this.managementPort = managementPort;
            return this;
        }

        /** The instance's own directory (its home is rebuilt in there on every start). Required. */
        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = workDirectory;
            return this;
        }

        /** Where the server's console output goes. Required. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** An in-memory database: every start is a fresh Keycloak (the default; for tests). */
        public Builder devMemDatabase() {
            this.database = "dev-mem";
            databaseOptions.clear();
            return this;
        }

        /** Keycloak's data in PostgreSQL (the database must exist). */
        public Builder postgresDatabase(String jdbcUrl, String username, String password) {
            this.database = "postgres";
            databaseOptions.clear();
            databaseOptions.add("--db-url=" + jdbcUrl);
            databaseOptions.add("--db-username=" + username);
            if (password != null && !password.isEmpty()) {
                databaseOptions.add("--db-password=" + password);
            }
            return this;
        }

        /** The bootstrap admin of the master realm (default admin/admin). */
        public Builder admin(String username, String password) {
            this.adminUsername = username;
            this.adminPassword = password;
            return this;
        }

        /** JVM heap options (default {@code -Xms64m -Xmx768m}). */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public KeycloakServer start() {
            Objects.requireNonNull(workDirectory, "workDirectory");
            Objects.requireNonNull(logFile, "logFile");
            long started = System.nanoTime();
            int httpPort = port == 0 ? Ports.free() : port;
            int mgmtPort = managementPort == 0 ? Ports.free() : managementPort;
            Path extensions = Distributions.keycloakExtensions();
            List<String> buildOptions = List.of("--db=" + database, "--health-enabled=true");
            String buildKey = buildKey(buildOptions, sha256(extensions));
            Path home = prepareHome(buildKey, extensions);

            List<String> command = new ArrayList<>();
            command.add(home.resolve("bin/kc.sh").toString());
            command.add("start-dev");
            command.addAll(buildOptions);
            command.add("--http-host=127.0.0.1");
            command.add("--http-port=" + httpPort);
            command.add("--http-management-port=" + mgmtPort);
            command.add("--log-console-color=false");
            Path outbox = workDirectory.toAbsolutePath().resolve("sms-outbox.jsonl");
            command.add("--spi-atelier-sms--outbox--file=" + outbox);
            command.addAll(databaseOptions);

            ManagedProcess.Builder process = ManagedProcess.builder("Keycloak")
                    .command(command)
                    .directory(home)
                    .logFile(logFile)
                    .stopTimeout(Duration.ofSeconds(15))
                    .environment("JAVA_HOME", System.getProperty("java.home"))
                    .environment("JAVA_OPTS_KC_HEAP", heap)
                    .environment("JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + temporaryDirectory(home))
                    .environment("KC_BOOTSTRAP_ADMIN_USERNAME", adminUsername)
                    .environment("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            for (String variable : System.getenv().keySet()) {
                if (variable.startsWith("KC_") || variable.startsWith("QUARKUS_") || variable.equals("JAVA_OPTS")) {
                    process.removeEnvironment(variable);
                }
            }
            ManagedProcess running = process.start();
            String baseUrl = "http://localhost:" + httpPort;
            String health = "http://localhost:" + mgmtPort + "/health/ready";
            try {
                running.awaitHealthy(startTimeout,
                        () -> Http.get(health, Duration.ofSeconds(5)).statusCode() == 200);
            } catch (RuntimeException e) {
                running.close();
                throw e;
            }
            keepBuild(home, buildKey);
            log.info("Keycloak started on {} in {} ms", baseUrl, (System.nanoTime() - started) / 1_000_000);
            return new KeycloakServer(baseUrl, httpPort, mgmtPort, adminUsername, adminPassword, running, outbox);
        }

        private static Path temporaryDirectory(Path home) {
            Path tmp = home.resolve("data/tmp");
            try {
                Files.createDirectories(tmp);
            } catch (IOException e) {
                throw new UncheckedIOException("could not create " + tmp, e);
            }
            return tmp;
        }

        /** Keycloak's home for this instance, with our provider jar in {@code providers/}. */
        private Path prepareHome(String buildKey, Path extensions) {
            Path distribution = Distributions.keycloakHome();
            Path home = workDirectory.resolve("home");
            FileTrees.deleteRecursively(home);
            FileTrees.linkOrCopy(distribution, home, relative -> relative.startsWith("conf")
                    || relative.startsWith("data") || relative.startsWith(Path.of("lib", "quarkus")));
            try {
                Files.copy(extensions, home.resolve("providers").resolve("atelier-keycloak-extensions.jar"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("could not put " + extensions + " into " + home.resolve("providers"), e);
            }
            Path build = builds().resolve(buildKey);
            if (Files.isDirectory(build)) {
                Path quarkus = home.resolve("lib/quarkus");
                FileTrees.deleteRecursively(quarkus);
                FileTrees.copy(build, quarkus);
            }
            return home;
        }

        /** Keeps the augmented {@code lib/quarkus} of a healthy server for the next start with the same options. */
        private static void keepBuild(Path home, String buildKey) {
            Path target = builds().resolve(buildKey);
            if (Files.isDirectory(target)) {
                return;
            }
            Path temporary = builds().resolve(".saving-" + buildKey + "-" + UUID.randomUUID());
            try {
                Files.createDirectories(builds());
                FileTrees.copy(home.resolve("lib/quarkus"), temporary);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException raceLost) {
                FileTrees.deleteRecursively(temporary);
            } catch (IOException | UncheckedIOException e) {
                FileTrees.deleteRecursively(temporary);
                log.warn("Could not keep the Keycloak build in {}: {}", target, e.toString());
            }
        }

        private static Path builds() {
            return Distributions.cacheDir().resolve("keycloak-" + Distributions.keycloakVersion() + "-builds");
        }

        private static String sha256(Path file) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                return HexFormat.of().formatHex(digest, 0, 12);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Names an augmented build: the options and the providers it was made with. */
        private static String buildKey(List<String> buildOptions, String providers) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest((String.join(" ", buildOptions) + " providers:" + providers)
                                .getBytes(StandardCharsets.UTF_8));
                String database = buildOptions.getFirst().substring("--db=".length());
                return database + "-" + HexFormat.of().formatHex(digest, 0, 6);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
