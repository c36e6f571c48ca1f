package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smokegate.smoke.model.GoldenFile;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code equals-file} of a stream and of {@code files} ({@link GoldenPaths}), read through
 * {@link ManifestLoader}: relative to the manifest's folder, inside it, and existing unless in update
 * mode.
 */
class GoldenPathsTest extends ManifestTestSupport {
    /** Line 8 after {@link #HEAD}: a run step with no other check. */
    private static final String RUN = "  run = \"echo hi\"\n";

    private Path goldenFile(String relative) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "hi\n");
        return file;
    }

    private static Step step(Manifest manifest) {
        return manifest.scenarios().get(0).steps().get(0);
    }

    @Test
    void load_stdoutEqualsFileThatExists_goldenFileUnderTheManifestsFolderAndAPositiveAssertion() throws Exception {
        Path file = goldenFile("expected/greet.txt");

        Manifest manifest = load(HEAD + RUN + "  expect.stdout.equals-file = \"expected/greet.txt\"\n");

        assertThat(step(manifest).expect().stdout().equalsFile()).isEqualTo(new GoldenFile(file, "expected/greet.txt"));
    }

    @Test
    void load_manifestShownInAFolder_goldenFileShownInThatFolder() throws Exception {
        Path file = goldenFile("expected/greet.txt");

        Manifest manifest = loader.load(
                write(HEAD + RUN + "  expect.stderr.equals-file = \"./expected/../expected/greet.txt\"\n"),
                "src/smoke/m.toml");

        assertThat(step(manifest).expect().stderr().equalsFile())
                .isEqualTo(new GoldenFile(file, "src/smoke/expected/greet.txt"));
    }

    @Test
    void load_filesEqualsFile_goldenFileByWorkspacePath() throws Exception {
        Path file = goldenFile("expected/report.txt");

        Manifest manifest =
                load(HEAD + RUN + "  expect.files.equals-file = { \"target/report.txt\" = \"expected/report.txt\" }\n");

        assertThat(step(manifest).expect().filesEqual())
                .containsExactly(Map.entry("target/report.txt", new GoldenFile(file, "expected/report.txt")));
    }

    @Test
    void load_goldenFileMissing_problemSuggestsUpdateMode() throws Exception {
        assertThat(problems(HEAD + RUN + "  expect.output.equals-file = \"expected/greet.txt\"\n"))
                .containsExactly("m.toml:9:3: golden file not found for 'equals-file' in [[scenario]] 'a' › s"
                        + " expect.output: expected/greet.txt (resolved against the manifest's folder to"
                        + " expected/greet.txt). Run the gate once with -Dsmoke.update=true to create it from the"
                        + " output, and review it; or fix the path.");
    }

    @Test
    void load_goldenFileMissingInUpdateMode_loadsForTheRunToCreateIt() throws Exception {
        Manifest manifest = loader.updating(true)
                .load(write(HEAD + RUN + "  expect.stdout.equals-file = \"expected/new.txt\"\n"), "m.toml");

        assertThat(step(manifest).expect().stdout().equalsFile())
                .isEqualTo(new GoldenFile(dir.resolve("expected/new.txt"), "expected/new.txt"));
    }

    @Test
    void load_goldenFileOutsideTheManifestsFolder_problemEvenInUpdateMode() throws Exception {
        String toml = HEAD + RUN + "  expect.stdout.equals-file = \"../../etc/greet.txt\"\n"
                + "  expect.files.equals-file = { \"out.txt\" = \"/tmp/out.txt\" }\n";

        List<String> expected = List.of(
                "m.toml:9:3: 'equals-file' in [[scenario]] 'a' › s expect.stdout leaves the manifest's folder:"
                        + " ../../etc/greet.txt. Keep golden files in the project next to the manifest, such as"
                        + " \"expected/greet.txt\": -Dsmoke.update=true rewrites them.",
                "m.toml:10:32: 'out.txt' in [[scenario]] 'a' › s expect.files.equals-file leaves the manifest's"
                        + " folder: /tmp/out.txt. Keep golden files in the project next to the manifest, such as"
                        + " \"expected/greet.txt\": -Dsmoke.update=true rewrites them.");
        assertThat(problems(toml)).containsExactlyElementsOf(expected);
        assertThat(problemsInUpdateMode(toml)).containsExactlyElementsOf(expected);
    }

    @Test
    void load_goldenFileIsAFolderOrEmptyOrNotAString_problems() throws Exception {
        Files.createDirectories(dir.resolve("expected"));

        assertThat(problems(HEAD + RUN + "  expect.stdout.equals-file = \"expected\"\n"
                        + "  expect.stderr.equals-file = \"\"\n  expect.output.equals-file = [\"a.txt\"]\n"))
                .containsExactly(
                        "m.toml:9:3: golden file expected of 'equals-file' in [[scenario]] 'a' › s expect.stdout is a"
                                + " folder. Name a file in it.",
                        "m.toml:10:3: 'equals-file' in [[scenario]] 'a' › s expect.stderr is empty. Write the golden"
                                + " file's path relative to the manifest's folder, such as \"expected/greet.txt\".",
                        "m.toml:11:3: 'equals-file' in [[scenario]] 'a' › s expect.output must be a string; found an"
                                + " array of strings.");
    }

    @Test
    void load_equalsFileOnAnHttpBody_accepted() throws Exception {
        Path file = goldenFile("expected/body.json");

        Manifest manifest = load(HEAD + "  http.get = \"http://127.0.0.1:${port.http}/\"\n"
                + "  expect.body.equals-file = \"expected/body.json\"\n");

        assertThat(step(manifest).expect().body().equalsFile()).isEqualTo(new GoldenFile(file, "expected/body.json"));
    }

    private List<String> problemsInUpdateMode(String toml) throws Exception {
        Path file = write(toml);
        ManifestException e = catchThrowableOfType(
                ManifestException.class, () -> loader.updating(true).load(file, "m.toml"));
        assertThat(e).isNotNull();
        return e.problems().stream().map(ManifestProblem::toString).toList();
    }
}
