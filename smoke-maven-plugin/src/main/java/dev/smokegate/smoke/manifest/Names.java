package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tomlj.TomlTable;

/**
 * The names of one scope, the scenarios of a manifest, the steps of one scenario or the services of
 * one scenario: each is required, matches {@code [a-z0-9][a-z0-9._-]*} (it names a folder, a log
 * file or a service in {@code stop} steps) and is unique in its scope. A broken rule is a problem in
 * the {@link TomlReader}.
 */
final class Names {
    /** What a name must match. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /** The longest name: it becomes a folder name, and a file name holds at most 255 bytes (NAME_MAX). */
    static final int MAX_LENGTH = 100;

    private final TomlReader toml;
    private final String kind;
    private final String writtenAs;
    private final String reason;
    private final Map<String, Location> seen = new LinkedHashMap<>();

    /**
     * @param toml where problems go
     * @param kind what is named, as messages say it: {@code scenario} or {@code step}
     */
    Names(TomlReader toml, String kind) {
        this(toml, kind, "name", "it names a folder and a log file");
    }

    private Names(TomlReader toml, String kind, String writtenAs, String reason) {
        this.toml = toml;
        this.kind = kind;
        this.writtenAs = writtenAs;
        this.reason = reason;
    }

    /**
     * @param toml where problems go
     * @return the scope of the service names of one scenario, written {@code service.name}
     */
    static Names services(TomlReader toml) {
        return new Names(toml, "service", "service.name", "stop steps name the service with it");
    }

    /** @return whether {@code name} was read in this scope */
    boolean has(String name) {
        return seen.containsKey(name);
    }

    /** @return the names read in this scope, in the order read */
    List<String> all() {
        return List.copyOf(seen.keySet());
    }

    /**
     * Reads the {@code name} of a table and remembers it.
     *
     * @param table the scenario, step or service table
     * @param context the table, as messages name it
     * @param where the table's position, for a missing name
     * @return the name; {@code null} when it is missing, not a string, malformed or taken
     */
    String read(TomlTable table, String context, Location where) {
        if (table.get(List.of("name")) == null) {
            toml.problem(where, context + " has no name. Add " + writtenAs + " = \"…\" matching [a-z0-9][a-z0-9._-]*.");
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
                    kind + " name '" + name + "' must match [a-z0-9][a-z0-9._-]* (" + reason
                            + "). Use lower case, digits, '.', '_' and '-'.");
            return null;
        }
        if (name.length() > MAX_LENGTH) {
            toml.problem(
                    at,
                    kind + " name '" + name.substring(0, 40) + "…' is " + name.length() + " characters long; a name"
                            + " holds at most " + MAX_LENGTH + " (" + reason + "). Shorten it.");
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
