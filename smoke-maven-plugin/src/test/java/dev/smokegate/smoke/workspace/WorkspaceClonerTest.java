package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class WorkspaceClonerTest {

    @TempDir
    Path tmp;

    private Path greeter;
    private String url;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void remote() throws IOException {
        greeter = FixtureRepos.greeter(tmp.resolve("greeter"));
        url = FixtureRepos.bareMirror(greeter, tmp.resolve("remote.git"))
                .toUri()
                .toString();
    }

    @Test
    void cloneInto_newWorkspace_sameFilesModesAndLinksAsGitClone() throws Exception {
        Path workspace = tmp.resolve("ws");
        Path git = tmp.resolve("git");
        ok(tmp, "clone", "-q", url, git.toString());

        new CloneCache(tmp.resolve("cache"), false, MavenFrontEnd.INSTANCE, log).cloneInto(url, "main", workspace);

        assertThat(TreeFiles.list(workspace)).isEqualTo(TreeFiles.list(git)).isNotEmpty();
        for (String path : TreeFiles.list(git)) {
            Path ours = workspace.resolve(path);
            Path theirs = git.resolve(path);
            assertThat(Files.isSymbolicLink(ours)).as(path).isEqualTo(Files.isSymbolicLink(theirs));
            if (Files.isSymbolicLink(theirs)) {
                assertThat(Files.readSymbolicLink(ours)).as(path).isEqualTo(Files.readSymbolicLink(theirs));
            } else {
                assertThat(Files.readAllBytes(ours)).as(path).isEqualTo(Files.readAllBytes(theirs));
                assertThat(permissions(ours)).as(path).isEqualTo(permissions(theirs));
            }
        }
        assertThat(ok(workspace, "status", "--porcelain")).isEmpty();
        assertThat(ok(workspace, "ls-files", "-s")).isEqualTo(ok(git, "ls-files", "-s"));
    }

    @Test
    void cloneInto_treeWithGitattributes_convertsLineEndingsAsGitDoes() throws Exception {
        Files.writeString(greeter.resolve(".gitattributes"), "*.txt text eol=crlf\n");
        Files.writeString(greeter.resolve("lines.txt"), "one\ntwo\n");
        ok(greeter, "add", ".gitattributes", "lines.txt");
        ok(greeter, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "crlf");
        Path remote = tmp.resolve("remote-crlf.git");
        String crlfUrl = FixtureRepos.bareMirror(greeter, remote).toUri().toString();
        Path workspace = tmp.resolve("ws");

        new CloneCache(tmp.resolve("cache"), false, MavenFrontEnd.INSTANCE, log).cloneInto(crlfUrl, "main", workspace);

        assertThat(Files.readString(workspace.resolve("lines.txt"))).isEqualTo("one\r\ntwo\r\n");
        assertThat(ok(workspace, "status", "--porcelain")).isEmpty();
    }

    @Test
    void cloneInto_cachedCommitTwice_eachWorkspaceComplete() throws Exception {
        CloneCache cache = new CloneCache(tmp.resolve("cache"), false, MavenFrontEnd.INSTANCE, log);
        String sha = ok(greeter, "rev-parse", "HEAD").strip();

        cache.cloneInto(url, sha, tmp.resolve("first"));
        CloneReport second = cache.cloneInto(url, sha, tmp.resolve("second"));

        assertThat(second.fetched()).isFalse();
        assertThat(TreeFiles.list(tmp.resolve("second"))).isEqualTo(TreeFiles.list(tmp.resolve("first")));
        assertThat(ok(tmp.resolve("second"), "status", "--porcelain")).isEmpty();
        assertThat(List.of(ok(tmp.resolve("second"), "rev-parse", "HEAD").strip()))
                .containsExactly(sha);
    }

    private static Set<PosixFilePermission> permissions(Path file) throws IOException {
        return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
    }
}
