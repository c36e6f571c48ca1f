package dev.smokegate.smoke.workspace;

import java.util.List;

/**
 * What {@link CheckoutCopier#copy} did.
 *
 * @param sourceCommit the full SHA of the checkout's HEAD, which is also the workspace's HEAD, or
 *     {@code null} when the checkout has no commit yet
 * @param subfolder the checkout folder relative to its working tree ({@code /}-separated, empty at
 *     the root): the whole working tree is copied, and steps run in this folder of the workspace
 * @param files regular files and symlinks the workspace holds (written, or kept)
 * @param bytes the total size of the regular files the workspace holds, in bytes
 * @param kept how many of the files were kept from the previous workspace instead of written ({@link
 *     CheckoutCopier#update}); 0 for a copy into an empty folder
 * @param skipped paths left out, sorted by path
 */
public record CopyReport(
        String sourceCommit, String subfolder, int files, long bytes, int kept, List<Skipped> skipped) {
    public CopyReport {
        skipped = List.copyOf(skipped);
    }
}
