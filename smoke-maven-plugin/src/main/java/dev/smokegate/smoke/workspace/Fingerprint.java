package dev.smokegate.smoke.workspace;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FS;

/**
 * The state of a user's checkout, taken before and after the gate to prove that the gate changed
 * nothing in it. For every path that is tracked (in HEAD or the index) or untracked and not ignored,
 * it records the HEAD entry, the index entry and the working tree entry: its type, its stat data
 * and its content as a git blob id (a symlink: its target). Ignored paths ({@code target/}) are not
 * looked at: builds are expected to change them.
 *
 * <p><b>Unchanged at the cost of a stat</b>, as git decides it for its index ({@code
 * ie_match_stat} in {@code read-cache.c}). Each file's stat data is recorded from one {@code
 * lstat} ({@code Files.readAttributes(path, "unix:…", NOFOLLOW_LINKS)}, the walk's own, see {@link
 * StatRecordingFs}): type, permission bits,
 * size, modification time and status-change time (ctime) in nanoseconds, inode and device. The
 * content is read and hashed only when nothing else can vouch for it:
 *
 * <ul>
 *   <li>in a first fingerprint ({@link #of}), git's index vouches for a file whose size, mode and
 *       modification time are those the index recorded, when the index entry is not racily clean
 *       (modified within the timestamp resolution of the index file's own write) and the file was not
 *       modified within the timestamp resolution of the fingerprint's start; its content is the
 *       index's blob id. Every other file is hashed.
 *   <li>in a second fingerprint ({@link #again()}), a file whose stat data are all equal to the
 *       first's keeps the first's content; only files whose stat data changed, new files, and files
 *       that were racily clean in the first (modified within the timestamp resolution of its start,
 *       so that a second write in the same clock tick would leave the same stat data) are hashed.
 * </ul>
 *
 * <p>Why the stat data suffice: a write changes the size or the modification time, unless the writer
 * keeps the size and puts the modification time back ({@code touch -d}, {@code utimensat}). Such a
 * write still changes the ctime, which the kernel sets to the current time on every write, chmod,
 * rename or link, and which user space cannot set (no system call takes a ctime; only changing the
 * system clock or writing the raw disk could). A replaced file (written elsewhere and renamed over
 * it) has a new inode; a {@code chmod} changes the mode and the ctime. Two fingerprints compared
 * with {@link #changedPaths} therefore see every change to a file's content, type or mode, and a
 * change that leaves even the content equal (a {@code touch}) is hashed and found unchanged.
 * Comparing two first fingerprints ({@code of} twice) is also safe: when the later one's content
 * came from the index although its stat data differ from the earlier one's (a write that restored
 * size and modification time, so that the index still vouches), the path is reported as changed.
 *
 * <p>Taking a fingerprint only reads: unlike {@code git status} or JGit's {@code StatusCommand}, it
 * never refreshes or writes the index. Named pipes, sockets and devices are recorded by type and
 * never opened. Cost: one walk of the working tree and one {@code lstat} per path; plus reading the
 * files git's index cannot vouch for (uncommitted edits, untracked files, a stale index) the first
 * time, and the files whose stat data changed the second time. A large checkout is walked in
 * parts: the paths are split into ranges that hold equal shares of the index ({@link PathRange}),
 * one per processor (at most {@value #MAX_PARTS}, at least {@value #PATHS_PER_PART} tracked paths
 * each), each walked on a thread of its own; a path's state does not depend on the split. Limits:
 * the content of a file the index vouches for is its blob id, so with clean or smudge filters
 * ({@code core.autocrlf}) a file whose stat data changed but whose bytes did not is reported as
 * changed.
 */
public final class Fingerprint {

    private static final String WHAT = "fingerprint";

    /**
     * The timestamp resolution assumed when no gate folder was given to measure it: JGit measures it
     * with a probe file, which must not land in the user's checkout.
     */
    private static final Duration UNMEASURED_RESOLUTION = Duration.ofSeconds(2);

    /**
     * Added to the measured resolution: file times come from the kernel's coarse clock, which runs up
     * to one tick (at most 10 ms) behind the clock {@link Instant#now()} reads.
     */
    private static final Duration CLOCK_TICK = Duration.ofMillis(10);

    /** The most parts a walk is split into. */
    private static final int MAX_PARTS = 4;

    /** The fewest tracked paths a part of the walk gets: below that, a thread costs more than it saves. */
    private static final int PATHS_PER_PART = 2_048;

    /** {@link #permissions} of each of the 4,096 permission bit patterns, once computed. */
    private static final String[] PERMISSIONS = new String[010000];

    private final Path checkout;
    private final Path gateDirectory;
    private final Path workTree;
    private final Instant takenAt;
    private final Map<String, String> states;
    private final Map<String, Stat> stats;
    private final Set<String> fromIndex;
    private final Set<String> racy;
    private final Timings timings;

    /**
     * The stat data of one working tree entry, from one {@code lstat}.
     *
     * @param mode {@code st_mode}: file type and permission bits
     * @param size {@code st_size} in bytes
     * @param modifiedNanos {@code st_mtim} in nanoseconds since the epoch
     * @param changedNanos {@code st_ctim} (status change, not creation) in nanoseconds since the epoch
     * @param inode {@code st_ino}
     * @param device {@code st_dev}
     */
    record Stat(int mode, long size, long modifiedNanos, long changedNanos, long inode, long device) {}

    /**
     * Where a fingerprint's time went, for the gate's debug lines.
     *
     * @param walkMillis the walk of HEAD, the index and the working tree, {@code lstat}s included
     * @param hashMillis reading and hashing the files nothing could vouch for
     * @param hashed how many files were read
     * @param paths how many paths were recorded
     */
    public record Timings(long walkMillis, long hashMillis, int hashed, int paths) {
        @Override
        public String toString() {
            return paths + " paths in " + (walkMillis + hashMillis) + " ms (walk and lstat " + walkMillis + " ms, "
                    + hashed + " file(s) read and hashed in " + hashMillis + " ms)";
        }
    }

    private Fingerprint(
            Path checkout,
            Path gateDirectory,
            Path workTree,
            Instant takenAt,
            Map<String, String> states,
            Map<String, Stat> stats,
            Set<String> fromIndex,
            Set<String> racy,
            Timings timings) {
        this.checkout = checkout;
        this.gateDirectory = gateDirectory;
        this.workTree = workTree;
        this.takenAt = takenAt;
        this.states = states;
        this.stats = stats;
        this.fromIndex = fromIndex;
        this.racy = racy;
        this.timings = timings;
    }

    /**
     * Takes the fingerprint of a checkout.
     *
     * @param checkout a folder inside a git working tree; the whole working tree is fingerprinted
     * @return the fingerprint
     * @throws WorkspaceException NOT_A_REPOSITORY when checkout is not in a working tree; IO when the
     *     index, HEAD or the working tree cannot be read
     */
    public static Fingerprint of(Path checkout) throws WorkspaceException {
        return of(checkout, null);
    }

    /**
     * Takes the fingerprint of a checkout, leaving out the gate's own folder.
     *
     * <p>JGit measures a file system's timestamp resolution once, with a probe file in the folder
     * it is asked about; {@code gateDirectory} is created and probed first so that the probe lands
     * there and not in the checkout's {@code .git} (when both are on one file system). That
     * resolution decides which files are racily clean; without a gate folder, 2 s is assumed.
     *
     * @param checkout a folder inside a git working tree; the whole working tree is fingerprinted
     * @param gateDirectory the folder the gate writes to, or {@code null}; never entered when it
     *     lies inside the working tree
     * @return the fingerprint
     * @throws WorkspaceException as {@link #of(Path)}; IO also when gateDirectory cannot be created
     */
    public static Fingerprint of(Path checkout, Path gateDirectory) throws WorkspaceException {
        return take(checkout, gateDirectory, null, 0);
    }

    /**
     * As {@link #of(Path, Path)}, with the walk split into a given number of parts; tests use it to
     * prove that the parts together record what one walk records.
     *
     * @param parts how many parts, each walked on a thread of its own; 0 to choose by size
     */
    static Fingerprint of(Path checkout, Path gateDirectory, int parts) throws WorkspaceException {
        return take(checkout, gateDirectory, null, parts);
    }

    /**
     * Takes the fingerprint of the same checkout again, reading only the files whose stat data
     * changed since this one, that are new, or that were racily clean when this one was taken.
     *
     * @return the new fingerprint, to compare with this one through {@link #changedPaths}
     * @throws WorkspaceException as {@link #of(Path, Path)}
     */
    public Fingerprint again() throws WorkspaceException {
        return take(checkout, gateDirectory, this, 0);
    }

    /**
     * As {@link #again()}, with the walk split into a given number of parts (see {@link #of(Path,
     * Path, int)}).
     */
    Fingerprint again(int parts) throws WorkspaceException {
        return take(checkout, gateDirectory, this, parts);
    }

    private static Fingerprint take(Path checkout, Path gateDirectory, Fingerprint previous, int partitions)
            throws WorkspaceException {
        long start = System.nanoTime();
        Instant takenAt = Instant.now();
        Duration resolution = resolution(gateDirectory);
        // Modified at or after this instant: a second write in the same tick keeps the stat data.
        Instant racyFrom = takenAt.minus(resolution).minus(CLOCK_TICK);
        try (Repository repository = Repositories.openWorkTree(checkout, WHAT)) {
            Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            String excluded = excludedFolder(workTree, gateDirectory);
            String where = WHAT + " [" + workTree + "]";
            WorkspaceRepository.Head head = WorkspaceRepository.head(repository, where);
            // Before the index is read: a rewrite in between then makes more entries racy, never fewer.
            Instant indexWritten = indexWritten(repository);
            try {
                DirCache cache = DirCache.read(repository);
                // Built once here: the parts' iterators then only read it (validate() of a valid tree returns).
                cache.getCacheTree(true);
                Walk walk = new Walk(
                        repository, head, cache, indexWritten, resolution, nanos(racyFrom), excluded, previous);
                List<PathRange> ranges = PathRange.split(cache, partitions < 1 ? partitions(cache) : partitions);
                List<Part> parts = walk.all(ranges);
                Map<String, String> states = new HashMap<>(capacity(cache));
                Map<String, Stat> stats = new HashMap<>(capacity(cache));
                Set<String> fromIndex = new HashSet<>(capacity(cache));
                Set<String> racy = new HashSet<>();
                long hashNanos = 0;
                int hashed = 0;
                for (Part part : parts) { // in path order: a path in two parts is joined as in one walk
                    part.states.forEach((path, state) -> states.merge(path, state, Fingerprint::join));
                    stats.putAll(part.stats);
                    fromIndex.addAll(part.fromIndex);
                    racy.addAll(part.racy);
                    hashNanos = Math.max(hashNanos, part.hashNanos);
                    hashed += part.hashed;
                }
                long total = System.nanoTime() - start;
                Timings timings = new Timings(
                        TimeUnit.NANOSECONDS.toMillis(total - hashNanos),
                        TimeUnit.NANOSECONDS.toMillis(hashNanos),
                        hashed,
                        states.size());
                return new Fingerprint(
                        checkout, gateDirectory, workTree, takenAt, states, stats, fromIndex, racy, timings);
            } catch (IOException | JGitInternalException e) {
                throw WorkspaceException.io(
                        where, "cannot read the checkout", e, "Run 'git status' there to see what git says.");
            }
        }
    }

    /**
     * The file system's timestamp resolution where the gate writes, measured by JGit once with a probe
     * file in {@code gateDirectory} (created first); 2 s without one.
     */
    private static Duration resolution(Path gateDirectory) throws WorkspaceException {
        if (gateDirectory == null) {
            return UNMEASURED_RESOLUTION;
        }
        try {
            Files.createDirectories(gateDirectory);
        } catch (IOException e) {
            throw WorkspaceException.io(
                    WHAT,
                    "cannot create the gate's folder " + gateDirectory,
                    e,
                    "Check its permissions and free disk space.");
        }
        return FS.FileStoreAttributes.get(gateDirectory).getFsTimestampResolution();
    }

    /**
     * The gate's folder relative to the working tree when it lies inside it (a walk never enters it),
     * else {@code null}.
     *
     * @param workTree the working tree, absolute and normalized
     * @param gateDirectory the gate's folder, or {@code null}
     * @return a {@code /}-separated relative path, or {@code null}
     */
    static String excludedFolder(Path workTree, Path gateDirectory) {
        if (gateDirectory == null) {
            return null;
        }
        Path gate = gateDirectory.toAbsolutePath().normalize();
        return gate.startsWith(workTree) && !gate.equals(workTree)
                ? workTree.relativize(gate).toString().replace('\\', '/')
                : null;
    }

    /** Sized for the tracked paths, so that a map is not rehashed while it fills. */
    private static int capacity(DirCache cache) {
        return Math.max(16, cache.getEntryCount() * 4 / 3 + 16);
    }

    /**
     * How many parts the walk is split into: one per processor, at most {@value #MAX_PARTS}, and at
     * least {@value #PATHS_PER_PART} tracked paths each, so that a small checkout is walked on the
     * calling thread alone.
     */
    private static int partitions(DirCache cache) {
        int processors = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(Math.min(processors, MAX_PARTS), cache.getEntryCount() / PATHS_PER_PART));
    }

    /** A file nothing could vouch for, read once the walk is done: its state without the content. */
    private record Unread(String state, Path file) {}

    /** What one part of the walk recorded: its paths' states and stat data, and its time. */
    private record Part(
            Map<String, String> states,
            Map<String, Stat> stats,
            Set<String> fromIndex,
            Set<String> racy,
            int hashed,
            long hashNanos) {}

    /** The inputs every part of one fingerprint shares; each part opens its own readers and iterators. */
    private record Walk(
            Repository repository,
            WorkspaceRepository.Head head,
            DirCache cache,
            Instant indexWritten,
            Duration resolution,
            long racyFromNanos,
            String excluded,
            Fingerprint previous) {

        /**
         * Walks every range, the first on the calling thread and each other one on a thread of its own.
         *
         * @return the parts, in the order of the ranges
         * @throws IOException the first part's failure, in range order
         */
        List<Part> all(List<PathRange> ranges) throws IOException {
            if (ranges.size() == 1) {
                return List.of(part(ranges.get(0)));
            }
            List<FutureTask<Part>> others = new ArrayList<>();
            for (int i = 1; i < ranges.size(); i++) {
                PathRange range = ranges.get(i);
                FutureTask<Part> task = new FutureTask<>(() -> part(range));
                Thread thread = new Thread(task, "smoke-fingerprint-part-" + i);
                thread.setDaemon(true);
                thread.start();
                others.add(task);
            }
            List<Part> parts = new ArrayList<>();
            try {
                parts.add(part(ranges.get(0)));
                for (FutureTask<Part> task : others) {
                    parts.add(task.get());
                }
                return parts;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the other parts of the walk ran");
            } finally {
                others.forEach(task -> task.cancel(true));
            }
        }

        /** Walks the paths of one range: HEAD, the index and the working tree side by side. */
        Part part(PathRange range) throws IOException {
            try (ObjectReader reader = repository.newObjectReader();
                    TreeWalk walk = new TreeWalk(repository, reader)) {
                int headTree = walk.addTree(headIterator(head, reader));
                int index = walk.addTree(new DirCacheIterator(cache));
                StatRecordingFs fs = new StatRecordingFs(repository.getFS());
                FileTreeIterator files = SafeFileModeStrategy.iterator(repository, fs);
                int workTreeTree = walk.addTree(files);
                files.setDirCacheIterator(walk, index);
                walk.setRecursive(false);
                walk.setFilter(AndTreeFilter.create(
                        range,
                        new TrackedOrNotIgnoredFilter(
                                new int[] {headTree, index}, workTreeTree, true, true, excluded, null)));
                Recorder recorder =
                        new Recorder(this, headTree, index, workTreeTree, fs, range.isAll() ? capacity(cache) : 16);
                while (walk.next()) {
                    if (walk.isSubtree()) {
                        if (Recorder.enterable(walk.getTree(workTreeTree, FileTreeIterator.class))) {
                            walk.enterSubtree();
                        } else if (range.holdsFolder(walk)) { // a folder spanning two ranges is recorded once
                            recorder.unreadableFolder(walk.getPathString());
                        }
                        continue;
                    }
                    recorder.entry(walk);
                }
                return recorder.finish();
            }
        }
    }

    /** HEAD's tree for a walk, or an empty tree when HEAD has no commit yet. */
    private static AbstractTreeIterator headIterator(WorkspaceRepository.Head head, ObjectReader reader)
            throws IOException {
        return head.tree() == null ? new EmptyTreeIterator() : new CanonicalTreeParser(null, reader, head.tree());
    }

    /**
     * Records the paths one walk of HEAD, the index and the working tree meets, one at a time, in walk
     * order: the walk is the fingerprint's own ({@link Walk#part}) or the checkout copy's ({@link
     * Recording}). Used by one walk on one thread.
     */
    static final class Recorder {
        private final Walk shared;
        private final int headTree;
        private final int indexTree;
        private final int workTreeTree;
        private final StatRecordingFs fs;
        private final Map<String, String> states;
        private final Map<String, Stat> stats;
        private final Set<String> fromIndex;
        private final Set<String> racy = new HashSet<>();
        private final Map<String, Unread> unread = new TreeMap<>();

        private Recorder(Walk shared, int headTree, int indexTree, int workTreeTree, StatRecordingFs fs, int expected) {
            this.shared = shared;
            this.headTree = headTree;
            this.indexTree = indexTree;
            this.workTreeTree = workTreeTree;
            this.fs = fs;
            this.states = new HashMap<>(expected);
            this.stats = new HashMap<>(expected);
            this.fromIndex = new HashSet<>(expected);
        }

        /**
         * Whether a walk may enter a folder: it is readable and searchable, or not in the working tree.
         *
         * @param entry the working tree's entry of the folder, or {@code null}
         */
        static boolean enterable(FileTreeIterator entry) {
            Path folder = entry == null ? null : entry.getEntryFile().toPath();
            return folder == null || (Files.isReadable(folder) && Files.isExecutable(folder));
        }

        /** Records a folder the walk does not enter because it cannot be read. */
        void unreadableFolder(String path) {
            states.merge(path, "unreadable folder", Fingerprint::join);
        }

        /**
         * Records the walk's current entry, which is not a folder: its sides, and for a regular file
         * its stat data and, when nothing vouches for its content, that it is to be read.
         */
        void entry(TreeWalk walk) {
            String path = walk.getPathString();
            FileTreeIterator entry = walk.getTree(workTreeTree, FileTreeIterator.class);
            String headId = walk.getRawMode(headTree) == 0 ? null : id(walk.getObjectId(headTree));
            String sides = sides(walk, headTree, indexTree, headId);
            if (entry == null) {
                states.merge(path, sides + "-", Fingerprint::join);
                return;
            }
            FileMode mode = entry.getEntryFileMode();
            Path file = entry.getEntryFile().toPath();
            boolean regular = FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode);
            if (!regular) {
                states.merge(path, sides + otherState(mode, file), Fingerprint::join);
                return;
            }
            Stat stat = fs.recorded(entry.getEntryFile());
            if (stat == null) {
                try {
                    stat = StatRecordingFs.stat(entry.getEntryFile());
                } catch (NoSuchFileException e) {
                    states.merge(path, sides + SpecialFiles.GONE, Fingerprint::join);
                    return;
                } catch (IOException | UnsupportedOperationException e) {
                    states.merge(path, sides + SpecialFiles.UNREADABLE, Fingerprint::join);
                    return;
                }
            }
            stats.put(path, stat);
            // The permission bits too: git keeps only the executable bit, the gate any change.
            String kind =
                    (FileMode.EXECUTABLE_FILE.equals(mode) ? "executable " : "file ") + permissions(stat.mode()) + " ";
            if (stat.modifiedNanos() >= shared.racyFromNanos()) {
                racy.add(path);
            }
            String prefix = sides + kind;
            String state = null;
            Fingerprint previous = shared.previous();
            if (previous != null) {
                String before = previous.states.get(path);
                if (stat.equals(previous.stats.get(path))
                        && !previous.racy.contains(path)
                        && before != null
                        && before.startsWith(prefix)
                        && before.indexOf(" || ", prefix.length()) < 0) {
                    state = before; // the same sides and kind, and the first's content
                    if (previous.fromIndex.contains(path)) {
                        fromIndex.add(path);
                    }
                }
            } else if (!racy.contains(path)) {
                DirCacheIterator indexEntry = walk.getTree(indexTree, DirCacheIterator.class);
                DirCacheEntry cached = indexEntry == null ? null : indexEntry.getDirCacheEntry();
                if (vouches(cached, mode, stat, shared.indexWritten(), shared.resolution())) {
                    state = prefix
                            + (headId != null && walk.idEqual(headTree, indexTree) ? headId : id(cached.getObjectId()));
                    fromIndex.add(path);
                }
            }
            if (state == null) {
                unread.put(path, new Unread(prefix, file));
            } else {
                states.merge(path, state, Fingerprint::join);
            }
        }

        /** Reads and hashes the files nothing vouched for, once the walk is done. */
        Part finish() {
            long walked = System.nanoTime();
            for (Map.Entry<String, Unread> pending : unread.entrySet()) {
                String path = pending.getKey();
                Unread file = pending.getValue();
                String content = blobId(file.file(), stats.get(path).size());
                states.merge(path, file.state() + content, Fingerprint::join);
            }
            return new Part(states, stats, fromIndex, racy, unread.size(), System.nanoTime() - walked);
        }
    }

    /**
     * Starts a first fingerprint ({@link #of(Path, Path)}) that another walk of the same working tree
     * records: the checkout copy's ({@link CheckoutWalk}), so that the checkout is walked and {@code
     * lstat}ed once instead of twice. Call it before that walk reads the index.
     *
     * @param checkout the checkout folder, as {@link #of(Path, Path)} takes it; {@link #again()} opens it
     * @param gateDirectory the folder the gate writes to (measures the timestamp resolution there)
     * @param repository the checkout's repository, open for the walk
     * @param head its HEAD, read by the walk's owner
     * @return the recording
     * @throws WorkspaceException IO when gateDirectory cannot be created
     */
    static Recording recording(Path checkout, Path gateDirectory, Repository repository, WorkspaceRepository.Head head)
            throws WorkspaceException {
        return new Recording(checkout, gateDirectory, repository, head);
    }

    /**
     * A first fingerprint recorded by another walk, equal to what {@link #of(Path, Path)} would have
     * taken at the same moment. The other walk must meet exactly what the fingerprint's own walk meets:
     * the index and the working tree, untracked files that are not ignored, the same folder left out
     * ({@link #excludedFolder}), and HEAD's tree, which {@link #begin} adds to it. It hands each entry
     * that is not a folder to {@link Recorder#entry} and each folder it does not enter to {@link
     * Recorder#unreadableFolder}. Two things such a walk cannot do as the fingerprint's own walk does,
     * and for which the recording is given up ({@link #abandon}) so that the caller takes the
     * fingerprint with {@link #of(Path, Path)} instead:
     *
     * <ul>
     *   <li>list paths only HEAD has (deleted from the index, a staged {@code git rm}): its filter keeps
     *       what the index or the working tree has. {@link #begin} looks for such paths first, comparing
     *       HEAD with the index and skipping the folders whose tree ids are equal;
     *   <li>meet a path twice (conflict stages, a file on one side and a folder on another): the copy
     *       handles the first and skips the others.
     * </ul>
     *
     * <p>Used by one walk on one thread.
     */
    static final class Recording {
        private final Path checkout;
        private final Path gateDirectory;
        private final Repository repository;
        private final WorkspaceRepository.Head head;
        private final long start = System.nanoTime();
        private final Instant takenAt = Instant.now();
        private final Duration resolution;
        private final Instant indexWritten;
        private final Path workTree;
        private Recorder recorder;
        private String abandoned;
        private long checkNanos;

        private Recording(Path checkout, Path gateDirectory, Repository repository, WorkspaceRepository.Head head)
                throws WorkspaceException {
            this.checkout = checkout;
            this.gateDirectory = gateDirectory;
            this.repository = repository;
            this.head = head;
            this.resolution = resolution(gateDirectory);
            // Before the walk reads the index, as in take().
            this.indexWritten = indexWritten(repository);
            this.workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
        }

        /**
         * Gives up before the walk when it could not record what {@link #of(Path, Path)} records: when
         * untracked files are not walked, or HEAD holds a path the index does not (a staged deletion,
         * which a walk of the index and the working tree never visits). Compares HEAD with the index
         * without entering the folders whose tree ids are equal.
         *
         * @param cache the index the walk reads
         * @param untracked whether the walk visits untracked files that are not ignored
         * @return whether the recording can go on
         */
        boolean check(DirCache cache, boolean untracked) {
            long checkStart = System.nanoTime();
            if (!untracked) {
                abandon("untracked files are not copied");
            } else {
                try {
                    if (headHasPathsTheIndexLacks(cache)) {
                        abandon("HEAD holds paths the index does not (a staged deletion)");
                    }
                } catch (IOException | JGitInternalException e) {
                    abandon("cannot compare HEAD with the index (" + e.getMessage() + ")");
                }
            }
            checkNanos = System.nanoTime() - checkStart;
            return abandoned == null;
        }

        /**
         * Adds HEAD's tree to the walk and returns what records its entries.
         *
         * @param walk the other walk, not started yet
         * @param cache the index it walks
         * @param indexTree the walk's tree index of the index
         * @param workTreeTree the walk's tree index of the working tree
         * @param fs the file system the working tree iterator reads attributes through
         * @return the recorder of the walk's entries
         * @throws IOException when HEAD's tree cannot be read
         */
        Recorder begin(TreeWalk walk, DirCache cache, int indexTree, int workTreeTree, StatRecordingFs fs)
                throws IOException {
            int headTree = walk.addTree(headIterator(head, walk.getObjectReader()));
            Instant racyFrom = takenAt.minus(resolution).minus(CLOCK_TICK);
            Walk shared = new Walk(
                    repository,
                    head,
                    cache,
                    indexWritten,
                    resolution,
                    nanos(racyFrom),
                    excludedFolder(workTree, gateDirectory),
                    null);
            recorder = new Recorder(shared, headTree, indexTree, workTreeTree, fs, capacity(cache));
            return recorder;
        }

        /**
         * Gives the recording up: {@link #finish} then returns {@code null}. The first reason is kept.
         *
         * @param why what the walk met, for the caller's debug line
         */
        void abandon(String why) {
            if (abandoned == null) {
                abandoned = why;
            }
        }

        /** @return why the recording was given up, or {@code null} */
        String abandoned() {
            return abandoned;
        }

        /**
         * Reads and hashes the files nothing vouched for and returns the fingerprint. Its timings give
         * the time spent outside the other walk (looking for paths only HEAD has, and hashing).
         *
         * @return the fingerprint, or {@code null} when the recording was given up or never begun
         */
        Fingerprint finish() {
            if (recorder == null) {
                abandon("the walk did not begin");
            }
            if (Thread.currentThread().isInterrupted()) {
                abandon("interrupted"); // a file read now would be recorded as unreadable
            }
            if (abandoned != null) {
                return null;
            }
            Part part = recorder.finish();
            if (Thread.currentThread().isInterrupted()) { // a read ended by the interrupt (ClosedByInterruptException)
                abandon("interrupted while reading the files the index cannot vouch for");
                return null;
            }
            Timings timings = new Timings(
                    TimeUnit.NANOSECONDS.toMillis(checkNanos),
                    TimeUnit.NANOSECONDS.toMillis(part.hashNanos()),
                    part.hashed(),
                    part.states().size());
            return new Fingerprint(
                    checkout,
                    gateDirectory,
                    workTree,
                    takenAt,
                    part.states(),
                    part.stats(),
                    part.fromIndex(),
                    part.racy(),
                    timings);
        }

        /**
         * Whether HEAD's tree holds a path, file or folder (an empty tree too), that the index has no
         * entry for.
         */
        private boolean headHasPathsTheIndexLacks(DirCache cache) throws IOException {
            if (head.tree() == null) {
                return false;
            }
            try (ObjectReader reader = repository.newObjectReader();
                    TreeWalk compare = new TreeWalk(repository, reader)) {
                compare.addTree(new CanonicalTreeParser(null, reader, head.tree()));
                compare.addTree(new DirCacheIterator(cache));
                compare.setRecursive(false);
                compare.setFilter(TreeFilter.ANY_DIFF); // a folder whose ids are equal is not entered
                while (compare.next()) {
                    if (compare.getRawMode(0) != 0 && compare.getRawMode(1) == 0) {
                        return true;
                    }
                    if (compare.isSubtree()) {
                        compare.enterSubtree();
                    }
                }
                return false;
            }
        }

        @Override
        public String toString() {
            return "Fingerprint.Recording[" + workTree + (abandoned == null ? "" : ", abandoned: " + abandoned) + "]";
        }
    }

    /**
     * The paths whose status or content differ between this fingerprint and another one of the
     * same checkout: changed, added or removed in the index, the working tree or HEAD; a file whose
     * type, executable bit or content changed. A file whose stat data differ while the later
     * fingerprint took its content from the index without reading it is reported too (see the class
     * Javadoc).
     *
     * @param other the other fingerprint of the same checkout, earlier or later
     * @return working-tree-relative paths with {@code /} separators, sorted
     */
    public List<String> changedPaths(Fingerprint other) {
        Objects.requireNonNull(other, "other");
        Fingerprint later = takenAt.isAfter(other.takenAt) ? this : other;
        TreeSet<String> changed = new TreeSet<>();
        for (String path : states.keySet()) {
            if (differs(path, other, later)) {
                changed.add(path);
            }
        }
        for (String path : other.states.keySet()) {
            if (!states.containsKey(path)) {
                changed.add(path);
            }
        }
        return List.copyOf(changed);
    }

    private boolean differs(String path, Fingerprint other, Fingerprint later) {
        return !Objects.equals(states.get(path), other.states.get(path))
                || (!Objects.equals(stats.get(path), other.stats.get(path)) && later.fromIndex.contains(path));
    }

    /** @return the paths whose content came from the index without being read (for tests) */
    Set<String> fromIndex() {
        return Set.copyOf(fromIndex);
    }

    /** @return the paths that were racily clean when this fingerprint was taken (for tests) */
    Set<String> racy() {
        return Set.copyOf(racy);
    }

    /**
     * The number of paths recorded.
     *
     * @return tracked paths plus untracked, not ignored ones
     */
    public int size() {
        return states.size();
    }

    /**
     * Where the time of taking this fingerprint went.
     *
     * @return walk and hash times, files read, paths recorded
     */
    public Timings timings() {
        return timings;
    }

    /** Equal when the same checkout has the same states and stat data in both. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint that
                && workTree.equals(that.workTree)
                && states.equals(that.states)
                && stats.equals(that.stats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workTree, states);
    }

    @Override
    public String toString() {
        return "Fingerprint[" + workTree + ", " + states.size() + " paths]";
    }

    /**
     * Whether git's index vouches for a file's content: same type and executable bit, same size and
     * modification time as the entry, and the entry not racily clean (git's {@code
     * is_racy_timestamp}: modified within the resolution of the index file's own write).
     */
    private static boolean vouches(
            DirCacheEntry cached, FileMode mode, Stat stat, Instant indexWritten, Duration resolution) {
        if (cached == null || indexWritten == null || cached.getStage() != DirCacheEntry.STAGE_0) {
            return false;
        }
        if (!mode.equals(cached.getFileMode()) || cached.isSmudged() || cached.getLength() != (int) stat.size()) {
            return false;
        }
        Instant entryModified = cached.getLastModifiedInstant();
        return entryModified.equals(instant(stat.modifiedNanos()))
                && entryModified.isBefore(indexWritten.minus(resolution).minus(CLOCK_TICK));
    }

    private static Instant indexWritten(Repository repository) {
        try {
            return Files.getLastModifiedTime(repository.getIndexFile().toPath()).toInstant();
        } catch (IOException e) {
            return null; // no index: nothing vouches
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /**
     * {@code HEAD <mode> <id> | index <mode> <id> | work tree }, where a side without the path is
     * {@code -}; the blob id is converted once when HEAD and the index hold the same one.
     *
     * @param headId {@link #id} of HEAD's entry, or {@code null} when HEAD has none
     */
    private static String sides(TreeWalk walk, int headTree, int index, String headId) {
        int indexMode = walk.getRawMode(index);
        String indexed = indexMode == 0
                ? null
                : (headId != null && walk.idEqual(headTree, index) ? headId : id(walk.getObjectId(index)));
        return "HEAD " + side(walk.getRawMode(headTree), headId) + " | index " + side(indexMode, indexed)
                + " | work tree ";
    }

    private static String side(int mode, String id) {
        return mode == 0 ? "-" : gitMode(mode) + " " + id;
    }

    /**
     * An object id as it is kept in a state: its 20 raw bytes as 20 ISO-8859-1 characters, which are
     * compared, never shown. Writing it out in hex would cost the walk a third of its time.
     */
    private static String id(AnyObjectId id) {
        byte[] raw = new byte[Constants.OBJECT_ID_LENGTH];
        id.copyRawTo(raw, 0);
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    private static String gitMode(int mode) {
        return switch (mode) {
            case 0100644 -> "100644";
            case 0100755 -> "100755";
            case 0120000 -> "120000";
            case 0160000 -> "160000";
            case 0040000 -> "40000";
            default -> Integer.toOctalString(mode);
        };
    }

    /** The permission bits in octal ({@code 644}), from a small table filled as they are met. */
    private static String permissions(int mode) {
        int bits = mode & 07777;
        String known = PERMISSIONS[bits];
        if (known == null) {
            known = Integer.toOctalString(bits);
            PERMISSIONS[bits] = known; // a race only writes the same string twice
        }
        return known;
    }

    private static String otherState(FileMode mode, Path file) {
        try {
            if (FileMode.SYMLINK.equals(mode)) {
                return "symlink " + Files.readSymbolicLink(file);
            }
            if (FileMode.GITLINK.equals(mode)) {
                return "nested repository";
            }
            return SpecialFiles.kind(file);
        } catch (NoSuchFileException e) {
            return SpecialFiles.GONE;
        } catch (AccessDeniedException e) {
            return SpecialFiles.UNREADABLE;
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** The git blob id of a file's content, or why it cannot be read. */
    private static String blobId(Path file, long size) {
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return id(new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, size, in));
        } catch (EOFException e) {
            return SpecialFiles.CHANGED;
        } catch (NoSuchFileException e) {
            return SpecialFiles.GONE;
        } catch (AccessDeniedException e) {
            return SpecialFiles.UNREADABLE;
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /**
     * The states of a path the walk lists twice (a file on one side, a folder on another), in sorted
     * order: the same string whichever was met first, and whichever part of the walk met each.
     */
    private static String join(String first, String second) {
        return first.compareTo(second) <= 0 ? first + " || " + second : second + " || " + first;
    }
}
