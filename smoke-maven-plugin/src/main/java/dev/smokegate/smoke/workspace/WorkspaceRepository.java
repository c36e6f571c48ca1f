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
     * @param where the start of any message
     * @throws WorkspaceException IO when the repository cannot be written
     */
    static void create(Path workspace, Repository source, Head head, String where) throws WorkspaceException {
        try {
            try (Repository repository = open(workspace)) {
                repository.create(false);
                borrowObjects(repository, source);
            }
            try (Repository repository = open(workspace)) {
                String branch = head.branch() == null && head.commit() == null ? DEFAULT_BRANCH : head.branch();
                setHead(repository, branch, head.commit(), "smoke: workspace from " + source.getWorkTree());
                if (head.tree() != null) {
                    writeIndex(repository, head.tree());
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
     * @param repository the workspace's repository
     * @param branch the short branch name, or {@code null} for a detached HEAD
     * @param commit the commit, or {@code null} for an unborn branch
     * @param refLogMessage what the reflog says moved the ref
     * @throws IOException when a ref cannot be written
     */
    static void setHead(Repository repository, String branch, ObjectId commit, String refLogMessage)
            throws IOException {
        if (commit != null) {
            RefUpdate update =
                    repository.updateRef(branch == null ? Constants.HEAD : Constants.R_HEADS + branch, branch == null);
            update.setNewObjectId(commit);
            update.setRefLogMessage(refLogMessage, false);
            check(update.forceUpdate(), update.getName());
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
     * Writes an index holding {@code tree}. Each entry gets the length of its committed blob and no
     * modification time: JGit does not then re-hash the working tree to fill in stat data (it does
     * for entries of length 0, "smudged"), and git still compares content before calling a file of
     * the same length unchanged, while a file of another length is changed (git's {@code
     * ce_modified} in {@code read-cache.c}).
     */
    static void writeIndex(Repository repository, RevTree tree) throws IOException {
        DirCache index = repository.lockDirCache();
        try (ObjectReader reader = repository.newObjectReader();
                TreeWalk walk = new TreeWalk(repository, reader)) {
            DirCacheBuilder builder = index.builder();
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                DirCacheEntry entry = new DirCacheEntry(walk.getRawPath());
                FileMode mode = walk.getFileMode(0);
                entry.setFileMode(mode);
                ObjectId id = walk.getObjectId(0);
                entry.setObjectId(id);
                if (mode.getObjectType() == Constants.OBJ_BLOB) {
                    entry.setLength(reader.getObjectSize(id, Constants.OBJ_BLOB));
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

    private static void check(RefUpdate.Result result, String ref) throws IOException {
        switch (result) {
            case NEW, FORCED, NO_CHANGE, FAST_FORWARD -> {}
            default -> throw new IOException("cannot set " + ref + ": " + result);
        }
    }
}
