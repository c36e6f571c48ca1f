package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes the entries {@link CheckoutWalk} hands it into the workspace: regular files streamed
 * ({@link FileChannel#transferTo}) with their executable bit, symlinks kept when their target
 * resolves inside the working tree, folders. It counts what it wrote, collects what it skipped, and
 * keeps the first failure; file copies may run on pool threads.
 */
final class EntryCopier {

    private static final FileAttribute<Set<PosixFilePermission>> REGULAR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"));

    private static final FileAttribute<Set<PosixFilePermission>> EXECUTABLE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx"));

    private static final Set<StandardOpenOption> CREATE =
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final Path workTree;
    private final Path workspace;
    private final String where;
    private final AtomicInteger files = new AtomicInteger();
    private final LongAdder bytes = new LongAdder();
    private final Queue<Skipped> skipped = new ConcurrentLinkedQueue<>();
    private final AtomicReference<WorkspaceException> failure = new AtomicReference<>();
    private final Set<String> folders = new HashSet<>();
    private final String debugSwitch;
    private Path realWorkTree;

    /**
     * @param workTree the checkout's working tree, absolute and normalized
     * @param workspace the workspace folder
     * @param debugSwitch how the user turns debug output on, for the message of an unexpected failure
     */
    EntryCopier(Path workTree, Path workspace, String debugSwitch) {
        this.debugSwitch = debugSwitch;
        this.workTree = workTree;
        this.workspace = workspace;
        this.where = "checkout copy [" + workTree + "]";
    }

    /**
     * Copies a regular file, on the pool when there is one. Call it from the walk's thread only.
     *
     * @param path the working-tree-relative path
     * @param tracked whether the index has it (then a problem fails the copy instead of skipping it)
     * @param file the file in the checkout
     * @param executable whether the copy gets the executable bits
     * @param pool where the copy runs, or {@code null} for this thread
     * @throws IOException when its folder cannot be created
     */
    void file(String path, boolean tracked, Path file, boolean executable, ExecutorService pool) throws IOException {
        Path copy = destination(path);
        if (pool == null) {
            copyFile(path, tracked, file, copy, executable);
        } else {
            pool.execute(() -> copyFile(path, tracked, file, copy, executable));
        }
    }

    /**
     * Recreates a symlink with the same target, or skips it when the target leaves the working tree,
     * is absolute, or cannot be resolved.
     *
     * @param path the working-tree-relative path
     * @param link the link in the checkout
     * @throws IOException when its folder cannot be created
     */
    void symlink(String path, Path link) throws IOException {
        Path target;
        try {
            target = Files.readSymbolicLink(link);
        } catch (NoSuchFileException e) {
            return; // deleted while the walk ran
        } catch (IOException e) {
            skip(path, SpecialFiles.UNREADABLE);
            return;
        }
        String reason = symlinkProblem(link, target);
        if (reason != null) {
            skip(path, reason);
            return;
        }
        Path copy = destination(path);
        try {
            Files.createSymbolicLink(copy, target);
            files.incrementAndGet();
        } catch (IOException e) {
            fail(writeFailed(path, copy, e));
        }
    }

    /**
     * Creates a folder of the workspace (once). Call it from the walk's thread only.
     *
     * @param path the working-tree-relative path
     * @throws IOException when it cannot be created
     */
    void folder(String path) throws IOException {
        if (folders.add(path)) {
            Files.createDirectories(workspace.resolve(path));
        }
    }

    /** Records a path that is not copied, with why. */
    void skip(String path, String kind) {
        skipped.add(new Skipped(path, kind));
    }

    /** Keeps the first failure; later ones are dropped. */
    void fail(WorkspaceException e) {
        failure.compareAndSet(null, e);
    }

    /** @return the workspace folder */
    Path workspace() {
        return workspace;
    }

    /** @return the first failure, or {@code null} */
    WorkspaceException failure() {
        return failure.get();
    }

    /** @return the files and symlinks written */
    int files() {
        return files.get();
    }

    /** @return the bytes of the files written */
    long bytes() {
        return bytes.sum();
    }

    /** @return the skipped paths, sorted by path */
    List<Skipped> skipped() {
        return skipped.stream().sorted(Comparator.comparing(Skipped::path)).toList();
    }

    /**
     * What is wrong with a tracked path of this kind, as the failure names it.
     *
     * @param kind one of {@link SpecialFiles}' kinds
     * @return for example "cannot be read (permission denied)"
     */
    static String trackedProblem(String kind) {
        return switch (kind) {
            case SpecialFiles.UNREADABLE -> "cannot be read (permission denied)";
            case SpecialFiles.CHANGED -> "changed while the checkout was being copied";
            default -> "is a " + kind + ", not a regular file or symlink";
        };
    }

    /**
     * A path that cannot be copied: skipped when untracked; when tracked, the copy fails with
     * UNREADABLE_TRACKED.
     *
     * @param path the working-tree-relative path
     * @param tracked whether the index has it
     * @param kind why an untracked path is skipped, one of {@link SpecialFiles}' kinds
     * @param problem what is wrong with a tracked path, e.g. {@code "cannot be read (permission denied)"}
     * @param fix the first way out for a tracked path; the second is always {@code git rm --cached}
     * @param cause the exception, or {@code null}
     */
    void unusable(String path, boolean tracked, String kind, String problem, String fix, Exception cause) {
        if (tracked) {
            fail(new WorkspaceException(
                    Reason.UNREADABLE_TRACKED,
                    where + ": tracked path '" + path + "' " + problem + ". " + fix
                            + ", or remove it from the index with 'git rm --cached " + path + "'.",
                    cause));
        } else {
            skip(path, kind);
        }
    }

    private void copyFile(String path, boolean tracked, Path file, Path copy, boolean executable) {
        try {
            copyOrFail(path, tracked, file, copy, executable);
        } catch (RuntimeException e) {
            // On a pool thread nobody else would see it.
            fail(new WorkspaceException(
                    Reason.IO,
                    where + ": cannot copy '" + path + "': " + e + ". Run the build again with " + debugSwitch
                            + " and report it.",
                    e));
        }
    }

    private void copyOrFail(String path, boolean tracked, Path file, Path copy, boolean executable) {
        if (failure.get() != null) {
            return;
        }
        // NOFOLLOW_LINKS: should the file have been swapped for a symlink since the walk's lstat,
        // the open fails instead of reading what the link points to.
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                FileChannel out = FileChannel.open(copy, CREATE, executable ? EXECUTABLE : REGULAR)) {
            long size = in.size();
            long position = 0;
            while (position < size) {
                long sent = in.transferTo(position, size - position, out);
                if (sent <= 0) {
                    break; // the file shrank while being copied
                }
                position += sent;
            }
            files.incrementAndGet();
            bytes.add(position);
        } catch (AccessDeniedException e) {
            unreadable(path, tracked, copy, SpecialFiles.UNREADABLE, e);
        } catch (NoSuchFileException e) {
            if (!file.toString().equals(e.getFile())) {
                fail(writeFailed(path, copy, e));
            }
            // else: deleted while the copy ran, as if it had been deleted before
        } catch (FileSystemException e) {
            // ELOOP from O_NOFOLLOW: the file became a symlink after the walk saw it.
            unreadable(path, tracked, copy, SpecialFiles.CHANGED, e);
        } catch (IOException e) {
            fail(writeFailed(path, copy, e));
        }
    }

    private void unreadable(String path, boolean tracked, Path copy, String kind, IOException e) {
        unusable(path, tracked, kind, trackedProblem(kind), "Make it readable (chmod u+r " + path + ")", e);
        try {
            Files.deleteIfExists(copy);
        } catch (IOException ignored) {
            // The copy is incomplete either way; the report names the path.
        }
    }

    /** Why the link is not kept, or null when its target resolves inside the working tree. */
    private String symlinkProblem(Path link, Path target) throws IOException {
        if (target.isAbsolute() || !link.getParent().resolve(target).normalize().startsWith(workTree)) {
            return SpecialFiles.OUTSIDE;
        }
        Path real;
        try {
            real = link.toRealPath();
        } catch (IOException e) {
            return SpecialFiles.unresolvable(e);
        }
        if (realWorkTree == null) {
            realWorkTree = workTree.toRealPath();
        }
        // Through another symlink on the way, a relative target can still land outside.
        return real.startsWith(realWorkTree) ? null : SpecialFiles.OUTSIDE;
    }

    private Path destination(String path) throws IOException {
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            folder(path.substring(0, slash));
        }
        return workspace.resolve(path);
    }

    private WorkspaceException writeFailed(String path, Path copy, IOException e) {
        return new WorkspaceException(
                Reason.IO,
                where + ": cannot copy '" + path + "' to " + copy + ": " + e
                        + ". Check free disk space and the permissions of " + workspace + ".",
                e);
    }
}
