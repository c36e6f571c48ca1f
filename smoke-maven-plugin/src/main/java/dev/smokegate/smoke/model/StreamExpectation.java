package dev.smokegate.smoke.model;

import java.util.List;

/**
 * Checks on one output stream of a step ({@code stdout}, {@code stderr} or {@code output}).
 *
 * @param contains literal texts that must each appear somewhere
 * @param matches regular expressions ({@link java.util.regex.Pattern} syntax, compiled with
 *     {@code MULTILINE}) that must each be found somewhere
 * @param notContains literal texts that must not appear
 */
public record StreamExpectation(List<String> contains, List<String> matches, List<String> notContains) {
    public static final StreamExpectation NONE = new StreamExpectation(List.of(), List.of(), List.of());

    public StreamExpectation {
        contains = List.copyOf(contains);
        matches = List.copyOf(matches);
        notContains = List.copyOf(notContains);
    }

    /** True when there is text or a regex that must be present: a check that reads output. */
    public boolean hasPositive() {
        return !contains.isEmpty() || !matches.isEmpty();
    }

    public boolean isEmpty() {
        return !hasPositive() && notContains.isEmpty();
    }
}
