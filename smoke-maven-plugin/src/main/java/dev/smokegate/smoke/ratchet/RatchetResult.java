package dev.smokegate.smoke.ratchet;

import java.util.List;
import java.util.Objects;

/**
 * What the ratchet found: which scenario names the manifest's committed history holds, and which of
 * them are gone from the manifest without being retired.
 *
 * @param history whether there was a history to check
 * @param path the manifest's path in the repository ({@code /}-separated, relative to the work
 *     tree); for {@link History#NO_WORK_TREE}, the manifest file as given
 * @param names how many distinct scenario names the committed versions hold
 * @param versions how many distinct committed versions (blobs) were read
 * @param fromCache how many of {@code versions} came from the cache, without parsing
 * @param missing the names neither in the manifest now nor retired, in the order of the history
 *     (newest first); empty when the ratchet passes
 * @param skipped the versions that could not be read (not valid TOML, …), newest first
 * @param renames the renames of the manifest file that were followed, newest first
 * @param shallow whether the repository is a shallow clone, so older versions were not there to read
 */
public record RatchetResult(
        History history,
        String path,
        int names,
        int versions,
        int fromCache,
        List<Missing> missing,
        List<Skipped> skipped,
        List<Rename> renames,
        boolean shallow) {

    /** Whether there was a history to check. */
    public enum History {
        /** The manifest is not inside the work tree of a git repository. */
        NO_WORK_TREE,
        /** The repository has no commit that holds the manifest (at this path or an older one). */
        NEVER_COMMITTED,
        /** The committed versions were read and compared. */
        CHECKED
    }

    /**
     * A scenario name of the history that is gone.
     *
     * @param name the scenario name
     * @param commit the newest commit whose version of the manifest has it, abbreviated to 7 hex digits
     */
    public record Missing(String name, String commit) {}

    /**
     * A committed version that could not be read, and so was left out.
     *
     * @param commit the newest commit that holds it, abbreviated to 7 hex digits
     * @param path the manifest's path in that commit
     * @param reason why, e.g. {@code not valid TOML: …}
     */
    public record Skipped(String commit, String path, String reason) {}

    /**
     * A rename of the manifest file, found by git's rename detection.
     *
     * @param oldPath the path before
     * @param newPath the path after
     * @param commit the commit that renamed it, abbreviated to 7 hex digits
     */
    public record Rename(String oldPath, String newPath, String commit) {}

    public RatchetResult {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(path, "path");
        missing = List.copyOf(missing);
        skipped = List.copyOf(skipped);
        renames = List.copyOf(renames);
    }

    /**
     * @param history {@link History#NO_WORK_TREE} or {@link History#NEVER_COMMITTED}
     * @param path as {@link #path()}
     * @return a result with nothing read and nothing missing
     */
    static RatchetResult nothingToCheck(History history, String path) {
        return new RatchetResult(history, path, 0, 0, 0, List.of(), List.of(), List.of(), false);
    }

    /** @return whether no name is missing */
    public boolean passed() {
        return missing.isEmpty();
    }

    /** @return how many versions were parsed in this run: {@code versions - fromCache} */
    public int parsed() {
        return versions - fromCache;
    }
}
