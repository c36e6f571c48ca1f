package dev.smokegate.smoke.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassificationTest {
    @Test
    void ruleIdAndReason_ruleWithReason_split() {
        Classification verdict = new Classification(
                FailureCategory.HOST,
                "host.command-not-found (exit 127: POSIX sh, command not found)",
                "sh: 1: nope: not found");

        assertThat(verdict.ruleId()).isEqualTo("host.command-not-found");
        assertThat(verdict.ruleReason()).isEqualTo("exit 127: POSIX sh, command not found");
    }

    @Test
    void ruleIdAndReason_bareId_idAndNoReason() {
        Classification skip = new Classification(FailureCategory.HOST, "host.requires.env", "API_TOKEN — not set");

        assertThat(skip.ruleId()).isEqualTo("host.requires.env");
        assertThat(skip.ruleReason()).isNull();
    }
}
