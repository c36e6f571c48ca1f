package dev.smokegate.smoke.workspace;

import java.io.File;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;
import org.eclipse.jgit.util.FS;

/**
 * Gives working tree entries their git file mode from the {@code lstat} that JGit's {@link
 * FileTreeIterator} already made ({@code PosixFileAttributeView} with {@code NOFOLLOW_LINKS}), so a
 * file is never stat'ed twice. Unlike JGit's default, which calls every non-folder a regular file,
 * a named pipe, socket or device gets {@link FileMode#MISSING}: nothing ever opens it, because
 * opening a named pipe for reading blocks until someone writes to it.
 */
final class SafeFileModeStrategy implements FileTreeIterator.FileModeStrategy {

    private final boolean gitlinks;

    private SafeFileModeStrategy(boolean gitlinks) {
        this.gitlinks = gitlinks;
    }

    /** The strategy for a repository: folders holding {@code .git} are gitlinks unless {@code core.dirNoGitLinks}. */
    static SafeFileModeStrategy of(Repository repository) {
        return new SafeFileModeStrategy(
                !repository.getConfig().get(WorkingTreeOptions.KEY).isDirNoGitLinks());
    }

    /** A working tree iterator over a repository's work tree that uses this strategy. */
    static FileTreeIterator iterator(Repository repository) {
        return new FileTreeIterator(repository, of(repository));
    }

    /**
     * As {@link #iterator(Repository)}, reading the entries' attributes through another file system
     * (for example a {@link StatRecordingFs}). Like JGit's constructor from a repository, and unlike its
     * constructor from a folder, it applies the repository's own ignore rules ({@code
     * .git/info/exclude}, {@code core.excludesFile}) besides the {@code .gitignore} files.
     *
     * @param repository the repository whose work tree is walked
     * @param fs the file system the iterator reads attributes through
     * @return the root iterator
     */
    static FileTreeIterator iterator(Repository repository, FS fs) {
        return new RepositoryIterator(repository, fs, of(repository));
    }

    /** A root iterator that knows its repository, for its root ignore rules. */
    private static final class RepositoryIterator extends FileTreeIterator {
        RepositoryIterator(Repository repository, FS fs, FileModeStrategy strategy) {
            super(repository.getWorkTree(), fs, repository.getConfig().get(WorkingTreeOptions.KEY), strategy);
            initRootIterator(repository);
        }
    }

    @Override
    public FileMode getMode(File file, FS.Attributes attributes) {
        if (attributes.isSymbolicLink()) {
            return FileMode.SYMLINK;
        }
        if (attributes.isDirectory()) {
            return gitlinks && new File(file, Constants.DOT_GIT).exists() ? FileMode.GITLINK : FileMode.TREE;
        }
        if (attributes.isRegularFile()) {
            return attributes.isExecutable() ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
        }
        return FileMode.MISSING;
    }
}
