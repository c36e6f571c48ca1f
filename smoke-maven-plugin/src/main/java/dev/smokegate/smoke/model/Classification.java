package dev.smokegate.smoke.model;

import java.util.Objects;

/**
 * The verdict on a failure: its category, the rule that decided it and the evidence line.
 *
 * @param category source, runtime or host
 * @param rule the deciding rule's id and reason, e.g. {@code host.command-not-found (exit 127: POSIX
 *     sh, command not found)}
 * @param evidence the line of output or the fact the rule matched on; never empty
 */
public record Classification(FailureCategory category, String rule, String evidence) {
    public Classification {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(evidence, "evidence");
    }

    @Override
    public String toString() {
        return category.label() + " — rule " + rule + " — evidence: " + evidence;
    }
}
