package dev.smokegate.smoke.model;

import java.util.List;

/**
 * Checks on one output stream of a step ({@code stdout}, {@code stderr} or {@code output}).
 *
 * @param contains literal texts that must each appear somewhere
 * @param matches regular expressions ({@link java.util.regex.Pattern} syntax, compiled with
 *     {@code MULTILINE}) that must each be found somewhere
 * @param notContains literal texts that must not appear
 * @param equalsFile the golden file the whole stream must equal ({@code equals-file}), or {@code
 *     null} for none
 */
public record StreamExpectation(
        List<String> contains, List<String> matches, List<String> notContains, GoldenFile equalsFile) {
    public static final StreamExpectation NONE = new StreamExpectation(List.of(), List.of(), List.of());

    public StreamExpectation {
        contains = List.copyOf(contains);
        matches = List.copyOf(matches);
        notContains = List.copyOf(notContains);
    }

    /** Checks without a golden file. */
    public StreamExpectation(List<String> contains, List<String> matches, List<String> notContains) {
        this(contains, matches, notContains, null);
    }

    /** True when there is text, a regex or a golden file that must be present: a check that reads output. */
    public boolean hasPositive() {
        return !contains.isEmpty() || !matches.isEmpty() || equalsFile != null;
    }

    public boolean isEmpty() {
        return !hasPositive() && notContains.isEmpty();
    }
}
