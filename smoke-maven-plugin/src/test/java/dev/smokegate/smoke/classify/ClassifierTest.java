package dev.smokegate.smoke.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime rules for a process (timeout, signal, exit code, output: the last of the table, which
 * every process failure reaches), and the table as a whole.
 */
class ClassifierTest extends RuleTestSupport {
    private static final String TIMEOUT = "runtime.timeout (the step ran past its deadline and was killed)";
    private static final String SIGNAL = "runtime.signal (exit above 128: killed by signal (exit - 128))";

    // --- runtime.timeout ---

    @Test
    void classify_timedOut_runtimeTimeoutWithLastLine() {
        Evidence evidence = new Evidence.Process(
                143, true, null, false, List.of("Started server", "Waiting for port 8080...", ""), null);

        assertClassified(evidence, FailureCategory.RUNTIME, TIMEOUT, "Waiting for port 8080...");
    }

    @Test
    void classify_timedOutWithNoOutput_evidenceNamesExitCode() {
        Evidence evidence = new Evidence.Process(137, true, null, false, List.of(), null);

        assertClassified(evidence, FailureCategory.RUNTIME, TIMEOUT, "(the step printed nothing; exit code 137)");
    }

    // --- runtime.signal ---

    @Test
    void classify_exit134_runtimeSignal() {
        assertClassified(
                exitMismatch(134, "Starting", "Aborted (core dumped)"),
                FailureCategory.RUNTIME,
                SIGNAL,
                "Aborted (core dumped)");
    }

    @Test
    void classify_exit137KilledByTheGate_runtimeSignalNotHostKilled() {
        Evidence stoppedBySigkill = new Evidence.Process(137, false, null, true, List.of("still busy"), null, true);

        assertClassified(stoppedBySigkill, FailureCategory.RUNTIME, SIGNAL, "still busy");
    }

    @Test
    void classify_exit137OnOutputCheck_runtimeOutput() {
        assertClassified(
                outputMismatch(137, "no 'ready' in output", "Killed"),
                FailureCategory.RUNTIME,
                OUTPUT,
                "no 'ready' in output");
    }

    // --- runtime.exit-code ---

    @Test
    void classify_plainExitMismatch_runtimeExitCodeWithLastNonBlankLine() {
        assertClassified(
                exitMismatch(2, "usage: greeter NAME", "  greeter: missing NAME  ", "", "   "),
                FailureCategory.RUNTIME,
                EXIT_CODE,
                "greeter: missing NAME");
    }

    @Test
    void classify_exitMismatchWithEmptyTail_evidenceSaysNothingPrinted() {
        assertClassified(
                exitMismatch(3), FailureCategory.RUNTIME, EXIT_CODE, "(the step printed nothing; exit code 3)");
    }

    @Test
    void classify_exitMismatchWithOnlyBlankLines_evidenceSaysNothingPrinted() {
        Classification result = classifier.classify(exitMismatch(1, "", "  ", "\t"));

        assertThat(result.evidence()).isEqualTo("(the step printed nothing; exit code 1)");
    }

    // --- runtime.output ---

    @Test
    void classify_outputCheckWithCheckEvidence_runtimeOutputWithCheckEvidence() {
        assertClassified(
                outputMismatch(0, "target/app.jar does not exist", "BUILD SUCCESS"),
                FailureCategory.RUNTIME,
                OUTPUT,
                "target/app.jar does not exist");
    }

    @Test
    void classify_outputCheckWithoutCheckEvidence_evidenceIsLastLine() {
        assertClassified(outputMismatch(0, null, "Hello, world", ""), FailureCategory.RUNTIME, OUTPUT, "Hello, world");
    }

    @Test
    void classify_outputCheckWithEmptyTail_evidenceSaysNothingPrinted() {
        assertClassified(
                outputMismatch(0, null), FailureCategory.RUNTIME, OUTPUT, "(the step printed nothing; exit code 0)");
    }

    // --- rules() ---

    @Test
    void rules_eachEntry_matchesTheRuleStringOfItsClassification() {
        List<String> rules = classifier.rules();
        List<Classification> samples = Arrays.asList(
                classifier.classify(exitMismatch(127)),
                classifier.classify(exitMismatch(137)),
                classifier.classify(outputMismatch(0, "x")));

        for (Classification sample : samples) {
            assertThat(rules).contains(sample.rule() + " → " + sample.category().label());
        }
    }

    @Test
    void classify_expectedExit127ButOutputCheckFailed_runtimeOutputNotCommandNotFound() {
        Classification result = classifier.classify(new Evidence.Process(
                127, false, null, false, List.of("sh: 1: nope: not found"), "no 'nope' in stdout"));

        assertThat(result.category()).isEqualTo(FailureCategory.RUNTIME);
        assertThat(result.rule()).startsWith("runtime.output ");
        assertThat(result.evidence()).isEqualTo("no 'nope' in stdout");
    }
}
