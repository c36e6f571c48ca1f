package dev.smokegate.smoke.workspace;

import org.eclipse.jgit.util.FS;

/**
 * JGit's first use in a new JVM, done ahead of time. Before it opens its first repository, JGit
 * loads its classes and finds the system-wide git configuration by running {@code git --version} and
 * {@code git config --system --show-origin --list} (the file's location depends on how git was
 * built). {@link #load()} does that without a repository, so that a caller can run it on a spare
 * thread while it reads the manifest.
 *
 * <p>It leaves out JGit's file-store attributes (the timestamp resolution that the fingerprint and
 * the copy ask for). JGit measures a file store it has not met before by writing probe files into
 * the folder, in the background and for seconds; started at the gate's start, that measurement ran
 * beside the first steps, and a step that filled the work directory's disk made JGit log its write
 * error with a stack trace (FaultMatrixIT). The fingerprint asks for them when it needs them, as
 * before.
 */
public final class GitLibrary {
    private GitLibrary() {}

    /**
     * Finds JGit's system-wide git configuration, which JGit keeps for the JVM's life. Writes
     * nothing.
     *
     * @throws RuntimeException whatever JGit throws; the real use later fails the same way and says so
     */
    public static void load() {
        FS.DETECTED.getGitSystemConfig();
    }
}
