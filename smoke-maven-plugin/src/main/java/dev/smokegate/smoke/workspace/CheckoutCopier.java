package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.UntrackedMode;
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
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;

/**
 * Copies a git checkout into a new workspace: the files of the index with their working-tree
 * content (uncommitted edits included), plus untracked files that git does not ignore when asked.
 * The result is a git repository whose HEAD is the checkout's HEAD, so {@code git status} and
 * {@code git diff} inside it show exactly the checkout's local changes.
 *
 * <p>What is copied is what {@code git ls-files --cached --others --exclude-standard} lists
 * (without {@code --others} for {@link UntrackedMode#EXCLUDE}), decided by JGit with git's ignore
 * rules; an ignored untracked folder is never entered. Each entry's type comes from one {@code lstat}
 * before anything is opened:
 *
 * <ul>
 *   <li>regular files are streamed ({@link FileChannel#transferTo}) with their executable bit;
 *   <li>symlinks stay symlinks, with the same relative target, when that target resolves inside the
 *       working tree; an absolute target or one that leaves the tree is never followed;
 *   <li>gitlinks (submodules) become empty folders; nested repositories are not entered;
 *   <li>named pipes, sockets, devices, dangling symlinks, symlink loops and unreadable paths are
 *       skipped and reported when untracked, and fail the copy when tracked.
 * </ul>
 *
 * <p>The checkout is only read: the index is read without a lock and never refreshed, no lock or
 * temporary file is created in it. The workspace borrows the checkout's objects through {@code
 * .git/objects/info/alternates} instead of copying them, so the checkout must outlive the workspace.
 */
public final class CheckoutCopier {

    private static final int DEFAULT_THREADS = 2;

    private static final FileAttribute<Set<PosixFilePermission>> REGULAR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"));

    private static final FileAttribute<Set<PosixFilePermission>> EXECUTABLE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx"));

    private static final Set<StandardOpenOption> CREATE =
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final SmokeLog log;
    private final int threads;
    private final Consumer<String> visits;

    /**
     * @param log where the skipped paths are reported (one info line) and details go (debug)
     */
    public CheckoutCopier(SmokeLog log) {
        this(log, DEFAULT_THREADS, null);
    }

    /**
     * @param log where skipped paths and details go
     * @param threads copy threads; 1 copies on the calling thread
     * @param visits told every path the walk considers, or {@code null}
     */
    CheckoutCopier(SmokeLog log, int threads, Consumer<String> visits) {
        this.log = Objects.requireNonNull(log, "log");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.visits = visits;
    }

    /**
     * Copies checkout → target. Timing: one walk of the working tree, one {@code lstat} per entry,
     * one stream copy per file; nothing is hashed.
     *
     * @param checkout a folder inside a git working tree; the whole working tree is copied
     * @param target the workspace folder; must not exist or be empty
     * @param untracked whether untracked files that are not ignored are copied
     * @return the source commit, counts and skipped paths
     * @throws WorkspaceException NOT_A_REPOSITORY when checkout is not in a working tree;
     *     UNREADABLE_TRACKED when a file of the index cannot be read (permission denied, or it is now
     *     a named pipe, socket, device, folder or nested repository); IO when reading the index or
     *     writing the workspace fails, or target is not empty
     */
    public CopyReport copy(Path checkout, Path target, UntrackedMode untracked) throws WorkspaceException {
        return copy(checkout, target, untracked, target);
    }

    /**
     * Copies checkout → target, never entering {@code gateDirectory} when it lies inside the
     * checkout's working tree and git does not ignore it (the gate's own logs and workspaces).
     *
     * @param checkout a folder inside a git working tree; the whole working tree is copied
     * @param target the workspace folder; must not exist or be empty
     * @param untracked whether untracked files that are not ignored are copied
     * @param gateDirectory the folder the gate writes to; {@code target} lies inside it
     * @return the source commit, the checkout's folder inside the working tree, counts and skipped paths
     * @throws WorkspaceException as {@link #copy(Path, Path, UntrackedMode)}
     */
    public CopyReport copy(Path checkout, Path target, UntrackedMode untracked, Path gateDirectory)
            throws WorkspaceException {
        Objects.requireNonNull(untracked, "untracked");
        long start = System.nanoTime();
        Path workspace = Workspaces.prepareEmpty(target, "checkout copy");
        try (Repository source = Repositories.openWorkTree(checkout, "checkout copy")) {
            Path workTree = source.getWorkTree().toPath().toAbsolutePath().normalize();
            // JGit measures the file system's timestamp resolution once with a probe file; let it
            // write that probe into the workspace rather than into the checkout.
            FS.FileStoreAttributes.get(workspace);
            WorkspaceRepository.Head head = WorkspaceRepository.head(source, "checkout copy [" + workTree + "]");
            Path excluded = gateDirectory.toAbsolutePath().normalize();
            Run run = new Run(source, workTree, excluded, workspace, untracked == UntrackedMode.INCLUDE);
            run.walk();
            WorkspaceRepository.create(workspace, source, head, "checkout copy [" + workTree + "]");
            List<Skipped> skipped = run.skipped.stream()
                    .sorted(Comparator.comparing(Skipped::path))
                    .toList();
            if (!skipped.isEmpty()) {
                log.debug("checkout copy [" + workTree + "]: skipped " + skipped.size()
                        + " path(s) that cannot be copied: "
                        + skipped.stream().map(Skipped::toString).collect(Collectors.joining(", ")));
            }
            CopyReport report = new CopyReport(
                    head.commitName(), subfolder(workTree, checkout), run.files.get(), run.bytes.sum(), skipped);
            log.debug(
                    "checkout copy [" + workTree + "]: " + report.files() + " files, " + report.bytes() + " bytes into "
                            + workspace + " in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            return report;
        } catch (WorkspaceException e) {
            Deletion.deleteContentsQuietly(workspace);
            throw e;
        }
    }

    /** The checkout folder relative to its working tree, {@code /}-separated; empty at the root. */
    private static String subfolder(Path workTree, Path checkout) {
        Path folder = checkout.toAbsolutePath().normalize();
        try {
            folder = folder.toRealPath();
            Path realWorkTree = workTree.toRealPath();
            return folder.startsWith(realWorkTree)
                    ? realWorkTree.relativize(folder).toString().replace('\\', '/')
                    : "";
        } catch (IOException e) {
            return folder.startsWith(workTree)
                    ? workTree.relativize(folder).toString().replace('\\', '/')
                    : "";
        }
    }

    /** One copy: the walk on the calling thread, file copies on a small pool. */
    private final class Run {
        private final Repository source;
        private final Path workTree;
        private final Path excluded;
        private final Path workspace;
        private final boolean untracked;
        private final String where;
        private final AtomicInteger files = new AtomicInteger();
        private final LongAdder bytes = new LongAdder();
        private final Queue<Skipped> skipped = new ConcurrentLinkedQueue<>();
        private final AtomicReference<WorkspaceException> failure = new AtomicReference<>();
        private final Set<String> folders = new HashSet<>();
        private Path realWorkTree;

        Run(Repository source, Path workTree, Path excluded, Path workspace, boolean untracked) {
            this.source = source;
            this.workTree = workTree;
            this.excluded = excluded;
            this.workspace = workspace;
            this.untracked = untracked;
            this.where = "checkout copy [" + workTree + "]";
        }

        void walk() throws WorkspaceException {
            DirCache index = readIndex();
            ExecutorService pool = threads == 1
                    ? null
                    : Executors.newFixedThreadPool(threads, runnable -> {
                        Thread thread = new Thread(runnable, "smoke-checkout-copy");
                        thread.setDaemon(true);
                        return thread;
                    });
            try (TreeWalk walk = new TreeWalk(source)) {
                int indexTree = walk.addTree(new DirCacheIterator(index));
                FileTreeIterator files = SafeFileModeStrategy.iterator(source);
                int workTreeTree = walk.addTree(files);
                // Lets the iterator enter an ignored folder that holds tracked files.
                files.setDirCacheIterator(walk, indexTree);
                walk.setRecursive(false);
                walk.setFilter(new TrackedOrNotIgnoredFilter(
                        new int[] {indexTree}, workTreeTree, untracked, true, excludedFolder(), visits));
                String previous = null;
                while (walk.next() && failure.get() == null) {
                    String path = walk.getPathString();
                    if (path.equals(previous)) {
                        continue; // another stage of a conflicted path
                    }
                    previous = path;
                    boolean tracked = walk.getRawMode(indexTree) != 0;
                    FileTreeIterator entry = walk.getTree(workTreeTree, FileTreeIterator.class);
                    if (walk.isSubtree()) {
                        enterFolder(walk, path, tracked, entry);
                    } else if (tracked && FileMode.GITLINK.equals(walk.getRawMode(indexTree))) {
                        folder(path);
                    } else if (entry != null) {
                        entry(path, tracked, entry, pool);
                    }
                }
            } catch (IOException | JGitInternalException e) {
                failure.compareAndSet(
                        null,
                        new WorkspaceException(
                                Reason.IO,
                                where + ": cannot walk the working tree: " + e.getMessage()
                                        + ". Run 'git status' there to see what git says.",
                                e));
            } finally {
                if (pool != null) {
                    pool.shutdown();
                    awaitCopies(pool);
                }
            }
            WorkspaceException e = failure.get();
            if (e != null) {
                throw e;
            }
        }

        private DirCache readIndex() throws WorkspaceException {
            try {
                // DirCache.read neither locks nor writes the index, unlike lockDirCache().
                return DirCache.read(source);
            } catch (IOException | JGitInternalException e) {
                throw new WorkspaceException(
                        Reason.IO,
                        where + ": cannot read the git index " + source.getIndexFile() + ": " + e.getMessage()
                                + ". Run 'git status' there to see what git says.",
                        e);
            }
        }

        private String excludedFolder() {
            return excluded.startsWith(workTree) && !excluded.equals(workTree)
                    ? workTree.relativize(excluded).toString().replace('\\', '/')
                    : null;
        }

        private void enterFolder(TreeWalk walk, String path, boolean tracked, FileTreeIterator entry)
                throws IOException {
            Path folder = entry == null ? null : entry.getEntryFile().toPath();
            if (folder != null && !(Files.isReadable(folder) && Files.isExecutable(folder))) {
                if (tracked) {
                    fail(unreadableTracked(
                            path,
                            "is a folder that cannot be read (permission denied)",
                            "Make it readable (chmod u+rx " + path + ")"));
                    return;
                }
                skipped.add(new Skipped(path, SpecialFiles.UNREADABLE));
                return;
            }
            walk.enterSubtree();
        }

        private void entry(String path, boolean tracked, FileTreeIterator entry, ExecutorService pool)
                throws IOException {
            FileMode mode = entry.getEntryFileMode();
            Path file = entry.getEntryFile().toPath();
            if (FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode)) {
                Path copy = destination(path);
                boolean executable = FileMode.EXECUTABLE_FILE.equals(mode);
                if (pool == null) {
                    copyFile(path, tracked, file, copy, executable);
                } else {
                    pool.execute(() -> copyFile(path, tracked, file, copy, executable));
                }
            } else if (FileMode.SYMLINK.equals(mode)) {
                symlink(path, file);
            } else if (FileMode.GITLINK.equals(mode)) {
                if (tracked) {
                    fail(unreadableTracked(
                            path,
                            "is now a nested git repository, not a file",
                            "Restore it with 'git checkout -- " + path + "'"));
                } else {
                    skipped.add(new Skipped(path, SpecialFiles.NESTED_REPOSITORY));
                }
            } else {
                String kind = SpecialFiles.kind(file);
                if (SpecialFiles.GONE.equals(kind)) {
                    return; // deleted while the walk ran: as if it had been deleted before
                }
                if (tracked) {
                    fail(unreadableTracked(
                            path, trackedProblem(kind), "Restore it with 'git checkout -- " + path + "'"));
                } else {
                    skipped.add(new Skipped(path, kind));
                }
            }
        }

        private String trackedProblem(String kind) {
            return switch (kind) {
                case SpecialFiles.UNREADABLE -> "cannot be read (permission denied)";
                case SpecialFiles.CHANGED -> "changed while the checkout was being copied";
                default -> "is a " + kind + ", not a regular file or symlink";
            };
        }

        private void copyFile(String path, boolean tracked, Path file, Path copy, boolean executable) {
            try {
                copyOrFail(path, tracked, file, copy, executable);
            } catch (RuntimeException e) {
                // On a pool thread nobody else would see it.
                fail(new WorkspaceException(
                        Reason.IO,
                        where + ": cannot copy '" + path + "': " + e + ". Run the build again with -X and report it.",
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
                unusable(path, tracked, copy, SpecialFiles.UNREADABLE, e);
            } catch (NoSuchFileException e) {
                if (!file.toString().equals(e.getFile())) {
                    fail(writeFailed(path, copy, e));
                }
                // else: deleted while the copy ran, as if it had been deleted before
            } catch (FileSystemException e) {
                // ELOOP from O_NOFOLLOW: the file became a symlink after the walk saw it.
                unusable(path, tracked, copy, SpecialFiles.CHANGED, e);
            } catch (IOException e) {
                fail(writeFailed(path, copy, e));
            }
        }

        private void unusable(String path, boolean tracked, Path copy, String kind, IOException e) {
            if (tracked) {
                fail(new WorkspaceException(
                        Reason.UNREADABLE_TRACKED,
                        where + ": tracked path '" + path + "' "
                                + trackedProblem(kind) + ". Make it readable (chmod u+r " + path
                                + "), or remove it from the index with 'git rm --cached " + path + "'.",
                        e));
            } else {
                skipped.add(new Skipped(path, kind));
            }
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // The copy is incomplete either way; the report names the path.
            }
        }

        private void symlink(String path, Path link) throws IOException {
            Path target;
            try {
                target = Files.readSymbolicLink(link);
            } catch (NoSuchFileException e) {
                return; // deleted while the walk ran
            } catch (IOException e) {
                skipped.add(new Skipped(path, SpecialFiles.UNREADABLE));
                return;
            }
            String reason = symlinkProblem(link, target);
            if (reason != null) {
                skipped.add(new Skipped(path, reason));
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

        /** Why the link is not kept, or null when its target resolves inside the working tree. */
        private String symlinkProblem(Path link, Path target) throws IOException {
            if (target.isAbsolute()
                    || !link.getParent().resolve(target).normalize().startsWith(workTree)) {
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

        private void folder(String path) throws IOException {
            if (folders.add(path)) {
                Files.createDirectories(workspace.resolve(path));
            }
        }

        private void fail(WorkspaceException e) {
            failure.compareAndSet(null, e);
        }

        private WorkspaceException unreadableTracked(String path, String problem, String fix) {
            return new WorkspaceException(
                    Reason.UNREADABLE_TRACKED,
                    where + ": tracked path '" + path + "' " + problem + ". " + fix
                            + ", or remove it from the index with 'git rm --cached " + path + "'.");
        }

        private WorkspaceException writeFailed(String path, Path copy, IOException e) {
            return new WorkspaceException(
                    Reason.IO,
                    where + ": cannot copy '" + path + "' to " + copy + ": " + e
                            + ". Check free disk space and the permissions of " + workspace + ".",
                    e);
        }

        private void awaitCopies(ExecutorService pool) {
            try {
                while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    log.debug(where + ": still copying files into " + workspace);
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
                fail(new WorkspaceException(
                        Reason.IO,
                        where + ": interrupted while copying into " + workspace + ". Run the build again.",
                        e));
            }
        }
    }

    @Override
    public String toString() {
        return "CheckoutCopier[threads=" + threads + "]";
    }
}
