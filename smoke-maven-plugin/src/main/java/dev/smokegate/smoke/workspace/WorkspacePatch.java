package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.DirCacheNameConflictException;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.FileHeader.PatchType;
import org.eclipse.jgit.patch.FormatError;
import org.eclipse.jgit.patch.HunkHeader;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.patch.PatchApplier;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Applies a git patch to a workspace as {@code git apply} would, with JGit's {@code PatchApplier}
 * on an in-memory copy first, so a patch that does not apply leaves the workspace untouched.
 */
public final class WorkspacePatch {

    static final String REGENERATE = ". Regenerate the patch against the scenario's source commit.";

    private static final Pattern HUNK_HEADER = Pattern.compile("@@ -\\d+(,\\d+)? \\+\\d+(,\\d+)? @@");

    private WorkspacePatch() {}

    /**
     * Applies a unified diff (as {@code git diff} writes it, or a traditional {@code diff -u}) to the
     * working tree of a workspace, like {@code git apply} without {@code --index}: files change, the
     * workspace's index does not.
     *
     * <p>All or nothing: the patch is first applied in memory with JGit's {@link PatchApplier} to the
     * current content of the files it touches; only when every file and hunk applies are files
     * written, each through a temporary file renamed into place. Before that, every path the patch
     * names is checked: it must be relative, without {@code ..}, outside {@code .git}, and reached
     * without going through a symlink.
     *
     * @param workspace the workspace root
     * @param patchFile the patch
     * @return the workspace-relative paths that were created, changed or deleted, sorted
     * @throws WorkspaceException ESCAPES_WORKSPACE when a path of the patch leaves the workspace;
     *     PATCH_REJECTED when the patch cannot be read or parsed, holds no change, or a hunk does not
     *     apply (the message names the file and the hunk, e.g. {@code src/Greeter.java, hunk @@ -3,7
     *     +3,7 @@}); IO when writing fails. Nothing is written in the first two cases.
     */
    public static List<String> apply(Path workspace, Path patchFile) throws WorkspaceException {
        Path root = workspace.toAbsolutePath().normalize();
        String prefix = "patch " + patchFile + " does not apply: ";
        Patch patch = parse(patchFile, prefix);
        Map<String, PatchedFile> before = new TreeMap<>();
        for (FileHeader file : patch.getFiles()) {
            for (String path : paths(file)) {
                checkInside(root, path, prefix);
            }
        }
        for (FileHeader file : patch.getFiles()) {
            if (file.getPatchType() == PatchType.BINARY) {
                throw new WorkspaceException(
                        Reason.PATCH_REJECTED,
                        prefix + path(file)
                                + ": a binary change without its content. Regenerate the patch with 'git diff"
                                + " --binary'.");
            }
            for (String path : paths(file)) {
                if (!before.containsKey(path)) {
                    before.put(path, PatchedFile.read(root, path, prefix));
                }
            }
        }
        Map<String, PatchedFile> after = applyInMemory(patch, before, prefix);
        for (Map.Entry<String, PatchedFile> entry : after.entrySet()) {
            PatchedFile state = entry.getValue();
            if (state.exists() && FileMode.SYMLINK.equals(state.mode())) {
                checkLinkInside(root, entry.getKey(), new String(state.content(), StandardCharsets.UTF_8), prefix);
            }
        }
        return PatchWriter.write(root, before, after, patchFile);
    }

    private static Patch parse(Path patchFile, String prefix) throws WorkspaceException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(patchFile);
        } catch (NoSuchFileException e) {
            throw new WorkspaceException(
                    Reason.PATCH_REJECTED,
                    "patch " + patchFile
                            + " cannot be read: no such file. Check the step's patch path; it is relative to the"
                            + " manifest's folder.",
                    e);
        } catch (IOException e) {
            throw new WorkspaceException(
                    Reason.PATCH_REJECTED,
                    "patch " + patchFile + " cannot be read: " + e + ". Check the file's permissions.",
                    e);
        }
        checkHunkHeaders(bytes, prefix);
        Patch patch = new Patch();
        patch.parse(bytes, 0, bytes.length);
        for (FormatError error : patch.getErrors()) {
            if (error.getSeverity() == FormatError.Severity.ERROR) {
                throw new WorkspaceException(
                        Reason.PATCH_REJECTED,
                        prefix + "it is not a valid diff: " + error.getMessage() + " at '"
                                + error.getLineText().strip() + "'" + REGENERATE);
            }
        }
        for (FileHeader file : patch.getFiles()) {
            for (String path : new String[] {file.getOldPath(), file.getNewPath()}) {
                if (path != null && path.endsWith("\r")) {
                    throw new WorkspaceException(
                            Reason.PATCH_REJECTED,
                            prefix + "its header lines end with CR LF (Windows line endings), at '"
                                    + path.strip() + "'. Convert the patch to LF line endings (git diff writes"
                                    + " them so; a Windows checkout may have converted it: see .gitattributes).");
                }
            }
        }
        if (patch.getFiles().isEmpty()) {
            throw new WorkspaceException(
                    Reason.PATCH_REJECTED,
                    prefix + "it holds no file change"
                            + ". Regenerate the patch with 'git diff' against the scenario's source commit.");
        }
        return patch;
    }

    /**
     * Rejects a line that starts a hunk ({@code @@ }) but is not a unified diff's hunk header, {@code
     * @@ -l[,s] +l[,s] @@} (GNU diff's "Detailed Unified" format): JGit reads the numbers it can and
     * reports a confusing error later, or none.
     */
    private static void checkHunkHeaders(byte[] bytes, String prefix) throws WorkspaceException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.startsWith("@@ ") && !HUNK_HEADER.matcher(line).lookingAt()) {
                throw new WorkspaceException(
                        Reason.PATCH_REJECTED,
                        prefix + "it is not a valid diff: a malformed hunk header at line " + number + ": '"
                                + line.strip() + "'; it must read @@ -<line>,<count> +<line>,<count> @@" + REGENERATE);
            }
        }
    }

    /** The workspace-relative paths a file of the patch reads or writes. */
    private static List<String> paths(FileHeader file) {
        List<String> paths = new ArrayList<>(2);
        if (file.getChangeType() != ChangeType.ADD) {
            paths.add(file.getOldPath());
        }
        if (file.getChangeType() != ChangeType.DELETE && !paths.contains(file.getNewPath())) {
            paths.add(file.getNewPath());
        }
        return paths;
    }

    private static String path(FileHeader file) {
        return file.getChangeType() == ChangeType.DELETE ? file.getOldPath() : file.getNewPath();
    }

    private static void checkInside(Path root, String path, String prefix) throws WorkspaceException {
        String why = null;
        if (path == null || path.isEmpty() || DiffEntry.DEV_NULL.equals(path)) {
            throw new WorkspaceException(Reason.PATCH_REJECTED, prefix + "a file change names no file" + REGENERATE);
        } else if (path.indexOf('\0') >= 0) {
            throw new WorkspaceException(
                    Reason.PATCH_REJECTED,
                    prefix + path.replace("\0", "\\u0000") + ": a file name cannot hold a NUL character" + REGENERATE);
        } else if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
            why = "an absolute path";
        } else {
            Path current = root;
            String[] segments = path.split("[/\\\\]");
            for (int i = 0; i < segments.length && why == null; i++) {
                String segment = segments[i];
                if (segment.equals("..")) {
                    why = "a '..' segment";
                } else if (segment.equalsIgnoreCase(Constants.DOT_GIT)) {
                    why = "inside .git";
                } else if (i < segments.length - 1) {
                    current = current.resolve(segment);
                    if (Files.isSymbolicLink(current)) {
                        why = "through the symlink '"
                                + root.relativize(current).toString().replace('\\', '/') + "'";
                    }
                }
            }
        }
        if (why != null) {
            throw new WorkspaceException(
                    Reason.ESCAPES_WORKSPACE,
                    prefix + path + " is outside the workspace (" + why
                            + "). Write paths relative to the repository root, as git diff does.");
        }
    }

    private static void checkLinkInside(Path root, String path, String target, String prefix)
            throws WorkspaceException {
        Path link = root.resolve(path);
        Path resolved = link.getParent().resolve(target).normalize();
        if (Path.of(target).isAbsolute() || !resolved.startsWith(root)) {
            throw new WorkspaceException(
                    Reason.ESCAPES_WORKSPACE,
                    prefix + path + " would be a symlink to '" + target
                            + "', outside the workspace. Link to a path inside the repository with a relative target.");
        }
    }

    /**
     * Applies the patch to the files' current content in an in-memory repository, one file after
     * the other, and returns every touched path's new state. Nothing touches the disk.
     */
    private static Map<String, PatchedFile> applyInMemory(Patch patch, Map<String, PatchedFile> before, String prefix)
            throws WorkspaceException {
        InMemoryRepository memory = new InMemoryRepository(new DfsRepositoryDescription("smoke-patch"));
        try (ObjectInserter inserter = memory.newObjectInserter();
                RevWalk walk = new RevWalk(memory)) {
            DirCache files = DirCache.newInCore();
            DirCacheBuilder builder = files.builder();
            for (Map.Entry<String, PatchedFile> entry : before.entrySet()) {
                PatchedFile state = entry.getValue();
                if (state.exists()) {
                    DirCacheEntry file = new DirCacheEntry(entry.getKey());
                    file.setFileMode(state.mode());
                    file.setObjectId(inserter.insert(Constants.OBJ_BLOB, state.content()));
                    builder.add(file);
                }
            }
            builder.finish();
            ObjectId treeId = files.writeTree(inserter);
            inserter.flush();
            RevTree tree = walk.parseTree(treeId);
            Map<String, FileHeader> lastChange = new TreeMap<>();
            for (FileHeader file : patch.getFiles()) {
                checkExistence(memory, tree, file, prefix);
                Patch single = new Patch();
                single.addFile(file);
                PatchApplier.Result result = new PatchApplier(memory, tree, inserter).applyPatch(single);
                if (!result.getErrors().isEmpty()) {
                    throw rejected(file, result.getErrors().get(0).toString(), prefix);
                }
                inserter.flush();
                tree = walk.parseTree(result.getTreeId());
                paths(file).forEach(path -> lastChange.put(path, file));
            }
            Map<String, PatchedFile> after = new TreeMap<>();
            try (ObjectReader reader = memory.newObjectReader()) {
                for (Map.Entry<String, PatchedFile> entry : before.entrySet()) {
                    String path = entry.getKey();
                    try (TreeWalk found = TreeWalk.forPath(reader, path, tree)) {
                        if (found == null) {
                            after.put(path, PatchedFile.ABSENT);
                            continue;
                        }
                        FileMode mode = found.getFileMode(0);
                        FileHeader change = lastChange.get(path);
                        if (change != null
                                && change.getNewMode() == null
                                && entry.getValue().exists()) {
                            mode = entry.getValue().mode(); // a diff without mode lines keeps the file's mode
                        }
                        after.put(
                                path,
                                new PatchedFile(
                                        true,
                                        mode,
                                        reader.open(found.getObjectId(0)).getBytes()));
                    }
                }
            }
            return after;
        } catch (DirCacheNameConflictException e) {
            throw new WorkspaceException(
                    Reason.PATCH_REJECTED,
                    prefix + "'" + e.getPath1() + "' would be both a file and the folder of '" + e.getPath2() + "'"
                            + REGENERATE,
                    e);
        } catch (IOException | JGitInternalException e) {
            throw new WorkspaceException(Reason.PATCH_REJECTED, prefix + Causes.message(e) + REGENERATE, e);
        }
    }

    /** As git apply: a file to change must exist, a file to create must not. */
    private static void checkExistence(Repository memory, RevTree tree, FileHeader file, String prefix)
            throws IOException, WorkspaceException {
        ChangeType type = file.getChangeType();
        if (type != ChangeType.ADD && !exists(memory, tree, file.getOldPath())) {
            throw new WorkspaceException(
                    Reason.PATCH_REJECTED, prefix + file.getOldPath() + ": no such file in the workspace" + REGENERATE);
        }
        if ((type == ChangeType.ADD || type == ChangeType.RENAME || type == ChangeType.COPY)
                && exists(memory, tree, file.getNewPath())) {
            throw new WorkspaceException(
                    Reason.PATCH_REJECTED,
                    prefix + file.getNewPath() + ": already exists in the workspace" + REGENERATE);
        }
    }

    private static boolean exists(Repository memory, RevTree tree, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(memory, path, tree)) {
            return walk != null;
        }
    }

    /** The JGit error names the file and the hunk only in its text; find which hunk it is. */
    private static WorkspaceException rejected(FileHeader file, String error, String prefix) {
        for (HunkHeader hunk : file.getHunks()) {
            String marker = hunk + ": ";
            int at = error.indexOf(marker);
            if (at >= 0) {
                return new WorkspaceException(
                        Reason.PATCH_REJECTED,
                        prefix + path(file) + ", hunk " + header(hunk) + ": " + error.substring(at + marker.length())
                                + REGENERATE);
            }
        }
        String marker = " " + file.getOldPath() + ": ";
        int at = error.indexOf(marker);
        if (at < 0) {
            marker = " " + file.getNewPath() + ": ";
            at = error.indexOf(marker);
        }
        String reason = at >= 0 ? error.substring(at + marker.length()) : error;
        return new WorkspaceException(Reason.PATCH_REJECTED, prefix + path(file) + ": " + reason + REGENERATE);
    }

    private static String header(HunkHeader hunk) {
        return "@@ -" + hunk.getOldImage().getStartLine() + ","
                + hunk.getOldImage().getLineCount() + " +" + hunk.getNewStartLine() + "," + hunk.getNewLineCount()
                + " @@";
    }
}
