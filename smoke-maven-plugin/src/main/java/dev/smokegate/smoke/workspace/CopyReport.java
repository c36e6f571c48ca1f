package dev.smokegate.smoke.workspace;

import java.util.List;

/**
 * What {@link CheckoutCopier#copy} did.
 *
 * @param sourceCommit the full SHA of the checkout's HEAD, which is also the workspace's HEAD, or
 *     {@code null} when the checkout has no commit yet
 * @param subfolder the checkout folder relative to its working tree ({@code /}-separated, empty at
 *     the root): the whole working tree is copied, and steps run in this folder of the workspace
 * @param files regular files and symlinks written into the workspace
 * @param bytes the total size of the regular files written, in bytes
 * @param skipped paths left out, sorted by path
 */
public record CopyReport(String sourceCommit, String subfolder, int files, long bytes, List<Skipped> skipped) {
    public CopyReport {
        skipped = List.copyOf(skipped);
    }
}
