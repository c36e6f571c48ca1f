package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.lines;
import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.UntrackedMode;
import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

// The timeout only guards against a hang (a named pipe opened by mistake blocks forever).
@Timeout(60)
class CheckoutCopierTest {

    @TempDir
    Path tmp;

    private Path repo;
    private Path workspace;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void greeter() throws IOException {
        repo = FixtureRepos.greeter(tmp.resolve("greeter"));
        workspace = tmp.resolve("workspace");
    }

    @Test
    void copy_messyCheckout_copiesWhatGitListsExceptSpecials() throws Exception {
        CopyReport report =
                new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.INCLUDE);

        Set<String> expected = new TreeSet<>(lines(repo, "ls-files", "--cached", "--others", "--exclude-standard"));
        List<Skipped> skippedSpecials = new ArrayList<>(List.of(new Skipped(FixtureRepos.UNTRACKED_FIFO, "FIFO")));
        if (!Files.isReadable(repo.resolve(FixtureRepos.UNREADABLE_FILE))) {
            // Not root: mode 000 really is unreadable. Root reads and copies it; the denial as an
            // unprivileged user is covered by CheckoutCopierUnprivilegedTest.
            skippedSpecials.add(new Skipped(FixtureRepos.UNREADABLE_FILE, "unreadable"));
            expected.remove(FixtureRepos.UNREADABLE_FILE);
        }
        assertThat(TreeFiles.list(workspace)).containsExactlyElementsOf(expected);
        assertThat(report.skipped()).containsExactlyInAnyOrderElementsOf(skippedSpecials);
        assertThat(report.files()).isEqualTo(expected.size());
        assertThat(report.sourceCommit())
                .isEqualTo(ok(repo, "rev-parse", "HEAD").trim());
        assertThat(report.bytes()).isEqualTo(sizeOfRegularFiles(workspace, expected));
    }

    @Test
    void copy_untrackedExcluded_copiesIndexOnly() throws Exception {
        CopyReport report =
                new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.EXCLUDE);

        assertThat(TreeFiles.list(workspace)).containsExactlyElementsOf(new TreeSet<>(FixtureRepos.TRACKED));
        assertThat(report.skipped()).isEmpty();
        assertThat(log.at("INFO")).isEmpty();
    }

    @Test
    void copy_oneThread_sameFilesAsPool() throws Exception {
        new CheckoutCopier(SmokeLog.silent(), MavenFrontEnd.INSTANCE, 1, null)
                .copy(repo, workspace, UntrackedMode.INCLUDE);
        Path pooled = tmp.resolve("pooled");
        new CheckoutCopier(SmokeLog.silent(), MavenFrontEnd.INSTANCE, 4, null)
                .copy(repo, pooled, UntrackedMode.INCLUDE);

        Map<String, String> oneThread = TreeFiles.describe(workspace);
        assertThat(oneThread)
                .containsEntry(FixtureRepos.TRACKED_SYMLINK, "symlink -> " + FixtureRepos.TRACKED_SYMLINK_TARGET)
                .hasEntrySatisfying(FixtureRepos.EXECUTABLE_SCRIPT, state -> assertThat(state)
                        .startsWith("file rwx"));
        assertThat(TreeFiles.describe(pooled)).isEqualTo(oneThread);
    }

    @Test
    void copy_uncommittedEdit_copiesWorkingTreeContent() throws Exception {
        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.INCLUDE);

        assertThat(workspace.resolve(FixtureRepos.MODIFIED_TRACKED))
                .hasSameTextualContentAs(repo.resolve(FixtureRepos.MODIFIED_TRACKED));
        assertThat(Files.readString(workspace.resolve(FixtureRepos.MODIFIED_TRACKED)))
                .endsWith(FixtureRepos.UNCOMMITTED_LINE);
    }

    @Test
    void copy_executableScript_keepsExecutableBit() throws Exception {
        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.INCLUDE);

        assertThat(Files.isExecutable(workspace.resolve(FixtureRepos.EXECUTABLE_SCRIPT)))
                .isTrue();
        assertThat(Files.isExecutable(workspace.resolve(FixtureRepos.GREETER_SOURCE)))
                .isFalse();
        assertThat(ok(workspace, "ls-files", "-s", FixtureRepos.EXECUTABLE_SCRIPT))
                .startsWith("100755 ");
        assertThat(ok(workspace, "status", "--porcelain", "--", FixtureRepos.EXECUTABLE_SCRIPT))
                .isEmpty();
    }

    @Test
    void copy_symlinkInsideTree_keptAsTheSameRelativeLink() throws Exception {
        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.INCLUDE);

        Path link = workspace.resolve(FixtureRepos.TRACKED_SYMLINK);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of(FixtureRepos.TRACKED_SYMLINK_TARGET));
        assertThat(link.toRealPath()).isEqualTo(workspace.resolve("README.md").toRealPath());
    }

    @Test
    void copy_symlinksLeavingTheTree_skippedNeverFollowed() throws Exception {
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "secret");
        Files.createSymbolicLink(repo.resolve("notes/absolute-link"), outside);
        Files.createSymbolicLink(repo.resolve("notes/relative-link"), Path.of("../../outside.txt"));
        Files.createSymbolicLink(repo.resolve("docs/via-link"), Path.of("../notes/relative-link"));

        CopyReport report =
                new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.INCLUDE);

        assertThat(report.skipped())
                .contains(
                        new Skipped("docs/via-link", "symlink points outside the tree"),
                        new Skipped("notes/absolute-link", "symlink points outside the tree"),
                        new Skipped("notes/relative-link", "symlink points outside the tree"));
        assertThat(workspace.resolve("notes/absolute-link")).doesNotExist();
        assertThat(Files.exists(workspace.resolve("notes/relative-link"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(Files.exists(workspace.resolve("docs/via-link"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
    }

    @Test
    void copy_untrackedSpecials_skippedAndListedInOneDebugLine() throws Exception {
        Files.createSymbolicLink(repo.resolve("notes/dangling"), Path.of("missing.txt"));
        Files.createSymbolicLink(repo.resolve("notes/loop-a"), Path.of("loop-b"));
        Files.createSymbolicLink(repo.resolve("notes/loop-b"), Path.of("loop-a"));
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(repo.resolve("notes/app.sock")));

            CopyReport report =
                    new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.INCLUDE);

            List<Skipped> expected = new ArrayList<>(List.of(
                    new Skipped("notes/app.sock", "socket"),
                    new Skipped("notes/dangling", "dangling symlink"),
                    new Skipped("notes/loop-a", "symlink loop"),
                    new Skipped("notes/loop-b", "symlink loop"),
                    new Skipped(FixtureRepos.UNTRACKED_FIFO, "FIFO")));
            if (!Files.isReadable(repo.resolve(FixtureRepos.UNREADABLE_FILE))) {
                expected.add(new Skipped(FixtureRepos.UNREADABLE_FILE, "unreadable"));
            }
            Collections.sort(expected, (a, b) -> a.path().compareTo(b.path()));
            assertThat(report.skipped()).containsExactlyElementsOf(expected);
            assertThat(log.at("DEBUG"))
                    .contains("checkout copy [" + repo + "]: skipped " + expected.size()
                            + " path(s) that cannot be copied: "
                            + String.join(
                                    ", ",
                                    expected.stream().map(Skipped::toString).toList()));
            for (Skipped skipped : expected) {
                assertThat(Files.exists(workspace.resolve(skipped.path()), LinkOption.NOFOLLOW_LINKS))
                        .isFalse();
            }
        }
    }

    @Test
    void copy_ignoredFoldersWithPipesAndLockedFolders_neverEntered() throws Exception {
        Path locked = Files.createDirectories(repo.resolve("target/locked"));
        Files.writeString(locked.resolve("inside.txt"), "x");
        Files.setPosixFilePermissions(locked, Set.of());
        FixtureRepos.mkfifo(repo.resolve("generated/pipe.fifo"));
        Files.createDirectories(repo.resolve("node_modules/dep"));
        Files.createDirectories(repo.resolve(".git/info"));
        Files.writeString(repo.resolve(".git/info/exclude"), "node_modules/\n");
        FixtureRepos.mkfifo(repo.resolve("node_modules/dep/pipe.fifo"));
        List<String> visited = Collections.synchronizedList(new ArrayList<>());

        CopyReport report = new CheckoutCopier(log, MavenFrontEnd.INSTANCE, 2, visited::add)
                .copy(repo, workspace, UntrackedMode.INCLUDE);

        assertThat(visited).contains("target", "generated", "node_modules");
        assertThat(visited)
                .noneMatch(path -> path.startsWith("target/")
                        || path.startsWith("generated/")
                        || path.startsWith("node_modules/"));
        assertThat(report.skipped()).extracting(Skipped::path).noneMatch(path -> path.startsWith("target"));
        assertThat(workspace.resolve("target")).doesNotExist();
        assertThat(workspace.resolve("node_modules")).doesNotExist();
    }

    @Test
    void copy_excludesFromInfoExcludeAndCoreExcludesFile_matchGit() throws Exception {
        excludesFromInfoExcludeAndCoreExcludesFile_matchGit(false);
    }

    @Test
    void update_excludesFromInfoExcludeAndCoreExcludesFile_matchGit() throws Exception {
        // The update's walk reads stat data through its own file system, with the same ignore rules.
        excludesFromInfoExcludeAndCoreExcludesFile_matchGit(true);
    }

    private void excludesFromInfoExcludeAndCoreExcludesFile_matchGit(boolean update) throws Exception {
        Files.writeString(repo.resolve("notes/local.txt"), "excluded by .git/info/exclude\n");
        Files.writeString(repo.resolve("notes/personal.txt"), "excluded by core.excludesFile\n");
        Files.createDirectories(repo.resolve(".git/info"));
        Files.writeString(repo.resolve(".git/info/exclude"), "local.txt\n");
        Path globalExcludes = Files.writeString(tmp.resolve("global-ignore"), "personal.txt\n");
        ok(repo, "config", "core.excludesFile", globalExcludes.toString());

        CheckoutCopier copier = new CheckoutCopier(log, MavenFrontEnd.INSTANCE);
        if (update) {
            copier.update(repo, workspace, UntrackedMode.INCLUDE, tmp.resolve("gate"));
        } else {
            copier.copy(repo, workspace, UntrackedMode.INCLUDE);
        }

        Set<String> expected = new TreeSet<>(lines(repo, "ls-files", "--cached", "--others", "--exclude-standard"));
        expected.remove(FixtureRepos.UNTRACKED_FIFO);
        if (!Files.isReadable(repo.resolve(FixtureRepos.UNREADABLE_FILE))) {
            expected.remove(FixtureRepos.UNREADABLE_FILE);
        }
        assertThat(expected).doesNotContain("notes/local.txt", "notes/personal.txt");
        assertThat(TreeFiles.list(workspace)).containsExactlyElementsOf(expected);
    }

    @Test
    void copy_trackedFileInIgnoredFolder_copiedWithoutItsIgnoredSiblings() throws Exception {
        ok(repo, "add", "-f", "generated/GreeterStub.java");
        Files.writeString(repo.resolve("generated/Other.java"), "// untracked and ignored\n");

        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.INCLUDE);

        assertThat(workspace.resolve("generated/GreeterStub.java")).exists();
        assertThat(workspace.resolve("generated/Other.java")).doesNotExist();
    }

    @Test
    void copy_trackedPathReplacedByFifo_failsUnreadableTrackedWithoutHanging() throws Exception {
        Files.delete(repo.resolve("docs/guide.md"));
        FixtureRepos.mkfifo(repo.resolve("docs/guide.md"));

        assertThatThrownBy(() ->
                        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.INCLUDE))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_TRACKED))
                .hasMessage(
                        "checkout copy [" + repo + "]: tracked path 'docs/guide.md' is a FIFO, not a regular file or"
                                + " symlink. Restore it with 'git checkout -- docs/guide.md', or"
                                + " remove it from the index with 'git rm --cached docs/guide.md'.");
        assertThat(TreeFiles.list(workspace)).isEmpty();
    }

    @Test
    void copy_trackedFileDeleted_notCopiedAndShownDeleted() throws Exception {
        Files.delete(repo.resolve("docs/guide.md"));

        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.INCLUDE);

        assertThat(workspace.resolve("docs/guide.md")).doesNotExist();
        assertThat(lines(workspace, "status", "--porcelain")).contains(" D docs/guide.md");
    }

    @Test
    void copy_checkoutAfterwards_unchangedByteForByte() throws Exception {
        Fingerprint before = Fingerprint.of(repo);
        byte[] index = Files.readAllBytes(repo.resolve(".git/index"));
        long indexModified =
                Files.getLastModifiedTime(repo.resolve(".git/index")).toMillis();
        List<String> gitDir = TreeFiles.list(repo.resolve(".git"));
        String status = ok(repo, "status", "--porcelain", "--ignored", "--untracked-files=all");
        // git status may refresh the index; take its bytes after it.
        index = Files.readAllBytes(repo.resolve(".git/index"));
        indexModified = Files.getLastModifiedTime(repo.resolve(".git/index")).toMillis();

        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.INCLUDE);

        assertThat(Files.readAllBytes(repo.resolve(".git/index"))).isEqualTo(index);
        assertThat(Files.getLastModifiedTime(repo.resolve(".git/index")).toMillis())
                .isEqualTo(indexModified);
        assertThat(TreeFiles.list(repo.resolve(".git"))).isEqualTo(gitDir);
        assertThat(Fingerprint.of(repo).changedPaths(before)).isEmpty();
        assertThat(ok(repo, "status", "--porcelain", "--ignored", "--untracked-files=all"))
                .isEqualTo(status);
    }

    @Test
    void copy_workspace_isARepositoryShowingTheCheckoutsChanges() throws Exception {
        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.INCLUDE);

        assertThat(ok(workspace, "rev-parse", "HEAD")).isEqualTo(ok(repo, "rev-parse", "HEAD"));
        assertThat(ok(workspace, "rev-parse", "--abbrev-ref", "HEAD").trim()).isEqualTo("main");
        assertThat(lines(workspace, "status", "--porcelain", "--untracked-files=all"))
                .containsExactlyInAnyOrderElementsOf(lines(repo, "status", "--porcelain", "--untracked-files=all"));
        assertThat(ok(workspace, "diff", "HEAD")).contains("+" + FixtureRepos.UNCOMMITTED_LINE.strip());
        assertThat(Files.readString(workspace.resolve(".git/objects/info/alternates"))
                        .strip())
                .isEqualTo(repo.resolve(".git/objects").toString());
        assertThat(ok(workspace, "count-objects").trim()).isEqualTo("0 objects, 0 kilobytes");
        assertThat(ok(workspace, "fsck", "--connectivity-only", "--no-dangling").trim())
                .isEmpty();
    }

    @Test
    void copy_lineEndingsConverted_workspaceIndexHoldsTheFileLengthsSoGitSeesNoChange() throws Exception {
        Path crlf = tmp.resolve("crlf");
        Files.createDirectories(crlf);
        ok(crlf, "init", "-q", "-b", "main");
        ok(crlf, "config", "core.autocrlf", "true");
        Files.writeString(crlf.resolve("notes.txt"), "one\r\ntwo\r\nthree\r\n");
        ok(crlf, "add", "notes.txt");
        ok(crlf, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "crlf");
        // The blob holds LF endings (14 bytes), the working tree file CRLF (17 bytes).
        assertThat(ok(crlf, "cat-file", "-s", "HEAD:notes.txt").trim()).isEqualTo("14");
        assertThat(lines(crlf, "status", "--porcelain")).isEmpty();

        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(crlf, workspace, UntrackedMode.INCLUDE);

        // The index entry carries the working tree length, as git records it (not the blob's 14),
        // so git with the same conversion compares the content and finds it unchanged.
        assertThat(ok(workspace, "ls-files", "--debug", "notes.txt")).contains("size: 17");
        assertThat(lines(workspace, "-c", "core.autocrlf=true", "status", "--porcelain"))
                .isEmpty();
    }

    @Test
    void copy_detachedHead_workspaceDetachedAtTheSameCommit() throws Exception {
        ok(repo, "checkout", "-q", FixtureRepos.TAG);

        CopyReport report =
                new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.EXCLUDE);

        assertThat(report.sourceCommit())
                .isEqualTo(ok(repo, "rev-parse", FixtureRepos.TAG + "^{commit}").trim());
        assertThat(ok(workspace, "rev-parse", "--abbrev-ref", "HEAD").trim()).isEqualTo("HEAD");
        assertThat(ok(workspace, "rev-parse", "HEAD").trim()).isEqualTo(report.sourceCommit());
        assertThat(lines(workspace, "status", "--porcelain")).containsExactly(" M " + FixtureRepos.MODIFIED_TRACKED);
    }

    @Test
    void copy_gitlinkInIndex_becomesEmptyFolder() throws Exception {
        String commit = ok(repo, "rev-parse", "HEAD").trim();
        ok(repo, "update-index", "--add", "--cacheinfo", "160000," + commit + ",modules/sub");

        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.EXCLUDE);

        assertThat(workspace.resolve("modules/sub")).isEmptyDirectory();
    }

    @Test
    void copy_untrackedNestedRepository_skipped() throws Exception {
        Path nested = Files.createDirectories(repo.resolve("vendor/lib"));
        ok(nested, "init", "-q");
        Files.writeString(nested.resolve("lib.txt"), "nested");

        CopyReport report =
                new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.INCLUDE);

        assertThat(report.skipped()).contains(new Skipped("vendor/lib", "nested git repository"));
        assertThat(workspace.resolve("vendor")).doesNotExist();
    }

    @Test
    void copy_repositoryWithoutCommit_workspaceWithoutCommit() throws Exception {
        Path fresh = Files.createDirectories(tmp.resolve("fresh"));
        ok(fresh, "init", "-q", "-b", "trunk");
        Files.writeString(fresh.resolve("hello.txt"), "hello\n");

        CopyReport report =
                new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(fresh, workspace, UntrackedMode.INCLUDE);

        assertThat(report.sourceCommit()).isNull();
        assertThat(report.files()).isEqualTo(1);
        assertThat(ok(workspace, "symbolic-ref", "HEAD").trim()).isEqualTo("refs/heads/trunk");
        assertThat(lines(workspace, "status", "--porcelain")).containsExactly("?? hello.txt");
    }

    @Test
    void copy_subfolderOfCheckout_copiesTheWholeWorkingTree() throws Exception {
        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo.resolve("docs"), workspace, UntrackedMode.EXCLUDE);

        assertThat(TreeFiles.list(workspace)).containsExactlyElementsOf(new TreeSet<>(FixtureRepos.TRACKED));
    }

    @Test
    void copy_notARepository_failsNotARepository() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));

        assertThatThrownBy(() ->
                        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(plain, workspace, UntrackedMode.INCLUDE))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_REPOSITORY))
                .hasMessage(
                        "checkout copy [" + plain + "]: not inside a git working tree. Run 'git init' there, or point"
                                + " the scenario at a git checkout.");
    }

    @Test
    void copy_missingCheckout_failsNotARepository() {
        Path missing = tmp.resolve("missing");

        assertThatThrownBy(() ->
                        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(missing, workspace, UntrackedMode.INCLUDE))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_REPOSITORY))
                .hasMessage("checkout copy [" + missing + "]: the folder does not exist. Check the path, or create the"
                        + " checkout with git clone.");
    }

    @Test
    void copy_bareRepository_failsNotARepository() throws Exception {
        Path bare = FixtureRepos.bareMirror(repo, tmp.resolve("bare.git"));

        assertThatThrownBy(() ->
                        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(bare, workspace, UntrackedMode.INCLUDE))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_REPOSITORY))
                .hasMessage(
                        "checkout copy [" + bare + "]: a bare repository has no working tree. Point the scenario at a"
                                + " checkout, or clone it with a clone source.");
    }

    @Test
    void copy_targetNotEmpty_failsIo() throws Exception {
        Files.createDirectories(workspace);
        Files.writeString(workspace.resolve("left-over.txt"), "x");

        assertThatThrownBy(() ->
                        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, workspace, UntrackedMode.INCLUDE))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.IO))
                .hasMessage("checkout copy [" + workspace
                        + "]: the workspace folder is not empty. Use a new or empty folder.");
        assertThat(workspace.resolve("left-over.txt")).exists();
    }

    @Test
    void copy_workspaceInsideUnignoredPartOfCheckout_notCopiedIntoItself() throws Exception {
        Path inside = repo.resolve("notes/workspace");

        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(repo, inside, UntrackedMode.INCLUDE);

        assertThat(inside.resolve("notes/untracked.txt")).exists();
        assertThat(inside.resolve("notes/workspace")).doesNotExist();
    }

    private static long sizeOfRegularFiles(Path root, Set<String> paths) throws IOException {
        long size = 0;
        for (String path : paths) {
            Path file = root.resolve(path);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                size += Files.size(file);
            }
        }
        return size;
    }
}
