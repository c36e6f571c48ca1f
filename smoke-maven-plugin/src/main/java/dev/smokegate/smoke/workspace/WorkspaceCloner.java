package dev.smokegate.smoke.workspace;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * Makes a workspace from a mirror as {@code git clone --shared} would: it borrows the mirror's
 * objects (through {@link WorkspaceRepository#borrowObjects}) instead of copying them, gets the
 * mirror's branches as {@code origin/*} and its tags, and is checked out at the resolved commit: on
 * the branch when a branch was asked for, detached for a tag or a SHA. The checkout writes each blob
 * straight into its file ({@link CommitCheckout}): the workspace is new and empty, so nothing needs
 * JGit's temporary files and renames. Its {@code
 * remote.origin.url} is the original URL, not the cache.
 */
final class WorkspaceCloner {

    private WorkspaceCloner() {}

    /**
     * @param url the original URL, for {@code remote.origin.url}
     * @param mirror the mirror holding the commit
     * @param wanted what to check out
     * @param workspace the empty workspace folder
     * @param where the start of any message
     * @throws WorkspaceException IO when the workspace cannot be written
     */
    static void build(String url, Path mirror, RefResolver.Target wanted, Path workspace, String where)
            throws WorkspaceException {
        // The cache never runs gc on a mirror, so borrowing its objects is safe; automatic gc is off
        // in the workspace too (see MirrorStore.withoutAutoGc).
        try (Git git = Git.init().setDirectory(workspace.toFile()).call();
                Repository source = MirrorStore.open(mirror)) {
            Repository repository = git.getRepository();
            StoredConfig config = repository.getConfig();
            MirrorStore.withoutAutoGc(config);
            config.setString(
                    ConfigConstants.CONFIG_REMOTE_SECTION,
                    Constants.DEFAULT_REMOTE_NAME,
                    "fetch",
                    "+refs/heads/*:refs/remotes/origin/*");
            config.save();
            WorkspaceRepository.borrowObjects(repository, source);
            copyRefs(source, repository);
            config.setString(
                    ConfigConstants.CONFIG_REMOTE_SECTION,
                    Constants.DEFAULT_REMOTE_NAME,
                    ConfigConstants.CONFIG_KEY_URL,
                    url);
            WorkspaceRepository.setHead(repository, source, wanted.branch(), wanted.commit(), "smoke: clone " + url);
            if (wanted.branch() != null) {
                config.setString(
                        ConfigConstants.CONFIG_BRANCH_SECTION,
                        wanted.branch(),
                        ConfigConstants.CONFIG_KEY_REMOTE,
                        Constants.DEFAULT_REMOTE_NAME);
                config.setString(
                        ConfigConstants.CONFIG_BRANCH_SECTION,
                        wanted.branch(),
                        ConfigConstants.CONFIG_KEY_MERGE,
                        Constants.R_HEADS + wanted.branch());
            }
            config.save();
            checkout(git, repository, wanted, workspace);
        } catch (GitAPIException | IOException | JGitInternalException e) {
            throw CloneFailures.cloneFailure(where, mirror, workspace, e);
        }
    }

    /**
     * Checks the commit out into the new, empty workspace: each blob written straight into its file
     * and the index written after ({@link CommitCheckout}), or JGit's {@code reset --hard} when the
     * tree needs content filters or line-ending conversion.
     */
    private static void checkout(Git git, Repository repository, RefResolver.Target wanted, Path workspace)
            throws IOException, GitAPIException {
        RevTree tree;
        try (RevWalk walk = new RevWalk(repository)) {
            tree = walk.parseCommit(wanted.commit()).getTree();
        }
        if (CommitCheckout.applies(repository, tree)) {
            CommitCheckout.write(repository, tree, workspace);
            WorkspaceRepository.writeIndex(repository, tree);
        } else {
            git.reset().setMode(ResetCommand.ResetType.HARD).call();
        }
    }

    /** The mirror's branches as {@code refs/remotes/origin/*} and its tags, in one batch. */
    private static void copyRefs(Repository mirror, Repository workspace) throws IOException {
        BatchRefUpdate batch = workspace.getRefDatabase().newBatchUpdate();
        batch.setAllowNonFastForwards(true);
        for (Ref ref : mirror.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
            if (ref.getObjectId() != null) {
                batch.addCommand(new ReceiveCommand(
                        ObjectId.zeroId(),
                        ref.getObjectId(),
                        Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/"
                                + ref.getName().substring(Constants.R_HEADS.length())));
            }
        }
        for (Ref ref : mirror.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            if (ref.getObjectId() != null) {
                batch.addCommand(new ReceiveCommand(ObjectId.zeroId(), ref.getObjectId(), ref.getName()));
            }
        }
        try (RevWalk walk = new RevWalk(workspace)) {
            batch.execute(walk, NullProgressMonitor.INSTANCE);
        }
        for (ReceiveCommand command : batch.getCommands()) {
            if (command.getResult() != ReceiveCommand.Result.OK) {
                throw new IOException("cannot create " + command.getRefName() + ": " + command.getResult());
            }
        }
    }
}
