package dev.atelier.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsToDotAtelierUnderTheRepositoryRoot() {
        StackOptions options = StackOptions.parse(ROOT, List.of());

        assertThat(options.dataDirectory()).isEqualTo(Path.of("/repo/.atelier/data"));
        assertThat(options.logDirectory()).isEqualTo(Path.of("/repo/.atelier/logs"));
        assertThat(options.wipe()).isFalse();
        assertThat(options.serversOnly()).isFalse();
    }

    @Test
    void readsEveryOption() {
        StackOptions options = StackOptions.parse(ROOT, List.of("--wipe", "--data-dir", "tmp/d", "--servers-only"));

        assertThat(options.dataDirectory()).isEqualTo(Path.of("/repo/tmp/d"));
        assertThat(options.logDirectory()).isEqualTo(Path.of("/repo/tmp/logs"));
        assertThat(options.wipe()).isTrue();
        assertThat(options.serversOnly()).isTrue();
        assertThat(StackOptions.parse(ROOT, List.of("--data-dir=/abs/data")).dataDirectory())
                .isEqualTo(Path.of("/abs/data"));
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> StackOptions.parse(ROOT, List.of("--wype")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--wype");
        assertThatThrownBy(() -> StackOptions.parse(ROOT, List.of("--data-dir")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a directory");
    }
}
