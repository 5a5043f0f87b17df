package dev.atelier.infra.stack;

import dev.atelier.infra.keycloak.RealmSetup;
import dev.atelier.infra.payments.GatewayFakes;
import dev.atelier.infra.servers.Distributions;
import dev.atelier.infra.servers.ElasticsearchServer;
import dev.atelier.infra.servers.FileTrees;
import dev.atelier.infra.servers.Http;
import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.MailServer;
import dev.atelier.infra.servers.ManagedProcess;
import dev.atelier.infra.servers.Ports;
import dev.atelier.infra.servers.PostgresServer;
import dev.atelier.infra.servers.ServerStartException;
import dev.atelier.infra.servers.ShutdownHooks;
import dev.atelier.infra.sms.SmsFakes;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on this machine, on the fixed local ports: PostgreSQL, Keycloak (realm {@code atelier}),
 * Elasticsearch, the fakes of the payment gateways ({@link GatewayFakes}, on {@value #PAYMENT_FAKES_PORT}), then the
 * four apps as {@code java -jar} child processes, every one pointed at the fakes (no real provider is ever called),
 * a local mail server (GreenMail, SMTP {@value #MAIL_SMTP_PORT}, IMAP {@value #MAIL_IMAP_PORT}) and the fakes of the
 * SMS providers ({@link SmsFakes}, on {@value #SMS_FAKES_PORT}) that keep what the notifications send.
 * Stops in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    public static final int POSTGRES_PORT = 5433;
    public static final int KEYCLOAK_PORT = 8180;
    public static final int KEYCLOAK_MANAGEMENT_PORT = 9180;
    public static final int ELASTICSEARCH_PORT = 9200;
    public static final int ELASTICSEARCH_TRANSPORT_PORT = 9300;
    /** The fakes of Stripe, Alipay and WeChat Pay, and their hosted pay page. */
    public static final int PAYMENT_FAKES_PORT = 8090;
    /** The fakes of the SMS providers (Twilio, Aliyun SMS): the texts the notifications send, at /messages. */
    public static final int SMS_FAKES_PORT = SmsFakes.LOCAL_PORT;
    /** The number the platform texts from outside mainland China (Twilio). */
    public static final String SMS_FROM = "+15005550006";
    /** The local mail server (GreenMail): what the notifications send, read over IMAP. */
    public static final int MAIL_SMTP_PORT = 3025;
    public static final int MAIL_IMAP_PORT = 3143;
    /** Where the storefront takes providers' notices; the Stripe fake's webhook endpoint. */
    public static final String STRIPE_WEBHOOK = "http://localhost:8080/webhooks/stripe";
    public static final String DATABASE = "atelier";
    public static final String KEYCLOAK_DATABASE = "keycloak";

    /** An app module run as {@code java -jar <module>/target/<module>-<version>.jar}. */
    public record App(String module, int port, List<String> arguments) {
        Path jar(Path repositoryRoot) {
            return repositoryRoot.resolve(module).resolve("target")
                    .resolve(module + "-" + Distributions.atelierVersion() + ".jar");
        }

        String healthUrl() {
            return "http://localhost:" + port + "/actuator/health";
        }

        /** Where its metrics and other actuator endpoints answer, on loopback only: its port plus 1000. */
        public int managementPort() {
            return port + 1000;
        }
    }

    /** What every app of the local stack is told: it serves the local stack (plain-http image URLs accepted). */
    static final String LOCAL_MODE = "--atelier.web.local-mode=true";

    /** The apps and their fixed ports. Only tenant-portal seeds the demo tenants. */
    public static final List<App> APPS = List.of(
            new App("storefront-renderer", 8080, List.of()),
            new App("tenant-portal", 8081, List.of("--atelier.demo.enabled=true",
                    "--atelier.notifications.enabled=true")),
            new App("search-indexer", 8082, List.of()),
            new App("billing", 8083, List.of()));

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration APP_TIMEOUT = Duration.ofMinutes(3);
    private static final String FIRST_APP = "tenant-portal";
    private static final String DATA_MARKER = ".atelier-data";

    private final StackOptions options;
    private final PrintStream out;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, ManagedProcess> apps = new LinkedHashMap<>();
    private PostgresServer postgres;
    private KeycloakServer keycloak;
    private ElasticsearchServer elasticsearch;
    private GatewayFakes paymentFakes;
    private SmsFakes smsFakes;
    private Path merchantFile;

    public LocalStack(StackOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Starts everything and returns once every app is healthy; on failure stops what was started and throws. */
    public void start() {
        Instant begin = Instant.now();
        checkJars();
        checkPorts();
        prepareDirectories();
        try {
            startServers();
            startPaymentFakes();
            started.push(MailServer.start(MAIL_SMTP_PORT, MAIL_IMAP_PORT));
            smsFakes = SmsFakes.start(SMS_FAKES_PORT, Clock.systemUTC());
            started.push(smsFakes);
            if (!options.serversOnly()) {
                startApps();
            }
        } catch (RuntimeException e) {
            if (!ShutdownHooks.shuttingDown()) {
                // (at JVM exit, the shutdown hook stops everything, in order)
                close();
            }
            throw e;
        }
        printSummary(Duration.between(begin, Instant.now()));
        // closed first at exit (last registered): announces the orderly stop that follows
        ShutdownHooks.register(new AutoCloseable() {
            @Override
            public void close() {
                out.println("\nStopping the Atelier stack…");
            }

            @Override
            public String toString() {
                return "stop announcement";
            }
        });
    }

    /** Watches the children until the JVM exits, reporting any that stops on its own. */
    public void watch() {
        Map<String, Boolean> reported = new LinkedHashMap<>();
        while (!ShutdownHooks.shuttingDown()) {
            apps.forEach((name, process) -> {
                if (!process.isAlive() && reported.putIfAbsent(name, true) == null && !ShutdownHooks.shuttingDown()) {
                    out.println(name + " stopped on its own (exit code " + process.exitCode().orElse(-1) + ").\n"
                            + process.describeLog());
                }
            });
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void checkJars() {
        if (options.serversOnly()) {
            return;
        }
        List<String> missing = APPS.stream().map(app -> app.jar(options.repositoryRoot()))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(jar -> options.repositoryRoot().relativize(jar).toString())
                .toList();
        if (!missing.isEmpty()) {
            throw new StackException("App jar" + (missing.size() > 1 ? "s" : "") + " missing: "
                    + String.join(", ", missing) + "\nRun ./atelier up (it builds first), from the repository root"
                    + " (this looked in " + options.repositoryRoot() + ").");
        }
    }

    private void checkPorts() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(POSTGRES_PORT, "PostgreSQL");
        ports.put(KEYCLOAK_PORT, "Keycloak");
        ports.put(KEYCLOAK_MANAGEMENT_PORT, "Keycloak management");
        ports.put(ELASTICSEARCH_PORT, "Elasticsearch");
        ports.put(ELASTICSEARCH_TRANSPORT_PORT, "Elasticsearch transport");
        ports.put(PAYMENT_FAKES_PORT, "payment gateway fakes");
        ports.put(SMS_FAKES_PORT, "SMS provider fakes");
        ports.put(MAIL_SMTP_PORT, "mail (SMTP)");
        ports.put(MAIL_IMAP_PORT, "mail (IMAP)");
        if (!options.serversOnly()) {
            APPS.forEach(app -> {
                ports.put(app.port(), app.module());
                ports.put(app.managementPort(), app.module() + " management");
            });
        }
        List<String> taken = new ArrayList<>();
        ports.forEach((port, name) -> {
            if (Ports.inUse(port)) {
                taken.add(port + " (" + name + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new StackException("Port" + (taken.size() > 1 ? "s" : "") + " already in use: "
                    + String.join(", ", taken) + ".\nIs another Atelier stack (or another program) running? Stop it,"
                    + " or find it with: ss -ltnp | grep -E ':(" + String.join("|",
                            taken.stream().map(t -> t.substring(0, t.indexOf(' '))).toList())
                    + ")\\b'");
        }
    }

    private void prepareDirectories() {
        Path data = options.dataDirectory();
        try {
            if (options.wipe()) {
                wipe(data);
            }
            Files.createDirectories(data);
            Files.createDirectories(options.logDirectory());
            Path marker = data.resolve(DATA_MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "Atelier local stack data (./atelier up --wipe deletes this directory)\n");
            }
        } catch (IOException e) {
            throw new StackException("Cannot use the data directory " + data + ": " + e.getMessage(), e);
        }
    }

    private void wipe(Path data) throws IOException {
        if (Files.isDirectory(data)) {
            boolean empty;
            try (Stream<Path> children = Files.list(data)) {
                empty = children.findAny().isEmpty();
            }
            if (!empty && !Files.exists(data.resolve(DATA_MARKER))) {
                throw new StackException("Refusing to wipe " + data + ": it is not an Atelier data directory (no "
                        + DATA_MARKER + " in it).");
            }
            out.println("Wiping " + data);
            FileTrees.deleteRecursively(data);
        }
        Path relocated = ElasticsearchServer.effectiveDirectory(data.resolve("elasticsearch"));
        if (!relocated.startsWith(data)) {
            FileTrees.deleteRecursively(relocated);
        }
    }

    private void startServers() {
        Path data = options.dataDirectory();
        Path logs = options.logDirectory();
        out.println("Starting PostgreSQL on " + POSTGRES_PORT + ", then Keycloak on " + KEYCLOAK_PORT
                + " and Elasticsearch on " + ELASTICSEARCH_PORT + " (logs in " + logs + ")");
        postgres = PostgresServer.builder()
                .port(POSTGRES_PORT)
                .dataDirectory(data.resolve("postgres"))
                .logFile(logs.resolve("postgres.log"))
                .start();
        started.push(postgres);
        postgres.createDatabaseIfMissing(DATABASE);
        postgres.createDatabaseIfMissing(KEYCLOAK_DATABASE);

        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<KeycloakServer> keycloakStart = CompletableFuture.supplyAsync(() -> {
                KeycloakServer server = KeycloakServer.builder()
                        .port(KEYCLOAK_PORT)
                        .managementPort(KEYCLOAK_MANAGEMENT_PORT)
                        .workDirectory(data.resolve("keycloak"))
                        .logFile(logs.resolve("keycloak.log"))
                        .postgresDatabase(postgres.jdbcUrl(KEYCLOAK_DATABASE), postgres.username(),
                                postgres.password())
                        .start();
                try {
                    RealmSetup.apply(server);
                } catch (RuntimeException e) {
                    server.close();
                    throw new StackException("Keycloak started but the realm " + RealmSetup.REALM
                            + " could not be applied: " + e, e);
                }
                return server;
            }, executor);
            CompletableFuture<ElasticsearchServer> elasticsearchStart = CompletableFuture.supplyAsync(
                    () -> ElasticsearchServer.builder()
                            .port(ELASTICSEARCH_PORT)
                            .transportPort(ELASTICSEARCH_TRANSPORT_PORT)
                            .directory(data.resolve("elasticsearch"))
                            .logFile(logs.resolve("elasticsearch.log"))
                            .start(),
                    executor);
            RuntimeException failure = null;
            try {
                keycloak = keycloakStart.join();
                started.push(keycloak);
            } catch (CompletionException e) {
                failure = unwrap(e);
            }
            try {
                elasticsearch = elasticsearchStart.join();
                started.push(elasticsearch);
            } catch (CompletionException e) {
                RuntimeException cause = unwrap(e);
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Starts the payment fakes, their keys and orders kept in the data directory (made on the first start), and
     * writes the merchants' side of the keys for the apps.
     */
    private void startPaymentFakes() {
        Path directory = options.dataDirectory().resolve("payment-fakes");
        paymentFakes = GatewayFakes.start(PAYMENT_FAKES_PORT, directory, STRIPE_WEBHOOK, Clock.systemUTC());
        started.push(paymentFakes);
        merchantFile = paymentFakes.writeMerchantFile(directory.resolve("merchants.json"));
    }

    /**
     * What every app is told of the payment providers: their fakes' addresses and the platform's Stripe keys; the
     * portal (which seeds the demo chains) also where the merchants' keys are.
     */
    static List<String> paymentArguments(App app, GatewayFakes fakes, Path merchantFile) {
        List<String> arguments = new ArrayList<>(List.of(
                "--atelier.payments.stripe.api-base=" + fakes.stripeApiBase(),
                "--atelier.payments.stripe.secret-key=" + fakes.keys().stripe().secretKey(),
                "--atelier.payments.stripe.webhook-secret=" + fakes.keys().stripe().webhookSecret(),
                "--atelier.payments.alipay.server-url=" + fakes.alipayGateway(),
                "--atelier.payments.wechatpay.api-base=" + fakes.wechatPayApiBase(),
                "--atelier.wechat.api-host=" + fakes.wechatApiHost(),
                "--atelier.wechat.open-host=" + fakes.wechatOpenHost(),
                "--atelier.wechat.mp-host=" + fakes.wechatMpHost()));
        if (app.arguments().contains("--atelier.demo.enabled=true")) {
            arguments.add("--atelier.demo.payment-keys=" + merchantFile);
        }
        return arguments;
    }

    /** What the app that sends the notifications is told of the SMS providers: their fakes and credentials. */
    static List<String> smsArguments(App app, SmsFakes fakes) {
        if (!app.arguments().contains("--atelier.notifications.enabled=true")) {
            return List.of();
        }
        return List.of("--atelier.notifications.sms.twilio.account-sid=" + SmsFakes.TWILIO_ACCOUNT_SID,
                "--atelier.notifications.sms.twilio.auth-token=" + SmsFakes.TWILIO_AUTH_TOKEN,
                "--atelier.notifications.sms.twilio.from=" + SMS_FROM,
                "--atelier.notifications.sms.twilio.api-base=" + fakes.baseUrl() + "/twilio",
                "--atelier.notifications.sms.aliyun.access-key-id=" + SmsFakes.ALIYUN_ACCESS_KEY_ID,
                "--atelier.notifications.sms.aliyun.access-key-secret=" + SmsFakes.ALIYUN_ACCESS_KEY_SECRET,
                "--atelier.notifications.sms.aliyun.endpoint=localhost:" + fakes.port(),
                "--atelier.notifications.sms.aliyun.protocol=HTTP");
    }

    /**
     * Starts {@value #FIRST_APP} alone (it migrates the shared schema and seeds the demo tenants), then the others
     * together: apps racing each other through the first migration of an empty database trip over each other.
     */
    private void startApps() {
        List<App> first = APPS.stream().filter(app -> app.module().equals(FIRST_APP)).toList();
        List<App> rest = APPS.stream().filter(app -> !app.module().equals(FIRST_APP)).toList();
        migrateTenantSchemas(first.getFirst());
        out.println("Starting " + FIRST_APP + ", then " + String.join(", ", rest.stream().map(App::module).toList()));
        startAndAwait(first);
        startAndAwait(rest);
    }

    /**
     * Brings every tenant schema of the data directory up to this build's changelog before any app starts (apps never
     * migrate tenant schemas themselves): {@code tenant-portal migrate}, as a deployment would run it.
     */
    private void migrateTenantSchemas(App portal) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ManagedProcess process = ManagedProcess.builder("migrate")
                .command(List.of(java, "-Xms64m", "-Xmx512m", "-jar", runnableCopy(portal).toString(), "migrate",
                        "--atelier.demo.enabled=false"))
                .directory(options.repositoryRoot())
                .logFile(options.logDirectory().resolve("migrate.log"))
                .stopTimeout(Duration.ofSeconds(10))
                .start();
        int code;
        try {
            code = process.awaitExit(APP_TIMEOUT).orElseGet(() -> {
                process.close();
                throw new StackException("migrating the tenant schemas took longer than " + APP_TIMEOUT.toMinutes()
                        + " minutes.\n" + process.describeLog());
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while migrating the tenant schemas");
        }
        if (code != 0) {
            throw new StackException("migrating the tenant schemas failed (exit " + code + ").\n"
                    + process.describeLog());
        }
        log.info("tenant schemas are current");
    }

    private void startAndAwait(List<App> group) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<App, ManagedProcess> pending = new LinkedHashMap<>();
        for (App app : group) {
            List<String> command = new ArrayList<>(List.of(java, "-Xms64m", "-Xmx512m",
                    "-XX:+ExitOnOutOfMemoryError", "-jar", runnableCopy(app).toString()));
            command.add(LOCAL_MODE);
            command.add("--management.server.port=" + app.managementPort());
            command.addAll(app.arguments());
            command.addAll(paymentArguments(app, paymentFakes, merchantFile));
            command.addAll(smsArguments(app, smsFakes));
            ManagedProcess process = ManagedProcess.builder(app.module())
                    .command(command)
                    .directory(options.repositoryRoot())
                    .logFile(options.logDirectory().resolve(app.module() + ".log"))
                    .stopTimeout(Duration.ofSeconds(20))
                    .start();
            started.push(process);
            apps.put(app.module(), process);
            pending.put(app, process);
        }
        Instant begin = Instant.now();
        Instant deadline = begin.plus(APP_TIMEOUT);
        while (!pending.isEmpty()) {
            for (var entry : List.copyOf(pending.entrySet())) {
                App app = entry.getKey();
                ManagedProcess process = entry.getValue();
                if (!process.isAlive()) {
                    throw new StackException(app.module() + " exited with code " + process.exitCode().orElse(-1)
                            + " while starting.\n" + process.describeLog());
                }
                if (healthy(app)) {
                    pending.remove(app);
                    log.info("{} is up on http://localhost:{} ({} s)", app.module(), app.port(),
                            Duration.between(begin, Instant.now()).toSeconds());
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                StringBuilder message = new StringBuilder();
                pending.forEach((app, process) -> message.append(app.module()).append(" did not report UP on ")
                        .append(app.healthUrl()).append(" within ").append(APP_TIMEOUT.toMinutes())
                        .append(" minutes.\n").append(process.describeLog()).append('\n'));
                throw new StackException(message.toString().stripTrailing());
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for the apps");
            }
        }
    }

    /**
     * A copy of the app's jar to run: a build while the stack runs (e.g. {@code ./atelier test}) rewrites
     * {@code target/*.jar}, which would break the running app's class loading.
     */
    private Path runnableCopy(App app) {
        Path copy = options.runDirectory().resolve(app.jar(options.repositoryRoot()).getFileName());
        try {
            Files.createDirectories(copy.getParent());
            Files.copy(app.jar(options.repositoryRoot()), copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new StackException("Cannot copy " + app.jar(options.repositoryRoot()) + " to " + copy + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean healthy(App app) {
        try {
            HttpResponse<String> response = Http.get(app.healthUrl(), Duration.ofSeconds(5));
            return response.statusCode() == 200 && "UP".equals(Http.json(response.body()).path("status").asText());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void printSummary(Duration took) {
        String keycloakUrl = keycloak.baseUrl();
        StringBuilder text = new StringBuilder();
        text.append('\n').append(options.serversOnly() ? "Atelier servers are up" : "Atelier is up")
                .append(" (").append(took.toSeconds()).append(" s).\n\n");
        if (!options.serversOnly()) {
            row(text, "Storefronts", "http://aurora.localhost:8080   http://mayfair.localhost:8080  (demo chains)");
            row(text, "Tenant portal", "http://localhost:8081");
            row(text, "Search", "http://localhost:8082");
            row(text, "Billing", "http://localhost:8083");
            row(text, "Metrics", "http://127.0.0.1:{9080..9083}/actuator/prometheus  (management ports, loopback)");
        }
        row(text, "Keycloak", keycloakUrl + "  realm " + RealmSetup.REALM);
        row(text, "", "admin console " + keycloakUrl + "/admin  (" + keycloak.adminUsername() + " / "
                + keycloak.adminPassword() + ")");
        row(text, "", "platform admin " + RealmSetup.PLATFORM_ADMIN_USERNAME + " / "
                + RealmSetup.PLATFORM_ADMIN_PASSWORD + "; tokens: client " + RealmSetup.DEV_CLIENT_ID
                + " (password grant)");
        if (keycloak.smsOutbox() != null) {
            row(text, "", "SMS sign-in codes (Keycloak's outbox file): " + keycloak.smsOutbox());
        }
        row(text, "Payment fakes", paymentFakes.baseUrl() + "  Stripe, Alipay, WeChat Pay: their pages offer Pay, Fail,"
                + " Cancel");
        row(text, "", "keys made here: " + merchantFile);
        row(text, "SMS fakes", smsFakes.baseUrl() + "/messages  (every text the notifications send, by Twilio or"
                + " Aliyun SMS)");
        row(text, "Mail", "SMTP localhost:" + MAIL_SMTP_PORT + ", IMAP localhost:" + MAIL_IMAP_PORT
                + "  (every message the platform sends; a recipient's mailbox: login and password are the address)");
        row(text, "Elasticsearch", elasticsearch.baseUrl());
        row(text, "PostgreSQL", "localhost:" + postgres.port() + "  database " + DATABASE
                + ", user postgres, no password  (" + postgres.jdbcUrl(DATABASE) + ")");
        row(text, "Data", options.dataDirectory() + "  (./atelier up --wipe starts afresh)");
        if (elasticsearch.directory() != null
                && !elasticsearch.directory().startsWith(options.dataDirectory())) {
            row(text, "", "Elasticsearch data: " + elasticsearch.directory());
        }
        row(text, "Logs", options.logDirectory().toString());
        text.append("\nCtrl-C stops everything.");
        out.println(text);
    }

    private static void row(StringBuilder text, String label, String value) {
        text.append("  ").append(String.format("%-15s", label)).append(value).append('\n');
    }

    /** Stops what was started, in reverse order. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("Could not stop {}: {}", next, e.toString());
            }
        }
    }

    private static RuntimeException unwrap(CompletionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new ServerStartException(cause.toString(), cause);
    }
}
