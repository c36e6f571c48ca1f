package dev.smokegate.smoke.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one recursive delete never follows a symlink out of the folder it deletes. */
class DeletionTest {
    @TempDir
    Path tmp;

    @Test
    void deleteRecursively_linksToAFolderAndAFileOutside_linksGoneSentinelsKept() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path sentinel = Files.writeString(outside.resolve("sentinel.txt"), "must survive");
        Path nested = Files.writeString(
                Files.createDirectories(outside.resolve("nested")).resolve("deep.txt"), "must survive too");
        Path old = Files.createDirectories(tmp.resolve("smoke/loop/workspace/sub"));
        Files.writeString(old.resolve("build.log"), "old");
        Files.createSymbolicLink(old.resolve("out"), outside);
        Files.createSymbolicLink(old.resolve("sentinel-link"), sentinel);

        Deletion.deleteRecursively(tmp.resolve("smoke/loop"));

        assertThat(tmp.resolve("smoke/loop")).doesNotExist();
        assertThat(sentinel).hasContent("must survive");
        assertThat(nested).hasContent("must survive too");
    }

    @Test
    void deleteRecursively_linkToTheRootFolder_linkGoneSentinelOutsideKept() throws Exception {
        Path sentinel = Files.writeString(tmp.resolve("sentinel.txt"), "must survive");
        Path old = Files.createDirectories(tmp.resolve("smoke/loop/workspace"));
        Files.createSymbolicLink(old.resolve("out"), Path.of("/"));

        Deletion.deleteRecursively(tmp.resolve("smoke/loop"));

        assertThat(old.resolve("out")).doesNotExist();
        assertThat(Files.exists(old.resolve("out"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(tmp.resolve("smoke/loop")).doesNotExist();
        assertThat(sentinel).hasContent("must survive");
        assertThat(Path.of("/etc")).isDirectory();
    }

    @Test
    void deleteContentsQuietly_linkToAFolderOutside_keepsTheFolderAndTheSentinel() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path sentinel = Files.writeString(outside.resolve("sentinel.txt"), "must survive");
        Path workspace = Files.createDirectories(tmp.resolve("workspace"));
        Files.createSymbolicLink(workspace.resolve("out"), outside);
        Files.writeString(workspace.resolve("half-copied.txt"), "x");

        Deletion.deleteContentsQuietly(workspace);

        assertThat(workspace).isEmptyDirectory();
        assertThat(sentinel).hasContent("must survive");
    }
}
