package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.ClassifyRule;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * The rules of the top-level {@code [[classify]]} tables: the manifest's own classification rules,
 * tried before the built-in rules of their category.
 *
 * <pre>
 * [[classify]]
 * id = "host.registry-rate-limit"        # source.…, runtime.… or host.…, as category says
 * category = "host"                      # source, runtime or host
 * matches = 'HTTP 429|Too Many Requests' # a Java regex, found in a line of the failed step's output
 * reason = "the package registry rate-limited this machine"
 * </pre>
 *
 * <p>Every key is required and a string; an unknown key gets a suggestion. The id matches {@code
 * (source|runtime|host)\.[a-z0-9][a-z0-9._-]*}, its first word is the category, and it is unique
 * among the manifest's rules. The regex must compile ({@link Pattern}, no flags): a bad one is
 * reported with the regex's own error and its index. Placeholders are not resolved in any of them:
 * a rule is about the output, not about the gate's values.
 */
final class ClassifyReader {
    private static final Set<String> KEYS = Set.of("id", "category", "matches", "reason");
    private static final Pattern ID = Pattern.compile("(source|runtime|host)\\.[a-z0-9][a-z0-9._-]*");
    private static final String CONTEXT = "[[classify]]";

    private final TomlReader toml;

    /** @param toml the load's reader, where problems go */
    ClassifyReader(TomlReader toml) {
        this.toml = toml;
    }

    /**
     * @param root the manifest's top-level table
     * @return the rules, in file order; a rule with any problem is left out (and reported)
     */
    List<ClassifyRule> rules(TomlTable root) {
        Object value = root.get(List.of("classify"));
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof TomlArray array) || !TomlReader.tablesOnly(array)) {
            toml.problem(
                    toml.at(root, "classify"),
                    "'classify' must be an array of tables written [[classify]]; found " + TomlReader.describe(value)
                            + ".");
            return List.of();
        }
        List<ClassifyRule> rules = new ArrayList<>();
        Map<String, Location> ids = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            ClassifyRule rule = rule(array.getTable(i), toml.position(array.inputPositionOf(i)), ids);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private ClassifyRule rule(TomlTable table, Location where, Map<String, Location> ids) {
        toml.keys(table, KEYS, CONTEXT);
        int before = toml.problems().size();
        String id = required(table, "id", CONTEXT, where, "\"host.registry-rate-limit\"");
        String context = id == null ? CONTEXT : CONTEXT + " '" + id + "'";
        String categoryText = required(table, "category", context, where, "\"host\"");
        String regex = required(table, "matches", context, where, "'HTTP 429|Too Many Requests'");
        String reason = required(table, "reason", context, where, "\"the package registry rate-limited this machine\"");
        FailureCategory category = category(table, categoryText, context);
        if (id != null) {
            id(table, id, category, ids);
        }
        Pattern matches = regex == null ? null : regex(table, regex, context);
        if (reason != null && reason.isBlank()) {
            toml.problem(
                    toml.at(table, "reason"),
                    "'reason' in " + context + " is empty. Say why a line it matches means that category; reports"
                            + " print it after the id.");
        }
        if (toml.problems().size() > before) {
            return null;
        }
        return new ClassifyRule(id, category, matches, reason, where);
    }

    /** A required string key; a problem at the table's start when it is missing. */
    private String required(TomlTable table, String key, String context, Location where, String example) {
        if (table.get(List.of(key)) == null) {
            toml.problem(where, context + " has no '" + key + "'. Add " + key + " = " + example + ".");
            return null;
        }
        return toml.string(table, key, context);
    }

    private FailureCategory category(TomlTable table, String text, String context) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "source", "runtime", "host" -> FailureCategory.valueOf(text.toUpperCase(Locale.ROOT));
            default -> {
                toml.problem(
                        toml.at(table, "category"),
                        "'category' in " + context + " must be \"source\", \"runtime\" or \"host\"; found \"" + text
                                + "\".");
                yield null;
            }
        };
    }

    private void id(TomlTable table, String id, FailureCategory category, Map<String, Location> ids) {
        Location at = toml.at(table, "id");
        if (!ID.matcher(id).matches()) {
            toml.problem(
                    at,
                    "classify id '" + id + "' must start with source., runtime. or host. (its category) and go on"
                            + " with lower case, digits, '.', '_' and '-', e.g. \"host.registry-rate-limit\".");
            return;
        }
        String prefix = id.substring(0, id.indexOf('.'));
        if (category != null && !prefix.equals(category.label())) {
            toml.problem(
                    at,
                    "classify id '" + id + "' starts with " + prefix + ". but its category is \"" + category.label()
                            + "\". Make them agree: reports read the category from the id.");
        }
        Location first = ids.putIfAbsent(id, at);
        if (first != null) {
            toml.problem(
                    at, "duplicate classify id '" + id + "'; it is first used at " + first + ". Rename one of them.");
        }
    }

    private Pattern regex(TomlTable table, String regex, String context) {
        if (regex.isEmpty()) {
            toml.problem(
                    toml.at(table, "matches"),
                    "'matches' in " + context + " is empty, so it would match every line. Write a regex for the"
                            + " line that shows the cause, e.g. 'HTTP 429|Too Many Requests'.");
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            toml.problem(
                    toml.at(table, "matches"),
                    "bad regex in " + context + " matches: '" + regex + "': " + e.getDescription() + " near index "
                            + e.getIndex() + ". Fix the Java regex; write \\\\ for a literal backslash in a \"…\""
                            + " string, or use a '…' literal string.");
            return null;
        }
    }
}
