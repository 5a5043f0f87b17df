package dev.atelier.infra.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path directory;

    @Test
    void linksWhatIsReadOnlyAndCopiesTheRest() throws Exception {
        Path source = directory.resolve("dist");
        Files.createDirectories(source.resolve("lib/quarkus"));
        Files.writeString(source.resolve("lib/app.jar"), "app");
        Files.writeString(source.resolve("lib/quarkus/generated.jar"), "generated");
        Path target = directory.resolve("home");

        FileTrees.linkOrCopy(source, target, relative -> relative.startsWith(Path.of("lib", "quarkus")));

        assertThat(Files.isSameFile(source.resolve("lib/app.jar"), target.resolve("lib/app.jar"))).isTrue();
        Files.writeString(target.resolve("lib/quarkus/generated.jar"), "rewritten");
        assertThat(source.resolve("lib/quarkus/generated.jar")).hasContent("generated");

        FileTrees.deleteRecursively(target);
        assertThat(target).doesNotExist();
        assertThat(source.resolve("lib/app.jar")).hasContent("app");
    }

    @Test
    void aPrivateDirectoryIsNotTraversableByOthers() throws Exception {
        Path open = Files.createDirectory(directory.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path closed = Files.createDirectory(open.resolve("closed"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(FileTrees.traversableByOthers(closed.resolve("data"))).isFalse();
        assertThat(FileTrees.currentUid()).isGreaterThanOrEqualTo(0);
    }
}
