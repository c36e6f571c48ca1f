package dev.smokegate.smoke.workspace;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Turns a copied folder into a git repository whose HEAD is the checkout's HEAD, without copying a
 * single object: {@code .git/objects/info/alternates} points at the checkout's object database, as
 * {@code git clone --shared} does.
 */
final class WorkspaceRepository {

    /** The branch an unborn workspace gets when the checkout's HEAD names none. */
    private static final String DEFAULT_BRANCH = "main";

    private WorkspaceRepository() {}

    /**
     * What the checkout's HEAD is.
     *
     * @param branch the branch HEAD is on (short name), or {@code null} when detached
     * @param commit the HEAD commit, or {@code null} when the branch has no commit yet
     * @param tree the commit's tree, or {@code null} without a commit
     */
    record Head(String branch, ObjectId commit, RevTree tree) {
        String commitName() {
            return commit == null ? null : commit.name();
        }
    }

    /**
     * Reads a repository's HEAD without changing anything.
     *
     * @param source the repository
     * @param where the start of any message, e.g. {@code "checkout copy [/repo]"}
     * @return the HEAD
     * @throws WorkspaceException IO when HEAD or its commit cannot be read
     */
    static Head head(Repository source, String where) throws WorkspaceException {
        try {
            Ref head = source.exactRef(Constants.HEAD);
            if (head == null) {
                return new Head(null, null, null);
            }
            String branch = head.isSymbolic() && head.getTarget().getName().startsWith(Constants.R_HEADS)
                    ? head.getTarget().getName().substring(Constants.R_HEADS.length())
                    : null;
            ObjectId id = head.getObjectId();
            if (id == null) {
                return new Head(branch, null, null);
            }
            try (RevWalk walk = new RevWalk(source)) {
                RevCommit commit = walk.parseCommit(id);
                return new Head(branch, commit.copy(), commit.getTree());
            }
        } catch (IOException | JGitInternalException e) {
            throw WorkspaceException.io(where, "cannot read HEAD", e, "Run 'git log -1' there to see what git says.");
        }
    }

    /**
     * Makes {@code workspace} a repository borrowing {@code source}'s objects, with HEAD on the same
     * branch (or detached) at the same commit, and an index that holds the commit's tree so that the
     * copied files show as the checkout's changes. The index entries carry no stat data, so git and
     * JGit compare content the first time they look.
     *
     * @param workspace the folder that received the copy
     * @param source the checkout's repository
     * @param head the checkout's HEAD, from {@link #head}
     * @param sourceIndex the checkout's index as the copy read it, whose entries give the lengths of
     *     the files (see {@link #writeIndex(Repository, Repository, RevTree, DirCache)}), or {@code null}
     * @param where the start of any message
     * @throws WorkspaceException IO when the repository cannot be written
     */
    static void create(Path workspace, Repository source, Head head, DirCache sourceIndex, String where)
            throws WorkspaceException {
        try {
            // One instance: its object folder reads objects/info/alternates when it first looks for
            // an object, and nothing below reads the workspace's objects (the commit and the trees
            // come from the source's reader).
            try (Repository repository = open(workspace)) {
                repository.create(false);
                borrowObjects(repository, source);
                String branch = head.branch() == null && head.commit() == null ? DEFAULT_BRANCH : head.branch();
                setHead(repository, source, branch, head.commit(), "smoke: workspace from " + source.getWorkTree());
                if (head.tree() != null) {
                    writeIndex(repository, source, head.tree(), sourceIndex);
                }
            }
        } catch (IOException | JGitInternalException e) {
            throw WorkspaceException.io(
                    where,
                    "cannot make " + workspace + " a git repository",
                    e,
                    "Check free disk space and the permissions of " + workspace + ".");
        }
    }

    /**
     * Lets {@code workspace} read {@code source}'s objects instead of copying them, as {@code git
     * clone --shared} does: writes {@code objects/info/alternates} naming {@code source}'s object
     * folder. Call it before anything reads the workspace's objects.
     *
     * @param workspace a repository with a local object folder
     * @param source the repository whose objects are borrowed; it must outlive the workspace
     * @throws IOException when the file cannot be written
     */
    static void borrowObjects(Repository workspace, Repository source) throws IOException {
        File objects = new File(source.getCommonDirectory(), Constants.OBJECTS);
        Path alternates = workspace
                .getDirectory()
                .toPath()
                .resolve(Constants.OBJECTS)
                .resolve("info")
                .resolve("alternates");
        Files.createDirectories(alternates.getParent());
        Files.writeString(alternates, objects.getAbsolutePath() + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Points HEAD at a commit: on {@code branch} (created or moved there) when one is given, else
     * detached. Without a commit, HEAD only names the branch (an unborn branch).
     *
     * <p>JGit parses the commit to tell a fast-forward from a forced update, even when the update is
     * forced. It does so with a reader of {@code objects}, the repository whose objects the
     * workspace borrows and which the caller has open already: through the workspace's own object
     * folder, each new workspace would open the borrowed object folder again and search its packs
     * for that one commit.
     *
     * @param repository the workspace's repository
     * @param objects the repository that holds {@code commit}: the checkout or the mirror whose
     *     objects the workspace borrows (see {@link #borrowObjects})
     * @param branch the short branch name, or {@code null} for a detached HEAD
     * @param commit the commit, or {@code null} for an unborn branch
     * @param refLogMessage what the reflog says moved the ref
     * @throws IOException when a ref cannot be written, or {@code objects} does not hold the commit
     */
    static void setHead(Repository repository, Repository objects, String branch, ObjectId commit, String refLogMessage)
            throws IOException {
        if (commit != null) {
            RefUpdate update =
                    repository.updateRef(branch == null ? Constants.HEAD : Constants.R_HEADS + branch, branch == null);
            update.setNewObjectId(commit);
            update.setRefLogMessage(refLogMessage, false);
            update.setForceUpdate(true);
            try (RevWalk walk = new RevWalk(objects)) {
                check(update.update(walk), update.getName());
            }
        }
        if (branch != null) {
            RefUpdate link = repository.updateRef(Constants.HEAD);
            check(link.link(Constants.R_HEADS + branch), Constants.HEAD);
        }
    }

    private static Repository open(Path workspace) throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(workspace.resolve(Constants.DOT_GIT).toFile())
                .setWorkTree(workspace.toFile())
                .build();
    }

    /**
     * Writes an index holding {@code tree}, each entry with the length of its committed blob; see
     * {@link #writeIndex(Repository, Repository, RevTree, DirCache)}.
     */
    static void writeIndex(Repository repository, RevTree tree) throws IOException {
        writeIndex(repository, repository, tree, null);
    }

    /**
     * Writes an index holding {@code tree}. Each entry gets a length and no modification time: JGit
     * does not then re-hash the working tree to fill in stat data (it does for entries of length 0,
     * "smudged"), and git still compares content before calling a file of the same length unchanged,
     * while a file of another length is changed (git's {@code ce_modified} in {@code read-cache.c}).
     *
     * <p>The length is that of the file in the working tree, as git records it ({@code sd_size} of
     * the index format, {@code Documentation/gitformat-index.txt}). When {@code sourceIndex} holds the
     * same blob at the same path with a length, that length is taken: it is the size of the checkout's
     * file, which the copy reproduced byte for byte, and it stays right when line endings are converted
     * ({@code core.autocrlf}), where the blob's size would not. Otherwise the blob's size is read from
     * the object database, one lookup per entry.
     *
     * <p>The trees and blobs are read from {@code objects}: the repository that holds them, rather
     * than the workspace, which borrows them through its alternates and would look in its own, empty,
     * object folder first for each one.
     *
     * @param repository the workspace's repository; its index is replaced
     * @param objects the repository whose object database holds {@code tree}: the checkout's, or
     *     {@code repository} itself
     * @param tree the commit's tree
     * @param sourceIndex the checkout's index, or {@code null} to read every length from the objects
     * @throws IOException when an object cannot be read or the index cannot be written
     */
    static void writeIndex(Repository repository, Repository objects, RevTree tree, DirCache sourceIndex)
            throws IOException {
        DirCache index = repository.lockDirCache();
        try (ObjectReader reader = objects.newObjectReader();
                TreeWalk walk = new TreeWalk(objects, reader)) {
            DirCacheBuilder builder = index.builder();
            walk.addTree(tree);
            int known = sourceIndex == null ? -1 : walk.addTree(new DirCacheIterator(sourceIndex));
            walk.setRecursive(true);
            while (walk.next()) {
                if (walk.getRawMode(0) == 0) {
                    continue; // only in the checkout's index: staged, not committed
                }
                DirCacheEntry entry = new DirCacheEntry(walk.getRawPath());
                FileMode mode = walk.getFileMode(0);
                entry.setFileMode(mode);
                ObjectId id = walk.getObjectId(0);
                entry.setObjectId(id);
                if (mode.getObjectType() == Constants.OBJ_BLOB) {
                    entry.setLength(length(walk, known, id, reader));
                }
                builder.add(entry);
            }
            if (!builder.commit()) {
                throw new IOException("cannot write " + repository.getIndexFile());
            }
        } finally {
            index.unlock();
        }
    }

    /** The source index entry's length when it holds the same blob with a length, else the blob's size. */
    private static long length(TreeWalk walk, int known, ObjectId id, ObjectReader reader) throws IOException {
        if (known >= 0) {
            DirCacheIterator source = walk.getTree(known, DirCacheIterator.class);
            DirCacheEntry entry = source == null ? null : source.getDirCacheEntry();
            if (entry != null
                    && entry.getStage() == DirCacheEntry.STAGE_0
                    && entry.getLength() > 0
                    && entry.getRawMode() == walk.getRawMode(0)
                    && id.equals(entry.getObjectId())) {
                return entry.getLength();
            }
        }
        return reader.getObjectSize(id, Constants.OBJ_BLOB);
    }

    private static void check(RefUpdate.Result result, String ref) throws IOException {
        switch (result) {
            case NEW, FORCED, NO_CHANGE, FAST_FORWARD -> {}
            default -> throw new IOException("cannot set " + ref + ": " + result);
        }
    }
}
