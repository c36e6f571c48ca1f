package dev.smokegate.smoke.workspace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A scenario's workspace from its previous run, kept for the next copy of the same checkout into
 * the same place ({@link CheckoutCopier#update}), which then rewrites only what it cannot prove
 * unchanged instead of deleting 20,000 files and writing them again.
 *
 * <p>At the start of a run the scenario's folder is renamed aside and deleted in the background
 * ({@link Deletion#deleteInBackground}). Just before that, {@link #setAside} moves its {@code
 * workspace} folder and the {@link CopyRecord} beside it to a hidden sibling of the scenario folder,
 * {@code .<scenario>.previous}, by two renames. The copy then {@linkplain #take takes} it back into
 * the new scenario folder, or the scenario's source is a clone and it is {@linkplain #discard
 * discarded}. Nothing is kept when either the workspace or its record is missing.
 */
public final class PreviousWorkspace {

    private static final String SUFFIX = ".previous";
    private static final String LEFTOVERS = ".leftovers";
    private static final String WORKSPACE = "workspace";
    private static final String RECORD = "record";
    private static final String OLD_GIT = "git";
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;

    private PreviousWorkspace() {}

    /**
     * The previous workspace taken into the new workspace's place, and what is known about it.
     *
     * @param record what the previous copy wrote
     * @param paths every path under the workspace (the root's {@code .git} left out) with its stat data
     *     from one {@code lstat}, by {@code /}-separated relative path
     */
    record Old(CopyRecord record, Map<String, Fingerprint.Stat> paths) {

        /** @return the stat data of a regular file at the path, or {@code null} */
        Fingerprint.Stat regularFile(String path) {
            Fingerprint.Stat stat = paths.get(path);
            return stat != null && (stat.mode() & S_IFMT) == S_IFREG ? stat : null;
        }

        /** @return whether a folder (not a symlink to one) was at the path */
        boolean folder(String path) {
            Fingerprint.Stat stat = paths.get(path);
            return stat != null && (stat.mode() & S_IFMT) == S_IFDIR;
        }

        /** @return whether anything was at the path */
        boolean has(String path) {
            return paths.containsKey(path);
        }
    }

    /**
     * Moves a scenario's workspace and its record out of the scenario folder, before that folder is
     * renamed aside and deleted. A previous workspace set aside earlier and never taken is deleted in
     * the background first. Does nothing when the workspace or its record is missing.
     *
     * @param workspace the scenario's workspace folder, {@code <work directory>/<scenario>/workspace}
     * @param debug told what was set aside, or why not
     * @return whether the workspace was set aside
     */
    public static boolean setAside(Path workspace, Consumer<String> debug) {
        Path record = workspace.resolveSibling(CopyRecord.FILE_NAME);
        Path holder = holder(workspace);
        if (holder == null
                || !Files.isDirectory(workspace, LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            Deletion.deleteInBackground(holder, debug);
            Files.createDirectory(holder);
            Files.move(record, holder.resolve(RECORD), StandardCopyOption.ATOMIC_MOVE);
            Files.move(workspace, holder.resolve(WORKSPACE), StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            debug.accept("cannot keep the previous workspace " + workspace + " (" + e
                    + "); the next copy writes every file");
            return false;
        }
    }

    /**
     * Deletes a previous workspace set aside for this place, in the background: the scenario's
     * workspace is not a copy of a checkout this time.
     *
     * @param workspace the scenario's workspace folder
     * @param debug told about a deletion that cannot start
     */
    public static void discard(Path workspace, Consumer<String> debug) {
        Path holder = holder(workspace);
        if (holder == null || !Files.exists(holder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Deletion.deleteInBackground(holder, debug);
        } catch (IOException e) {
            debug.accept("cannot delete the previous workspace " + holder + ": " + e);
        }
    }

    /**
     * Moves the previous workspace into the place of a new, empty one, when one was set aside for it
     * from a copy of the same working tree and every folder in it can be listed and has the
     * permissions a new folder gets. Its {@code .git} is moved out first (the copy writes a new one);
     * what is left of the set-aside folder is deleted in the background. When anything does not fit,
     * the previous workspace is deleted in the background and nothing is taken.
     *
     * @param target the new workspace, an empty folder
     * @param workTree the working tree about to be copied
     * @param debug told what was taken, or why not
     * @return what is known about the workspace now in {@code target}, or {@code null} when nothing was
     *     taken
     */
    static Old take(Path target, Path workTree, Consumer<String> debug) {
        Path holder = holder(target);
        if (holder == null || !Files.isDirectory(holder.resolve(WORKSPACE), LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Old old = null;
        try {
            CopyRecord record = CopyRecord.read(holder.resolve(RECORD));
            if (!record.workTree().equals(workTree.toString())) {
                debug.accept("the previous workspace " + holder + " was copied from " + record.workTree() + ", not "
                        + workTree + "; writing every file");
            } else {
                Path previous = holder.resolve(WORKSPACE);
                Path git = previous.resolve(".git");
                if (Files.exists(git, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(git, holder.resolve(OLD_GIT), StandardCopyOption.ATOMIC_MOVE);
                }
                FileSystemTraits traits = traits(holder);
                if (traits.foldsNames()) {
                    debug.accept("the file system of " + holder + " does not tell names apart by case or Unicode"
                            + " form; writing every file");
                } else {
                    Map<String, Fingerprint.Stat> paths = new HashMap<>(Math.max(16, record.size() * 3 / 2));
                    if (list(previous, "", traits.folderMode(), paths, debug)
                            && (stat(previous).mode() & 07777) == traits.folderMode()) {
                        Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
                        old = new Old(record, paths);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            debug.accept("cannot reuse the previous workspace " + holder + " (" + e + "); writing every file");
        }
        if (old != null) {
            try {
                // Only the record and the old .git are left: small, so deleted here.
                Deletion.deleteRecursively(holder);
                return old;
            } catch (IOException e) {
                debug.accept("cannot delete " + holder + " (" + e + "); deleting it in the background");
            }
        }
        discard(target, debug);
        return old;
    }

    /**
     * What a work directory's file system does with new folders and names, probed once per folder
     * and JVM.
     *
     * @param folderMode the permission bits a new folder gets (the process's umask applied)
     * @param foldsNames whether two different names can be one (case-insensitive, or normalizing
     *     Unicode as macOS does)
     */
    private record FileSystemTraits(int folderMode, boolean foldsNames) {}

    private static final Map<Path, FileSystemTraits> TRAITS = new ConcurrentHashMap<>();

    private static FileSystemTraits traits(Path holder) throws IOException {
        Path workDirectory = holder.getParent();
        FileSystemTraits known = TRAITS.get(workDirectory);
        if (known == null) {
            known = new FileSystemTraits(newFolderMode(holder), foldsNames(holder));
            TRAITS.put(workDirectory, known);
        }
        return known;
    }

    /**
     * A new, empty folder beside the scenario folder ({@code .<scenario>.leftovers}) to move what an
     * update of the workspace does not keep into, for {@link Deletion#deleteInBackground}: renames are
     * quick where deleting a build's output is not. A folder of that name left by an earlier run is
     * deleted in the background first.
     *
     * @param workspace the scenario's workspace folder
     * @param debug told about the background deletion
     * @return the new folder
     * @throws IOException when it cannot be created
     */
    static Path leftovers(Path workspace, Consumer<String> debug) throws IOException {
        Path trash = sibling(workspace, LEFTOVERS);
        if (trash == null) {
            throw new IOException("no folder beside " + workspace + " to move leftovers into");
        }
        Deletion.deleteInBackground(trash, debug);
        return Files.createDirectory(trash);
    }

    /** Where a workspace's predecessor is kept: {@code <work directory>/.<scenario>.previous}. */
    private static Path holder(Path workspace) {
        return sibling(workspace, SUFFIX);
    }

    /** {@code <work directory>/.<scenario><suffix>}, or {@code null} when the workspace has no such place. */
    private static Path sibling(Path workspace, String suffix) {
        Path folder = workspace.toAbsolutePath().normalize().getParent();
        if (folder == null || folder.getFileName() == null || folder.getParent() == null) {
            return null;
        }
        return folder.resolveSibling("." + folder.getFileName() + suffix);
    }

    /** The permission bits a folder gets when the copy creates it (the process's umask applied). */
    private static int newFolderMode(Path holder) throws IOException {
        Path probe = Files.createDirectory(holder.resolve("mode-probe"));
        try {
            return stat(probe).mode() & 07777;
        } finally {
            Files.delete(probe);
        }
    }

    /**
     * Whether the file system takes two different names for one (case-insensitive, or normalizing
     * Unicode as macOS does): then a path of the new copy may hit an old path of another spelling,
     * which the update cannot see in its list of the old workspace.
     */
    private static boolean foldsNames(Path holder) throws IOException {
        if (aliases(holder, "Name-Probe", "name-probe")) {
            return true;
        }
        try {
            return aliases(holder, "Name-Probe-\u00e9", "Name-Probe-e\u0301");
        } catch (InvalidPathException e) {
            return false; // names the JVM cannot encode (a C locale): no path of the walk has them either
        }
    }

    private static boolean aliases(Path holder, String name, String other) throws IOException {
        Path probe = Files.createFile(holder.resolve(name));
        try {
            return Files.exists(holder.resolve(other), LinkOption.NOFOLLOW_LINKS);
        } finally {
            Files.delete(probe);
        }
    }

    /**
     * Records every path under a folder; false (nothing to keep) when a folder under it has other
     * permissions than a new one would get, which the copy does not reset.
     */
    private static boolean list(
            Path folder, String prefix, int folderMode, Map<String, Fingerprint.Stat> paths, Consumer<String> debug)
            throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                String path = prefix + child.getFileName();
                Fingerprint.Stat stat = stat(child);
                paths.put(path, stat);
                if ((stat.mode() & S_IFMT) == S_IFDIR) {
                    if ((stat.mode() & 07777) != folderMode) {
                        debug.accept("the previous workspace's folder " + path + " has mode "
                                + Integer.toOctalString(stat.mode() & 07777) + ", not "
                                + Integer.toOctalString(folderMode) + "; writing every file");
                        return false;
                    }
                    if (!list(child, path + "/", folderMode, paths, debug)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static Fingerprint.Stat stat(Path path) throws IOException {
        return StatRecordingFs.stat(path.toFile());
    }
}
