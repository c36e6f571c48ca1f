package dev.smokegate.smoke.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterruptionTest {

    @Test
    void seen_severalProcesses_namesTimeAndCount() {
        assertThat(Interruption.seen(Duration.ofMillis(12_345), 3))
                .isEqualTo("interrupted after 12.3 s: stopped 3 processes");
    }

    @Test
    void seen_oneProcess_isSingular() {
        assertThat(Interruption.seen(Duration.ofMillis(400), 1))
                .isEqualTo("interrupted after 0.4 s: stopped 1 process");
    }

    @Test
    void line_interruptedScenario_readsAsTheConsoleLine() {
        ScenarioResult result = interrupted("sleeper", "wait", Interruption.seen(Duration.ofMillis(12_300), 3));

        assertThat(Interruption.line(result)).isEqualTo("INTERRUPTED sleeper › wait after 12.3 s: stopped 3 processes");
    }

    @Test
    void of_interruptedFailureOnly_isTrue() {
        ScenarioResult interrupted = interrupted("a", "wait", Interruption.seen(Duration.ZERO, 0));
        ScenarioResult skipped = ScenarioResult.skipped(
                "b", Duration.ZERO, Interruption.classification("not run: the gate was interrupted"));
        ScenarioResult passed = new ScenarioResult("c", Status.PASS, Duration.ZERO, List.of(), null, null);

        assertThat(Interruption.of(interrupted)).isTrue();
        assertThat(Interruption.of(skipped)).isFalse();
        assertThat(Interruption.of(passed)).isFalse();
        assertThat(Interruption.count(List.of(interrupted, skipped, passed))).isEqualTo(1);
    }

    @Test
    void classification_isHostWithTheRule() {
        Classification classification = Interruption.classification("evidence");

        assertThat(classification.category()).isEqualTo(FailureCategory.HOST);
        assertThat(classification.ruleId()).isEqualTo("host.interrupted");
        assertThat(classification.ruleReason()).isEqualTo("the gate was stopped");
    }

    private static ScenarioResult interrupted(String scenario, String step, String seen) {
        StepFailure failure = new StepFailure(
                step,
                "sleep 600",
                143,
                Interruption.EXPECTATION,
                seen,
                null,
                List.of(),
                Interruption.classification("evidence"));
        return new ScenarioResult(scenario, Status.FAIL, Duration.ofSeconds(13), List.of(), failure, null);
    }
}
