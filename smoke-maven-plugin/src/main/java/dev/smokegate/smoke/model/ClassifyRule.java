package dev.smokegate.smoke.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A classification rule added by the manifest ({@code [[classify]]}): tried before the built-in
 * rules of the same category.
 *
 * @param id the rule's id; starts with {@code source.}, {@code runtime.} or {@code host.}, matching
 *     the category
 * @param category who a failure it matches belongs to
 * @param matches searched (with {@link java.util.regex.Matcher#find()}) in each line of the failed
 *     step's output; the first matching line is the evidence
 * @param reason why a match means that category, printed with the rule id
 * @param location where the rule's table starts in the manifest
 */
public record ClassifyRule(String id, FailureCategory category, Pattern matches, String reason, Location location) {
    public ClassifyRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(matches, "matches");
        Objects.requireNonNull(reason, "reason");
    }
}
