package dev.smokegate.smoke.workspace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Checks a commit's tree out into a new, empty workspace by writing each blob straight into its
 * file: no temporary file, rename or {@code statfs} per file as in JGit's {@code reset --hard}, and
 * no comparison with a working tree that cannot hold anything yet. Folders are made on the calling
 * thread, in tree order; files are written on a small pool (as {@link CheckoutCopier} copies them),
 * each worker with its own {@link ObjectReader}. Regular files get mode 666 and executable ones 777,
 * less the umask, as git does; symlinks are made with the committed target, as git does; a gitlink
 * (submodule) becomes an empty folder. The index is then written by {@link
 * WorkspaceRepository#writeIndex}.
 *
 * <p>What git's checkout does that this does not: content filters and line-ending conversion. A tree
 * with a {@code .gitattributes} file, or a repository whose configuration sets {@code core.autocrlf}
 * or {@code core.eol}, is not written here ({@link #applies} says no) and goes through JGit's
 * checkout instead.
 */
final class CommitCheckout {

    /** Writer threads, as the checkout copier's pool. */
    static final int THREADS = 2;

    private static final FileAttribute<Set<PosixFilePermission>> REGULAR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"));

    private static final FileAttribute<Set<PosixFilePermission>> EXECUTABLE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx"));

    private static final Set<StandardOpenOption> CREATE =
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private CommitCheckout() {}

    /** One file of the tree: where it goes, its blob and whether it is executable. */
    private record Blob(Path file, ObjectId id, boolean executable) {}

    /**
     * Whether the tree can be written byte for byte: no {@code .gitattributes} anywhere in it, and
     * neither {@code core.autocrlf} nor {@code core.eol} set.
     *
     * @param repository the workspace's repository (its configuration includes the user's)
     * @param tree the commit's tree
     * @return true when {@link #write} gives what git's checkout would
     * @throws IOException when the tree cannot be read
     */
    static boolean applies(Repository repository, RevTree tree) throws IOException {
        var core = repository.getConfig();
        if (core.getString(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_AUTOCRLF) != null
                || core.getString(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_EOL) != null) {
            return false;
        }
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                if (walk.getNameString().equals(Constants.DOT_GIT_ATTRIBUTES)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Writes every entry of {@code tree} into {@code workspace}.
     *
     * @param repository the workspace's repository, whose objects hold the tree
     * @param tree the commit's tree
     * @param workspace the new, empty working tree
     * @return the files and symlinks written
     * @throws IOException when a folder or file cannot be written, or an object cannot be read
     */
    static int write(Repository repository, RevTree tree, Path workspace) throws IOException {
        List<Blob> blobs = new ArrayList<>();
        int links = 0;
        try (ObjectReader reader = repository.newObjectReader();
                TreeWalk walk = new TreeWalk(repository, reader)) {
            walk.addTree(tree);
            walk.setRecursive(false);
            while (walk.next()) {
                Path path = workspace.resolve(walk.getPathString());
                FileMode mode = walk.getFileMode(0);
                if (walk.isSubtree()) {
                    Files.createDirectory(path);
                    walk.enterSubtree();
                } else if (FileMode.GITLINK.equals(mode)) {
                    Files.createDirectory(path);
                } else if (FileMode.SYMLINK.equals(mode)) {
                    String target = new String(reader.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
                    Files.createSymbolicLink(path, Path.of(target));
                    links++;
                } else {
                    blobs.add(new Blob(path, walk.getObjectId(0), FileMode.EXECUTABLE_FILE.equals(mode)));
                }
            }
        }
        writeAll(repository, blobs);
        return blobs.size() + links;
    }

    /** Writes the blobs on the pool: each worker takes the next unwritten one with its own reader. */
    private static void writeAll(Repository repository, List<Blob> blobs) throws IOException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "smoke-commit-checkout");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    try (ObjectReader reader = repository.newObjectReader()) {
                        for (int i = next.getAndIncrement(); i < blobs.size(); i = next.getAndIncrement()) {
                            writeBlob(reader, blobs.get(i));
                        }
                    } catch (IOException | RuntimeException e) {
                        next.set(blobs.size()); // the others stop too
                        throw e;
                    }
                    return null;
                }));
            }
            for (Future<Void> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the workspace", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void writeBlob(ObjectReader reader, Blob blob) throws IOException {
        try (FileChannel channel = FileChannel.open(blob.file(), CREATE, blob.executable() ? EXECUTABLE : REGULAR);
                OutputStream out = Channels.newOutputStream(channel)) {
            reader.open(blob.id(), Constants.OBJ_BLOB).copyTo(out);
        }
    }
}
