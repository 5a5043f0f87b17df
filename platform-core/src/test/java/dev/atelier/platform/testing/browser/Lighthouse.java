package dev.atelier.platform.testing.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lighthouse from npm ({@value #VERSION}, the last that runs on this machine's Node 20), installed under a benchmark's
 * {@code target/lighthouse} on first use, run against the system Chromium — or, given its debugging port, against a
 * browser a test has already signed in.
 */
public final class Lighthouse {

    public static final String VERSION = "12.8.2";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path home;
    private final Path bin;

    private Lighthouse(Path home, Path bin) {
        this.home = home;
        this.bin = bin;
    }

    /** Lighthouse under {@code home}, installed there by npm unless it already is. */
    public static Lighthouse install(Path home) throws Exception {
        Path bin = home.resolve("node_modules/.bin/lighthouse");
        if (!Files.exists(bin)) {
            Files.createDirectories(home);
            Process npm = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix",
                    home.toString(), "lighthouse@" + VERSION).redirectErrorStream(true)
                    .redirectOutput(home.resolve("npm.log").toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm could not install lighthouse " + VERSION);
            }
        }
        return new Lighthouse(home, bin.toAbsolutePath());
    }

    /**
     * The JSON report of auditing {@code url} for performance and accessibility, with {@code options} added to the
     * command line (say {@code --preset=desktop}, or {@code --port=N} to use a running browser).
     */
    public JsonNode audit(String url, String... options) throws Exception {
        Path report = Files.createTempFile("lighthouse", ".json");
        List<String> command = new ArrayList<>(List.of(bin.toString(), url, "--quiet", "--output=json",
                "--output-path=" + report, "--only-categories=performance,accessibility"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("CHROME_PATH", System.getProperty("atelier.test.chromium", "/usr/bin/chromium"));
        Path log = home.resolve("lighthouse.log");
        Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                log.toFile())).start();
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("lighthouse failed on " + url + "; see " + log);
        }
        return JSON.readTree(Files.readString(report, StandardCharsets.UTF_8));
    }

    /** How to sign in on Keycloak's page, and what shows once signed in. */
    public record SignIn(String url, String user, String password, String readySelector) {
    }

    /** Two audits of one page: its first visit (the browser's cache emptied, the session kept) and a return. */
    public record Visits(JsonNode first, JsonNode again) {
    }

    /**
     * Audits of {@code urls} (desktop preset when {@code desktop}) in one tab of the browser listening on debugging
     * {@code port}, after signing in on that tab, so each audited load carries the session; each page first with the
     * browser's cache emptied, then again.
     */
    public List<Visits> auditSignedIn(int port, boolean desktop, SignIn signIn, List<String> urls) throws Exception {
        Path script = home.resolve("signed-in-audit.mjs");
        try (var source = Lighthouse.class.getResourceAsStream("signed-in-audit.mjs")) {
            Files.write(script, source.readAllBytes());
        }
        List<List<Path>> out = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            out.add(List.of(Files.createTempFile("lighthouse", ".json"), Files.createTempFile("lighthouse", ".json")));
        }
        Path job = Files.createTempFile("lighthouse-job", ".json");
        Files.writeString(job, JSON.writeValueAsString(Map.of("port", port, "desktop", desktop, "signIn",
                Map.of("url", signIn.url(), "user", signIn.user(), "password", signIn.password(), "ready",
                        signIn.readySelector()),
                "urls", urls, "out", out.stream().map(pair -> pair.stream().map(Path::toString).toList()).toList())));
        ProcessBuilder builder = new ProcessBuilder("node", script.toAbsolutePath().toString(), job.toString());
        Path log = home.resolve("lighthouse.log");
        Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                log.toFile())).start();
        if (!process.waitFor(3L * (2 * urls.size() + 1), TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("lighthouse failed on " + urls + "; see " + log);
        }
        List<Visits> reports = new ArrayList<>();
        for (List<Path> pair : out) {
            reports.add(new Visits(JSON.readTree(Files.readString(pair.get(0), StandardCharsets.UTF_8)),
                    JSON.readTree(Files.readString(pair.get(1), StandardCharsets.UTF_8))));
        }
        return reports;
    }
}
