package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.UntrackedMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CheckoutCopier#update(Path, Path, UntrackedMode, Path, java.util.function.Consumer)}: the
 * checkout's first fingerprint recorded by the copy's walk is the one {@link Fingerprint#of(Path,
 * Path)} takes of the same checkout, a later {@link Fingerprint#again()} of it sees every change as
 * one of {@code of} would, and what such a walk cannot record gives {@code null}, never a wrong
 * fingerprint.
 */
// The timeout only guards against a hang on the fixture's named pipes.
@Timeout(60)
class FingerprintRecordingTest {

    @TempDir
    Path tmp;

    private final RecordingLog log = new RecordingLog();
    private final List<Fingerprint> delivered = new ArrayList<>();
    private Path repo;
    private Path gate;

    @BeforeEach
    void greeter() throws Exception {
        // Tracked, modified, untracked, ignored, negated, unreadable, a symlink, an executable, named pipes.
        repo = FixtureRepos.greeter(tmp.resolve("greeter"));
        gate = tmp.resolve("gate");
    }

    @Test
    void update_greeter_recordsWhatFingerprintOfRecords() throws Exception {
        Fingerprint recorded = copyRecording(UntrackedMode.INCLUDE);

        Fingerprint taken = Fingerprint.of(repo, gate);
        assertSame(recorded, taken);
        assertThat(recorded.size()).isEqualTo(FixtureRepos.TRACKED.size() + FixtureRepos.UNTRACKED.size() + 1);
        // The edited tracked file and the untracked files, as in FingerprintTest.
        assertThat(recorded.timings().hashed()).isEqualTo(taken.timings().hashed());
    }

    @Test
    void update_oldFilesAndAFreshIndex_recordsWhatFingerprintOfRecordsAndReadsAsLittle() throws Exception {
        FingerprintTest.backDateAndRefreshIndex(repo);

        Fingerprint recorded = copyRecording(UntrackedMode.INCLUDE);

        Fingerprint taken = Fingerprint.of(repo, gate);
        assertSame(recorded, taken);
        assertThat(recorded.racy()).isEqualTo(taken.racy()).isEmpty();
        assertThat(recorded.fromIndex()).contains(FixtureRepos.GREETER_SOURCE, FixtureRepos.CHANGELOG);
        // The edited tracked file and the untracked files (a read is tried on notes/unreadable.txt too).
        assertThat(recorded.timings().hashed()).isEqualTo(1 + FixtureRepos.UNTRACKED.size());
    }

    @Test
    void update_emptyRepositoryWithUntrackedFiles_recordsWhatFingerprintOfRecords() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        ok(empty, "init", "-q");
        Files.writeString(empty.resolve("new.txt"), "new\n");
        repo = empty;

        Fingerprint recorded = copyRecording(UntrackedMode.INCLUDE);

        assertThat(recorded.size()).isEqualTo(1);
        assertSame(recorded, Fingerprint.of(empty, gate));
    }

    @Test
    void update_gateFolderInsideTheWorkTreeAndNotIgnored_recordsWhatFingerprintOfRecords() throws Exception {
        gate = repo.resolve("gate-inside");
        Files.createDirectories(gate.resolve("earlier"));
        Files.writeString(gate.resolve("earlier/log.txt"), "an earlier run's log\n");

        Fingerprint recorded = copyRecording(UntrackedMode.INCLUDE);

        assertSame(recorded, Fingerprint.of(repo, gate));
        assertThat(recorded.size()).isEqualTo(FixtureRepos.TRACKED.size() + FixtureRepos.UNTRACKED.size() + 1);
    }

    @Test
    void update_checkoutIsASubfolder_recordsTheWholeWorkTreeAsFingerprintOfDoes() throws Exception {
        Path subfolder = repo.resolve("docs");
        Path top = repo;
        repo = subfolder;

        Fingerprint recorded = copyRecording(UntrackedMode.INCLUDE);

        assertSame(recorded, Fingerprint.of(subfolder, gate));
        assertThat(recorded).isEqualTo(Fingerprint.of(top, gate));
    }

    @Test
    void update_interruptedWhileCopying_handsOverNothingRatherThanFilesMarkedUnreadable() throws Exception {
        CheckoutCopier copier = new CheckoutCopier(log, MavenFrontEnd.INSTANCE, 1, null)
                .recordWindow(java.time.Duration.ZERO)
                .recordFrom(0);
        Path workspace = gate.resolve("scenario/workspace");
        copier.update(repo, workspace, UntrackedMode.INCLUDE, gate);
        Thread.sleep(30); // past the coarse clock's tick: the second copy keeps every file it recorded
        PreviousWorkspace.setAside(workspace, log::debug); // as the next run does
        Deletion.deleteRecursively(workspace.getParent());

        Thread.currentThread().interrupt(); // as the gate's shutdown interrupts a scenario's thread
        try {
            // Every file is kept, so no copy meets the interrupt; only reading the unvouched files would.
            copier.update(repo, workspace, UntrackedMode.INCLUDE, gate, delivered::add);
        } finally {
            Thread.interrupted();
        }
        assertThat(delivered).containsExactly((Fingerprint) null);
        assertThat(log.at("DEBUG")).anyMatch(line -> line.contains("is not taken from its copy: interrupted"));
    }

    @Test
    void again_ofARecordedFingerprint_seesEachKindOfChange() throws Exception {
        Fingerprint recorded = copyRecording(UntrackedMode.INCLUDE);
        Path source = repo.resolve(FixtureRepos.GREETER_SOURCE);
        String modified = command("stat", "-c", "%y", source.toString()).strip();
        Thread.sleep(30); // past the coarse clock's tick: the writes get a later ctime
        Files.writeString(source, Files.readString(source).replace("class", "CLASS"));
        command("touch", "-d", modified, source.toString()); // same size, modification time put back
        Files.writeString(repo.resolve(FixtureRepos.CHANGELOG), "appended\n", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(repo.resolve("docs/guide.md"));
        Files.writeString(repo.resolve("notes/new.txt"), "new\n");
        Files.writeString(repo.resolve("target/greeter.jar"), "rebuilt: ignored\n");

        Fingerprint after = recorded.again();

        assertThat(after.changedPaths(recorded))
                .containsExactly(FixtureRepos.CHANGELOG, "docs/guide.md", "notes/new.txt", FixtureRepos.GREETER_SOURCE);
        assertThat(after.changedPaths(recorded))
                .isEqualTo(Fingerprint.of(repo, gate).changedPaths(recorded));
    }

    @Test
    void update_stagedDeletion_handsOverNothingBeforeTheWalkAndSaysWhy() throws Exception {
        ok(repo, "rm", "-q", "--cached", "docs/guide.md");
        Path workspace = gate.resolve("scenario/workspace");
        List<Boolean> walked = new ArrayList<>();

        new CheckoutCopier(log, MavenFrontEnd.INSTANCE)
                .update(repo, workspace, UntrackedMode.INCLUDE, gate, fingerprint -> {
                    delivered.add(fingerprint);
                    walked.add(Files.exists(workspace.resolve("README.md")));
                });

        assertThat(delivered).containsExactly((Fingerprint) null);
        assertThat(walked).as("handed over before the walk copied anything").containsExactly(false);
        assertThat(log.at("DEBUG"))
                .anyMatch(line -> line.contains("is not taken from its copy: HEAD holds paths the index does not"));
        // What Fingerprint.of records of it, a path only HEAD has, is what the copy's walk could not see.
        assertThat(Fingerprint.of(repo, gate).size())
                .isEqualTo(FixtureRepos.TRACKED.size() + FixtureRepos.UNTRACKED.size() + 1);
    }

    @Test
    void update_emptyFolderOnlyInHeadsTree_recordsNothingAndSaysWhy() throws Exception {
        // git cannot stage an empty folder, but a commit's tree can hold one (git mktree).
        String emptyTree = command("git", "mktree").strip();
        String entries = command("git", "ls-tree", "HEAD") + "040000 tree " + emptyTree + "\tempty-folder\n";
        String tree = commandWithInput(entries, "git", "mktree").strip();
        String commit = command(
                        "git",
                        "-c",
                        "user.name=t",
                        "-c",
                        "user.email=t@example.com",
                        "commit-tree",
                        tree,
                        "-p",
                        "HEAD",
                        "-m",
                        "an empty folder")
                .strip();
        ok(repo, "update-ref", "HEAD", commit);

        assertThat(copyRecording(UntrackedMode.INCLUDE)).isNull();
        assertThat(log.at("DEBUG"))
                .anyMatch(line -> line.contains("is not taken from its copy: HEAD holds paths the index does not"));
    }

    @Test
    void update_trackedFileNowAFolder_recordsNothingAndSaysWhy() throws Exception {
        Files.delete(repo.resolve("docs/guide.md"));
        Files.createDirectories(repo.resolve("docs/guide.md"));
        Files.writeString(repo.resolve("docs/guide.md/part.md"), "part\n");

        assertThat(copyRecording(UntrackedMode.INCLUDE)).isNull();
        assertThat(log.at("DEBUG"))
                .anyMatch(line -> line.contains("is not taken from its copy: the walk met docs/guide.md twice"));
    }

    @Test
    void update_untrackedFilesExcluded_recordsNothingAndSaysWhy() throws Exception {
        assertThat(copyRecording(UntrackedMode.EXCLUDE)).isNull();
        assertThat(log.at("DEBUG"))
                .anyMatch(line -> line.contains("is not taken from its copy: untracked files are not copied"));
    }

    @Test
    void update_copyFails_handsNothingOver() throws Exception {
        Files.delete(repo.resolve(FixtureRepos.CHANGELOG));
        command("mkfifo", FixtureRepos.CHANGELOG); // a tracked file that is now a named pipe fails the copy

        assertThatThrownBy(() -> copyRecording(UntrackedMode.INCLUDE)).isInstanceOf(WorkspaceException.class);
        assertThat(delivered).isEmpty();
    }

    /** Copies the checkout, recording its fingerprint; returns what was handed over (exactly once). */
    private Fingerprint copyRecording(UntrackedMode untracked) throws Exception {
        new CheckoutCopier(log, MavenFrontEnd.INSTANCE)
                .update(repo, gate.resolve("scenario/workspace"), untracked, gate, delivered::add);
        assertThat(delivered).hasSize(1);
        return delivered.get(0);
    }

    /**
     * Equal states and stat data, and the same files vouched for by the index. A file racily clean
     * when {@code of} ran later was racily clean for the recording too (the reverse need not hold: a
     * file written just before the recording may be older than the window by the time {@code of} runs).
     */
    private static void assertSame(Fingerprint recorded, Fingerprint taken) {
        assertThat(recorded).isEqualTo(taken);
        assertThat(recorded.changedPaths(taken)).isEmpty();
        assertThat(recorded.fromIndex()).isEqualTo(taken.fromIndex());
        assertThat(recorded.racy()).containsAll(taken.racy());
    }

    private String command(String... command) throws Exception {
        return commandWithInput("", command);
    }

    private String commandWithInput(String input, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
        return output;
    }
}
