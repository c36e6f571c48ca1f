package dev.smokegate.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Analysis, not benchmark: one JGit step inside {@code CloneCache.cloneInto}, timed on its own so
 * that the summary can say where the time goes. It repeats what the plugin's code does (read it
 * there: {@code WorkspaceCloner.build}); if that code changes, this number describes the old
 * way.
 */
final class JGitSteps {

    private JGitSteps() {}

    /**
     * The workspace of a cached clone as {@code WorkspaceCloner.build} makes it (a new
     * repository borrowing the mirror's objects through {@code objects/info/alternates}, HEAD at
     * the commit), then JGit's checkout, {@code reset --hard}, which is timed.
     *
     * @return milliseconds of {@code reset --hard}
     */
    static double checkoutAsCloneCacheDoesIt(Path mirror, String sha, Path workspace) throws Exception {
        try (Git git = Git.init().setDirectory(workspace.toFile()).call()) {
            Repository repository = git.getRepository();
            Path alternates = workspace.resolve(".git/objects/info/alternates");
            Files.createDirectories(alternates.getParent());
            Files.writeString(
                    alternates, mirror.resolve(Constants.OBJECTS).toAbsolutePath() + "\n", StandardCharsets.UTF_8);
            RefUpdate update = repository.updateRef(Constants.HEAD, true);
            update.setNewObjectId(ObjectId.fromString(sha));
            update.forceUpdate();
            long start = System.nanoTime();
            git.reset().setMode(ResetCommand.ResetType.HARD).call();
            return (System.nanoTime() - start) / 1e6;
        }
    }
}
