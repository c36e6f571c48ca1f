package dev.smokegate.smoke.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The state of a user's checkout, taken before and after the gate to prove that the gate changed
 * nothing in it. For every path that is tracked (in HEAD or the index) or untracked and not ignored,
 * it records the HEAD entry, the index entry and the working tree entry: type and SHA-256 of the
 * content. Ignored paths ({@code target/}) are not looked at: builds are expected to change them.
 *
 * <p>Taking a fingerprint only reads: unlike {@code git status} or JGit's {@code StatusCommand}, it
 * never refreshes or writes the index. Named pipes, sockets and devices are recorded by type and
 * never opened. Cost: every file in the fingerprint is read and hashed once.
 */
public final class Fingerprint {

    private static final String WHAT = "fingerprint";

    private final Path workTree;
    private final Map<String, String> states;

    private Fingerprint(Path workTree, Map<String, String> states) {
        this.workTree = workTree;
        this.states = states;
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
     * there and not in the checkout's {@code .git} (when both are on one file system).
     *
     * @param checkout a folder inside a git working tree; the whole working tree is fingerprinted
     * @param gateDirectory the folder the gate writes to, or {@code null}; never entered when it
     *     lies inside the working tree
     * @return the fingerprint
     * @throws WorkspaceException as {@link #of(Path)}; IO also when gateDirectory cannot be created
     */
    public static Fingerprint of(Path checkout, Path gateDirectory) throws WorkspaceException {
        String excluded = null;
        if (gateDirectory != null) {
            try {
                java.nio.file.Files.createDirectories(gateDirectory);
            } catch (java.io.IOException e) {
                throw WorkspaceException.io(
                        WHAT,
                        "cannot create the gate's folder " + gateDirectory,
                        e,
                        "Check its permissions and free disk space.");
            }
            org.eclipse.jgit.util.FS.FileStoreAttributes.get(gateDirectory);
        }
        try (Repository repository = Repositories.openWorkTree(checkout, WHAT)) {
            Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            if (gateDirectory != null) {
                Path gate = gateDirectory.toAbsolutePath().normalize();
                if (gate.startsWith(workTree) && !gate.equals(workTree)) {
                    excluded = workTree.relativize(gate).toString().replace('\\', '/');
                }
            }
            String where = WHAT + " [" + workTree + "]";
            WorkspaceRepository.Head head = WorkspaceRepository.head(repository, where);
            try (ObjectReader reader = repository.newObjectReader();
                    TreeWalk walk = new TreeWalk(repository, reader)) {
                if (head.tree() == null) {
                    walk.addTree(new EmptyTreeIterator());
                } else {
                    walk.addTree(new CanonicalTreeParser(null, reader, head.tree()));
                }
                int index = walk.addTree(new DirCacheIterator(DirCache.read(repository)));
                FileTreeIterator files = SafeFileModeStrategy.iterator(repository);
                int workTreeTree = walk.addTree(files);
                files.setDirCacheIterator(walk, index);
                walk.setRecursive(false);
                walk.setFilter(
                        new TrackedOrNotIgnoredFilter(new int[] {0, index}, workTreeTree, true, true, excluded, null));
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                Map<String, String> states = new TreeMap<>();
                while (walk.next()) {
                    String path = walk.getPathString();
                    FileTreeIterator entry = walk.getTree(workTreeTree, FileTreeIterator.class);
                    if (walk.isSubtree()) {
                        Path folder =
                                entry == null ? null : entry.getEntryFile().toPath();
                        if (folder != null && !(Files.isReadable(folder) && Files.isExecutable(folder))) {
                            states.merge(path, "unreadable folder", Fingerprint::join);
                        } else {
                            walk.enterSubtree();
                        }
                        continue;
                    }
                    String state = "HEAD " + side(walk, 0) + " | index " + side(walk, index) + " | work tree "
                            + (entry == null ? "-" : workTreeState(entry, digest));
                    states.merge(path, state, Fingerprint::join);
                }
                return new Fingerprint(workTree, states);
            } catch (IOException | JGitInternalException e) {
                throw WorkspaceException.io(
                        where, "cannot read the checkout", e, "Run 'git status' there to see what git says.");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }

    /**
     * The paths whose status or content differ between this fingerprint and another one of the
     * same checkout: changed, added or removed in the index, the working tree or HEAD.
     *
     * @param after the other fingerprint (usually the later one)
     * @return working-tree-relative paths with {@code /} separators, sorted
     */
    public List<String> changedPaths(Fingerprint after) {
        Objects.requireNonNull(after, "after");
        TreeSet<String> changed = new TreeSet<>();
        TreeSet<String> all = new TreeSet<>(states.keySet());
        all.addAll(after.states.keySet());
        for (String path : all) {
            if (!Objects.equals(states.get(path), after.states.get(path))) {
                changed.add(path);
            }
        }
        return List.copyOf(changed);
    }

    /**
     * The number of paths recorded.
     *
     * @return tracked paths plus untracked, not ignored ones
     */
    public int size() {
        return states.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint that && workTree.equals(that.workTree) && states.equals(that.states);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workTree, states);
    }

    @Override
    public String toString() {
        return "Fingerprint[" + workTree + ", " + states.size() + " paths]";
    }

    private static String side(TreeWalk walk, int tree) {
        int mode = walk.getRawMode(tree);
        return mode == 0
                ? "-"
                : Integer.toOctalString(mode) + " " + walk.getObjectId(tree).name();
    }

    private static String workTreeState(FileTreeIterator entry, MessageDigest digest) {
        FileMode mode = entry.getEntryFileMode();
        Path file = entry.getEntryFile().toPath();
        try {
            if (FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode)) {
                return (FileMode.EXECUTABLE_FILE.equals(mode) ? "executable " : "file ") + sha256(file, digest);
            }
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

    private static String sha256(Path file, MessageDigest digest) throws IOException {
        digest.reset();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String join(String first, String second) {
        return first + " || " + second;
    }
}
