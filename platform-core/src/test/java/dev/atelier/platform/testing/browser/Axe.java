package dev.atelier.platform.testing.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The axe-core accessibility engine (npm {@code axe-core}, installed under {@code target/axe} on first use with the
 * machine's {@code npm}) run inside the page the browser shows. WebDriver's script injection is not bound by the
 * page's Content-Security-Policy, so the pages keep theirs.
 */
public final class Axe {

    static final String VERSION = "4.11.0";
    private static final Path HOME = Path.of("target", "axe");

    private final String script;

    private Axe(String script) {
        this.script = script;
    }

    public static Axe load() throws IOException, InterruptedException {
        Path engine = HOME.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.exists(engine)) {
            Files.createDirectories(HOME);
            Process npm;
            try {
                npm = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix",
                        HOME.toString(), "axe-core@" + VERSION).redirectErrorStream(true)
                        .redirectOutput(HOME.resolve("npm.log").toFile()).start();
            } catch (IOException e) {
                throw new IllegalStateException("The accessibility checks need npm (apt-get install -y npm) to fetch "
                        + "axe-core " + VERSION, e);
            }
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(engine)) {
                throw new IllegalStateException("npm could not install axe-core " + VERSION + " into " + HOME + "; see "
                        + HOME.resolve("npm.log"));
            }
        }
        return new Axe(Files.readString(engine, StandardCharsets.UTF_8));
    }

    /** The serious and critical WCAG 2.x A/AA violations on the page the browser shows now, one line each. */
    public List<String> seriousViolations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(script);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                        'best-practice']}})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
                """);
        List<String> serious = new ArrayList<>();
        for (Object item : (List<?>) result) {
            Map<?, ?> violation = (Map<?, ?>) item;
            Object impact = violation.get("impact");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                serious.add(impact + " " + violation.get("id") + ": " + violation.get("help") + " at "
                        + violation.get("nodes"));
            }
        }
        return serious;
    }
}
