package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tomlj.TomlTable;

/**
 * The top-level {@code [retired]} table: the scenarios that were removed from the manifest on
 * purpose, each with the reason. The ratchet lets a scenario name that git history holds disappear
 * from the manifest only when it is listed here.
 *
 * <pre>
 * [retired]
 * old-name = "replaced by new-name in REL-77"
 * "api.v1" = "the v1 API is gone (REL-80)"   # a name with a '.' is quoted
 * </pre>
 *
 * <p>Each key is a scenario name ({@code [a-z0-9][a-z0-9._-]*}) and each value a non-blank string. A
 * name may not be retired and still be a {@code [[scenario]]}.
 */
final class RetiredReader {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final String CONTEXT = "[retired]";

    private final TomlReader toml;

    /** @param toml the load's reader, where problems go */
    RetiredReader(TomlReader toml) {
        this.toml = toml;
    }

    /**
     * @param root the manifest's top-level table
     * @param scenarios the scenarios read, to find a name that is both retired and present
     * @return the retired names and their reasons, in file order; an entry with a problem is left out
     *     (and reported)
     */
    Map<String, String> read(TomlTable root, List<Scenario> scenarios) {
        TomlTable table = toml.table(root, "retired", "the top level");
        if (table == null) {
            return Map.of();
        }
        Map<String, String> retired = new LinkedHashMap<>();
        for (String name : table.keySet()) {
            Object value = table.get(List.of(name));
            if (!(value instanceof String reason)) {
                toml.problem(
                        toml.at(table, name),
                        "'" + name + "' in " + CONTEXT + " must be a string, the reason it was retired; found "
                                + TomlReader.describe(value) + "."
                                + (value instanceof TomlTable inner && !inner.isEmpty()
                                        ? " A name with a '.' must be quoted: \"" + name + "."
                                                + inner.dottedKeySet()
                                                        .iterator()
                                                        .next() + "\" = \"…\"."
                                        : " Write " + name + " = \"why it was removed\"."));
                continue;
            }
            if (reason.isBlank()) {
                toml.problem(
                        toml.at(table, name),
                        "retired scenario '" + name + "' has no reason. Say why it was removed, e.g. " + name
                                + " = \"replaced by new-name in REL-77\".");
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                toml.problem(
                        toml.at(table, name),
                        "retired name '" + name + "' is not a scenario name: it must match [a-z0-9][a-z0-9._-]*."
                                + " Use the name exactly as the scenario had it.");
                continue;
            }
            scenarios.stream()
                    .filter(scenario -> scenario.name().equals(name))
                    .findFirst()
                    .ifPresent(scenario -> toml.problem(
                            toml.at(table, name),
                            "scenario '" + name + "' is retired and still in the manifest (at " + scenario.location()
                                    + "). Remove it from " + CONTEXT + ", or remove the scenario."));
            retired.put(name, reason);
        }
        return retired;
    }
}
