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
    void changedPaths_filesIgnoredByInfoExcludeAndCoreExcludesFile_notLookedAt() throws Exception {
        Files.createDirectories(repo.resolve(".git/info"));
        Files.writeString(repo.resolve(".git/info/exclude"), "local.txt\n");
        Path globalExcludes = Files.writeString(tmp.resolve("global-ignore"), "personal.txt\n");
        ok(repo, "config", "core.excludesFile", globalExcludes.toString());
        Files.writeString(repo.resolve("notes/local.txt"), "before\n");
        Files.writeString(repo.resolve("notes/personal.txt"), "before\n");
        Fingerprint before = Fingerprint.of(repo);
        Files.writeString(repo.resolve("notes/local.txt"), "changed by an IDE while the gate ran\n");
        Files.writeString(repo.resolve("notes/personal.txt"), "changed by an IDE while the gate ran\n");

        Fingerprint after = before.again();

        assertThat(after.changedPaths(before)).isEmpty();
        assertThat(before.size()).isEqualTo(FixtureRepos.TRACKED.size() + FixtureRepos.UNTRACKED.size() + 1);
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

    @Test
    void again_sameSizeWriteBackDatedWithTouch_detected() throws Exception {
        Path file = repo.resolve("docs/guide.md");
        String modified = touchStamp(file);
        Fingerprint before = Fingerprint.of(repo, tmp.resolve("gate"));
        Files.writeString(file, Files.readString(file).replace("Guide", "GUIDE"));
        command("touch", "-d", modified, file.toString());

        Fingerprint after = before.again();

        assertThat(touchStamp(file)).isEqualTo(modified);
        assertThat(after.changedPaths(before)).containsExactly("docs/guide.md");
    }

    @Test
    void again_sameSizeWrite_detected() throws Exception {
        Path file = repo.resolve("docs/guide.md");
        Fingerprint before = Fingerprint.of(repo, tmp.resolve("gate"));
        Files.writeString(file, Files.readString(file).replace("Guide", "GUIDE"));

        assertThat(before.again().changedPaths(before)).containsExactly("docs/guide.md");
    }

    @Test
    void again_touchedWithoutWrite_unchangedAfterReadingIt() throws Exception {
        backDateAndRefreshIndex();
        Path file = repo.resolve("docs/guide.md");
        Fingerprint before = Fingerprint.of(repo, tmp.resolve("gate"));
        command("touch", file.toString());

        Fingerprint after = before.again();

        assertThat(after.changedPaths(before)).isEmpty();
        assertThat(after.timings().hashed()).isEqualTo(1);
    }

    @Test
    void again_replacedByANewFileOfTheSameSizeAndTime_detected() throws Exception {
        Path file = repo.resolve("docs/guide.md");
        String modified = touchStamp(file);
        Fingerprint before = Fingerprint.of(repo, tmp.resolve("gate"));
        Path replacement = repo.resolve("docs/guide.md.new");
        Files.writeString(replacement, Files.readString(file).replace("Guide", "GUIDE"));
        command("touch", "-d", modified, replacement.toString());
        command("mv", replacement.toString(), file.toString());

        assertThat(before.again().changedPaths(before)).containsExactly("docs/guide.md");
    }

    @Test
    void again_replacedByACopyOfItself_unchanged() throws Exception {
        Path file = repo.resolve("docs/guide.md");
        Fingerprint before = Fingerprint.of(repo, tmp.resolve("gate"));
        command("cp", "-p", file.toString(), file + ".new");
        command("mv", file + ".new", file.toString());

        assertThat(before.again().changedPaths(before)).isEmpty();
    }

    @Test
    void again_executableBitAdded_detected() throws Exception {
        Fingerprint before = Fingerprint.of(repo, tmp.resolve("gate"));
        command("chmod", "+x", repo.resolve("docs/guide.md").toString());

        assertThat(before.again().changedPaths(before)).containsExactly("docs/guide.md");
    }

    @Test
    void again_readPermissionOfGroupRemoved_detected() throws Exception {
        Fingerprint before = Fingerprint.of(repo, tmp.resolve("gate"));
        command("chmod", "g-r", repo.resolve("docs/guide.md").toString());

        assertThat(before.again().changedPaths(before)).containsExactly("docs/guide.md");
    }

    @Test
    void of_twiceAfterSameSizeWriteBackDated_detectedThoughTheIndexVouches() throws Exception {
        backDateAndRefreshIndex();
        Path file = repo.resolve("docs/guide.md");
        String modified = touchStamp(file);
        Fingerprint before = Fingerprint.of(repo, tmp.resolve("gate"));
        Files.writeString(file, Files.readString(file).replace("Guide", "GUIDE"));
        command("touch", "-d", modified, file.toString());

        assertThat(Fingerprint.of(repo, tmp.resolve("gate")).changedPaths(before))
                .containsExactly("docs/guide.md");
    }

    @Test
    void of_indexFreshAndFilesOld_readsOnlyWhatTheIndexCannotVouchFor() throws Exception {
        backDateAndRefreshIndex();

        Fingerprint before = Fingerprint.of(repo, tmp.resolve("gate"));
        Fingerprint after = before.again();

        // The edited tracked file and the untracked files (a read is tried on notes/unreadable.txt too).
        assertThat(before.timings().hashed()).isEqualTo(1 + FixtureRepos.UNTRACKED.size());
        assertThat(after.timings().hashed()).isZero();
        assertThat(after.changedPaths(before)).isEmpty();
    }

    @Test
    void of_walkSplitIntoParts_recordsWhatOneWalkRecords() throws Exception {
        // A tracked file that is a folder in the working tree: the walk lists the path twice.
        Files.delete(repo.resolve("docs/guide.md"));
        Files.createDirectories(repo.resolve("docs/guide.md"));
        Files.writeString(repo.resolve("docs/guide.md/part.md"), "part\n");
        Fingerprint whole = Fingerprint.of(repo, tmp.resolve("gate"), 1);

        for (int parts = 2; parts <= 2 * FixtureRepos.TRACKED.size(); parts++) {
            Fingerprint split = Fingerprint.of(repo, tmp.resolve("gate"), parts);

            assertThat(split).as("%d parts", parts).isEqualTo(whole);
            assertThat(split.changedPaths(whole)).as("%d parts", parts).isEmpty();
            assertThat(split.size()).isEqualTo(whole.size());
        }
        assertThat(whole.size()).isEqualTo(FixtureRepos.TRACKED.size() + FixtureRepos.UNTRACKED.size() + 2);
    }

    @Test
    void of_emptyIndexWalkedInParts_recordsTheUntrackedFiles() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        ok(empty, "init", "-q");
        Files.writeString(empty.resolve("new.txt"), "new\n");

        Fingerprint split = Fingerprint.of(empty, tmp.resolve("gate-empty"), 3);

        assertThat(split.size()).isEqualTo(1);
        assertThat(split).isEqualTo(Fingerprint.of(empty, tmp.resolve("gate-empty"), 1));
    }

    @Test
    void again_walkSplitIntoParts_sameSizeWriteBackDatedDetected() throws Exception {
        Path file = repo.resolve(FixtureRepos.GREETER_SOURCE);
        String modified = touchStamp(file);
        Fingerprint before = Fingerprint.of(repo, tmp.resolve("gate"), 3);
        Files.writeString(file, Files.readString(file).replace("class", "CLASS"));
        command("touch", "-d", modified, file.toString());

        Fingerprint split = before.again(3);

        assertThat(split.changedPaths(before)).containsExactly(FixtureRepos.GREETER_SOURCE);
        assertThat(split).isEqualTo(before.again(1));
    }

    private void backDateAndRefreshIndex() throws Exception {
        backDateAndRefreshIndex(repo);
    }

    /**
     * Every file of a checkout modified an hour ago, then the index refreshed by git status.
     *
     * @param repo the checkout
     */
    static void backDateAndRefreshIndex(Path repo) throws Exception {
        command(
                repo,
                "sh",
                "-c",
                "find . -path ./.git -prune -o \\( -type f -o -type d \\) -print0"
                        + " | xargs -0 touch -h -d '1 hour ago'");
        Thread.sleep(50); // past the timestamp resolution, so that the index is not racily clean
        ok(repo, "status", "--porcelain");
    }

    /** The modification time as {@code touch -d} takes it, to the nanosecond. */
    private static String touchStamp(Path file) throws Exception {
        return command(file.getParent(), "stat", "-c", "%y", file.toString()).strip();
    }

    private String command(String... command) throws Exception {
        return command(repo, command);
    }

    private static String command(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
        return output;
    }
}
