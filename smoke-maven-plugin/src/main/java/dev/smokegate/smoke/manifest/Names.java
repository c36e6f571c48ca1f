package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Location;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tomlj.TomlTable;

/**
 * The names of one scope, the scenarios of a manifest or the steps of one scenario: each is
 * required, matches {@code [a-z0-9][a-z0-9._-]*} (it names a folder and a log file) and is unique in
 * its scope. A broken rule is a problem in the {@link TomlReader}.
 */
final class Names {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final TomlReader toml;
    private final String kind;
    private final Map<String, Location> seen = new HashMap<>();

    /**
     * @param toml where problems go
     * @param kind what is named, as messages say it: {@code scenario} or {@code step}
     */
    Names(TomlReader toml, String kind) {
        this.toml = toml;
        this.kind = kind;
    }

    /**
     * Reads the {@code name} of a table and remembers it.
     *
     * @param table the scenario or step table
     * @param context the table, as messages name it
     * @param where the table's position, for a missing name
     * @return the name; {@code null} when it is missing, not a string, malformed or taken
     */
    String read(TomlTable table, String context, Location where) {
        if (table.get(List.of("name")) == null) {
            toml.problem(where, context + " has no name. Add name = \"…\" matching [a-z0-9][a-z0-9._-]*.");
            return null;
        }
        String name = toml.string(table, "name", context);
        if (name == null) {
            return null;
        }
        Location at = toml.at(table, "name");
        if (!NAME.matcher(name).matches()) {
            toml.problem(
                    at,
                    kind + " name '" + name + "' must match [a-z0-9][a-z0-9._-]* (it names a folder"
                            + " and a log file). Use lower case, digits, '.', '_' and '-'.");
            return null;
        }
        Location first = seen.putIfAbsent(name, at);
        if (first != null) {
            toml.problem(
                    at,
                    "duplicate " + kind + " name '" + name + "'; it is first used at " + first
                            + ". Rename one of them.");
            return null;
        }
        return name;
    }
}
