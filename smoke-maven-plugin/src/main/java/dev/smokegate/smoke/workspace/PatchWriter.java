package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.lib.FileMode;

/** Writes a patch's result to disk once {@link WorkspacePatch} has applied it in memory. */
final class PatchWriter {

    private PatchWriter() {}

    /**
     * Writes every path whose state the patch changed, each through a temporary file renamed into
     * place (a symlink as a symlink), keeping a file's permissions but for the executable bits its
     * new mode asks for; then removes the folders that deletions left empty, as {@code git apply}
     * does.
     *
     * @param root the workspace root
     * @param before each touched path's state before the patch
     * @param after each touched path's state after it
     * @param patchFile the patch, for messages
     * @return the paths that changed, in the order of {@code after}
     * @throws WorkspaceException IO when a file cannot be written; the workspace is then partly patched
     */
    static List<String> write(
            Path root, Map<String, PatchedFile> before, Map<String, PatchedFile> after, Path patchFile)
            throws WorkspaceException {
        List<String> changed = new ArrayList<>();
        TreeSet<Path> emptied = new TreeSet<>();
        for (Map.Entry<String, PatchedFile> entry : after.entrySet()) {
            String path = entry.getKey();
            PatchedFile old = before.get(path);
            PatchedFile now = entry.getValue();
            if (now.equals(old)) {
                continue;
            }
            Path file = root.resolve(path);
            try {
                if (!now.exists()) {
                    Files.deleteIfExists(file);
                    emptied.add(file.getParent());
                } else {
                    Files.createDirectories(file.getParent());
                    Path temporary = Files.createTempFile(file.getParent(), ".smoke-patch-", ".tmp");
                    try {
                        if (FileMode.SYMLINK.equals(now.mode())) {
                            Files.delete(temporary);
                            Files.createSymbolicLink(
                                    temporary, Path.of(new String(now.content(), StandardCharsets.UTF_8)));
                        } else {
                            Files.write(temporary, now.content(), StandardOpenOption.TRUNCATE_EXISTING);
                            Files.setPosixFilePermissions(
                                    temporary, permissions(file, old, FileMode.EXECUTABLE_FILE.equals(now.mode())));
                        }
                        Files.move(
                                temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        Files.deleteIfExists(temporary);
                    }
                }
                changed.add(path);
            } catch (IOException e) {
                throw new WorkspaceException(
                        Reason.IO,
                        "patch " + patchFile + " could not be written: " + path + ": " + e
                                + ". Check free disk space and permissions; the workspace is now partly patched.",
                        e);
            }
        }
        removeEmptyFolders(root, emptied);
        return changed;
    }

    /** Keeps a file's permissions, with the executable bits git's mode asks for. */
    private static Set<PosixFilePermission> permissions(Path file, PatchedFile old, boolean executable)
            throws IOException {
        Set<PosixFilePermission> permissions = old != null && old.exists() && !FileMode.SYMLINK.equals(old.mode())
                ? EnumSet.copyOf(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS))
                : EnumSet.copyOf(PosixFilePermissions.fromString("rw-r--r--"));
        Set<PosixFilePermission> execute = EnumSet.of(
                PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE);
        if (executable) {
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            if (permissions.contains(PosixFilePermission.GROUP_READ)) {
                permissions.add(PosixFilePermission.GROUP_EXECUTE);
            }
            if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
                permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            }
        } else {
            permissions.removeAll(execute);
        }
        return permissions;
    }

    /** As git apply does: folders left empty by deletions go too. */
    private static void removeEmptyFolders(Path root, TreeSet<Path> folders) {
        for (Path folder : folders.descendingSet()) {
            for (Path current = folder;
                    current != null && current.startsWith(root) && !current.equals(root);
                    current = current.getParent()) {
                try {
                    Files.delete(current);
                } catch (IOException e) {
                    break; // not empty (DirectoryNotEmptyException) or already gone: stop going up
                }
            }
        }
    }
}
