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

    /**
     * @return the rule's id alone: {@code host.command-not-found} for {@code host.command-not-found
     *     (exit 127: POSIX sh, command not found)}; a bare id as it is
     */
    public String ruleId() {
        int space = rule.indexOf(' ');
        return space < 0 ? rule : rule.substring(0, space);
    }

    /**
     * @return the rule's reason, the text in the parentheses after its id ({@code exit 127: POSIX sh,
     *     command not found}), or {@code null} for a bare id
     */
    public String ruleReason() {
        int open = rule.indexOf(" (");
        return open < 0 || !rule.endsWith(")") ? null : rule.substring(open + 2, rule.length() - 1);
    }

    @Override
    public String toString() {
        return category.label() + " — rule " + rule + " — evidence: " + evidence;
    }
}
