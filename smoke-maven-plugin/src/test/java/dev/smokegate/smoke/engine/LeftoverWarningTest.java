package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.GateResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A step that leaves a process running passes by default, but the console says what was killed. */
@Timeout(120)
class LeftoverWarningTest {
    @TempDir
    Path tmp;

    private EngineFixture fixture;

    @BeforeEach
    void fixtures() throws IOException {
        fixture = EngineFixture.greeter(tmp);
    }

    /**
     * The step waits until its background job has become {@code sleep 4711}: a job still forked
     * from the shell, or in the middle of its exec, would be named by the shell's command line or
     * by the executable alone ({@link dev.smokegate.smoke.process.LeftoversTest} covers that).
     */
    @Test
    void run_stepLeavesABackgroundProcess_passesAndWarnsNamingItAndTheFix() throws Exception {
        GateResult result = fixture.run(
                """
                format = 1
                [[scenario]]
                name = "daemon"
                source.checkout = "${fixture.checkout}"
                  [[scenario.step]]
                  name = "start"
                  run = 'sleep 4711 & until [ "$(tr "\\0" " " < /proc/$!/cmdline)" = "sleep 4711 " ]; do sleep 0.01; done; echo started'
                  expect.stdout.contains = ["started"]
                """);

        assertThat(result.passed()).as(fixture.log().visible().toString()).isTrue();
        assertThat(fixture.log().lines())
                .filteredOn(line -> line.startsWith("WARN") && line.contains("background process"))
                .singleElement()
                .asString()
                .startsWith("WARN [smoke] daemon › start: killed 1 background process still running when the step"
                        + " ended (pid ")
                .contains("sleep 4711)")
                .endsWith(". Wait for it in the step, or add expect.no-leftover-processes = true to fail the step"
                        + " on it.");
    }

    @Test
    void run_stepExpectsNoLeftovers_failsWithoutTheWarning() throws Exception {
        GateResult result = fixture.run(
                """
                format = 1
                [[scenario]]
                name = "daemon"
                source.checkout = "${fixture.checkout}"
                  [[scenario.step]]
                  name = "start"
                  run = "sleep 4712 & echo started"
                  expect.stdout.contains = ["started"]
                  expect.no-leftover-processes = true
                """);

        assertThat(result.passed()).isFalse();
        assertThat(fixture.log().lines()).noneMatch(line -> line.startsWith("WARN [smoke] daemon › start: killed"));
    }

    @Test
    void leftoverWarning_fourProcesses_showsThreeAndCountsTheRest() {
        assertThat(CommandStep.leftoverWarning("s › t", List.of("pid 1: a", "pid 2: b", "pid 3: c", "pid 4: d")))
                .isEqualTo("[smoke] s › t: killed 4 background processes still running when the step ended (pid 1:"
                        + " a, pid 2: b, pid 3: c and 1 more). Wait for them in the step, or add"
                        + " expect.no-leftover-processes = true to fail the step on them.");
    }
}
