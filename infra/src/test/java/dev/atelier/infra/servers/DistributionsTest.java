package dev.atelier.infra.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionsTest {

    @TempDir
    Path directory;

    @Test
    void unpacksATarGzWithoutItsTopDirectoryKeepingExecutableBits() throws Exception {
        Path archive = directory.resolve("server-1.0.tar.gz");
        try (OutputStream file = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            addTar(tar, "server-1.0/bin/run.sh", "#!/bin/sh\necho run\n", 0755);
            addTar(tar, "server-1.0/conf/server.conf", "port=1\n", 0644);
        }
        Path target = directory.resolve("cache/server-1.0");

        assertThat(Distributions.unpacked(archive, target)).isEqualTo(target);

        assertThat(target.resolve("bin/run.sh")).hasContent("#!/bin/sh\necho run");
        assertThat(Files.isExecutable(target.resolve("bin/run.sh"))).isTrue();
        assertThat(Files.isExecutable(target.resolve("conf/server.conf"))).isFalse();
        assertThat(Files.list(target.getParent())).containsExactly(target);
    }

    @Test
    void unpacksAZipOnceAndLeavesAnExistingDirectoryAlone() throws Exception {
        Path archive = directory.resolve("search-2.0.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(archive))) {
            addZip(zip, "search-2.0/bin/search", "#!/bin/sh\n", 0755);
            addZip(zip, "search-2.0/lib/search.jar", "jar", 0644);
        }
        Path target = directory.resolve("cache/search-2.0");

        Distributions.unpacked(archive, target);
        Files.writeString(target.resolve("marker"), "kept");
        Distributions.unpacked(archive, target);

        assertThat(Files.isExecutable(target.resolve("bin/search"))).isTrue();
        assertThat(target.resolve("lib/search.jar")).hasContent("jar");
        assertThat(target.resolve("marker")).hasContent("kept");
    }

    @Test
    void refusesEntriesThatEscapeTheTarget() throws Exception {
        Path archive = directory.resolve("evil.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(archive))) {
            addZip(zip, "evil/../../escaped", "x", 0644);
        }
        Path target = directory.resolve("cache/evil");

        assertThatThrownBy(() -> Distributions.unpacked(archive, target)).isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("archive entry outside the target: evil/../../escaped");
        assertThat(target).doesNotExist();
        assertThat(directory.resolve("escaped")).doesNotExist();
        assertThat(Files.list(target.getParent())).isEmpty();
    }

    @Test
    void knowsTheDistributionVersions() {
        assertThat(Distributions.keycloakVersion()).matches("26\\..+");
        assertThat(Distributions.elasticsearchVersion()).isEqualTo("9.2.0");
        assertThat(Distributions.atelierVersion()).isNotBlank();
    }

    private static void addTar(TarArchiveOutputStream tar, String name, String content, int mode) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(mode);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void addZip(ZipArchiveOutputStream zip, String name, String content, int mode) throws Exception {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(mode);
        zip.putArchiveEntry(entry);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
    }
}
