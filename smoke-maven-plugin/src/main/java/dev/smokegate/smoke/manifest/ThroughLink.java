package dev.smokegate.smoke.manifest;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a symlink on the way from a folder to a file below it: the file would be read or written elsewhere. */
final class ThroughLink {
    private ThroughLink() {}

    /**
     * @param folder the folder, which may itself be reached through links
     * @param relative a normalized path below it, without {@code ..}
     * @return the first folder or file on the way that is a symlink; {@code null} when there is none
     */
    static Path first(Path folder, Path relative) {
        Path current = folder;
        for (Path part : relative) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                return current;
            }
        }
        return null;
    }
}
