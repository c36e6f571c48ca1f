package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the manifest tests share: a manifest written as {@code m.toml} in a temporary folder and
 * loaded with Maven's words, and the lines most manifests start with.
 */
abstract class ManifestTestSupport {
    /** Lines 1 to 7: the format, scenario {@code a} and its step {@code s}, whose keys come next at line 8. */
    static final String HEAD = "format = 1\n\n[[scenario]]\nname = \"a\"\n\n  [[scenario.step]]\n  name = \"s\"\n";

    /** A step table named {@code s}, two lines, to follow a scenario table. */
    static final String STEP = "  [[scenario.step]]\n  name = \"s\"\n";

    /** The two lines of a step that runs and asserts, for tests about something else. */
    static final String ECHO = "  run = \"echo\"\n  expect.stdout.contains = [\"x\"]\n";

    @TempDir
    Path dir;

    final ManifestLoader loader = new ManifestLoader(
            new Placeholders(
                    Map.of("project.build.directory", "/p/target", "fixture.repo", "/repos/greeter"),
                    Map.of("HOME", "/root")),
            MavenFrontEnd.INSTANCE);

    /** Writes {@code toml} as {@code m.toml} in the test's folder. */
    Path write(String toml) throws IOException {
        Path file = dir.resolve("m.toml");
        Files.writeString(file, toml, StandardCharsets.UTF_8);
        return file;
    }

    /** Loads {@code toml}, which must be valid. */
    Manifest load(String toml) throws Exception {
        return loader.load(write(toml), "m.toml");
    }

    /** The problems of a manifest that must be rejected, each as {@code m.toml:line:col: message}. */
    List<String> problems(String toml) throws IOException {
        Path file = write(toml);
        ManifestException e = catchThrowableOfType(ManifestException.class, () -> loader.load(file, "m.toml"));
        assertThat(e).as("the manifest must be rejected").isNotNull();
        return e.problems().stream().map(ManifestProblem::toString).toList();
    }
}
