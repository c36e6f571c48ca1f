package dev.smokegate.smoke.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.Location;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Typed reading of one TOML document parsed by tomlj, for one load. A value of the wrong type is
 * not an exception: it becomes a {@link ManifestProblem} with the value's {@code file:line:col}, the
 * read returns {@code null} (or an empty list) and reading goes on, so that one run reports every
 * problem. The caller gives each read a context, such as {@code [defaults]}, that names the table
 * in the message.
 *
 * <p>Knows TOML and durations, nothing of the manifest's keys: {@link ManifestLoader}, {@link
 * StepReader} and the readers it uses state those. Strings that may hold placeholders are read with the {@code text} reads,
 * which apply the caller's {@link TextRule}.
 */
final class TomlReader {
    /** A rule every interpolated string must follow. */
    @FunctionalInterface
    interface TextRule {
        /**
         * @param text the string as written
         * @param key the key it was read from (for an array, the array's key)
         * @param context the table, as messages name it
         * @return what is wrong with the text, as a message without location; empty when nothing is
         */
        Optional<String> problem(String text, String key, String context);
    }

    private final String file;
    private final TextRule textRule;
    private final List<ManifestProblem> problems = new ArrayList<>();

    /**
     * @param file how to name the file in messages, as in {@code file:line:col}
     * @param textRule the rule the {@code text} reads apply
     */
    TomlReader(String file, TextRule textRule) {
        this.file = file;
        this.textRule = textRule;
    }

    /** The problems found so far, in the order found; the live list. */
    List<ManifestProblem> problems() {
        return problems;
    }

    /** Adds a problem found by the caller. */
    void problem(Location where, String message) {
        problems.add(new ManifestProblem(where, message));
    }

    /** Adds one problem per tomlj syntax error, at the error's position (or 1:1 when it has none). */
    void syntaxErrors(TomlParseResult toml) {
        for (TomlParseError error : toml.errors()) {
            problem(
                    position(error.position()),
                    "not valid TOML: " + error.getMessage() + ". Fix the syntax (TOML 1.0).");
        }
    }

    /** Reports every key of {@code table} not in {@code allowed}, with "Did you mean …?" or the allowed keys. */
    void keys(TomlTable table, Set<String> allowed, String context) {
        for (String key : table.keySet()) {
            if (!allowed.contains(key)) {
                problem(at(table, key), "unknown key '" + key + "' in " + context + "." + suggestion(key, allowed));
            }
        }
    }

    /**
     * The one key of a closed set that a table sets, such as a step's action.
     *
     * @param table the table
     * @param keys the keys of the set, in the order messages list them
     * @param written how messages write a key: the prefix before it, such as {@code http.} or {@code ""}
     * @param context the table, as messages name it
     * @param none what to report, at {@code where}, when no key of the set is set
     * @param where the position for {@code none}
     * @param advice what to do when several are set, as the message's last sentence
     * @return the key set; {@code null} when none or several are (a problem then, at the second one)
     */
    String oneOf(
            TomlTable table,
            List<String> keys,
            String written,
            String context,
            String none,
            Location where,
            String advice) {
        List<String> set =
                keys.stream().filter(key -> table.get(List.of(key)) != null).toList();
        if (set.isEmpty()) {
            problem(where, none);
            return null;
        }
        if (set.size() > 1) {
            problem(
                    at(table, set.get(1)),
                    context + " sets " + written + String.join(" and " + written, set) + ". " + advice);
            return null;
        }
        return set.get(0);
    }

    /** @return the sub-table at {@code key}; {@code null} when absent or not a table (a problem then) */
    TomlTable table(TomlTable parent, String key, String context) {
        return value(parent, key, context, TomlTable.class, "must be a table");
    }

    /**
     * The sub-table at {@code key}, with every key of it not in {@code allowed} reported as by {@link
     * #keys}.
     *
     * @param context the parent table, as messages name it
     * @param inner the sub-table, as messages name it, e.g. {@code scenario › step export} or {@code
     *     scenario › step expect.files}
     * @return the sub-table; {@code null} when absent or not a table (a problem then)
     */
    TomlTable table(TomlTable parent, String key, String context, Set<String> allowed, String inner) {
        TomlTable table = table(parent, key, context);
        if (table != null) {
            keys(table, allowed, inner);
        }
        return table;
    }

    /**
     * Reads the sub-table at {@code key} as one value, such as a step's {@code http} table: checks its
     * keys against {@code allowed}, then lets {@code read} check the table, with the table's context
     * {@code "<context> <key>"}, and say how to build the value. The value is built only when reading
     * the table found no problem, so that a model's own checks never meet a value already reported.
     *
     * @param read checks the table and returns how to build the value, or {@code null} when it cannot
     *     be built
     * @return the value; {@code null} when the table is absent or not a table, when {@code read}
     *     returns {@code null}, or when reading the table found any problem
     */
    <T> T whole(
            TomlTable parent,
            String key,
            String context,
            Set<String> allowed,
            BiFunction<TomlTable, String, Supplier<T>> read) {
        int before = problems.size();
        String inner = context + " " + key;
        TomlTable table = table(parent, key, context, allowed, inner);
        if (table == null) {
            return null;
        }
        Supplier<T> build = read.apply(table, inner);
        return build == null || problems.size() > before ? null : build.get();
    }

    /**
     * Reports, at {@code second}, that two keys of {@code table} that exclude each other are both set:
     * {@code <prefix><first> and <prefix><second> are both set in <context>. Keep one: <choice>.}
     *
     * @param prefix how messages write the table before a key, such as {@code http.}
     * @param choice what each key stands for, such as {@code the body as text, or a file that holds it}
     */
    void bothSet(TomlTable table, String prefix, String first, String second, String context, String choice) {
        problem(
                at(table, second),
                prefix + first + " and " + prefix + second + " are both set in " + context + ". Keep one: " + choice
                        + ".");
    }

    /** @return the string at {@code key}; {@code null} when absent or not a string (a problem then) */
    String string(TomlTable table, String key, String context) {
        return value(table, key, context, String.class, "must be a string");
    }

    /** @return the boolean at {@code key}; {@code null} when absent or not a boolean (a problem then) */
    Boolean flag(TomlTable table, String key, String context) {
        return value(table, key, context, Boolean.class, "must be true or false");
    }

    /** As {@link #string}, and the text follows the {@link TextRule}. */
    String text(TomlTable table, String key, String context) {
        String text = string(table, key, context);
        if (text != null) {
            checkText(table, key, text, context);
        }
        return text;
    }

    /** Applies the {@link TextRule} to {@code text}, found at {@code key} of {@code table}. */
    void checkText(TomlTable table, String key, String text, String context) {
        textRule.problem(text, key, context).ifPresent(message -> problem(at(table, key), message));
    }

    /** As {@link #strings}, and each element follows the {@link TextRule}, reported where it first appears. */
    List<String> texts(TomlTable table, String key, String context) {
        List<String> texts = strings(table, key, context);
        for (String text : texts) {
            textRule.problem(text, key, context)
                    .ifPresent(message -> problem(at(table, key, texts.indexOf(text)), message));
        }
        return texts;
    }

    /**
     * @return the table of strings at {@code key}, such as {@code env}, in file order, each a {@link
     *     #text} of context {@code "<context> <key>"}; empty when absent or not a table (a problem then)
     */
    Map<String, String> textTable(TomlTable parent, String key, String context) {
        TomlTable table = table(parent, key, context);
        if (table == null) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : table.keySet()) {
            String value = text(table, name, context + " " + key);
            if (value != null) {
                result.put(name, value);
            }
        }
        return result;
    }

    /** @return the array of strings at {@code key}; empty when absent or not all strings (a problem then) */
    List<String> strings(TomlTable table, String key, String context) {
        Object value = table.get(List.of(key));
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof TomlArray array) || !array.toList().stream().allMatch(String.class::isInstance)) {
            wrongType(table, key, context, "must be an array of strings, e.g. [\"text\"]", value);
            return List.of();
        }
        return array.toList().stream().map(String.class::cast).toList();
    }

    /**
     * @return the positive duration at {@code key} in the manifest form of {@link Durations#parse};
     *     {@code null} when absent or not such a duration (a problem then)
     */
    Duration duration(TomlTable table, String key, String context) {
        Object value = table.get(List.of(key));
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            var parsed = Durations.parse(text);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        problem(
                at(table, key),
                "bad duration for '" + key + "' in " + context + ": " + describe(value)
                        + ". Write a positive duration such as \"500ms\", \"30s\", \"10m\" or \"1h\".");
        return null;
    }

    private <T> T value(TomlTable table, String key, String context, Class<T> type, String rule) {
        Object value = table.get(List.of(key));
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        wrongType(table, key, context, rule, value);
        return null;
    }

    private void wrongType(TomlTable table, String key, String context, String rule, Object value) {
        problem(at(table, key), "'" + key + "' in " + context + " " + rule + "; found " + describe(value) + ".");
    }

    /** Where the value of {@code key} is; 1:1 when tomlj does not know. */
    Location at(TomlTable table, String key) {
        return position(table.inputPositionOf(List.of(key)));
    }

    /** Where element {@code index} of the array at {@code key} is; where the key is when that is not an array. */
    Location at(TomlTable table, String key, int index) {
        Object value = table.get(List.of(key));
        return value instanceof TomlArray array && index < array.size()
                ? position(array.inputPositionOf(index))
                : at(table, key);
    }

    /** The start of this file, 1:1, for what belongs to no key. */
    Location top() {
        return new Location(file, 1, 1);
    }

    /** A tomlj position in this file; 1:1 for {@code null}. */
    Location position(TomlPosition position) {
        return position == null ? new Location(file, 1, 1) : new Location(file, position.line(), position.column());
    }

    /** @return whether every element of {@code array} is a table (an array written {@code [[…]]}) */
    static boolean tablesOnly(TomlArray array) {
        return array.toList().stream().allMatch(TomlTable.class::isInstance);
    }

    /** "Did you mean …?" for a key within edit distance 2 of an allowed one, else a list of them. */
    static String suggestion(String key, Set<String> allowed) {
        return closest(key, allowed)
                .map(best -> " Did you mean '" + best + "'?")
                .orElse(" Allowed keys: " + allowed.stream().sorted().collect(Collectors.joining(", ")) + ".");
    }

    /**
     * @return the candidate within edit distance 2 of {@code word} (Levenshtein), the nearest first and
     *     then the first in sorted order; empty when none is that near
     */
    static Optional<String> closest(String word, Collection<String> candidates) {
        LevenshteinDistance distance = new LevenshteinDistance(2);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates.stream().sorted().toList()) {
            int d = distance.apply(word, candidate);
            if (d >= 0 && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A TOML value as a message names it: {@code string "x"}, {@code integer 30}, {@code an array}. */
    static String describe(Object value) {
        if (value instanceof String text) {
            return "string \"" + text + "\"";
        }
        if (value instanceof Long number) {
            return "integer " + number;
        }
        if (value instanceof Double number) {
            return "float " + number;
        }
        if (value instanceof Boolean bool) {
            return "boolean " + bool;
        }
        if (value instanceof TomlArray array) {
            if (array.isEmpty()) {
                return "an empty array";
            }
            return "an array of "
                    + array.toList().stream().map(TomlReader::plural).distinct().collect(Collectors.joining(" and "));
        }
        if (value instanceof TomlTable) {
            return "a table";
        }
        return value.getClass().getSimpleName() + " " + value;
    }

    /** @return what an array of such values is called: {@code integers}, {@code strings}, {@code tables} */
    private static String plural(Object value) {
        if (value instanceof String) {
            return "strings";
        }
        if (value instanceof Long) {
            return "integers";
        }
        if (value instanceof Double) {
            return "floats";
        }
        if (value instanceof Boolean) {
            return "booleans";
        }
        if (value instanceof TomlArray) {
            return "arrays";
        }
        if (value instanceof TomlTable) {
            return "tables";
        }
        return "dates and times";
    }

    /** Converts a TOML value into the JSON value it stands for; dates and times become their text. */
    static JsonNode json(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof String text) {
            return nodes.textNode(text);
        }
        if (value instanceof Long number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Double number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        }
        if (value instanceof TomlArray array) {
            ArrayNode node = nodes.arrayNode();
            array.toList().forEach(item -> node.add(json(item)));
            return node;
        }
        if (value instanceof TomlTable table) {
            ObjectNode node = nodes.objectNode();
            for (String key : table.keySet()) {
                node.set(key, json(table.get(List.of(key))));
            }
            return node;
        }
        return nodes.textNode(String.valueOf(value));
    }
}
