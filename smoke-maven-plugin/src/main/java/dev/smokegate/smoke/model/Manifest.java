package dev.smokegate.smoke.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A loaded and validated manifest (format 1).
 *
 * @param file the manifest file
 * @param defaultTimeout the step timeout used when a step sets none
 * @param defaultEnv environment added to every step (may hold placeholders)
 * @param scenarios the scenarios in file order
 * @param rules the manifest's own classification rules ({@code [[classify]]}), in file order
 */
public record Manifest(
        Path file,
        Duration defaultTimeout,
        Map<String, String> defaultEnv,
        List<Scenario> scenarios,
        List<ClassifyRule> rules) {
    public Manifest {
        defaultEnv = Map.copyOf(defaultEnv);
        scenarios = List.copyOf(scenarios);
        rules = List.copyOf(rules);
    }

    /** A manifest without classification rules of its own. */
    public Manifest(Path file, Duration defaultTimeout, Map<String, String> defaultEnv, List<Scenario> scenarios) {
        this(file, defaultTimeout, defaultEnv, scenarios, List.of());
    }

    /** The folder relative paths such as {@code patch} are resolved against. */
    public Path folder() {
        return file.toAbsolutePath().getParent();
    }
}
