package dev.smokegate.smoke.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateResultTest {
    private static final Classification UNREACHABLE =
            new Classification(FailureCategory.HOST, "host.requires.endpoint", "127.0.0.1:1 — connection refused");

    private static ScenarioResult passed(String name) {
        return new ScenarioResult(name, Status.PASS, Duration.ofSeconds(1), List.of(), null, null);
    }

    private static ScenarioResult skipped(String name) {
        return ScenarioResult.skipped(name, Duration.ZERO, UNREACHABLE);
    }

    @Test
    void passed_onlyPasses_true() {
        assertThat(new GateResult(List.of(passed("a"), passed("b")), List.of()).passed())
                .isTrue();
    }

    @Test
    void passed_skipWithFailOnSkipByDefault_false() {
        GateResult result = new GateResult(List.of(passed("a"), skipped("b")), List.of());

        assertThat(result.failOnSkip()).isTrue();
        assertThat(result.passed()).isFalse();
    }

    @Test
    void passed_skipWithFailOnSkipOff_trueButTheSkipIsNotCountedAsPassed() {
        GateResult result = new GateResult(List.of(passed("a"), skipped("b")), List.of(), false);

        assertThat(result.passed()).isTrue();
        assertThat(result.count(Status.PASS)).isEqualTo(1);
        assertThat(result.count(Status.SKIP)).isEqualTo(1);
    }

    @Test
    void passed_checkoutChangedWithFailOnSkipOff_false() {
        assertThat(new GateResult(List.of(passed("a")), List.of("/home/dev/greeter: pom.xml"), false).passed())
                .isFalse();
    }

    @Test
    void scenarioResult_skipWithoutClassification_rejected() {
        assertThatThrownBy(() -> new ScenarioResult("b", Status.SKIP, Duration.ZERO, List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a skip classification is given exactly when the status is SKIP");
    }

    @Test
    void scenarioResult_withEarlierAttempts_countsEveryAttempt() {
        ScenarioResult first = new ScenarioResult(
                "a",
                Status.FAIL,
                Duration.ofSeconds(1),
                List.of(),
                new StepFailure(
                        "prepare",
                        null,
                        null,
                        "a clone",
                        "network is unreachable",
                        null,
                        List.of(),
                        new Classification(FailureCategory.HOST, "host.network", "network is unreachable")),
                null);

        ScenarioResult last = passed("a").withEarlierAttempts(List.of(first));

        assertThat(last.attempts()).isEqualTo(2);
        assertThat(last.earlierAttempts()).containsExactly(first);
    }
}
