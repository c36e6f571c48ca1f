package dev.smokegate.smoke.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** Keeps paths written in a manifest inside the workspace, symlinks included. */
final class Confinement {
    private Confinement() {}

    /**
     * @param root the workspace root
     * @param relative a path as written (after placeholders), relative to root
     * @return the absolute path, or empty when it leaves root lexically or through a symlink
     */
    static Optional<Path> inside(Path root, String relative) {
        Path resolved;
        try {
            resolved = root.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (!resolved.startsWith(root)) {
            return Optional.empty();
        }
        try {
            Path realRoot = root.toRealPath();
            Path existing = resolved;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing != null && !existing.toRealPath().startsWith(realRoot)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(resolved);
    }
}
