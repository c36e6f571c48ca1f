package dev.smokegate.smoke.manifest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The manifest could not be loaded: it is missing, unreadable, not valid TOML, or breaks format 1.
 * Carries every problem found, each with its {@code file:line:col}, so one run shows them all.
 */
public final class ManifestException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ManifestProblem> problems;

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    public ManifestException(List<ManifestProblem> problems) {
        super(problems.stream().map(ManifestProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    /** The problems found, in file order; empty when the file could not be read at all. */
    public List<ManifestProblem> problems() {
        return problems;
    }
}
