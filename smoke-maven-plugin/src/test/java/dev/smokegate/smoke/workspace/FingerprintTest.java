package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

// The timeout only guards against a hang on the fixture's named pipes.
@Timeout(60)
class FingerprintTest {

    @TempDir
    Path tmp;

    private Path repo;

    @BeforeEach
    void greeter() throws IOException {
        repo = FixtureRepos.greeter(tmp.resolve("greeter"));
    }

    @Test
    void changedPaths_nothingChanged_isEmpty() throws Exception {
        Fingerprint before = Fingerprint.of(repo);

        Fingerprint after = Fingerprint.of(repo);

        assertThat(after.changedPaths(before)).isEmpty();
        assertThat(after).isEqualTo(before);
        assertThat(before.size()).isEqualTo(FixtureRepos.TRACKED.size() + FixtureRepos.UNTRACKED.size() + 1);
    }

    @Test
    void changedPaths_editsIndexAndUntrackedChanges_listsExactlyThosePaths() throws Exception {
        Fingerprint before = Fingerprint.of(repo);
        Files.writeString(repo.resolve(FixtureRepos.GREETER_SOURCE), "// edited\n", StandardOpenOption.APPEND);
        Files.delete(repo.resolve("docs/guide.md"));
        Files.writeString(repo.resolve("notes/new.txt"), "new\n");
        ok(repo, "add", FixtureRepos.MODIFIED_TRACKED);
        Files.writeString(repo.resolve("target/greeter.jar"), "rebuilt: ignored\n");
        Files.writeString(repo.resolve("generated/Fresh.java"), "// ignored\n");

        List<String> changed = Fingerprint.of(repo).changedPaths(before);

        assertThat(changed)
                .containsExactly(
                        FixtureRepos.MODIFIED_TRACKED, "docs/guide.md", "notes/new.txt", FixtureRepos.GREETER_SOURCE);
    }

    @Test
    void changedPaths_sameSizeEditWithSameTimestamp_detected() throws Exception {
        Path file = repo.resolve("docs/guide.md");
        FileTime modified = Files.getLastModifiedTime(file);
        Fingerprint before = Fingerprint.of(repo);
        String content = Files.readString(file);
        Files.writeString(file, content.replace("Guide", "GUIDE"));
        Files.setLastModifiedTime(file, modified);

        assertThat(Fingerprint.of(repo).changedPaths(before)).containsExactly("docs/guide.md");
    }

    @Test
    void changedPaths_commitMade_listsCommittedPaths() throws Exception {
        Fingerprint before = Fingerprint.of(repo);

        ok(
                repo,
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.org",
                "commit",
                "-q",
                "-m",
                "edit",
                "--",
                FixtureRepos.MODIFIED_TRACKED);

        assertThat(Fingerprint.of(repo).changedPaths(before)).containsExactly(FixtureRepos.MODIFIED_TRACKED);
    }

    @Test
    void of_checkout_writesNothing() throws Exception {
        ok(repo, "status", "--porcelain");
        byte[] index = Files.readAllBytes(repo.resolve(".git/index"));
        FileTime indexModified = Files.getLastModifiedTime(repo.resolve(".git/index"));
        List<String> gitDir = TreeFiles.list(repo.resolve(".git"));

        Fingerprint.of(repo);

        assertThat(Files.readAllBytes(repo.resolve(".git/index"))).isEqualTo(index);
        assertThat(Files.getLastModifiedTime(repo.resolve(".git/index"))).isEqualTo(indexModified);
        assertThat(TreeFiles.list(repo.resolve(".git"))).isEqualTo(gitDir);
    }

    @Test
    void changedPaths_pipeReplacedByFile_listedWithoutOpeningThePipe() throws Exception {
        Fingerprint before = Fingerprint.of(repo);
        Files.delete(repo.resolve(FixtureRepos.UNTRACKED_FIFO));
        Files.writeString(repo.resolve(FixtureRepos.UNTRACKED_FIFO), "now a file\n");

        assertThat(Fingerprint.of(repo).changedPaths(before)).containsExactly(FixtureRepos.UNTRACKED_FIFO);
    }

    @Test
    void of_notARepository_failsNotARepository() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));

        assertThatThrownBy(() -> Fingerprint.of(plain))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_REPOSITORY))
                .hasMessage("fingerprint [" + plain + "]: not inside a git working tree. Run 'git init' there, or point"
                        + " the scenario at a git checkout.");
    }
}
