package dev.atelier.platform.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives load with {@code wrk} (Debian package {@code wrk}), a separate native process, so the load driver does not
 * share the app's JVM: {@code connections} keep-alive connections on {@code threads} threads send the given requests
 * in turn for a while, and the latency distribution comes back. Every answer must be 2xx, or the run fails.
 */
public final class Wrk {

    /** What one run measured. */
    public record Result(double requestsPerSecond, double p50Millis, double p90Millis, double p99Millis,
            long requests) {

        /** One row of a markdown table: name, requests/s, p50, p90, p99. */
        public String row(String name) {
            return String.format(Locale.ROOT, "| %s | %,.0f | %.2f ms | %.2f ms | %.2f ms |", name,
                    requestsPerSecond, p50Millis, p90Millis, p99Millis);
        }
    }

    /** One request: method, path, headers and body (may be null). */
    public record Request(String method, String path, Map<String, String> headers, String body) {
    }

    /**
     * With {@code -Dwrk.diagnose=true} the script reports the first refused answers; off by default, since handing
     * every answer to the script costs the load driver CPU the app would otherwise have.
     */
    private static final boolean DIAGNOSE = Boolean.getBoolean("wrk.diagnose");

    private static final Pattern LATENCY = Pattern.compile("^\\s+(50|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("([0-9]+) requests in");
    private static final Pattern FAILED = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: (.*)");

    private Wrk() {
    }

    /** Whether {@code wrk} is on the PATH. */
    public static boolean available() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            probe.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Sends {@code requests} to {@code http://127.0.0.1:port} for {@code length}, each connection sending its next
     * request as soon as the last is answered (the most the app can answer): each thread takes its own share of the
     * list in turn (starting over when it reaches the end of its share).
     */
    public static Result run(int port, List<Request> requests, int connections, int threads, Duration length)
            throws IOException, InterruptedException {
        return run(port, requests, connections, threads, length, Duration.ZERO);
    }

    /**
     * As {@link #run(int, List, int, int, Duration)}, each connection waiting {@code thinkTime} after an answer
     * before its next request, as a person choosing a time does: the latency of that many clients at their pace.
     */
    public static Result run(int port, List<Request> requests, int connections, int threads, Duration length,
            Duration thinkTime) throws IOException, InterruptedException {
        if (!available()) {
            throw new IllegalStateException("wrk is not installed: apt-get install -y wrk");
        }
        Path script = Files.createTempFile("atelier-wrk", ".lua");
        Path data = Files.createTempFile("atelier-wrk", ".tsv");
        try {
            Files.write(data, lines(requests), StandardCharsets.UTF_8);
            Files.writeString(script, lua(data, threads, thinkTime), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of("wrk", "--latency", "-c", String.valueOf(connections),
                    "-t", String.valueOf(threads), "-d", length.toSeconds() + "s", "--timeout", "10s", "-s",
                    script.toString(), "http://127.0.0.1:" + port));
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!wrk.waitFor(length.toSeconds() + 60, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
                throw new IOException("wrk failed:\n" + output);
            }
            return parse(output);
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(data);
        }
    }

    static Result parse(String output) throws IOException {
        Matcher failed = FAILED.matcher(output);
        if (failed.find()) {
            throw new IOException(
                    failed.group(1) + " answers were not 2xx (run with -Dwrk.diagnose=true to see them):\n"
                            + output);
        }
        Matcher errors = ERRORS.matcher(output);
        if (errors.find()) {
            throw new IOException("socket errors " + errors.group(1) + ":\n" + output);
        }
        double[] percentiles = new double[3];
        Matcher latency = LATENCY.matcher(output);
        int found = 0;
        while (latency.find()) {
            double value = Double.parseDouble(latency.group(2));
            double millis = switch (latency.group(3)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            };
            percentiles[switch (latency.group(1)) {
                case "50" -> 0;
                case "90" -> 1;
                default -> 2;
            }] = millis;
            found++;
        }
        Matcher rate = RATE.matcher(output);
        Matcher total = TOTAL.matcher(output);
        if (found != 3 || !rate.find() || !total.find()) {
            throw new IOException("could not read wrk's report:\n" + output);
        }
        return new Result(Double.parseDouble(rate.group(1)), percentiles[0], percentiles[1], percentiles[2],
                Long.parseLong(total.group(1)));
    }

    /** One request a line: method, path, body ({@code -} for none), then header names and values; tab-separated. */
    private static List<String> lines(List<Request> requests) {
        List<String> lines = new ArrayList<>();
        for (Request request : requests) {
            List<String> fields = new ArrayList<>(List.of(request.method(), request.path(),
                    request.body() == null ? "-" : request.body()));
            request.headers().forEach((name, value) -> fields.addAll(List.of(name, value)));
            for (String field : fields) {
                if (field.contains("\t") || field.contains("\n") || field.contains("\r")) {
                    throw new IllegalArgumentException("tabs and line breaks cannot be sent: " + field);
                }
            }
            lines.add(String.join("\t", fields));
        }
        return lines;
    }

    /**
     * A script that reads the requests from {@code data} in each thread and hands them out in turn, each thread
     * within its own share of them (and, diagnosing, reports the first refused answers).
     */
    private static String lua(Path data, int threads, Duration thinkTime) {
        return """
                local requests = {}
                local counter = 0
                local threads = {}
                setup = function(thread)
                  thread:set("index", counter)
                  counter = counter + 1
                  table.insert(threads, thread)
                end
                init = function(args)
                  for line in io.lines(%s) do
                    local fields = {}
                    for field in string.gmatch(line, "[^\t]+") do table.insert(fields, field) end
                    local headers = {}
                    for h = 4, #fields - 1, 2 do headers[fields[h]] = fields[h + 1] end
                    local body = nil
                    if fields[3] ~= "-" then body = fields[3] end
                    table.insert(requests, wrk.format(fields[1], fields[2], headers, body))
                  end
                  share = math.max(1, math.floor(#requests / %d))
                  offset = (tonumber(index) or 0) * share
                end
                local i = -1
                request = function()
                  i = i + 1
                  return requests[((offset + (i %% share)) %% #requests) + 1]
                end
                %s
                %s
                done = function(summary, latency, requests)
                  for _, thread in ipairs(threads) do
                    local seen = thread:get("failures")
                    if seen and #seen > 0 then io.write(seen) end
                  end
                end
                """.formatted(quote(data.toString()), threads, thinkTime.isZero()
                ? ""
                : "delay = function() return " + thinkTime.toMillis() + " end",
                DIAGNOSE
                        ? """
                                failures = ""
                                response = function(status, headers, body)
                                  if status >= 300 and #failures < 2000 then
                                    failures = failures .. "answer " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\\n"
                                  end
                                end
                                """
                        : "");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
