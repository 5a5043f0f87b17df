package dev.atelier.infra.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Directory-tree helpers: copy or hard-link, delete, change owner, check traversal by other users. */
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * Recreates the tree under {@code source} at {@code target}: files are hard-linked (fast, no extra space) unless
     * {@code copy} says otherwise or linking is impossible (another file system), then copied. Only use links for
     * files nobody writes to.
     */
    public static void linkOrCopy(Path source, Path target, Predicate<Path> copy) {
        try {
            boolean[] canLink = {true};
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path relative = source.relativize(file);
                    Path destination = target.resolve(relative.toString());
                    if (canLink[0] && !copy.test(relative)) {
                        try {
                            Files.createLink(destination, file);
                            return FileVisitResult.CONTINUE;
                        } catch (FileSystemException | UnsupportedOperationException e) {
                            canLink[0] = false;
                        }
                    }
                    Files.copy(file, destination, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + source + " to " + target, e);
        }
    }

    /** Copies a tree (attributes kept). */
    public static void copy(Path source, Path target) {
        linkOrCopy(source, target, relative -> true);
    }

    /** Deletes a tree if it exists (does not follow symbolic links). */
    public static void deleteRecursively(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }

    /** Gives the tree to a numeric user and group (needs root). */
    public static void chown(Path root, int uid, int gid) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not change the owner of " + root, e);
        }
    }

    /**
     * Whether a user other than the owner can reach {@code path}: it and every existing parent directory carry the
     * "others may search" bit.
     */
    public static boolean traversableByOthers(Path path) {
        for (Path p = path.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (!Files.exists(p)) {
                continue;
            }
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p);
                if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    /** The numeric id of the user running this JVM. */
    public static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }
}
