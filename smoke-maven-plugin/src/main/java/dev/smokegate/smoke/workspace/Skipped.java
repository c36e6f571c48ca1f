package dev.smokegate.smoke.workspace;

import java.util.Objects;

/**
 * An untracked (or otherwise unusable) path the checkout copy left out on purpose.
 *
 * @param path the path relative to the working tree root, with {@code /} separators
 * @param reason why: {@code "FIFO"}, {@code "socket"}, {@code "device"}, {@code "dangling symlink"},
 *     {@code "symlink loop"}, {@code "unreadable"}, {@code "symlink points outside the tree"} or
 *     {@code "nested git repository"}
 */
public record Skipped(String path, String reason) {
    public Skipped {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return path + " (" + reason + ")";
    }
}
