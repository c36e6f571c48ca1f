package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clone that the gate's stop interrupts (JGit's and the cache's file channels close on an
 * interrupt) ends as an interrupted result at {@code prepare}, not as an exception nor as a host
 * I/O failure.
 */
class InterruptedCloneTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clearFlag() {
        Thread.interrupted();
    }

    @Test
    void guard_cloneWhileInterrupted_isInterruptedAtPrepare() throws Exception {
        Path remote = FixtureRepos.bareMirror(FixtureRepos.greeter(tmp.resolve("greeter")), tmp.resolve("remote.git"));
        EngineFixture fixture = EngineFixture.project(tmp.resolve("p"))
                .withProperty("fixture.url", remote.toUri().toString());
        Files.writeString(
                fixture.manifest(),
                """
                format = 1
                [[scenario]]
                name = "clone"
                source.repo-url = "${fixture.url}"
                source.ref = "main"
                  [[scenario.step]]
                  name = "history"
                  args = ["git", "log", "--oneline"]
                  expect.stdout.contains = ["greeter"]
                """,
                StandardCharsets.UTF_8);
        EngineFixture.Runner runner = fixture.runner(tmp.resolve("ports"), () -> {});
        ShutdownWatch watch = new ShutdownWatch(Thread.currentThread(), Duration.ofSeconds(30));
        Scenario scenario = runner.manifest().scenarios().get(0);

        Thread.currentThread().interrupt();
        ScenarioResult result = watch.guard(runner.scenarios()::run).run(scenario, scenario.source());

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.steps()).isEmpty();
        assertThat(result.failure().step()).isEqualTo("prepare");
        assertThat(result.failure().classification().ruleId()).isEqualTo("host.interrupted");
        assertThat(result.failure().seen()).matches("interrupted after \\d+\\.\\d s: stopped 0 processes");
        assertThat(result.failure().classification().evidence())
                .startsWith("the gate was stopped (SIGTERM or Ctrl-C to the build) while this ran, which failed"
                        + " meanwhile: clone [" + remote.toUri() + "]: ");
        watch.close();
    }
}
