package dev.atelier.infra.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path directory;

    @Test
    void closeStopsTheWholeProcessTree() throws Exception {
        Path log = directory.resolve("tree.log");
        // a parent that ignores SIGTERM, with two children
        ManagedProcess process = ManagedProcess.builder("tree")
                .command("sh", "-c", "trap '' TERM; sleep 300 & sleep 300 & echo ready; wait")
                .logFile(log)
                .stopTimeout(Duration.ofSeconds(2))
                .start();
        process.awaitHealthy(Duration.ofSeconds(10), () -> Files.readAllLines(log).contains("ready"));
        List<ProcessHandle> tree = ProcessHandle.of(process.pid()).orElseThrow().descendants().toList();
        assertThat(tree).hasSizeGreaterThanOrEqualTo(2);

        process.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(Files.readString(log)).startsWith("==== ").contains("starting tree: sh -c");
    }

    @Test
    void aProcessThatDiesWhileStartingIsReportedWithItsLogTail() {
        ManagedProcess process = ManagedProcess.builder("crasher")
                .command("sh", "-c", "echo 'line one'; echo 'FATAL: port 1 is taken' >&2; exit 3")
                .logFile(directory.resolve("crasher.log"))
                .start();

        assertThatThrownBy(() -> process.awaitHealthy(Duration.ofSeconds(10), () -> false))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("crasher exited with code 3")
                .hasMessageContaining("FATAL: port 1 is taken")
                .hasMessageContaining(directory.resolve("crasher.log").toString());
        process.close();
    }

    @Test
    void aProcessThatNeverGetsHealthyTimesOutWithTheLastProblem() {
        AtomicInteger probes = new AtomicInteger();
        try (ManagedProcess process = ManagedProcess.builder("sleeper")
                .command("sh", "-c", "echo waiting forever; exec sleep 300")
                .logFile(directory.resolve("sleeper.log"))
                .start()) {
            assertThatThrownBy(() -> process.awaitHealthy(Duration.ofMillis(600), () -> {
                probes.incrementAndGet();
                throw new IllegalStateException("connection refused");
            }))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("sleeper was not ready after 0 s")
                    .hasMessageContaining("connection refused")
                    .hasMessageContaining("waiting forever");
        }
        assertThat(probes.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void tailReturnsTheLastLines() throws Exception {
        Path file = directory.resolve("many.log");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(file, text);

        assertThat(ManagedProcess.tail(file, 3)).isEqualTo("line 98\nline 99\nline 100");
        assertThat(ManagedProcess.tail(directory.resolve("absent.log"), 3)).isEqualTo("(no log written)");
    }
}
