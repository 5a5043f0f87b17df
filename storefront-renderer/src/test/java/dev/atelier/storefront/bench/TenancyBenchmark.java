package dev.atelier.storefront.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.PostgresServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.tenancy.FleetMigration;
import dev.atelier.platform.tenancy.MigrationReport;
import dev.atelier.platform.tenancy.TenancyProperties;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.tenancy.TenantProvisioning;
import dev.atelier.platform.tenancy.internal.CellDataSources;
import dev.atelier.platform.tenancy.internal.PlatformSchemaMigrator;
import dev.atelier.platform.tenancy.internal.TenantRegistry;
import dev.atelier.platform.tenancy.internal.TenantSchemaMigrator;
import dev.atelier.platform.testing.Tenants;
import dev.atelier.platform.testing.TestCells;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Tenancy at fleet scale against real PostgreSQL: creating 1,000 tenants, migrating 1,000 schemas for one new
 * changeset, and storefront start-up with 1 versus 1,000 tenants. Each figure has a baseline measured in the same
 * run. Run with {@code ./atelier mvn -pl storefront-renderer -am verify -Dit.test=TenancyBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}; results go to
 * {@code target/benchmarks/tenancy.md}. Not part of the test suite (it takes minutes).
 */
class TenancyBenchmark {

    private static final int TENANTS = Integer.getInteger("bench.tenants", 1_000);
    private static final String DDL_CURRENT = resource("db/tenant/0001-locations.sql") + ";\n"
            + resource("db/tenant/0002-staff-membership.sql") + ";\n"
            + resource("db/tenant/0003-staff-locations-customers.sql") + ";\n"
            + resource("db/tenant/0004-catalog-schedules-bookings.sql") + ";\n"
            + resource("db/tenant/0005-calendar-version.sql") + ";\n"
            + resource("db/tenant/0006-storefront-theme.sql") + ";\n"
            + resource("db/tenant/0007-staff-invitations.sql");
    private static final String DDL_NEXT = resource("db/tenant-next/9001-next.sql");

    private final List<String> report = new ArrayList<>();

    @Test
    void fleet() throws Exception {
        PostgresServer postgres = TestServers.postgres();
        TestCells fleet = TestCells.create("bench_fleet");
        TestCells single = TestCells.create("bench_single");
        TestCells baseline = TestCells.create("bench_baseline");
        line("# Tenancy benchmark", "", machine(), "", "Tenants: " + TENANTS + ", PostgreSQL on loopback.", "");

        try (CellDataSources cells = cells(postgres.jdbcUrl(fleet.cellA()), 10)) {
            PlatformSchemaMigrator.migrate(cells.registry());
            TenantRegistry registry = new TenantRegistry(cells.registry());
            TenantSchemaMigrator current = new TenantSchemaMigrator("db/tenant/changelog-master.xml");
            TenantProvisioning provisioning = new TenantProvisioning(registry, cells, current, properties(
                    postgres.jdbcUrl(fleet.cellA()), 10, 2), Clock.systemUTC());

            long[] creations = new long[TENANTS];
            long started = System.nanoTime();
            for (int i = 0; i < TENANTS; i++) {
                long one = System.nanoTime();
                provisioning.create(Tenants.london("bench-" + i));
                creations[i] = System.nanoTime() - one;
            }
            Duration create = Duration.ofNanos(System.nanoTime() - started);
            Duration rawCreate = rawSql(postgres.jdbcUrl(baseline.cellA()), TENANTS, 1, schema -> List.of(
                    "create schema " + schema, "set search_path to " + schema, DDL_CURRENT, "reset search_path"));
            Arrays.sort(creations);
            line("## Creating " + TENANTS + " tenants (schema + Liquibase changelog + registry entry), sequential", "",
                    "| what | total | per tenant |", "|---|---|---|",
                    row("Atelier `TenantProvisioning.create` (p50 %.1f ms, p95 %.1f ms)".formatted(
                            ms(creations, 0.50), ms(creations, 0.95)), create, TENANTS),
                    row("baseline: the same DDL as raw SQL, no Liquibase, no registry", rawCreate, TENANTS),
                    "", "Ratio to baseline: %.1f×".formatted(ratio(create, rawCreate)), "");

            for (int workers : new int[]{2, 4}) {
                TenantSchemaMigrator next = new TenantSchemaMigrator("db/tenant-next/changelog-master.xml");
                FleetMigration migration = new FleetMigration(registry, cells, next,
                        new TenantDirectory(registry, Clock.systemUTC(), Duration.ofSeconds(5)), Clock.systemUTC(),
                        workers);
                if (workers == 4) {
                    dropNextChangeset(postgres.jdbcUrl(fleet.cellA()), registry, current.targetVersion());
                }
                MigrationReport result = migration.migrateAll();
                assertThat(result.succeeded()).isTrue();
                assertThat(result.upgraded()).isEqualTo(TENANTS);
                Duration rawMigrate = rawSql(postgres.jdbcUrl(baseline.cellA()), TENANTS, workers, schema -> List.of(
                        "set search_path to " + schema, DDL_NEXT.replace("loyalty_card", "loyalty_card_w" + workers),
                        "reset search_path"));
                line("## Migrating " + TENANTS + " tenant schemas for one new changeset, " + workers + " workers", "",
                        "| what | total | per tenant |", "|---|---|---|",
                        row("Atelier `migrate` (FleetMigration, Liquibase, registry bookkeeping)", result.took(),
                                TENANTS),
                        row("baseline: the same DDL as raw SQL on the same pool size", rawMigrate, TENANTS), "",
                        "Ratio to baseline: %.1f×; goal < 60 s: %s".formatted(ratio(result.took(), rawMigrate),
                                result.took().toSeconds() < 60 ? "met" : "NOT met"),
                        "");
            }
        }

        try (CellDataSources cells = cells(postgres.jdbcUrl(single.cellA()), 2)) {
            PlatformSchemaMigrator.migrate(cells.registry());
            new TenantProvisioning(new TenantRegistry(cells.registry()), cells,
                    new TenantSchemaMigrator("db/tenant/changelog-master.xml"),
                    properties(postgres.jdbcUrl(single.cellA()), 2, 1), Clock.systemUTC())
                    .create(Tenants.london("bench-alone"));
        }
        List<Long> withOne = new ArrayList<>();
        List<Long> withMany = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            withOne.add(startUpMillis(postgres.jdbcUrl(single.cellA()), "bench-alone"));
            withMany.add(startUpMillis(postgres.jdbcUrl(fleet.cellA()), "bench-" + (TENANTS - 1)));
        }
        long one = median(withOne);
        long many = median(withMany);
        line("## Storefront start-up to healthy, 1 vs " + TENANTS + " tenants (median of 3 alternating runs)", "",
                "| registry holds | start-up (process start → `/actuator/health` UP and a tenant served) | runs |",
                "|---|---|---|", "| 1 tenant | %d ms | %s |".formatted(one, withOne),
                "| %d tenants | %d ms | %s |".formatted(TENANTS, many, withMany), "",
                "Ratio %d : 1 tenants = %.2f (goal ≤ 1.2: %s)".formatted(TENANTS, (double) many / one,
                        (double) many / one <= 1.2 ? "met" : "NOT met"),
                "");

        Path out = Path.of(System.getProperty("atelier.build.directory", "target"), "benchmarks", "tenancy.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", report) + "\n");
        System.out.println(String.join("\n", report));
    }

    private static void dropNextChangeset(String url, TenantRegistry registry, String previousVersion)
            throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            for (var tenant : registry.all()) {
                String schema = tenant.placement().schema().quoted();
                statement.addBatch("drop table " + schema + ".loyalty_card");
                statement.addBatch("delete from " + schema + ".databasechangelog where id = '9001-next'");
            }
            statement.addBatch("update platform.tenant_migration set schema_version = '" + previousVersion + "'");
            statement.executeBatch();
        }
    }

    /** Applies {@code statements(schema)} to {@code count} fresh schemas from {@code workers} threads. */
    private static Duration rawSql(String url, int count, int workers,
            java.util.function.Function<String, List<String>> statements) throws Exception {
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    try (Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "");
                            Statement statement = connection.createStatement()) {
                        for (int i = worker; i < count; i += workers) {
                            for (String sql : statements.apply("raw_" + i)) {
                                statement.execute(sql);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static long startUpMillis(String registryUrl, String slug) throws Exception {
        Path jar = Path.of(System.getProperty("atelier.build.directory", "target"), "storefront-renderer-0.1.0.jar");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("storefront-bench", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=" + port,
                "--management.server.port=0",
                "--atelier.tenancy.cells.main.url=" + registryUrl).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("storefront died: " + Files.readString(log));
                }
                if (served(client, port, slug)) {
                    return Duration.ofNanos(System.nanoTime() - started).toMillis();
                }
                if (Duration.ofNanos(System.nanoTime() - started).toSeconds() > 120) {
                    throw new IllegalStateException("storefront not healthy in 120 s: " + Files.readString(log));
                }
                Thread.sleep(20);
            }
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static boolean served(HttpClient client, int port, String slug) throws InterruptedException {
        try {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() != 200 || !health.body().contains("\"UP\"")) {
                return false;
            }
            HttpResponse<String> catalog = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/catalog")).header("Host", slug + ".localhost")
                    .build(), HttpResponse.BodyHandlers.ofString());
            return catalog.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static CellDataSources cells(String url, int pool) {
        return new CellDataSources(properties(url, pool, 2));
    }

    private static TenancyProperties properties(String url, int pool, int workers) {
        return new TenancyProperties(Map.of("main", new TenancyProperties.Cell(url, "postgres", "", pool, true)),
                "main", "atelier", workers, Duration.ofSeconds(5));
    }

    private static String resource(String name) {
        try (var in = TenancyBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        return "Machine: %d cores (%s), %d MiB max heap for the driver, Java %s, %s".formatted(
                Runtime.getRuntime().availableProcessors(), cpu, Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), System.getProperty("os.name"));
    }

    private void line(String... lines) {
        report.addAll(List.of(lines));
    }

    private static String row(String what, Duration total, int count) {
        return "| %s | %.1f s | %.1f ms |".formatted(what, total.toMillis() / 1000.0,
                total.toMillis() / (double) count);
    }

    private static double ratio(Duration a, Duration b) {
        return a.toNanos() / (double) b.toNanos();
    }

    private static double ms(long[] sortedNanos, double quantile) {
        return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.round(quantile * (sortedNanos.length - 1)))]
                / 1e6;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
