package dev.smokegate.smoke.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.engine.GateRequest;
import dev.smokegate.smoke.engine.SmokeEngine;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.GateResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * smoke:init without Maven: the greeter fixture checkout as the project, and shell commands that
 * print what a Maven build prints in place of the build, run through the real engine.
 */
@Timeout(120)
class ManifestInitTest {
    private static final String INSTALL = "echo '[INFO] BUILD SUCCESS'";
    private static final String TEST =
            "printf '[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.1 s"
                    + " -- in a.ATest\\n[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 1\\n[INFO] BUILD SUCCESS\\n'";

    @TempDir
    Path tmp;

    private Path project;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void project() throws Exception {
        project = FixtureRepos.greeter(tmp.resolve("greeter"));
    }

    private InitRequest request(String install, String test) {
        Path work = project.resolve("target/smoke/init");
        GateRequest sample = GateRequest.builder(ManifestInit.draftFile(work), MavenFrontEnd.INSTANCE)
                .basedir(project)
                .workDirectory(work)
                .environment(System.getenv())
                .build();
        return new InitRequest(
                project.resolve("src/smoke/manifest.toml"), "Greeter", install, test, "mvn smoke:verify", sample);
    }

    @Test
    void run_passingBuild_writesManifestThatChecksTheTestLineAndPassesTheGate() throws Exception {
        ManifestInit.Written written = new ManifestInit(log).run(request(INSTALL, TEST));

        Path manifest = project.resolve("src/smoke/manifest.toml");
        assertThat(written)
                .isEqualTo(new ManifestInit.Written(
                        manifest, "greeter-local", List.of("Tests run: 3, Failures: 0, Errors: 0, Skipped: 1")));
        assertThat(manifest)
                .content()
                .contains("expect.stdout.contains = [\"Tests run: 3, Failures: 0, Errors: 0, Skipped: 1\", \"BUILD"
                        + " SUCCESS\"]");
        assertThat(log.messages())
                .contains(
                        "[smoke] init: wrote src/smoke/manifest.toml: scenario greeter-local with 3 checks, a commented"
                                + " clone scenario, and how to add patch, rerun and export steps. Run it with mvn smoke:verify.");
        GateResult gate = new SmokeEngine(new RecordingLog())
                .run(GateRequest.builder(manifest, MavenFrontEnd.INSTANCE)
                        .basedir(project)
                        .environment(System.getenv())
                        .build());
        assertThat(gate.passed()).as(gate.toString()).isTrue();
    }

    @Test
    void run_manifestExists_failsNamingTheFileAndTheOptionAndLeavesIt() throws Exception {
        Path manifest = Files.createDirectories(project.resolve("src/smoke")).resolve("manifest.toml");
        Files.writeString(manifest, "mine", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new ManifestInit(log).run(request(INSTALL, TEST)))
                .isInstanceOf(InitException.class)
                .hasMessage(
                        "Cannot write the manifest [src/smoke/manifest.toml]: it already exists, and smoke:init never"
                                + " overwrites a manifest. Move it away, or draft the new one into another file with"
                                + " -Dsmoke.manifest=<file>.");
        assertThat(manifest).hasContent("mine");
        assertThat(log.messages()).isEmpty();
    }

    @Test
    void run_failingBuild_failsNamingTheLogsAndWritesNothing() throws Exception {
        assertThatThrownBy(() -> new ManifestInit(log).run(request(INSTALL, "echo 'BUILD FAILURE'; exit 1")))
                .isInstanceOf(InitException.class)
                .hasMessage(
                        "Cannot draft a manifest [target/smoke/init/greeter-local]: the project's own build failed on"
                                + " a copy of its checkout. Read the [smoke] FAIL line above and the step logs there, make"
                                + " 'echo '[INFO] BUILD SUCCESS'' and 'echo 'BUILD FAILURE'; exit 1' pass, then run it again.");
        assertThat(project.resolve("src/smoke/manifest.toml")).doesNotExist();
    }

    @Test
    void run_noTests_checksBuildSuccessAndSaysSo() throws Exception {
        ManifestInit.Written written = new ManifestInit(log).run(request(INSTALL, INSTALL));

        assertThat(written.testLines()).isEmpty();
        assertThat(log.at("WARN"))
                .containsExactly("[smoke] init: the build ran no tests, so the test step checks only BUILD SUCCESS.");
    }

    @Test
    void run_sampleRun_keepsItsWorkspaceAndLogsInTheWorkDirectory() throws Exception {
        new ManifestInit(log).run(request(INSTALL, TEST));

        Path scenario = project.resolve("target/smoke/init/greeter-local");
        assertThat(scenario.resolve("02-test.stdout.log")).content().contains("Tests run: 3");
        assertThat(scenario.resolve("workspace/" + FixtureRepos.GREETER_SOURCE)).isRegularFile();
    }
}
