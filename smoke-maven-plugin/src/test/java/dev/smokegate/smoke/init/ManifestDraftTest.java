package dev.smokegate.smoke.init;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.engine.GateRequest;
import dev.smokegate.smoke.manifest.ManifestLoader;
import dev.smokegate.smoke.manifest.Placeholders;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.Manifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drafted manifest's text: what it checks, and that it loads, commented parts included. */
class ManifestDraftTest {
    @TempDir
    Path tmp;

    private InitRequest request() {
        GateRequest sample = GateRequest.builder(tmp.resolve("target/smoke/init/manifest.toml"), MavenFrontEnd.INSTANCE)
                .basedir(tmp)
                .build();
        return new InitRequest(
                tmp.resolve("src/smoke/manifest.toml"),
                "maven-shared-utils",
                "mvn -B install -DskipTests",
                "mvn -B test",
                "mvn smoke:verify",
                sample);
    }

    private Manifest load(String text) throws Exception {
        Path file = Files.createDirectories(tmp.resolve("src/smoke")).resolve("manifest.toml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new ManifestLoader(new Placeholders(Map.of(), Map.of()), MavenFrontEnd.INSTANCE)
                .load(file, "src/smoke/manifest.toml");
    }

    @Test
    void scenarioName_anyProjectName_foldsToAManifestName() {
        assertThat(ManifestDraft.scenarioName("maven-shared-utils")).isEqualTo("maven-shared-utils");
        assertThat(ManifestDraft.scenarioName("My App (core)")).isEqualTo("my-app-core");
        assertThat(ManifestDraft.scenarioName("__")).isEqualTo("project");
    }

    @Test
    void testSummaries_surefireOutput_keepsTheResultsLinesOfEachModuleOnce() {
        List<String> output = List.of(
                "[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.02 s -- in a.ATest",
                "[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0",
                "[WARNING] Tests run: 774, Failures: 0, Errors: 0, Skipped: 19",
                "[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0",
                "[INFO] BUILD SUCCESS");

        assertThat(ManifestDraft.testSummaries(output))
                .containsExactly(
                        "Tests run: 3, Failures: 0, Errors: 0, Skipped: 0",
                        "Tests run: 774, Failures: 0, Errors: 0, Skipped: 19");
    }

    @Test
    void manifest_testLines_becomeContainsChecksOfTheTestStep() throws Exception {
        Manifest manifest =
                load(ManifestDraft.manifest(request(), List.of("Tests run: 774, Failures: 0, Errors: 0, Skipped: 19")));

        assertThat(manifest.scenarios()).hasSize(1);
        assertThat(manifest.scenarios().get(0).name()).isEqualTo("maven-shared-utils-local");
        assertThat(manifest.scenarios().get(0).steps())
                .extracting(step -> step.name())
                .containsExactly("install", "test");
    }

    @Test
    void manifest_commentedSteps_loadOnceUncommented() throws Exception {
        Files.createDirectories(tmp.resolve("src/smoke/patches"));
        Files.writeString(tmp.resolve("src/smoke/patches/break-a-test.diff"), "", StandardCharsets.UTF_8);
        String text = ManifestDraft.manifest(request(), List.of("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0"));

        String uncommented = text.replace("\n#   [[scenario.step]]", "\n  [[scenario.step]]")
                .replaceAll("\n#   (name|patch|run|expect|export)", "\n  $1")
                .replaceAll("\n# (\\[\\[scenario]]|name|description|source)", "\n$1")
                .replaceAll("\n#   ", "\n  ");

        Manifest manifest = load(uncommented);
        assertThat(manifest.scenarios())
                .extracting(scenario -> scenario.name())
                .containsExactly("maven-shared-utils-local", "maven-shared-utils-clone");
        assertThat(manifest.scenarios().get(0).steps())
                .extracting(step -> step.name())
                .containsExactly("install", "test", "patch", "rerun", "export");
    }

    @Test
    void manifest_header_namesTheCommandsAndTheRepoUrlSwitches() {
        String text = ManifestDraft.manifest(request(), List.of());

        assertThat(text)
                .startsWith(
                        "# The smoke gate of maven-shared-utils, drafted by smoke:init from a run of the project's own"
                                + " build\n# (mvn -B install -DskipTests, then mvn -B test). Run it with: mvn smoke:verify\n")
                .contains("# turns the scenario above into such a clone without editing this file.")
                .contains("-Dsmoke.repoUrl=<url> -Dsmoke.ref=<ref>")
                .contains("# source.repo-url = \"https://git.example.org/team/maven-shared-utils.git\"");
    }
}
