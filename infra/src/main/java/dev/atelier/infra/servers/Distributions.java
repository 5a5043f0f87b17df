package dev.atelier.infra.servers;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Keycloak and Elasticsearch distributions: found in the local Maven repository (paths recorded at build time in
 * {@code atelier-distributions.properties}), unpacked once into a cache directory. Unpacking goes to a temporary
 * sibling that is renamed into place, so a crash never leaves a half-unpacked distribution behind.
 */
public final class Distributions {

    /** System property (or environment variable {@code ATELIER_CACHE_DIR}) overriding the cache directory. */
    public static final String CACHE_DIR_PROPERTY = "atelier.cache.dir";

    private static final Logger log = LoggerFactory.getLogger(Distributions.class);
    private static final String RESOURCE = "atelier-distributions.properties";
    private static final Path SHARED_CACHE = Path.of("/var/tmp/atelier-cache");
    private static final Properties properties = load();

    private Distributions() {
    }

    public static String keycloakVersion() {
        return property("keycloak.version");
    }

    public static String elasticsearchVersion() {
        return property("elasticsearch.version");
    }

    /** The Atelier version this launcher was built as. */
    public static String atelierVersion() {
        return property("atelier.version");
    }

    /** The Keycloak distribution, unpacked: {@code <cache>/keycloak-<version>}. */
    public static Path keycloakHome() {
        String version = keycloakVersion();
        Path archive = archive("keycloak.archive", "org/keycloak/keycloak-quarkus-dist/" + version
                + "/keycloak-quarkus-dist-" + version + ".tar.gz");
        return unpacked(archive, cacheDir().resolve("keycloak-" + version));
    }

    /**
     * Atelier's Keycloak provider jar (SMS sign-in, the SMS-sender SPI, the branded login theme), built by the
     * {@code infra/keycloak-extensions} module.
     */
    public static Path keycloakExtensions() {
        String version = atelierVersion();
        return archive("keycloak.extensions", "dev/atelier/keycloak-extensions/" + version + "/keycloak-extensions-"
                + version + ".jar");
    }

    /**
     * The Elasticsearch distribution, unpacked: {@code <cache>/elasticsearch-<version>}; when running as root (ES then
     * runs as an unprivileged user, who must be able to read it) under {@code /var/tmp/atelier-cache} unless the cache
     * directory is reachable by other users.
     */
    public static Path elasticsearchHome() {
        String version = elasticsearchVersion();
        Path archive = archive("elasticsearch.archive", "org/elasticsearch/distribution/integ-test-zip/elasticsearch/"
                + version + "/elasticsearch-" + version + ".zip");
        Path cache = cacheDir();
        if (FileTrees.currentUid() == 0 && !FileTrees.traversableByOthers(cache)) {
            cache = SHARED_CACHE;
        }
        return unpacked(archive, cache.resolve("elasticsearch-" + version));
    }

    /**
     * Where distributions are unpacked: {@value #CACHE_DIR_PROPERTY}, else {@code $ATELIER_CACHE_DIR}, else
     * {@code $XDG_CACHE_HOME/atelier}, else {@code ~/.cache/atelier}.
     */
    public static Path cacheDir() {
        String configured = System.getProperty(CACHE_DIR_PROPERTY, System.getenv("ATELIER_CACHE_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "atelier").toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "atelier");
    }

    /**
     * Unpacks {@code archive} (a {@code .zip} or {@code .tar.gz} with one top-level directory) to {@code target},
     * unless it is there already. Safe against concurrent callers in other processes.
     */
    public static Path unpacked(Path archive, Path target) {
        if (Files.isDirectory(target)) {
            return target;
        }
        Path parent = target.getParent();
        Path temporary = parent.resolve(".unpacking-" + target.getFileName() + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            removeStaleUnpackings(parent);
            long started = System.nanoTime();
            log.info("Unpacking {} to {}", archive.getFileName(), target);
            if (archive.getFileName().toString().endsWith(".zip")) {
                unzip(archive, temporary);
            } else {
                untargz(archive, temporary);
            }
            openDirectories(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException raceLost) {
                FileTrees.deleteRecursively(temporary);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IllegalStateException("cannot rename within " + parent, e);
            }
            log.info("Unpacked {} in {} ms", archive.getFileName(), (System.nanoTime() - started) / 1_000_000);
            return target;
        } catch (IOException e) {
            FileTrees.deleteRecursively(temporary);
            throw new UncheckedIOException("could not unpack " + archive + " to " + target, e);
        }
    }

    private static void removeStaleUnpackings(Path parent) throws IOException {
        Instant staleBefore = Instant.now().minus(Duration.ofHours(2));
        try (Stream<Path> children = Files.list(parent)) {
            for (Path child : children.toList()) {
                if (child.getFileName().toString().startsWith(".unpacking-")
                        && Files.getLastModifiedTime(child).toInstant().isBefore(staleBefore)) {
                    FileTrees.deleteRecursively(child);
                }
            }
        }
    }

    private static void unzip(Path archive, Path target) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                Path path = entryPath(target, entry.getName());
                if (path == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, path);
                }
                applyMode(path, entry.getUnixMode());
            }
        }
    }

    private static void untargz(Path archive, Path target) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = entryPath(target, entry.getName());
                if (path == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    applyMode(path, entry.getMode());
                    Files.setLastModifiedTime(path, FileTime.from(entry.getModTime().toInstant()));
                }
            }
        }
    }

    /** The entry's path below {@code target} with the archive's top-level directory stripped; null for the top. */
    private static Path entryPath(Path target, String name) throws IOException {
        String normalized = name.replace('\\', '/');
        int slash = normalized.indexOf('/');
        if (slash < 0 || slash == normalized.length() - 1) {
            return null;
        }
        Path path = target.resolve(normalized.substring(slash + 1)).normalize();
        if (!path.startsWith(target)) {
            throw new IOException("archive entry outside the target: " + name);
        }
        return path;
    }

    /** Directories readable and searchable by everyone, whatever the umask (another user may run the server). */
    private static void openDirectories(Path root) throws IOException {
        Set<PosixFilePermission> open = PosixFilePermissions.fromString("rwxr-xr-x");
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(path, open);
                }
            }
        }
    }

    private static void applyMode(Path path, int mode) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        Files.setPosixFilePermissions(path, permissions);
    }

    private static Path archive(String key, String repositoryPath) {
        String recorded = properties.getProperty(key, "");
        if (!recorded.isBlank() && !recorded.startsWith("@") && Files.isRegularFile(Path.of(recorded))) {
            return Path.of(recorded);
        }
        for (String repository : new String[]{System.getProperty("atelier.m2.repository"),
                System.getProperty("maven.repo.local"),
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()}) {
            if (repository != null && !repository.isBlank()) {
                Path candidate = Path.of(repository).resolve(repositoryPath);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("The distribution for " + key + " is not in the local Maven repository ("
                + (recorded.isBlank() ? repositoryPath : recorded) + "). Build the infra module first: "
                + "./mvnw -pl infra package -DskipTests (it downloads the distributions).");
    }

    private static String property(String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("@")) {
            throw new IllegalStateException(key + " is missing from " + RESOURCE + " (was infra built with Maven?)");
        }
        return value.trim();
    }

    private static Properties load() {
        Properties loaded = new Properties();
        try (InputStream in = Distributions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                loaded.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
        return loaded;
    }
}
