package dev.smokegate.smoke.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import org.junit.jupiter.api.Test;

/** A step's {@code blame}: after the host rules, before the source and runtime rules. */
class BlameTest extends RuleTestSupport {

    @Test
    void classify_blameSourceOnExitMismatch_sourceBlameNamingTheOverriddenRule() {
        assertThat(classifier.classify(exitMismatch(3, "assertion failed: total 41", ""), FailureCategory.SOURCE))
                .isEqualTo(new Classification(
                        FailureCategory.SOURCE,
                        "source.blame (the step sets blame = \"source\"; without it: runtime.exit-code)",
                        "assertion failed: total 41"));
    }

    @Test
    void classify_blameRuntimeOnCompileError_runtimeBlame() {
        Classification result =
                classifier.classify(exitMismatch(1, "[ERROR] COMPILATION ERROR :"), FailureCategory.RUNTIME);

        assertThat(result)
                .isEqualTo(new Classification(
                        FailureCategory.RUNTIME,
                        "runtime.blame (the step sets blame = \"runtime\"; without it: source.compile-error)",
                        "[ERROR] COMPILATION ERROR :"));
    }

    @Test
    void classify_blameAgreesWithTheRule_theRuleIsNamed() {
        Classification result = classifier.classify(
                exitMismatch(1, "Tests run: 4, Failures: 1, Errors: 0, Skipped: 0"), FailureCategory.SOURCE);

        assertThat(result.rule()).isEqualTo("source.tests-failed (the repository's own tests fail)");
    }

    @Test
    void classify_blameSourceButCommandNotFound_hostRuleWins() {
        Classification result =
                classifier.classify(exitMismatch(127, "sh: 1: mvnw: not found"), FailureCategory.SOURCE);

        assertThat(result.category()).isEqualTo(FailureCategory.HOST);
        assertThat(result.rule()).startsWith("host.command-not-found ");
    }

    @Test
    void classify_blameSourceOnProbe_sourceBlame() {
        Classification result = classifier.classify(
                new Evidence.Probe("GET http://127.0.0.1:8080/total", null, 200, "body has no '42'"),
                FailureCategory.SOURCE);

        assertThat(result.rule())
                .isEqualTo("source.blame (the step sets blame = \"source\"; without it: runtime.probe-failed)");
        assertThat(result.evidence()).isEqualTo("body has no '42'");
    }

    @Test
    void classify_blameRuntimeOnCrash_theCrashRuleIsNamed() {
        Classification result = classifier.classify(
                exitMismatch(134, "# A fatal error has been detected by the Java Runtime Environment:"),
                FailureCategory.RUNTIME);

        assertThat(result.rule()).startsWith("runtime.crash ");
    }

    @Test
    void classify_blameHost_rejected() {
        assertThatThrownBy(() -> classifier.classify(exitMismatch(1), FailureCategory.HOST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a step blames the source or the runtime, not the host");
    }
}
