package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.GitCli;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The common set-up: {@code source.checkout = "."} in a project whose git does not ignore {@code
 * target/}, so the gate's own folder ({@code target/smoke}) lies inside the checkout it copies and
 * fingerprints, untracked and not ignored. Run twice in a row, the second run finds the first run's
 * logs, workspaces and report there.
 */
@Timeout(120)
class GateOwnFolderTest {
    private static final String MANIFEST =
            """
            format = 1
            [[scenario]]
            name = "first"
            source.checkout = "."
              [[scenario.step]]
              name = "look"
              run = "if [ -e target ]; then echo LEAKED; find target | sort; else echo CLEAN; fi"
              expect.stdout.contains = ["CLEAN"]
            [[scenario]]
            name = "second"
            source.checkout = "."
              [[scenario.step]]
              name = "look"
              run = "if [ -e target ]; then echo LEAKED; find target | sort; else echo CLEAN; fi"
              expect.stdout.contains = ["CLEAN"]
            """;

    @TempDir
    Path tmp;

    private Path project;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void project() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve("src/smoke"));
        Files.writeString(project.resolve("src/smoke/manifest.toml"), MANIFEST, StandardCharsets.UTF_8);
        Files.writeString(project.resolve("README.md"), "a project that ignores nothing\n");
        GitCli.ok(project, "init", "-q", "-b", "main");
        GitCli.ok(project, "add", "-A");
        GitCli.ok(project, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "init");
    }

    private GateResult run() throws Exception {
        return new SmokeEngine(log)
                .run(GateRequest.builder(project.resolve("src/smoke/manifest.toml"), MavenFrontEnd.INSTANCE)
                        .basedir(project)
                        .workDirectory(project.resolve("target/smoke"))
                        .cacheDirectory(tmp.resolve("cache"))
                        .tasks(List.of())
                        .properties(Map.of())
                        .environment(System.getenv())
                        .build());
    }

    @Test
    void run_twiceWithTargetNotIgnored_noEarlierScenarioFolderInTheWorkspace() throws Exception {
        GateResult first = run();
        GateResult second = run();

        assertThat(first.scenarios()).extracting(ScenarioResult::status).containsExactly(Status.PASS, Status.PASS);
        assertThat(second.scenarios())
                .as(log.visible().toString())
                .extracting(ScenarioResult::status)
                .containsExactly(Status.PASS, Status.PASS);
        assertThat(project.resolve("target/smoke/second/01-look.log")).content().isEqualTo("CLEAN\n");
        assertThat(project.resolve("target/smoke/TEST-smoke.xml")).exists();
    }

    @Test
    void run_twiceWithTargetNotIgnored_fingerprintIgnoresTheGatesOwnFiles() throws Exception {
        assertThat(GitCli.ok(project, "status", "--porcelain", "--untracked-files=all"))
                .isEmpty();

        GateResult first = run();
        GateResult second = run();

        assertThat(GitCli.ok(project, "status", "--porcelain"))
                .as("the gate's folder is untracked and not ignored")
                .isEqualTo("?? target/\n");
        assertThat(first.checkoutChanges()).isEmpty();
        assertThat(second.checkoutChanges()).isEmpty();
        assertThat(second.passed()).as(log.visible().toString()).isTrue();
        assertThat(log.visible().get(log.visible().size() - 1)).isEqualTo("Smoke: 2 passed, 0 failed, 0 skipped");
    }
}
