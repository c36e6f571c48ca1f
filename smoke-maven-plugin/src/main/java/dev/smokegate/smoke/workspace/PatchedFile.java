package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import org.eclipse.jgit.lib.FileMode;

/**
 * A path's content and git mode before or after a patch, as {@link WorkspacePatch} reads it and
 * {@link PatchWriter} writes it.
 *
 * @param exists whether the path exists; when not, mode and content do not count
 * @param mode the git mode: regular, executable or symlink
 * @param content the bytes, or a symlink's target in UTF-8
 */
record PatchedFile(boolean exists, FileMode mode, byte[] content) {
    static final PatchedFile ABSENT = new PatchedFile(false, FileMode.MISSING, new byte[0]);

    static PatchedFile read(Path root, String path, String prefix) throws WorkspaceException {
        Path file = root.resolve(path);
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                return new PatchedFile(
                        true,
                        FileMode.SYMLINK,
                        Files.readSymbolicLink(file).toString().getBytes(StandardCharsets.UTF_8));
            }
            if (attributes.isDirectory()) {
                throw new WorkspaceException(
                        Reason.PATCH_REJECTED,
                        prefix + path + " is a folder in the workspace" + WorkspacePatch.REGENERATE);
            }
            if (!attributes.isRegularFile()) {
                throw new WorkspaceException(
                        Reason.PATCH_REJECTED,
                        prefix + path + " is a " + SpecialFiles.kind(file) + " in the workspace, not a file"
                                + WorkspacePatch.REGENERATE);
            }
            boolean executable = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                    .contains(PosixFilePermission.OWNER_EXECUTE);
            try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                return new PatchedFile(
                        true, executable ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE, in.readAllBytes());
            }
        } catch (NoSuchFileException e) {
            return ABSENT;
        } catch (IOException e) {
            throw new WorkspaceException(
                    Reason.IO, prefix + path + " cannot be read: " + e + ". Check the workspace's permissions.", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PatchedFile that
                && exists == that.exists
                && (!exists || (mode.equals(that.mode) && Arrays.equals(content, that.content)));
    }

    @Override
    public int hashCode() {
        return exists ? mode.hashCode() * 31 + Arrays.hashCode(content) : 0;
    }
}
