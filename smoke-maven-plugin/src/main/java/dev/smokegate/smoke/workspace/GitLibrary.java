package dev.smokegate.smoke.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.util.FS;

/**
 * JGit's first use in a new JVM, done ahead of time. Before it opens its first repository, JGit
 * loads its classes and finds the system-wide git configuration by running {@code git --version} and
 * {@code git config --system --show-origin --list} (the file's location depends on how git was
 * built); and the first time it meets a file store it reads that store's timestamp resolution from
 * its own cache ({@code ~/.config/jgit/config}), which the fingerprint and the copy need. In an
 * {@code mvn} run that is about 0.1 to 0.3 s before the gate's first step. {@link #load(Path)} does
 * the same work without a repository, so that a caller can run it on a spare thread while it reads
 * the manifest.
 */
public final class GitLibrary {
    private GitLibrary() {}

    /**
     * Finds JGit's system-wide git configuration and, when {@code workDirectory} exists, the
     * timestamp resolution of its file store (as {@link Fingerprint#of(Path, Path)} and {@link
     * CheckoutCopier} ask for it later). Writes nothing outside JGit's own cache and that folder: a
     * file store JGit has not measured before is measured with a probe file inside {@code
     * workDirectory}, as the fingerprint would do there. Both answers are kept by JGit for the JVM's
     * life.
     *
     * @param workDirectory the gate's work directory; left alone when it does not exist yet
     * @throws RuntimeException whatever JGit throws; the real use later fails the same way and says so
     */
    public static void load(Path workDirectory) {
        FS.DETECTED.getGitSystemConfig();
        if (Files.isDirectory(workDirectory)) {
            FS.FileStoreAttributes.get(workDirectory);
        }
    }
}
