package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.lines;
import static dev.smokegate.fixtures.GitCli.ok;
import static dev.smokegate.smoke.workspace.CopiedGreeter.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.fixtures.GitCli;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class WorkspaceDiffTest {

    @TempDir
    Path tmp;

    private Path repo;
    private Path workspace;

    @BeforeEach
    void workspace() throws Exception {
        CopiedGreeter greeter = CopiedGreeter.in(tmp);
        repo = greeter.repo();
        workspace = greeter.workspace();
    }

    @Test
    void writeDiff_patchedWorkspaceWithNewFile_appliesToAFreshClone() throws Exception {
        WorkspacePatch.apply(
                workspace, FixtureRepos.writePatch(FixtureRepos.GREETING_PATCH, tmp.resolve("greeting.diff")));
        Files.writeString(workspace.resolve("notes/new.txt"), "a new file\n");
        Files.createDirectories(workspace.resolve("target"));
        Files.writeString(workspace.resolve("target/ignored.txt"), "ignored\n");
        Path diff = tmp.resolve("export/changes.diff");
        Files.createDirectories(diff.getParent());

        int files = WorkspaceDiff.write(workspace, diff);

        String text = Files.readString(diff);
        assertThat(text)
                .contains(
                        "diff --git a/" + FixtureRepos.GREETER_SOURCE + " b/" + FixtureRepos.GREETER_SOURCE,
                        "+    public static final String DEFAULT_GREETING = \"howdy\";",
                        "diff --git a/notes/new.txt b/notes/new.txt\nnew file mode 100644",
                        "+" + FixtureRepos.UNCOMMITTED_LINE.strip());
        assertThat(text).containsPattern("index [0-9a-f]{40}\\.\\.[0-9a-f]{40} 100644");
        assertThat(text).doesNotContain("target/", FixtureRepos.UNTRACKED_FIFO, "build.log");
        List<String> expectedFiles = lines(workspace, "status", "--porcelain", "--untracked-files=all");
        assertThat(files).isEqualTo(expectedFiles.size());

        Path fresh = tmp.resolve("fresh");
        ok(tmp, "clone", "-q", repo.toString(), fresh.toString());
        assertThat(GitCli.run(fresh, "apply", "--check", diff.toString()).exitCode())
                .isZero();
        ok(fresh, "apply", diff.toString());
        assertThat(fresh.resolve(FixtureRepos.GREETER_SOURCE))
                .hasSameTextualContentAs(workspace.resolve(FixtureRepos.GREETER_SOURCE));
        assertThat(fresh.resolve("notes/new.txt")).hasSameTextualContentAs(workspace.resolve("notes/new.txt"));
    }

    @Test
    void writeDiff_cleanWorkspace_emptyFileAndZero() throws Exception {
        Path clean = tmp.resolve("clean");
        new CloneCache(tmp.resolve("cache"), false, MavenFrontEnd.INSTANCE, SmokeLog.silent())
                .cloneInto(repo.toUri().toString(), "main", clean);
        Path diff = tmp.resolve("changes.diff");

        int files = WorkspaceDiff.write(clean, diff);

        assertThat(files).isZero();
        assertThat(diff).isEmptyFile();
    }

    @Test
    void writeDiff_deletedTrackedFileAndNamedPipe_deletionWrittenPipeLeftOut() throws Exception {
        Files.delete(workspace.resolve("docs/guide.md"));
        FixtureRepos.mkfifo(workspace.resolve("notes/pipe.fifo"));
        Path diff = tmp.resolve("changes.diff");

        WorkspaceDiff.write(workspace, diff);

        assertThat(Files.readString(diff))
                .contains("diff --git a/docs/guide.md b/docs/guide.md\ndeleted file mode 100644")
                .doesNotContain("pipe.fifo");
        assertThat(Files.exists(workspace.resolve("notes/pipe.fifo"), LinkOption.NOFOLLOW_LINKS))
                .isTrue();
    }

    @Test
    void writeDiff_notARepository_failsNotARepository() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));

        assertFails(
                () -> WorkspaceDiff.write(plain, tmp.resolve("x.diff")),
                Reason.NOT_A_REPOSITORY,
                "diff export [" + plain + "]: not inside a git working tree. Run 'git init' there, or point the"
                        + " scenario at a git checkout.");
    }
}
