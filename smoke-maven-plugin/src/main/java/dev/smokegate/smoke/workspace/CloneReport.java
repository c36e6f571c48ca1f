package dev.smokegate.smoke.workspace;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link CloneCache#cloneInto} did.
 *
 * @param commit the full SHA checked out in the workspace
 * @param fetched whether the network was used (mirror created or fetched); {@code false} when the
 *     cached mirror already held the wanted commit or the cache is offline
 * @param mirror the cached bare mirror the workspace was cloned from
 */
public record CloneReport(String commit, boolean fetched, Path mirror) {
    public CloneReport {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(mirror, "mirror");
    }
}
