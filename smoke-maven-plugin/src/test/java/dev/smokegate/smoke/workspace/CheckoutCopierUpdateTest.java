package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.UntrackedMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CheckoutCopier#update}: a second copy into the place of the first keeps exactly the files
 * that changed on neither side, and always ends equal to a copy into an empty folder, whatever steps
 * did to the previous workspace. The records are written with a zero window and every change is
 * made after a pause longer than the kernel's coarse clock tick, so the counts of kept files are
 * exact; the window itself is tested on {@link CopyRecord}.
 */
@Timeout(60)
class CheckoutCopierUpdateTest {

    /** Longer than one tick of the kernel's coarse clock (at most 10 ms), so each change gets a later ctime. */
    private static final long PAUSE_MILLIS = 30;

    /** The regular files of the checkout; {@code link} (a symlink to {@code src/a.txt}) is the one other entry. */
    private static final List<String> FILES = List.of(
            "README.md",
            "docs/guide.md",
            "docs/api/index.md",
            "src/a.txt",
            "src/b.txt",
            "src/c.txt",
            "src/d.txt",
            "src/run.sh",
            "untracked.txt");

    @TempDir
    Path tmp;

    private final RecordingLog log = new RecordingLog();
    private Path checkout;
    private Path work;
    private Path workspace;
    private int fresh;

    @BeforeEach
    void checkout() throws Exception {
        checkout = Files.createDirectories(tmp.resolve("checkout"));
        ok(checkout, "init", "-q", "-b", "main");
        for (String path : FILES) {
            write(checkout.resolve(path), "content of " + path + "\n");
        }
        Files.setPosixFilePermissions(checkout.resolve("src/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(checkout.resolve("link"), Path.of("src/a.txt"));
        write(checkout.resolve(".gitignore"), "target/\n");
        ok(checkout, "add", "--", ".gitignore", "README.md", "docs", "src", "link");
        ok(checkout, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first");
        write(checkout.resolve("target/ignored.txt"), "ignored\n");
        work = tmp.resolve("work");
        workspace = work.resolve("scenario/workspace");
    }

    @Test
    void update_nothingChanged_keepsEveryRegularFile() throws Exception {
        CopyReport first = update();
        pause();

        CopyReport second = update();

        assertThat(first.kept()).isZero();
        int regular = FILES.size() + 1; // and .gitignore
        assertThat(second.kept()).isEqualTo(regular);
        assertThat(second.files()).isEqualTo(first.files()).isEqualTo(regular + 1); // and the symlink
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(describe(workspace)).isEqualTo(describe(freshCopy()));
        assertThat(ok(workspace, "status", "--porcelain")).isEqualTo("?? untracked.txt\n");
        assertThat(log.at("DEBUG")).noneMatch(line -> line.contains("writing every file"));
    }

    @Test
    void update_stepsChangedThePreviousWorkspace_rewritesWhatChangedAndNeverWritesOutside() throws Exception {
        update();
        pause();
        writeBackDated(workspace.resolve("src/a.txt"));
        Files.delete(workspace.resolve("src/b.txt"));
        Files.setPosixFilePermissions(workspace.resolve("src/c.txt"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createLink(outside.resolve("d-link"), workspace.resolve("src/d.txt"));
        // A folder swapped for a symlink to a folder outside, holding a file of the same name.
        write(outside.resolve("docs/guide.md"), "outside\n");
        Deletion.deleteRecursively(workspace.resolve("docs"));
        Files.createSymbolicLink(workspace.resolve("docs"), outside.resolve("docs"));
        // A file swapped for a folder, a symlink for a file, and what a build leaves.
        Files.delete(workspace.resolve("README.md"));
        write(workspace.resolve("README.md/inside.txt"), "x\n");
        Files.delete(workspace.resolve("link"));
        write(workspace.resolve("link"), "not a link\n");
        write(workspace.resolve("target/classes/A.class"), "class\n");
        write(workspace.resolve("src/sub/.git/config"), "[core]\n");
        pause();

        CopyReport report = update();

        // Rewritten: src/a.txt, src/b.txt, src/c.txt, src/d.txt (its link count changed), README.md,
        // docs/guide.md and docs/api/index.md (their folder was replaced); kept: the other three.
        assertThat(report.kept()).isEqualTo(3);
        assertThat(describe(workspace)).isEqualTo(describe(freshCopy()));
        // What was left over went into a hidden folder beside the scenario's, deleted in the background.
        assertThat(log.at("DEBUG")).anyMatch(line -> line.contains("scenario.leftovers"));
        try (Stream<Path> besides = Files.list(work)) {
            assertThat(besides.map(path -> path.getFileName().toString())).containsExactly("scenario");
        }
        assertThat(Files.readString(outside.resolve("docs/guide.md"))).isEqualTo("outside\n");
        assertThat(describe(outside)).containsOnlyKeys("d-link", "docs", "docs/guide.md");
        assertThat(Files.readString(outside.resolve("d-link"))).isEqualTo("content of src/d.txt\n");
        assertThat(Files.isSameFile(outside.resolve("d-link"), workspace.resolve("src/d.txt")))
                .isFalse();
        assertThat(ok(workspace, "status", "--porcelain")).isEqualTo("?? untracked.txt\n");
    }

    @Test
    void update_checkoutChanged_rewritesWhatChangedThere() throws Exception {
        update();
        pause();
        writeBackDated(checkout.resolve("src/a.txt"));
        Files.delete(checkout.resolve("src/b.txt"));
        Files.setPosixFilePermissions(checkout.resolve("src/c.txt"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.delete(checkout.resolve("src/d.txt"));
        Files.createSymbolicLink(checkout.resolve("src/d.txt"), Path.of("c.txt"));
        write(checkout.resolve("new/file.txt"), "new\n");
        pause();

        CopyReport report = update();

        // Kept: README.md, docs/guide.md, docs/api/index.md, src/run.sh, untracked.txt, .gitignore.
        assertThat(report.kept()).isEqualTo(6);
        assertThat(describe(workspace)).isEqualTo(describe(freshCopy()));
        assertThat(Files.readString(workspace.resolve("src/a.txt"))).isEqualTo("CONTENT OF SRC/A.TXT\n");
    }

    @Test
    void update_fewerFilesThanRecordedFrom_noRecordAndTheNextUpdateWritesEveryFile() throws Exception {
        CopyReport first = new CheckoutCopier(log, MavenFrontEnd.INSTANCE)
                .recordWindow(Duration.ZERO)
                .recordFrom(FILES.size() + 3) // one more than the workspace holds
                .update(checkout, reset(), UntrackedMode.INCLUDE, work);
        boolean recorded = Files.exists(workspace.resolveSibling(CopyRecord.FILE_NAME));
        pause();

        CopyReport second = update();

        assertThat(recorded).isFalse();
        assertThat(first.files()).isEqualTo(FILES.size() + 2);
        assertThat(workspace.resolveSibling(CopyRecord.FILE_NAME)).isRegularFile(); // by the second
        assertThat(second.kept()).isZero();
        assertThat(describe(workspace)).isEqualTo(describe(freshCopy()));
    }

    @Test
    void update_aFolderOfThePreviousWorkspaceHasOtherPermissions_writesEveryFile() throws Exception {
        update();
        pause();
        Files.setPosixFilePermissions(workspace.resolve("docs"), PosixFilePermissions.fromString("rwx------"));

        CopyReport report = update();

        assertThat(report.kept()).isZero();
        assertThat(describe(workspace)).isEqualTo(describe(freshCopy()));
        assertThat(log.at("DEBUG")).anyMatch(line -> line.contains("folder docs has mode 700"));
    }

    @Test
    void update_previousWorkspaceCopiedFromAnotherWorkTree_writesEveryFile() throws Exception {
        update();
        pause();
        Path other = tmp.resolve("other");
        ok(tmp, "clone", "-q", checkout.toString(), other.toString());
        pause();

        CopyReport report = new CheckoutCopier(log, MavenFrontEnd.INSTANCE)
                .recordWindow(Duration.ZERO)
                .recordFrom(0)
                .update(other, reset(), UntrackedMode.INCLUDE, work);

        assertThat(report.kept()).isZero();
        Path expected = tmp.resolve("fresh-other/workspace");
        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(other, expected, UntrackedMode.INCLUDE);
        assertThat(describe(workspace)).isEqualTo(describe(expected));
        assertThat(log.at("DEBUG"))
                .anyMatch(line -> line.contains("was copied from ") && line.contains("writing every file"));
    }

    @Test
    void update_recordUnreadable_writesEveryFile() throws Exception {
        update();
        pause();
        Files.writeString(workspace.resolveSibling(CopyRecord.FILE_NAME), "not a record");

        CopyReport report = update();

        assertThat(report.kept()).isZero();
        assertThat(describe(workspace)).isEqualTo(describe(freshCopy()));
        assertThat(Files.exists(work.resolve(".scenario.previous"))).isFalse();
    }

    /** What the gate does for a run of the scenario: set aside, reset the folder, update, wait. */
    private CopyReport update() throws Exception {
        CopyReport report = new CheckoutCopier(log, MavenFrontEnd.INSTANCE)
                .recordWindow(Duration.ZERO)
                .recordFrom(0)
                .update(checkout, reset(), UntrackedMode.INCLUDE, work);
        Deletion.awaitBackground();
        return report;
    }

    private Path reset() throws IOException {
        PreviousWorkspace.setAside(workspace, log::debug);
        Deletion.deleteInBackground(workspace.getParent(), log::debug);
        Files.createDirectories(workspace.getParent());
        return workspace;
    }

    private Path freshCopy() throws Exception {
        Path target = tmp.resolve("fresh-" + ++fresh + "/workspace");
        new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(checkout, target, UntrackedMode.INCLUDE);
        return target;
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(PAUSE_MILLIS);
    }

    /** A same-size write with the modification time put back: only the ctime tells. */
    private static void writeBackDated(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        write(file, Files.readString(file).toUpperCase(Locale.ROOT));
        Files.setLastModifiedTime(file, modified);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /**
     * Every path under a folder but the root's {@code .git}, never following links: a folder with its
     * permissions, a symlink with its target, a file with its permissions and content.
     */
    private static Map<String, String> describe(Path root) throws IOException {
        Map<String, String> described = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (dir.equals(root.resolve(".git"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!dir.equals(root)) {
                    described.put(root.relativize(dir).toString(), "folder " + permissions(dir));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String path = root.relativize(file).toString();
                if (attributes.isSymbolicLink()) {
                    described.put(path, "symlink -> " + Files.readSymbolicLink(file));
                } else {
                    described.put(path, "file " + permissions(file) + " " + Files.readString(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return described;
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
