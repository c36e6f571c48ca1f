package dev.smokegate.smoke.workspace;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The one recursive delete of the plugin: a scenario's previous folder before it runs again, or what
 * a failed attempt left in a workspace. Never follows symlinks (a link is deleted, not what it
 * points to); read-only folders a build left behind are made writable first.
 *
 * <p>A scenario's previous folder is not deleted in front of the new copy ({@link
 * #deleteInBackground}): it is renamed aside and deleted on a background thread while the new
 * workspace is written, and the gate waits for those deletions at its end ({@link
 * #awaitBackground}). Creating files right after deleting a large tree is up to 10 times slower on
 * some file systems (online discard), and the rename takes a millisecond.
 */
public final class Deletion {

    /** What a folder renamed aside is called after: {@code .<name>.deleting-<pid>-<n>}. */
    private static final String ASIDE = ".deleting-";

    private static final AtomicInteger ASIDE_COUNT = new AtomicInteger();

    /** The background deletions of this JVM that have not ended; {@link #awaitBackground} joins them. */
    private static final Set<Thread> PENDING = ConcurrentHashMap.newKeySet();

    private Deletion() {}

    /**
     * Empties the place of a folder at once and deletes what was there on a background thread: the
     * folder is renamed to a hidden sibling ({@code .<name>.deleting-<pid>-<n>}), which a thread then
     * deletes. Siblings of that name left by an earlier JVM that ended before its deletion finished
     * are deleted by the same thread. When the rename fails, the folder is deleted here, in front.
     *
     * @param folder a folder the gate owns; nothing is renamed when it does not exist
     * @param debug told what was deleted and how long it took (from the background thread), or why
     *     a leftover could not be deleted
     * @return whether the folder was there (and is now renamed aside, or deleted)
     * @throws IOException when the rename failed and so did the deletion in front
     */
    public static boolean deleteInBackground(Path folder, Consumer<String> debug) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        String prefix = "." + absolute.getFileName() + ASIDE;
        List<Path> aside = new ArrayList<>();
        if (parent != null && Files.isDirectory(parent)) {
            try (Stream<Path> siblings = Files.list(parent)) {
                siblings.filter(p -> p.getFileName().toString().startsWith(prefix))
                        .forEach(aside::add);
            }
        }
        boolean there = Files.exists(absolute, LinkOption.NOFOLLOW_LINKS);
        if (there) {
            Path moved = absolute.resolveSibling(
                    prefix + ProcessHandle.current().pid() + "-" + ASIDE_COUNT.incrementAndGet());
            try {
                Files.move(absolute, moved, StandardCopyOption.ATOMIC_MOVE);
                aside.add(moved);
            } catch (IOException e) {
                debug.accept("cannot rename " + absolute + " aside (" + e + "): deleting it now");
                deleteRecursively(absolute);
            }
        }
        if (aside.isEmpty()) {
            return there;
        }
        Thread thread = new Thread(
                () -> {
                    long start = System.nanoTime();
                    try {
                        for (Path path : aside) {
                            try {
                                deleteRecursively(path);
                            } catch (IOException e) {
                                debug.accept("cannot delete " + path + ": " + e + "; the next run tries again");
                            }
                        }
                        debug.accept("timing: deleted " + aside.size() + " earlier folder(s) of " + absolute
                                + " in the background in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                                + " ms");
                    } finally {
                        PENDING.remove(Thread.currentThread());
                    }
                },
                "smoke-delete");
        thread.setDaemon(true);
        PENDING.add(thread);
        thread.start();
        return there;
    }

    /**
     * Waits for the background deletions started by {@link #deleteInBackground} in this JVM.
     *
     * @return how many were still running
     */
    public static int awaitBackground() {
        int waited = 0;
        for (Thread thread : List.copyOf(PENDING)) {
            waited++;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return waited;
            }
        }
        return waited;
    }

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
