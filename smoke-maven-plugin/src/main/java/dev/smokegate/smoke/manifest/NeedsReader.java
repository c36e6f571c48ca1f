package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tomlj.TomlTable;

/**
 * States a scenario's {@code needs = ["other"]}: the scenarios that must have finished before it
 * starts, and whose export folders it may name as {@code ${smoke.export.other}}. One reader serves
 * one load: the loader calls {@link #read} as it reaches each scenario and {@link #leave} when it is
 * done with it, then {@link #check} once every scenario is read.
 *
 * <p>The rules, each broken one a problem with its {@code file:line:col}:
 *
 * <ul>
 *   <li>{@code needs} is an array of strings, each listed once;
 *   <li>each names a scenario of the manifest (with "Did you mean …?" for a near miss);
 *   <li>they form no cycle: {@code a} needs {@code b} and {@code b} needs {@code a} is reported once,
 *       at the first of them in the manifest, naming the whole cycle {@code a → b → a} (a scenario
 *       that needs itself is the cycle {@code a → a});
 *   <li>{@code ${smoke.export.NAME}} is used only in a scenario that needs {@code NAME} directly
 *       (see {@link #exportRule}).
 * </ul>
 */
final class NeedsReader {
    /** One name in a scenario's {@code needs}, with where it is written. */
    private record Need(String name, Location at) {}

    private final Map<String, List<Need>> byScenario = new LinkedHashMap<>();
    private Set<String> current = Set.of();
    private boolean inScenario;

    /**
     * Wraps the loader's rule for interpolated strings with the rule for {@code
     * ${smoke.export.NAME}}: only a scenario whose {@code needs} names {@code NAME} may use it, so
     * that {@code NAME} has finished and its export folder is there when the string is used.
     *
     * @param rule the loader's rule (unknown placeholders); it is asked first
     * @return the combined rule
     */
    TomlReader.TextRule exportRule(TomlReader.TextRule rule) {
        return (text, key, context) -> rule.problem(text, key, context).or(() -> notNeeded(text, key, context));
    }

    private Optional<String> notNeeded(String text, String key, String context) {
        for (String name : Placeholders.exports(text)) {
            if (!current.contains(name)) {
                String uses = "'" + key + "' of " + context + " uses ${" + Placeholders.EXPORT_PREFIX + name
                        + "}, the export folder of scenario '" + name + "'";
                return Optional.of(
                        inScenario
                                ? uses + ", which it does not need. Add \"" + name + "\" to the scenario's needs"
                                        + " (needs = [\"" + name + "\"]), so that " + name + " runs first."
                                : uses + "; only a scenario that needs " + name + " may use it. Move it into such a"
                                        + " scenario.");
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the {@code needs} of one scenario and makes them the ones {@link #exportRule} allows until
     * {@link #leave}.
     *
     * @param toml the load's reader, where problems go
     * @param table the scenario's table
     * @param context the scenario, as messages name it
     * @param scenario its name; {@code null} when it has none or a bad one (its needs are then only
     *     checked for their type)
     * @return the names, in the order written, each once; empty when absent or not an array of
     *     strings (a problem then)
     */
    List<String> read(TomlReader toml, TomlTable table, String context, String scenario) {
        List<String> written = toml.strings(table, "needs", context);
        Set<String> names = new LinkedHashSet<>();
        List<Need> needs = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            String name = written.get(i);
            Location at = toml.at(table, "needs", i);
            if (!names.add(name)) {
                toml.problem(at, "'" + name + "' is listed twice in needs of " + context + ". Remove one.");
            } else {
                needs.add(new Need(name, at));
            }
        }
        if (scenario != null) {
            byScenario.put(scenario, needs);
        }
        current = Set.copyOf(names);
        inScenario = true;
        return List.copyOf(names);
    }

    /** Ends the scenario {@link #read} began: outside a scenario, no export of another one may be used. */
    void leave() {
        current = Set.of();
        inScenario = false;
    }

    /**
     * Reports each need that names no scenario of the manifest, then each cycle.
     *
     * @param toml the load's reader, where problems go
     * @param scenarios the names of the manifest's scenarios
     */
    void check(TomlReader toml, Names scenarios) {
        byScenario.forEach((scenario, needs) -> {
            for (Need need : needs) {
                if (!scenarios.has(need.name())) {
                    toml.problem(
                            need.at(),
                            "unknown scenario '" + need.name() + "' in needs of [[scenario]] '" + scenario + "'."
                                    + TomlReader.closest(need.name(), scenarios.all())
                                            .map(best -> " Did you mean '" + best + "'?")
                                            .orElse(" Scenarios in the manifest: " + String.join(", ", scenarios.all())
                                                    + "."));
                }
            }
        });
        new Cycles().report(toml);
    }

    /**
     * Finds cycles with a depth-first walk from each scenario in manifest order; a cycle is reported
     * once, rotated to start at its scenario that comes first in the manifest, at that scenario's
     * need of the next one.
     */
    private final class Cycles {
        private final Map<String, Integer> order = new HashMap<>();
        private final Set<String> done = new LinkedHashSet<>();
        private final List<String> path = new ArrayList<>();
        private final Set<String> reported = new LinkedHashSet<>();
        private final List<List<String>> cycles = new ArrayList<>();

        void report(TomlReader toml) {
            byScenario.keySet().forEach(name -> order.put(name, order.size()));
            byScenario.keySet().forEach(this::walk);
            for (List<String> cycle : cycles) {
                String first = cycle.get(0);
                Location at = byScenario.get(first).stream()
                        .filter(need -> need.name().equals(cycle.get(1)))
                        .findFirst()
                        .orElseThrow()
                        .at();
                toml.problem(
                        at,
                        "needs of [[scenario]] '" + first + "' form a cycle: " + String.join(" → ", cycle)
                                + ". Remove one of these needs: a scenario cannot run after itself.");
            }
        }

        private void walk(String scenario) {
            if (done.contains(scenario)) {
                return;
            }
            int onPath = path.indexOf(scenario);
            if (onPath >= 0) {
                found(path.subList(onPath, path.size()));
                return;
            }
            path.add(scenario);
            for (Need need : byScenario.get(scenario)) {
                if (byScenario.containsKey(need.name())) {
                    walk(need.name());
                }
            }
            path.remove(path.size() - 1);
            done.add(scenario);
        }

        private void found(List<String> members) {
            int start = 0;
            for (int i = 1; i < members.size(); i++) {
                if (order.get(members.get(i)) < order.get(members.get(start))) {
                    start = i;
                }
            }
            List<String> cycle = new ArrayList<>(members.subList(start, members.size()));
            cycle.addAll(members.subList(0, start));
            cycle.add(cycle.get(0));
            if (reported.add(cycle.stream().collect(Collectors.joining(" ")))) {
                cycles.add(cycle);
            }
        }
    }
}
