package dev.smokegate.smoke.workspace;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one recursive delete of the plugin: a scenario's previous folder before it runs again, or what
 * a failed attempt left in a workspace. Never follows symlinks (a link is deleted, not what it
 * points to); read-only folders a build left behind are made writable first.
 */
public final class Deletion {
    private Deletion() {}

    /**
     * Deletes a folder and everything under it.
     *
     * @param root a folder the gate owns; nothing happens when it does not exist
     * @throws IOException when something under it cannot be deleted
     */
    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new Walker(root, false));
    }

    /**
     * Deletes everything under a folder, keeping the folder itself. Failures are ignored: the caller
     * is already reporting a problem, and what is left goes with its scenario.
     *
     * @param folder a workspace folder; nothing happens when it does not exist
     */
    public static void deleteContentsQuietly(Path folder) {
        try {
            Files.walkFileTree(folder, new Walker(folder, true));
        } catch (IOException e) {
            // Unreachable: a quiet walker throws nothing.
        }
    }

    /** Deletes bottom-up; quietly (keeping the root, going on past failures) or not. */
    private static final class Walker extends SimpleFileVisitor<Path> {
        private final Path root;
        private final boolean quiet;

        Walker(Path root, boolean quiet) {
            this.root = root;
            this.quiet = quiet;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            // A build may leave read-only folders (e.g. module caches); make them deletable.
            dir.toFile().setWritable(true, true);
            dir.toFile().setExecutable(true, true);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            delete(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (!(e instanceof NoSuchFileException)) {
                delete(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (!(quiet && dir.equals(root))) {
                delete(dir);
            }
            return FileVisitResult.CONTINUE;
        }

        private void delete(Path path) throws IOException {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                if (!quiet) {
                    throw e;
                }
            }
        }
    }
}
