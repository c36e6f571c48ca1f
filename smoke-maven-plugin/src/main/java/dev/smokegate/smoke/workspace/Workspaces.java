package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Creates workspace folders: new, or existing and empty. Removing them is {@link Deletion}'s job. */
final class Workspaces {

    private Workspaces() {}

    /**
     * Creates a workspace folder, or accepts an existing empty one.
     *
     * @param target the folder
     * @param what the start of any message
     * @return {@code target}, absolute and normalized
     * @throws WorkspaceException IO when target is not empty, not a folder, or cannot be created
     */
    static Path prepareEmpty(Path target, String what) throws WorkspaceException {
        Path folder = target.toAbsolutePath().normalize();
        try {
            if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> children = Files.list(folder)) {
                    if (children.findAny().isPresent()) {
                        throw new WorkspaceException(
                                Reason.IO,
                                what + " [" + folder
                                        + "]: the workspace folder is not empty. Use a new or empty folder.");
                    }
                }
            } else if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw new WorkspaceException(
                        Reason.IO,
                        what + " [" + folder
                                + "]: the workspace path exists and is not a folder. Use a new or empty folder.");
            }
            Files.createDirectories(folder);
            return folder;
        } catch (IOException e) {
            throw new WorkspaceException(
                    Reason.IO,
                    what + " [" + folder + "]: cannot create the workspace folder: " + e
                            + ". Check free disk space and permissions.",
                    e);
        }
    }
}
