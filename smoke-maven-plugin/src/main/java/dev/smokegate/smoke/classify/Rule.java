package dev.smokegate.smoke.classify;

import dev.smokegate.smoke.model.FailureCategory;
import java.util.Optional;
import java.util.function.Function;

/**
 * One classification rule: if it matches the evidence it names the deciding line.
 *
 * @param id stable id such as {@code host.command-not-found}
 * @param reason why the rule decides what it does, with its source where there is one
 * @param category the category it assigns
 * @param match returns the evidence line when the rule applies
 */
record Rule(String id, String reason, FailureCategory category, Function<Evidence, Optional<String>> match) {

    @Override
    public String toString() {
        return id + " (" + reason + ") → " + category.label();
    }
}
