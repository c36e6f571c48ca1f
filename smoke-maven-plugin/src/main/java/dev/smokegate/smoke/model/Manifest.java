package dev.smokegate.smoke.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param retired the scenarios removed on purpose ({@code [retired]}): name → the reason, in file
 *     order; the ratchet lets only these names disappear from the manifest
 */
public record Manifest(
        Path file,
        Duration defaultTimeout,
        Map<String, String> defaultEnv,
        List<Scenario> scenarios,
        List<ClassifyRule> rules,
        Map<String, String> retired) {
    public Manifest {
        defaultEnv = Map.copyOf(defaultEnv);
        scenarios = List.copyOf(scenarios);
        rules = List.copyOf(rules);
        retired = Collections.unmodifiableMap(new LinkedHashMap<>(retired));
    }

    /** A manifest without retired scenarios. */
    public Manifest(
            Path file,
            Duration defaultTimeout,
            Map<String, String> defaultEnv,
            List<Scenario> scenarios,
            List<ClassifyRule> rules) {
        this(file, defaultTimeout, defaultEnv, scenarios, rules, Map.of());
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
