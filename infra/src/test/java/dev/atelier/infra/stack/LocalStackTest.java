package dev.atelier.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir
    Path root;

    @Test
    void missingAppJarsSayHowToBuildThemBeforeAnythingStarts() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalStack stack = new LocalStack(StackOptions.parse(root, List.of()), new PrintStream(out));

        assertThatThrownBy(stack::start)
                .isInstanceOf(StackException.class)
                .hasMessageContaining("storefront-renderer/target/storefront-renderer-0.1.0.jar")
                .hasMessageContaining("billing/target/billing-0.1.0.jar")
                .hasMessageContaining("./atelier up (it builds first)");
        assertThat(out.toString()).isEmpty();
        assertThat(root.resolve(".atelier")).doesNotExist();
    }

    @Test
    void theAppsAndTheirPortsAreTheContractOnes() {
        assertThat(LocalStack.APPS).extracting(LocalStack.App::module, LocalStack.App::port).containsExactly(
                org.assertj.core.groups.Tuple.tuple("storefront-renderer", 8080),
                org.assertj.core.groups.Tuple.tuple("tenant-portal", 8081),
                org.assertj.core.groups.Tuple.tuple("search-indexer", 8082),
                org.assertj.core.groups.Tuple.tuple("billing", 8083));
        assertThat(LocalStack.APPS).extracting(LocalStack.App::managementPort).containsExactly(9080, 9081, 9082,
                9083);
        assertThat(LocalStack.APPS).filteredOn(app -> app.arguments().contains("--atelier.demo.enabled=true"))
                .extracting(LocalStack.App::module).containsExactly("tenant-portal");
    }
}
