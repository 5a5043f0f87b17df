package dev.atelier.infra.servers;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process whose output goes to a log file: started in its own session (so a Ctrl-C in the terminal reaches
 * the launcher only, which then stops children in order), waited for until healthy, stopped with its whole process
 * tree on {@link #close()} or at JVM exit.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int TAIL_LINES = 40;

    /** A readiness probe; exceptions count as "not yet". */
    @FunctionalInterface
    public interface HealthCheck {
        boolean healthy() throws Exception;
    }

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Duration stopTimeout;
    private volatile boolean closed;

    private ManagedProcess(String name, Process process, Path logFile, Duration stopTimeout) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.stopTimeout = stopTimeout;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code timeout} for the process to end; its exit code, or empty if it is still running. */
    public Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                ? Optional.of(process.exitValue())
                : Optional.empty();
    }

    /** The exit code, if the process has ended. */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /**
     * Polls {@code check} until it passes. Fails fast if the process dies, and after {@code timeout} otherwise; both
     * failures quote the end of the log.
     */
    public void awaitHealthy(Duration timeout, HealthCheck check) {
        Instant deadline = Instant.now().plus(timeout);
        Exception lastProblem = null;
        while (true) {
            if (!process.isAlive()) {
                throw new ServerStartException(name + " exited with code " + process.exitValue()
                        + " while starting.\n" + describeLog());
            }
            try {
                if (check.healthy()) {
                    return;
                }
                lastProblem = null;
            } catch (Exception e) {
                lastProblem = e;
            }
            if (Instant.now().isAfter(deadline)) {
                String last = lastProblem == null ? "" : " (last check: " + lastProblem + ")";
                throw new ServerStartException(
                        name + " was not ready after " + timeout.toSeconds() + " s" + last + ".\n" + describeLog());
            }
            sleep(POLL);
        }
    }

    /** "Log: FILE, last lines:" and the tail, for error messages. */
    public String describeLog() {
        return describeLog(logFile);
    }

    /**
     * "Log: FILE", the deepest {@code Caused by:} of the last start if there is one, and the last lines of
     * {@code file}, for error messages.
     */
    public static String describeLog(Path file) {
        String tail = tail(file, 400);
        String lastStart = tail.substring(Math.max(0, tail.lastIndexOf("\n==== ")));
        String cause = lastStart.lines().filter(line -> line.startsWith("Caused by: ")).reduce((a, b) -> b)
                .map(line -> "Root cause: " + line.substring("Caused by: ".length()) + "\n").orElse("");
        return "Log: " + file + "\n" + cause + "--- last lines ---\n" + tail(file, TAIL_LINES)
                + "\n------------------";
    }

    /** The last {@code lines} lines of a text file (at most the last 64 KiB are read). */
    public static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log written)";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8).stripTrailing();
            String[] all = text.split("\r?\n");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
        } catch (IOException e) {
            return "(could not read the log: " + e + ")";
        }
    }

    /** Stops the process and all its descendants: SIGTERM first, SIGKILL for what is left after the timeout. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ShutdownHooks.unregister(this);
        if (!process.isAlive()) {
            return;
        }
        log.info("Stopping {} (pid {})", name, process.pid());
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        tree.addAll(process.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(stopTimeout);
        for (ProcessHandle handle : tree) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // still alive (or interrupted): killed below
            }
        }
        boolean forced = false;
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                forced = true;
                handle.destroyForcibly();
            }
        }
        if (forced) {
            log.warn("{} did not stop within {} s; killed", name, stopTimeout.toSeconds());
            for (ProcessHandle handle : tree) {
                try {
                    handle.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.warn("{}: process {} survived SIGKILL for 5 s", name, handle.pid());
                }
            }
        }
        log.info("Stopped {}", name);
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while waiting", e);
        }
    }

    /** Starts a {@link ManagedProcess}. */
    public static final class Builder {
        private static final Path SETSID = Path.of("/usr/bin/setsid");

        private final String name;
        private final List<String> command = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> removedEnvironment = new ArrayList<>();
        private Path directory;
        private Path logFile;
        private Duration stopTimeout = Duration.ofSeconds(30);

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        public Builder command(List<String> command) {
            this.command.clear();
            this.command.addAll(command);
            return this;
        }

        public Builder command(String... command) {
            return command(List.of(command));
        }

        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        public Builder environment(String key, String value) {
            environment.put(key, value);
            return this;
        }

        /** Drops an inherited environment variable. */
        public Builder removeEnvironment(String key) {
            removedEnvironment.add(key);
            return this;
        }

        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        public ManagedProcess start() {
            if (command.isEmpty()) {
                throw new IllegalStateException("no command for " + name);
            }
            Objects.requireNonNull(logFile, "logFile");
            List<String> fullCommand = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                fullCommand.add(SETSID.toString());
            }
            fullCommand.addAll(command);
            try {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                Files.writeString(logFile,
                        "==== " + Instant.now() + " starting " + name + ": " + String.join(" ", command) + "\n",
                        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
                ProcessBuilder builder = new ProcessBuilder(fullCommand).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                removedEnvironment.forEach(builder.environment()::remove);
                builder.environment().putAll(environment);
                Process process = builder.start();
                ManagedProcess managed = new ManagedProcess(name, process, logFile, stopTimeout);
                try {
                    ShutdownHooks.register(managed);
                } catch (IllegalStateException shuttingDown) {
                    managed.close();
                    throw new ServerStartException("Not starting " + name + ": the JVM is shutting down",
                            shuttingDown);
                }
                log.debug("Started {} (pid {}): {}", name, process.pid(), fullCommand);
                return managed;
            } catch (IOException e) {
                throw new ServerStartException("Could not start " + name + " (" + String.join(" ", command) + "): "
                        + e.getMessage(), e);
            }
        }
    }
}
