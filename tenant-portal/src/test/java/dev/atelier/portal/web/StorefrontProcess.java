package dev.atelier.portal.web;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.ManagedProcess;
import dev.atelier.infra.servers.Ports;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The chains' sites: storefront-renderer's own runnable jar (built before this module) started as a process beside
 * the portal a browser test runs, on the same cells and Keycloak, answering every chain at
 * {@code http://<slug>.localhost:<port>} (the browser resolves any {@code .localhost} name to this machine).
 */
public final class StorefrontProcess implements AutoCloseable {

    private static final Path TARGET = Path.of("..", "storefront-renderer", "target");

    private final ManagedProcess process;
    private final int port;

    private StorefrontProcess(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The address template both apps are told: where each chain's site is. */
    public static String urlTemplate(int port) {
        return "http://{slug}.localhost:" + port;
    }

    /**
     * Tells the portal under test where the chains' sites will be ({@link #start} them there), so the addresses it
     * gives out (a preview of the theme, a chain's site) lead to them.
     */
    public static void register(DynamicPropertyRegistry registry, int port) {
        registry.add("atelier.storefront.url-template", () -> urlTemplate(port));
    }

    /** Starts the site on {@code port}, framed by the back office on {@code backOfficePort}; waits until it is up. */
    public static StorefrontProcess start(TestCells cells, KeycloakServer keycloak, int port, int backOfficePort)
            throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(TARGET)) {
            jar = files.filter(file -> file.getFileName().toString().matches("storefront-renderer-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no storefront-renderer jar in "
                            + TARGET.toAbsolutePath() + ": build it first (-pl tenant-portal -am does)"));
        }
        Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
        cells.register(properties::put, 4);
        TestIdentity.register(properties::put, keycloak);
        int management = Ports.free();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms64m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString(),
                "--server.port=" + port, "--management.server.port=" + management, "--atelier.web.local-mode=true",
                "--atelier.storefront.url-template=" + urlTemplate(port),
                "--atelier.storefront.back-office-url=http://localhost:" + backOfficePort));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value.get()));
        Path log = Path.of("target", "storefront-process.log");
        ManagedProcess process = ManagedProcess.builder("storefront-renderer").command(command).logFile(log)
                .stopTimeout(Duration.ofSeconds(10)).start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            process.awaitHealthy(Duration.ofMinutes(3), () -> http.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + management + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return new StorefrontProcess(process, port);
    }

    /** The address of chain {@code slug}'s site. */
    public String site(String slug) {
        return "http://" + slug + ".localhost:" + port;
    }

    @Override
    public void close() {
        process.close();
    }
}
