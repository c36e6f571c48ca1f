package dev.smokegate.smoke.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import java.util.List;

/**
 * What the classifier's tests share: the classifier with Maven's words, the evidence of a finished
 * process, and the assertion of a whole verdict. One test class per family of rules extends it.
 */
abstract class RuleTestSupport {
    /** The last two rules for a process, which tests of earlier rules expect to win when those do not match. */
    static final String EXIT_CODE = "runtime.exit-code (the process exited with an unexpected code)";

    static final String OUTPUT = "runtime.output (the process ran but its output or files are not what was expected)";

    final Classifier classifier = new Classifier(MavenFrontEnd.INSTANCE);

    /** A finished process whose exit-code check failed. */
    static Evidence exitMismatch(int exitCode, String... tail) {
        return new Evidence.Process(exitCode, false, null, true, List.of(tail), null);
    }

    /** A finished process whose exit code was as expected but an output or file check failed. */
    static Evidence outputMismatch(int exitCode, String checkEvidence, String... tail) {
        return new Evidence.Process(exitCode, false, null, false, List.of(tail), checkEvidence);
    }

    /** Asserts the whole verdict: category, rule and evidence line. */
    void assertClassified(Evidence evidence, FailureCategory category, String rule, String evidenceLine) {
        assertThat(classifier.classify(evidence)).isEqualTo(new Classification(category, rule, evidenceLine));
    }
}
