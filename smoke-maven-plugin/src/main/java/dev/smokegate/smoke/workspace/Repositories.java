package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Opens the git repository that a folder belongs to, for reading only. */
final class Repositories {

    private Repositories() {}

    /**
     * Opens the repository whose working tree holds {@code dir}, searching upwards as git does and
     * following {@code .git} files (linked worktrees, submodules). {@code GIT_DIR} and other
     * environment variables are not read, so the answer only depends on the folder.
     *
     * @param dir a folder inside a working tree
     * @param what what the caller is doing, the start of any message ("checkout copy")
     * @return the open repository; the caller closes it
     * @throws WorkspaceException NOT_A_REPOSITORY when {@code dir} is missing, not in a working tree
     *     or a bare repository; IO when the repository cannot be read
     */
    static Repository openWorkTree(Path dir, String what) throws WorkspaceException {
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new WorkspaceException(
                    Reason.NOT_A_REPOSITORY,
                    what + " [" + folder
                            + "]: the folder does not exist. Check the path, or create the checkout with git clone.");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toFile());
        if (builder.getGitDir() == null) {
            throw notAWorkTree(what, folder);
        }
        Repository repository;
        try {
            repository = builder.setMustExist(true).build();
        } catch (RepositoryNotFoundException e) {
            throw new WorkspaceException(
                    Reason.NOT_A_REPOSITORY,
                    what + " [" + folder + "]: " + e.getMessage()
                            + ". Run 'git init' there, or point the scenario at a git checkout.",
                    e);
        } catch (IOException | RuntimeException e) {
            throw WorkspaceException.io(
                    what + " [" + folder + "]",
                    "cannot open the git repository " + builder.getGitDir(),
                    e,
                    "Run 'git status' there to see what git says.");
        }
        if (repository.isBare()) {
            repository.close();
            throw new WorkspaceException(
                    Reason.NOT_A_REPOSITORY,
                    what + " [" + folder
                            + "]: a bare repository has no working tree. Point the scenario at a checkout, or clone it"
                            + " with a clone source.");
        }
        return repository;
    }

    static WorkspaceException notAWorkTree(String what, Path folder) {
        return new WorkspaceException(
                Reason.NOT_A_REPOSITORY,
                what + " [" + folder
                        + "]: not inside a git working tree. Run 'git init' there, or point the scenario at a git"
                        + " checkout.");
    }
}
