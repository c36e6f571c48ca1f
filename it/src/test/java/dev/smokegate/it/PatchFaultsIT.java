package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smokegate.fixtures.FixtureRepos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Two faults of issue 9's fault matrix, each a real forked {@code mvn} on the sample project {@code
 * patch-faults}: a patch that escapes the workspace through a symlink, and a patch with path
 * traversal. As in {@link FaultMatrixIT}, each asserts afterwards that no process of the run is
 * alive ({@link RunMarker}), that the repositories the run read and the sample project outside
 * {@code target/} are byte for byte as they were ({@link TreeSnapshot}), that the patch wrote no
 * file anywhere, and that the failure has the expected category and rule on the console, in the
 * JUnit XML and in the JSON summary ({@link Verdicts}).
 */
class PatchFaultsIT {
    /** How long the processes of a finished run get to disappear before they count as survivors. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    /** What a run may write in the sample project: its reports and the build's log. */
    private static final Set<String> RUN_OUTPUT = Set.of("target", "build.log");
    /** The file each patch tries to write, outside the workspace. */
    private static final String PWNED = "pwned.txt";

    private RunMarker marker;
    /** This test's row of the fault matrix: the category and rule it must give. */
    private FaultMatrix.Row expected;

    @BeforeEach
    void mark(TestInfo test) {
        String method = test.getTestMethod().orElseThrow().getName();
        marker = RunMarker.of(method);
        expected = FaultMatrix.row(method);
    }

    @AfterEach
    void killSurvivors() throws Exception {
        marker.close();
    }

    /** Runs {@code mvn -B verify} of the sample project with one manifest, then checks that nothing of it survived. */
    private ForkedMaven.Result verify(Path project, String manifest, String... properties) throws Exception {
        List<String> args = new ArrayList<>(List.of("verify", "-Dsmoke.manifest=src/smoke/" + manifest));
        args.addAll(List.of(properties));
        ForkedMaven.Result result = ForkedMaven.mvn(project, marker.environment(), args.toArray(String[]::new));
        assertThat(marker.awaitNoneAlive(PATIENCE))
                .as("processes of the run still alive " + PATIENCE.toSeconds() + " s after it ended (" + result + ")")
                .isEmpty();
        return result;
    }

    @Test
    void verify_patchThroughASymlinkOutOfTheWorkspace_sourceEscapesWorkspaceAndNothingWritten() throws Exception {
        Path scratch = ForkedMaven.scratch("fault-patch-symlink");
        Path remote = FixtureRepos.bareMirror(
                FixtureRepos.greeter(scratch.resolve("greeter")), scratch.resolve("greeter.git"));
        Path outside = Files.createDirectories(scratch.resolve("outside"));
        Path project = ForkedMaven.project("patch-faults", "fault-patch-symlink");
        TreeSnapshot checkouts = TreeSnapshot.of(scratch, Set.of("cache"));
        TreeSnapshot sample = TreeSnapshot.of(project, RUN_OUTPUT);

        ForkedMaven.Result result = verify(
                project,
                "symlink-escape.toml",
                "-Dfixture.url=" + remote.toUri(),
                "-Dfixture.outside=" + outside,
                "-Dsmoke.cacheDirectory=" + scratch.resolve("cache"));

        assertExit(result, 1);
        JsonNode entry = Verdicts.assertFailed(result, project, "symlink-escape", expected.category(), expected.rule());
        assertThat(entry.path("evidence").asText())
                .contains("does not apply: escape/pwned.txt is outside the workspace (through the symlink"
                        + " 'escape'). Write paths relative to the repository root, as git diff does.");
        assertThat(result.smokeLines())
                .anySatisfy(line -> assertThat(line).startsWith("[smoke] FAIL symlink-escape › patch-through-link"));
        assertThat(outside).isEmptyDirectory();
        assertNoFileNamed(PWNED, project, scratch);
        assertThat(TreeSnapshot.of(scratch, Set.of("cache"))).isEqualTo(checkouts);
        assertThat(TreeSnapshot.of(project, RUN_OUTPUT)).isEqualTo(sample);
    }

    @Test
    void verify_patchWithPathTraversal_sourceEscapesWorkspaceAndNothingWritten() throws Exception {
        Path scratch = ForkedMaven.scratch("fault-patch-traversal");
        Path remote = FixtureRepos.bareMirror(
                FixtureRepos.greeter(scratch.resolve("greeter")), scratch.resolve("greeter.git"));
        Path project = ForkedMaven.project("patch-faults", "fault-patch-traversal");
        TreeSnapshot checkouts = TreeSnapshot.of(scratch, Set.of("cache"));
        TreeSnapshot sample = TreeSnapshot.of(project, RUN_OUTPUT);

        ForkedMaven.Result result = verify(
                project,
                "path-traversal.toml",
                "-Dfixture.url=" + remote.toUri(),
                "-Dsmoke.cacheDirectory=" + scratch.resolve("cache"));

        assertExit(result, 1);
        JsonNode entry = Verdicts.assertFailed(result, project, "path-traversal", expected.category(), expected.rule());
        assertThat(entry.path("evidence").asText())
                .contains("does not apply: ../../../../../pwned.txt is outside the workspace (a '..' segment)."
                        + " Write paths relative to the repository root, as git diff does.");
        assertThat(result.smokeLines())
                .anySatisfy(line -> assertThat(line).startsWith("[smoke] FAIL path-traversal › patch-traversal"));
        assertNoFileNamed(PWNED, project, scratch, project.getParent());
        assertThat(TreeSnapshot.of(scratch, Set.of("cache"))).isEqualTo(checkouts);
        assertThat(TreeSnapshot.of(project, RUN_OUTPUT)).isEqualTo(sample);
    }

    /** Asserts that no file of that name exists under any of the folders (target/ included), at any depth. */
    private static void assertNoFileNamed(String name, Path... folders) throws IOException {
        for (Path folder : folders) {
            try (Stream<Path> paths = Files.walk(folder)) {
                assertThat(paths.filter(path -> path.getFileName().toString().equals(name)))
                        .as("files named " + name + " under " + folder)
                        .isEmpty();
            }
        }
    }
}
