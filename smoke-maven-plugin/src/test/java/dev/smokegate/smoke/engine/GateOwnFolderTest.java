package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.GitCli;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private EngineFixture fixture;

    @BeforeEach
    void project() throws IOException {
        fixture = EngineFixture.project(tmp);
        Path project = fixture.project();
        Files.writeString(fixture.manifest(), MANIFEST, StandardCharsets.UTF_8);
        Files.writeString(project.resolve("README.md"), "a project that ignores nothing\n");
        GitCli.ok(project, "init", "-q", "-b", "main");
        GitCli.ok(project, "add", "-A");
        GitCli.ok(project, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "init");
    }

    @Test
    void run_twiceWithTargetNotIgnored_noEarlierScenarioFolderInTheWorkspace() throws Exception {
        GateResult first = fixture.run();
        GateResult second = fixture.run();

        assertThat(first.scenarios()).extracting(ScenarioResult::status).containsExactly(Status.PASS, Status.PASS);
        assertThat(second.scenarios())
                .as(fixture.log().visible().toString())
                .extracting(ScenarioResult::status)
                .containsExactly(Status.PASS, Status.PASS);
        assertThat(fixture.project().resolve("target/smoke/second/01-look.log"))
                .content()
                .isEqualTo("CLEAN\n");
        assertThat(fixture.project().resolve("target/smoke/TEST-smoke.xml")).exists();
    }

    @Test
    void run_twiceWithTargetNotIgnored_fingerprintIgnoresTheGatesOwnFiles() throws Exception {
        assertThat(GitCli.ok(fixture.project(), "status", "--porcelain", "--untracked-files=all"))
                .isEmpty();

        GateResult first = fixture.run();
        GateResult second = fixture.run();

        assertThat(GitCli.ok(fixture.project(), "status", "--porcelain"))
                .as("the gate's folder is untracked and not ignored")
                .isEqualTo("?? target/\n");
        assertThat(first.checkoutChanges()).isEmpty();
        assertThat(second.checkoutChanges()).isEmpty();
        assertThat(second.passed()).as(fixture.log().visible().toString()).isTrue();
        assertThat(fixture.log().visible().get(fixture.log().visible().size() - 1))
                .isEqualTo("Smoke: 2 passed, 0 failed, 0 skipped");
    }
}
