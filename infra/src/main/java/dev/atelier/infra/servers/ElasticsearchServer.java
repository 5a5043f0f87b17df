package dev.atelier.infra.servers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch as a real single-node server process (the {@code integ-test-zip} distribution: core modules plus
 * x-pack core/security, no analysis-common, no painless, no ingest-geoip), bound to loopback with security off, or a
 * handle on an external server.
 * <p>
 * Elasticsearch refuses to run as root: when this JVM runs as root the server runs as user/group 65534 (nobody), its
 * directories are given to that user, and a directory that user could not reach is moved under
 * {@value #RELOCATION_ROOT}.
 */
public final class ElasticsearchServer implements AutoCloseable {

    /** Where an instance directory goes when root runs the server and the requested place is out of its reach. */
    public static final String RELOCATION_ROOT = "/var/tmp/atelier-elasticsearch";

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchServer.class);
    private static final int UNPRIVILEGED_ID = 65534;
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private final String baseUrl;
    private final int port;
    private final Path directory;
    private final ManagedProcess process;

    private ElasticsearchServer(String baseUrl, int port, Path directory, ManagedProcess process) {
        this.baseUrl = baseUrl;
        this.port = port;
        this.directory = directory;
        this.process = process;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A server someone else runs, e.g. {@code http://localhost:9200}; {@link #close()} leaves it running. */
    public static ElasticsearchServer external(String baseUrl) {
        String url = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return new ElasticsearchServer(url, java.net.URI.create(url).getPort(), null, null);
    }

    /**
     * The directory an instance asked to live in {@code requested} really uses: {@code requested} itself, or its
     * relocation under {@value #RELOCATION_ROOT} when this JVM runs as root and user 65534 cannot reach it.
     */
    public static Path effectiveDirectory(Path requested) {
        Path absolute = requested.toAbsolutePath().normalize();
        if (FileTrees.currentUid() != 0 || FileTrees.traversableByOthers(absolute)) {
            return absolute;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(absolute.toString().getBytes(StandardCharsets.UTF_8));
            return Path.of(RELOCATION_ROOT, HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://localhost:PORT}, no trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return port;
    }

    /** {@code localhost:PORT}. */
    public String hostAndPort() {
        return java.net.URI.create(baseUrl).getHost() + ":" + port;
    }

    /** Whether this JVM started the server. */
    public boolean embedded() {
        return process != null;
    }

    /** The instance directory (config, data, logs, tmp) of an embedded server, else null. */
    public Path directory() {
        return directory;
    }

    /** The console log of an embedded server, else null. */
    public Path logFile() {
        return process == null ? null : process.logFile();
    }

    /**
     * The server's version, from {@code GET /_nodes/_local} (this distribution has no {@code rest-root} module, so
     * {@code GET /} answers 405).
     */
    public String version() {
        HttpResponse<String> response = Http.get(baseUrl + "/_nodes/_local?filter_path=nodes.*.version",
                Duration.ofSeconds(10));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /_nodes/_local: " + response.statusCode() + " " + response.body());
        }
        Iterator<JsonNode> nodes = Http.json(response.body()).path("nodes").elements();
        if (!nodes.hasNext()) {
            throw new IllegalStateException("no node in " + response.body());
        }
        return nodes.next().path("version").asText();
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
        return "Elasticsearch " + baseUrl + (process == null ? " (external)" : "");
    }

    private static void removeLeftovers(Path tmp) throws IOException {
        try (var children = Files.list(tmp)) {
            for (Path child : children.toList()) {
                if (child.getFileName().toString().startsWith("final-flags")) {
                    FileTrees.deleteRecursively(child);
                }
            }
        }
    }

    /** Starts an embedded server. */
    public static final class Builder {
        private int port;
        private int transportPort;
        private Path directory;
        private Path logFile;
        private String heap = "512m";
        private Duration startTimeout = Duration.ofMinutes(3);

        private Builder() {
        }

        /** The HTTP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The transport port; 0 (the default) picks a free one. */
        public Builder transportPort(int transportPort) {
            this.transportPort = transportPort;
            return this;
        }

        /** The instance's directory: {@code config/}, {@code data/}, {@code logs/}, {@code tmp/}. Required. */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Where the server's console output goes. Required. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Heap size, for both -Xms and -Xmx (default 512m). */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public ElasticsearchServer start() {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(logFile, "logFile");
            long started = System.nanoTime();
            int httpPort = port == 0 ? Ports.free() : port;
            int tcpPort = transportPort == 0 ? Ports.free() : transportPort;
            Path home = Distributions.elasticsearchHome();
            Path instance = effectiveDirectory(directory);
            boolean asRoot = FileTrees.currentUid() == 0;
            if (!instance.equals(directory.toAbsolutePath().normalize())) {
                log.info("Elasticsearch cannot run as root and user {} cannot reach {}: its data lives in {}",
                        UNPRIVILEGED_ID, directory, instance);
            }
            Path config = instance.resolve("config");
            Path data = instance.resolve("data");
            Path logs = instance.resolve("logs");
            Path tmp = instance.resolve("tmp");
            try {
                Files.createDirectories(instance);
                if (!Files.isDirectory(config)) {
                    FileTrees.copy(home.resolve("config"), config);
                }
                Files.createDirectories(data);
                Files.createDirectories(logs);
                Files.createDirectories(tmp);
                removeLeftovers(tmp);
                if (asRoot) {
                    if (!Files.isExecutable(SETPRIV)) {
                        throw new ServerStartException("Elasticsearch refuses to run as root and " + SETPRIV
                                + " (util-linux) is missing to run it as user " + UNPRIVILEGED_ID);
                    }
                    Set<PosixFilePermission> open = PosixFilePermissions.fromString("rwxr-xr-x");
                    if (instance.startsWith(RELOCATION_ROOT)) {
                        Files.setPosixFilePermissions(Path.of(RELOCATION_ROOT), open);
                    }
                    Files.setPosixFilePermissions(instance, open);
                    FileTrees.chown(instance, UNPRIVILEGED_ID, UNPRIVILEGED_ID);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not prepare " + instance, e);
            }

            List<String> command = new ArrayList<>();
            if (asRoot) {
                command.addAll(List.of(SETPRIV.toString(), "--reuid=" + UNPRIVILEGED_ID,
                        "--regid=" + UNPRIVILEGED_ID, "--clear-groups", "--"));
            }
            command.add(home.resolve("bin/elasticsearch").toString());
            for (String setting : List.of(
                    "cluster.name=atelier",
                    "node.name=atelier-es",
                    "discovery.type=single-node",
                    "network.host=127.0.0.1",
                    "http.port=" + httpPort,
                    "transport.port=" + tcpPort,
                    "path.data=" + data,
                    "path.logs=" + logs,
                    "cluster.routing.allocation.disk.threshold_enabled=false",
                    // x-pack-security ships in this zip and would otherwise turn on TLS and passwords
                    "xpack.security.enabled=false")) {
                command.add("-E" + setting);
            }
            ManagedProcess running = ManagedProcess.builder("Elasticsearch")
                    .command(command)
                    .directory(instance)
                    .logFile(logFile)
                    .stopTimeout(Duration.ofSeconds(15))
                    .environment("ES_JAVA_HOME", System.getProperty("java.home"))
                    .environment("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap)
                    .environment("ES_TMPDIR", tmp.toString())
                    // the launcher's probe JVM leaves a gc.log directory in its temp dir: keep it in ours
                    .environment("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp)
                    .environment("ES_PATH_CONF", config.toString())
                    .environment("HOME", instance.toString())
                    .removeEnvironment("JAVA_HOME")
                    .removeEnvironment("JAVA_TOOL_OPTIONS")
                    .removeEnvironment("_JAVA_OPTIONS")
                    .removeEnvironment("JAVA_OPTS")
                    .start();
            String baseUrl = "http://localhost:" + httpPort;
            String health = baseUrl + "/_cluster/health?wait_for_status=yellow&timeout=2s";
            try {
                running.awaitHealthy(startTimeout,
                        () -> Http.get(health, Duration.ofSeconds(5)).statusCode() == 200);
            } catch (RuntimeException e) {
                running.close();
                throw new ServerStartException(e.getMessage() + "\nServer log: " + logs.resolve("atelier.log"), e);
            }
            log.info("Elasticsearch started on {} in {} ms (data: {})", baseUrl,
                    (System.nanoTime() - started) / 1_000_000, data);
            return new ElasticsearchServer(baseUrl, httpPort, instance, running);
        }
    }
}
