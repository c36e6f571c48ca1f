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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Writes the entries {@link CheckoutWalk} hands it into the workspace: regular files streamed
 * ({@link FileChannel#transferTo}) with their executable bit, symlinks kept when their target
 * resolves inside the working tree, folders. It counts what it wrote, collects what it skipped, and
 * keeps the first failure; file copies may run on pool threads.
 *
 * <p>Given the {@linkplain PreviousWorkspace.Old previous workspace} already in the workspace's place,
 * it updates that instead of writing into an empty folder: a regular file whose {@link CopyRecord}
 * vouches for it is kept; anything else at an entry's path is deleted (never followed: a symlink is
 * deleted, not what it points to) and written anew into a new inode, so that a hard link a step made
 * to the old file is never written through; and {@link #removeLeftovers} deletes what the new copy
 * does not hold. Folders on the way to an entry are made real folders first, so that no write goes
 * through a symlink a step left. The result holds the same paths, types, bytes and modes as a copy
 * into an empty folder.
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
    private final PreviousWorkspace.Old old;
    private final Map<String, CopyRecord.Entry> recorded = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();
    /** With {@link #old}: the paths the new copy holds (files, symlinks, folders); the walk's thread adds them. */
    private final Set<String> present = ConcurrentHashMap.newKeySet();
    /** With {@link #old}: the folders made sure to be real folders; the walk's thread only. */
    private final Set<String> realFolders = new HashSet<>();

    private Path realWorkTree;

    /**
     * @param workTree the checkout's working tree, absolute and normalized
     * @param workspace the workspace folder
     * @param debugSwitch how the user turns debug output on, for the message of an unexpected failure
     */
    EntryCopier(Path workTree, Path workspace, String debugSwitch) {
        this(workTree, workspace, debugSwitch, null);
    }

    /**
     * @param workTree the checkout's working tree, absolute and normalized
     * @param workspace the workspace folder
     * @param debugSwitch how the user turns debug output on, for the message of an unexpected failure
     * @param old the previous workspace now in the workspace's place, or {@code null} when it is empty
     */
    EntryCopier(Path workTree, Path workspace, String debugSwitch, PreviousWorkspace.Old old) {
        this.old = old;
        this.realFolders.add("");
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
     * @param source the file's stat data as the walk read them, before its content is read; {@code
     *     null} when the walk has none (then the file is neither recorded nor kept)
     * @param pool where the copy runs, or {@code null} for this thread
     * @throws IOException when its folder cannot be created, or what the previous workspace holds
     *     at its path cannot be deleted
     */
    void file(
            String path, boolean tracked, Path file, boolean executable, Fingerprint.Stat source, ExecutorService pool)
            throws IOException {
        Path copy = destination(path);
        if (old != null) {
            present.add(path);
            if (old.has(path) && old.regularFile(path) == null) {
                Deletion.deleteRecursively(copy); // a folder, symlink or special file: no write goes through it
            }
        }
        if (pool == null) {
            copyFile(path, tracked, file, copy, executable, source);
        } else {
            pool.execute(() -> copyFile(path, tracked, file, copy, executable, source));
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
            if (old != null) {
                present.add(path);
                Deletion.deleteRecursively(copy);
            }
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
            if (old == null) {
                Files.createDirectories(workspace.resolve(path));
                return;
            }
            int slash = -1;
            do { // each folder on the way, from the top: a symlink a step left there is never followed
                slash = path.indexOf('/', slash + 1);
                String folder = slash < 0 ? path : path.substring(0, slash);
                if (realFolders.add(folder)) {
                    present.add(folder);
                    if (!old.folder(folder)) {
                        Path place = workspace.resolve(folder);
                        if (old.has(folder)) {
                            Files.delete(place); // a file or symlink where the folder goes
                        }
                        Files.createDirectory(place);
                    }
                }
            } while (slash >= 0);
        }
    }

    /**
     * With a previous workspace: removes every path it held that the new copy does not, once the walk
     * and every copy are done. Only paths whose folder is a real folder of the new copy are taken
     * (the others went with their folder), never through a symlink: each is renamed into a hidden
     * sibling of the scenario folder that is deleted in the background ({@link
     * PreviousWorkspace#leftovers}), or deleted here when it cannot be renamed.
     *
     * @param debug told about the background deletion
     * @throws IOException when a path can be neither renamed nor deleted
     */
    void removeLeftovers(Consumer<String> debug) throws IOException {
        if (old == null) {
            return;
        }
        List<String> leftovers = new ArrayList<>();
        for (String path : old.paths().keySet()) {
            if (!present.contains(path)) {
                int slash = path.lastIndexOf('/');
                if (realFolders.contains(slash < 0 ? "" : path.substring(0, slash))) {
                    leftovers.add(path);
                }
            }
        }
        if (leftovers.isEmpty()) {
            return;
        }
        Path trash = PreviousWorkspace.leftovers(workspace, debug);
        int n = 0;
        for (String path : leftovers) {
            Path leftover = workspace.resolve(path);
            try {
                Files.move(leftover, trash.resolve(Integer.toString(n++)), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Deletion.deleteRecursively(leftover);
            }
        }
        Deletion.deleteInBackground(trash, debug);
    }

    /** @return the copied files' stat data on both sides, by path, for the next copy's {@link CopyRecord} */
    Map<String, CopyRecord.Entry> recorded() {
        return recorded;
    }

    /** @return the files of the previous workspace kept as they were */
    int kept() {
        return kept.get();
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

    private void copyFile(
            String path, boolean tracked, Path file, Path copy, boolean executable, Fingerprint.Stat source) {
        try {
            copyOrFail(path, tracked, file, copy, executable, source);
        } catch (RuntimeException e) {
            // On a pool thread nobody else would see it.
            fail(new WorkspaceException(
                    Reason.IO,
                    where + ": cannot copy '" + path + "': " + e + ". Run the build again with " + debugSwitch
                            + " and report it.",
                    e));
        }
    }

    private void copyOrFail(
            String path, boolean tracked, Path file, Path copy, boolean executable, Fingerprint.Stat source) {
        if (failure.get() != null) {
            return;
        }
        if (old != null) {
            Fingerprint.Stat previous = old.regularFile(path);
            if (previous != null) {
                if (source != null && old.record().vouches(path, source, previous)) {
                    recorded.put(path, new CopyRecord.Entry(source, previous));
                    kept.incrementAndGet();
                    files.incrementAndGet();
                    bytes.add(previous.size());
                    return;
                }
                try {
                    Files.delete(copy); // written anew into a new inode: never through a step's hard link
                } catch (IOException e) {
                    fail(writeFailed(path, copy, e));
                    return;
                }
            }
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
            return;
        } catch (NoSuchFileException e) {
            if (!file.toString().equals(e.getFile())) {
                fail(writeFailed(path, copy, e));
            }
            // else: deleted while the copy ran, as if it had been deleted before
            return;
        } catch (FileSystemException e) {
            // ELOOP from O_NOFOLLOW: the file became a symlink after the walk saw it.
            unreadable(path, tracked, copy, SpecialFiles.CHANGED, e);
            return;
        } catch (IOException e) {
            fail(writeFailed(path, copy, e));
            return;
        }
        if (source != null) {
            try {
                recorded.put(path, new CopyRecord.Entry(source, StatRecordingFs.stat(copy.toFile())));
            } catch (IOException e) {
                // Not recorded: the next copy writes it again.
            }
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
