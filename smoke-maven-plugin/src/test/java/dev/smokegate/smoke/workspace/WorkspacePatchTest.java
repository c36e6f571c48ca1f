package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.lines;
import static dev.smokegate.fixtures.GitCli.ok;
import static dev.smokegate.smoke.workspace.CopiedGreeter.assertFails;
import static dev.smokegate.smoke.workspace.CopiedGreeter.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class WorkspacePatchTest {

    private static final String REGENERATE = " Regenerate the patch against the scenario's source commit.";

    private static final String RELATIVE = " Write paths relative to the repository root, as git diff does.";

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

    /** Asserts that the patch fails to apply with this reason and exactly this message. */
    private void assertRejected(Path patch, Reason reason, String message) {
        assertFails(() -> WorkspacePatch.apply(workspace, patch), reason, message);
    }

    @Test
    void applyPatch_greetingPatch_changesTheGreeterOnly() throws Exception {
        Path patch = FixtureRepos.writePatch(FixtureRepos.GREETING_PATCH, tmp.resolve("greeting.diff"));
        String index = ok(workspace, "ls-files", "-s");

        List<String> changed = WorkspacePatch.apply(workspace, patch);

        assertThat(changed).containsExactly(FixtureRepos.GREETER_SOURCE);
        assertThat(Files.readString(workspace.resolve(FixtureRepos.GREETER_SOURCE)))
                .contains("public static final String DEFAULT_GREETING = \"howdy\";");
        assertThat(lines(workspace, "status", "--porcelain"))
                .containsExactlyInAnyOrder(
                        " M " + FixtureRepos.MODIFIED_TRACKED,
                        " M " + FixtureRepos.GREETER_SOURCE,
                        "?? " + FixtureRepos.NEGATED_NESTED,
                        "?? " + FixtureRepos.NEGATED_LOG,
                        "?? notes/");
        assertThat(ok(workspace, "ls-files", "-s")).isEqualTo(index);
        assertThat(Files.isExecutable(workspace.resolve(FixtureRepos.GREETER_SOURCE)))
                .isFalse();
    }

    @Test
    void applyPatch_hunkDoesNotMatch_rejectedNamingFileAndHunkAndNothingWritten() throws Exception {
        Path patch = FixtureRepos.writePatch(FixtureRepos.BROKEN_PATCH, tmp.resolve("broken.diff"));
        Fingerprint before = Fingerprint.of(workspace);

        assertRejected(
                patch,
                Reason.PATCH_REJECTED,
                "patch " + patch + " does not apply: " + FixtureRepos.GREETER_SOURCE + ", hunk "
                        + FixtureRepos.BROKEN_PATCH_HUNK + ": Hunk cannot be applied." + REGENERATE);
        assertThat(Fingerprint.of(workspace).changedPaths(before)).isEmpty();
        assertThat(Files.readString(workspace.resolve(FixtureRepos.BROKEN_PATCH_GOOD_FILE)))
                .isEqualTo(Files.readString(repo.resolve(FixtureRepos.BROKEN_PATCH_GOOD_FILE)));
    }

    @Test
    void applyPatch_dotDotPath_escapesWorkspaceAndNothingWritten() throws Exception {
        Path patch = write(
                tmp.resolve("evil.diff"),
                "diff --git a/docs/guide.md b/docs/guide.md",
                "--- a/docs/guide.md",
                "+++ b/docs/guide.md",
                "@@ -1 +1 @@",
                "-# Guide",
                "+# Evil guide",
                "diff --git a/../evil.txt b/../evil.txt",
                "new file mode 100644",
                "--- /dev/null",
                "+++ b/../evil.txt",
                "@@ -0,0 +1 @@",
                "+evil");

        assertRejected(
                patch,
                Reason.ESCAPES_WORKSPACE,
                "patch " + patch + " does not apply: ../evil.txt is outside the workspace (a '..' segment)."
                        + RELATIVE);
        assertThat(tmp.resolve("evil.txt")).doesNotExist();
        assertThat(Files.readString(workspace.resolve("docs/guide.md"))).startsWith("# Guide");
    }

    @Test
    void applyPatch_absolutePath_escapesWorkspace() throws Exception {
        Path patch = write(
                tmp.resolve("absolute.diff"),
                "--- /dev/null",
                "+++ " + tmp.resolve("evil.txt"),
                "@@ -0,0 +1 @@",
                "+evil");

        assertRejected(
                patch,
                Reason.ESCAPES_WORKSPACE,
                "patch " + patch + " does not apply: " + tmp.resolve("evil.txt") + " is outside the workspace"
                        + " (an absolute path)." + RELATIVE);
        assertThat(tmp.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void applyPatch_throughSymlinkedFolder_escapesWorkspace() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(workspace.resolve("out"), outside);
        Path patch = write(
                tmp.resolve("link.diff"),
                "diff --git a/out/evil.txt b/out/evil.txt",
                "new file mode 100644",
                "--- /dev/null",
                "+++ b/out/evil.txt",
                "@@ -0,0 +1 @@",
                "+evil");

        assertRejected(
                patch,
                Reason.ESCAPES_WORKSPACE,
                "patch " + patch + " does not apply: out/evil.txt is outside the workspace (through the"
                        + " symlink 'out')." + RELATIVE);
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void applyPatch_gitFolder_escapesWorkspace() throws Exception {
        Path patch = write(
                tmp.resolve("hook.diff"),
                "diff --git a/.git/hooks/post-checkout b/.git/hooks/post-checkout",
                "new file mode 100755",
                "--- /dev/null",
                "+++ b/.git/hooks/post-checkout",
                "@@ -0,0 +1 @@",
                "+#!/bin/sh");

        assertRejected(
                patch,
                Reason.ESCAPES_WORKSPACE,
                "patch " + patch + " does not apply: .git/hooks/post-checkout is outside the workspace (inside"
                        + " .git)." + RELATIVE);
    }

    @Test
    void applyPatch_newExecutableFileAndDeletion_appliedLikeGitApply() throws Exception {
        Path patch = write(
                tmp.resolve("add-delete.diff"),
                "diff --git a/scripts/hello.sh b/scripts/hello.sh",
                "new file mode 100755",
                "--- /dev/null",
                "+++ b/scripts/hello.sh",
                "@@ -0,0 +1,2 @@",
                "+#!/bin/sh",
                "+echo hello",
                "diff --git a/docs/guide.md b/docs/guide.md",
                "deleted file mode 100644",
                "--- a/docs/guide.md",
                "+++ /dev/null",
                "@@ -1,5 +0,0 @@",
                "-# Guide",
                "-",
                "-1. Build: `mvn -B -q install -DskipTests`",
                "-2. Run: `scripts/greet.sh ada`",
                "-3. Change the greeting: `GREETING=hi scripts/greet.sh ada`");

        List<String> changed = WorkspacePatch.apply(workspace, patch);

        assertThat(changed).containsExactly("docs/guide.md", "scripts/hello.sh");
        assertThat(Files.readString(workspace.resolve("scripts/hello.sh"))).isEqualTo("#!/bin/sh\necho hello\n");
        assertThat(Files.isExecutable(workspace.resolve("scripts/hello.sh"))).isTrue();
        assertThat(workspace.resolve("docs/guide.md")).doesNotExist();
    }

    @Test
    void applyPatch_addingAnExistingFile_rejectedAndNothingWritten() throws Exception {
        Path patch = write(
                tmp.resolve("exists.diff"),
                "diff --git a/pom.xml b/pom.xml",
                "new file mode 100644",
                "--- /dev/null",
                "+++ b/pom.xml",
                "@@ -0,0 +1 @@",
                "+<project/>");
        String pom = Files.readString(workspace.resolve("pom.xml"));

        assertRejected(
                patch,
                Reason.PATCH_REJECTED,
                "patch " + patch + " does not apply: pom.xml: already exists in the workspace." + REGENERATE);
        assertThat(Files.readString(workspace.resolve("pom.xml"))).isEqualTo(pom);
    }

    @Test
    void applyPatch_changingAMissingFile_rejected() throws Exception {
        Path patch = write(
                tmp.resolve("missing-file.diff"),
                "--- a/docs/missing.md",
                "+++ b/docs/missing.md",
                "@@ -1 +1 @@",
                "-old",
                "+new");

        assertRejected(
                patch,
                Reason.PATCH_REJECTED,
                "patch " + patch + " does not apply: docs/missing.md: no such file in the workspace." + REGENERATE);
        assertThat(workspace.resolve("docs/missing.md")).doesNotExist();
    }

    @Test
    void applyPatch_gitBinaryPatch_writesTheBytes() throws Exception {
        byte[] bytes = binary();
        Path patch = binaryPatch(bytes, "--binary");

        List<String> changed = WorkspacePatch.apply(workspace, patch);

        assertThat(changed).containsExactly("assets/logo.bin");
        assertThat(Files.readAllBytes(workspace.resolve("assets/logo.bin"))).isEqualTo(bytes);
    }

    @Test
    void applyPatch_binaryChangeWithoutData_rejected() throws Exception {
        Path patch = binaryPatch(binary(), "--full-index");

        assertRejected(
                patch,
                Reason.PATCH_REJECTED,
                "patch " + patch + " does not apply: assets/logo.bin: a binary change without its content."
                        + " Regenerate the patch with 'git diff --binary'.");
        assertThat(workspace.resolve("assets")).doesNotExist();
    }

    @Test
    void applyPatch_notADiff_rejected() throws Exception {
        Path patch = Files.writeString(tmp.resolve("notes.txt"), "just some text\n");

        assertRejected(
                patch,
                Reason.PATCH_REJECTED,
                "patch " + patch + " does not apply: it holds no file change. Regenerate the patch with 'git"
                        + " diff' against the scenario's source commit.");
    }

    @Test
    void applyPatch_missingPatchFile_rejected() {
        Path patch = tmp.resolve("missing.diff");

        assertRejected(
                patch,
                Reason.PATCH_REJECTED,
                "patch " + patch + " cannot be read: no such file. Check the step's patch path; it is relative"
                        + " to the manifest's folder.");
    }

    private static byte[] binary() {
        byte[] bytes = new byte[300];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    /** A patch adding assets/logo.bin, made by git diff with the given binary option. */
    private Path binaryPatch(byte[] bytes, String option) throws IOException {
        Path source = Files.createDirectories(tmp.resolve("binary-source" + option));
        ok(source, "init", "-q");
        Files.createDirectories(source.resolve("assets"));
        Files.write(source.resolve("assets/logo.bin"), bytes);
        ok(source, "add", "-N", "assets/logo.bin");
        return Files.writeString(tmp.resolve("binary" + option + ".diff"), ok(source, "diff", option));
    }
}
