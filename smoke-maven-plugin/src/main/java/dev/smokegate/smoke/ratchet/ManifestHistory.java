package dev.smokegate.smoke.ratchet;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.FollowFilter;
import org.eclipse.jgit.revwalk.RenameCallback;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The committed versions of one file, read with JGit as {@code git log --follow -- <path>} lists
 * them: from {@code HEAD} back, each commit that changed the file, across renames that git's rename
 * detection finds ({@link FollowFilter}, with the repository's {@code diff.*} settings; a rename in
 * a merge commit is not followed, as in JGit's {@code log --follow}). A merge whose file is the same
 * as one parent's follows that parent only (git's default history simplification).
 *
 * <p>The repository is the one whose work tree holds the file: found from the file's folder upward
 * ({@link FileRepositoryBuilder#findGitDir(File)}, which also reads the {@code .git} file of a linked
 * work tree or a submodule), so the project may be any folder of it. Open one with {@link #open},
 * and close it.
 */
final class ManifestHistory implements AutoCloseable {
    /** A version larger than this is not read (64 MiB; a manifest is a few KiB). */
    static final int MAX_BYTES = 64 << 20;

    /**
     * One committed version of the file.
     *
     * @param commit the commit that wrote it (40 hex digits)
     * @param blob the file's blob id (40 hex digits); the same content has the same id
     * @param path the file's path in that commit, relative to the work tree, with {@code /}
     */
    record Version(String commit, String blob, String path) {}

    private final Repository repository;
    private final String path;
    private final List<RatchetResult.Rename> renames = new ArrayList<>();
    private final List<ObjectId> renameCommits = new ArrayList<>();

    private ManifestHistory(Repository repository, String path) {
        this.repository = repository;
        this.path = path;
    }

    /**
     * @param file the file, as the gate was given it; it exists
     * @return its history; empty when the file is not inside the work tree of a git repository
     * @throws IOException when a repository is found but cannot be opened
     */
    static Optional<ManifestHistory> open(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent().toRealPath();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        Repository repository = builder.setMustExist(true).build();
        try {
            if (repository.isBare()) {
                repository.close();
                return Optional.empty();
            }
            Path workTree = repository.getWorkTree().toPath().toRealPath();
            Path real = folder.resolve(absolute.getFileName());
            if (!real.startsWith(workTree) || real.equals(workTree)) {
                repository.close();
                return Optional.empty();
            }
            String relative = workTree.relativize(real).toString().replace(File.separatorChar, '/');
            return Optional.of(new ManifestHistory(repository, relative));
        } catch (IOException | RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    /** @return the file's path relative to the work tree, with {@code /} */
    String path() {
        return path;
    }

    /** @return the renames followed by {@link #versions()}, newest first */
    List<RatchetResult.Rename> renames() {
        return List.copyOf(renames);
    }

    /**
     * @return whether the repository is a shallow clone: its history is cut off, so older versions
     *     are not there to read
     * @throws IOException when the repository's list of shallow commits cannot be read
     */
    boolean shallow() throws IOException {
        return !repository.getObjectDatabase().getShallowCommits().isEmpty();
    }

    /**
     * Walks the history from {@code HEAD}.
     *
     * @return each commit that wrote a version of the file, newest first (by commit time); empty when
     *     {@code HEAD} has no commit or no commit ever held the file. A commit that deleted the file
     *     writes no version.
     * @throws IOException when the repository cannot be read
     */
    List<Version> versions() throws IOException {
        ObjectId head = repository.resolve(Constants.HEAD);
        if (head == null) {
            return List.of();
        }
        renames.clear();
        renameCommits.clear();
        List<Version> versions = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            FollowFilter follow =
                    FollowFilter.create(path, repository.getConfig().get(DiffConfig.KEY));
            follow.setRenameCallback(new RenameCallback() {
                @Override
                public void renamed(DiffEntry entry) {
                    throw new IllegalStateException("JGit reports renames with their commit");
                }

                @Override
                public void renamed(DiffEntry entry, RevCommit commit) {
                    renames.add(new RatchetResult.Rename(
                            entry.getOldPath(),
                            entry.getNewPath(),
                            commit.abbreviate(7).name()));
                    renameCommits.add(commit.copy());
                }
            });
            walk.setTreeFilter(follow);
            walk.setRewriteParents(false);
            walk.markStart(walk.parseCommit(head));
            Set<ObjectId> returned = new HashSet<>();
            ObjectReader reader = walk.getObjectReader();
            for (RevCommit commit : walk) {
                String at = pathAt(returned);
                try (TreeWalk tree = TreeWalk.forPath(reader, at, commit.getTree())) {
                    if (tree != null && isFile(tree.getFileMode(0))) {
                        versions.add(
                                new Version(commit.name(), tree.getObjectId(0).name(), at));
                    }
                }
                returned.add(commit.copy());
            }
        }
        return versions;
    }

    /**
     * The file's path at the next commit of the walk: a rename found at commit C applies to the
     * commits after C (older), not to C itself, which holds the new path. JGit may report the rename
     * while it looks ahead, before C is returned, so the renames are applied only once their commit
     * was returned.
     */
    private String pathAt(Set<ObjectId> returned) {
        String at = path;
        for (int i = 0; i < renames.size(); i++) {
            if (!returned.contains(renameCommits.get(i))) {
                break;
            }
            at = renames.get(i).oldPath();
        }
        return at;
    }

    private static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    /**
     * @param version a version from {@link #versions()}
     * @return its content
     * @throws IOException when the blob cannot be read, or is larger than {@link #MAX_BYTES}
     */
    byte[] content(Version version) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            return reader.open(ObjectId.fromString(version.blob()), Constants.OBJ_BLOB)
                    .getCachedBytes(MAX_BYTES);
        } catch (LargeObjectException e) {
            throw new IOException("the version is larger than " + (MAX_BYTES >> 20) + " MiB", e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
