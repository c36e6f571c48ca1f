package dev.smokegate.smoke.preflight;

import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.HostCheck.Verdict;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Whether the gate can write a folder (the work directory, the clone cache), and the free space
 * there ({@link java.nio.file.FileStore#getUsableSpace()}): it creates an empty probe file {@code
 * .smoke-doctor-*.probe} and deletes it at once. A folder that does not exist yet is not created:
 * the probe goes into its nearest existing ancestor, where the gate would create it.
 *
 * <p>Rules of a FAIL: {@code host.permission-denied} (the file system refused the probe), {@code
 * host.disk-full} (no usable space left), {@code host.io} (anything else, e.g. a file in the way).
 */
public final class WritableFolder {
    private WritableFolder() {}

    /**
     * @param name the row's name, e.g. {@code work directory target/smoke}
     * @param folder the folder, absolute
     * @param display turns a path into the form shown to the user
     * @return PASS {@code writable, 12.3 GiB free}, or {@code not created yet; target, the nearest
     *     folder above it, is writable, 12.3 GiB free}; else a FAIL that says what was seen
     */
    public static HostCheck check(String name, Path folder, Function<Path, String> display) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return new HostCheck(name, Verdict.FAIL, "host.io", "no folder above it exists");
        }
        String where = existing.equals(folder)
                ? ""
                : "not created yet; " + display.apply(existing) + ", the nearest folder above it, ";
        if (!Files.isDirectory(existing)) {
            return new HostCheck(
                    name,
                    Verdict.FAIL,
                    "host.io",
                    where
                            + (where.isEmpty()
                                    ? "is a file, not a folder"
                                    : "is a file, so the folder cannot be created"));
        }
        try {
            Path probe = Files.createTempFile(existing, ".smoke-doctor-", ".probe");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            return new HostCheck(
                    name, Verdict.FAIL, "host.permission-denied", where + "is not writable: permission denied");
        } catch (IOException e) {
            return new HostCheck(name, Verdict.FAIL, "host.io", where + "is not writable: " + e);
        }
        long free;
        try {
            free = Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return new HostCheck(
                    name, Verdict.FAIL, "host.io", where + "is writable, but its free space cannot be read: " + e);
        }
        if (free == 0) {
            return new HostCheck(name, Verdict.FAIL, "host.disk-full", where + "is writable, but has no free space");
        }
        return new HostCheck(
                name,
                Verdict.PASS,
                null,
                (where.isEmpty() ? "" : where + "is ") + "writable, " + Words.size(free) + " free");
    }
}
