package dev.smokegate.smoke.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${name}} placeholders of manifest strings.
 *
 * <p>A name resolves, in this order, to: a gate value ({@code smoke.workspace}, {@code
 * smoke.export}, {@code smoke.scenario}, {@code smoke.logs}), a dynamic value of the running
 * scenario ({@code port.NAME}, a free loopback port the engine reserves; see {@link #bind(Map,
 * Function)}), {@code env.NAME} from the environment, or a Maven project property (including {@code
 * project.basedir}, {@code project.build.directory}, {@code project.version} and {@code
 * settings.localRepository}). An unknown name is an error, never an empty string. {@code $${} writes
 * a literal {@code ${}, so a shell variable is written {@code $${HOME}} (or {@code $HOME}, which is
 * never touched).
 *
 * <p>Gate values, {@code port.NAME} and {@code smoke.export.NAME} (with NAME matching {@link
 * #PORT_NAME}) are known when the manifest is loaded, though their values are only known once a
 * scenario runs. {@code smoke.export.NAME} is the export folder of scenario NAME, which the running
 * scenario needs ({@code needs}); the loader checks that it does, the engine gives the value.
 */
public final class Placeholders {
    /** The gate's own values, known only once a scenario runs. */
    public static final Set<String> GATE_VALUES =
            Set.of("smoke.workspace", "smoke.export", "smoke.scenario", "smoke.logs");

    /** The prefix of a port placeholder, {@code ${port.NAME}}. */
    public static final String PORT_PREFIX = "port.";

    /** The rule for the NAME of {@code ${port.NAME}}. */
    public static final Pattern PORT_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /** The prefix of a needed scenario's export folder, {@code ${smoke.export.NAME}}. */
    public static final String EXPORT_PREFIX = "smoke.export.";

    private static final Function<String, String> NO_DYNAMIC = name -> null;

    private static final Pattern TOKEN = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");

    private static final Pattern UNCLOSED = Pattern.compile("\\$\\{");

    private final Map<String, String> properties;
    private final Map<String, String> environment;

    /**
     * @param properties Maven project and gate properties by name
     * @param environment the process environment, for {@code env.NAME}
     */
    public Placeholders(Map<String, String> properties, Map<String, String> environment) {
        this.properties = Map.copyOf(properties);
        this.environment = Map.copyOf(environment);
    }

    /** The first placeholder name in {@code text} that cannot be resolved, if any. */
    public Optional<String> firstUnknown(String text) {
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            String name = token.group(1);
            if (name != null
                    && !GATE_VALUES.contains(name)
                    && !isPort(name)
                    && !isExport(name)
                    && lookup(name, Map.of(), NO_DYNAMIC) == null) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /**
     * @param text a manifest string
     * @return whether it holds a {@code ${} without a closing {@code }} after it; {@code $${} is a
     *     literal {@code ${}, not an opening
     */
    public static boolean unclosed(String text) {
        return UNCLOSED.matcher(TOKEN.matcher(text).replaceAll("")).find();
    }

    /**
     * @param name a placeholder name, such as {@code port.http}
     * @return whether it is a well-formed port placeholder: {@link #PORT_PREFIX} and a name matching
     *     {@link #PORT_NAME}
     */
    public static boolean isPort(String name) {
        return name.startsWith(PORT_PREFIX)
                && PORT_NAME.matcher(name.substring(PORT_PREFIX.length())).matches();
    }

    /**
     * @param name a placeholder name, such as {@code smoke.export.make-token}
     * @return whether it is a well-formed export placeholder: {@link #EXPORT_PREFIX} and a scenario
     *     name (which matches {@link #PORT_NAME})
     */
    public static boolean isExport(String name) {
        return name.startsWith(EXPORT_PREFIX)
                && PORT_NAME.matcher(name.substring(EXPORT_PREFIX.length())).matches();
    }

    /**
     * @param text a manifest string
     * @return the scenario names of its well-formed {@code ${smoke.export.NAME}} placeholders, in the
     *     order written; {@code $${} is not a placeholder
     */
    public static List<String> exports(String text) {
        List<String> names = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            String name = token.group(1);
            if (name != null && isExport(name)) {
                names.add(name.substring(EXPORT_PREFIX.length()));
            }
        }
        return names;
    }

    /**
     * Replaces every placeholder, with no dynamic values.
     *
     * @param text a manifest string
     * @param gate the gate values of the running scenario
     * @return the text with placeholders replaced
     * @throws IllegalArgumentException when a name is unknown (the loader rejects those first)
     */
    public String resolve(String text, Map<String, String> gate) {
        return resolve(text, gate, NO_DYNAMIC);
    }

    /**
     * Replaces every placeholder.
     *
     * @param text a manifest string
     * @param gate the gate values of the running scenario
     * @param dynamic asked for each name {@code gate} lacks, before the environment and the project
     *     properties; answers {@code null} for a name it does not know (the engine answers {@code port.NAME})
     * @return the text with placeholders replaced
     * @throws IllegalArgumentException when a name is unknown (the loader rejects those first)
     */
    public String resolve(String text, Map<String, String> gate, Function<String, String> dynamic) {
        if (text == null || text.indexOf('$') < 0) {
            return text;
        }
        return TOKEN.matcher(text).replaceAll(token -> {
            String name = token.group(1);
            if (name == null) {
                return Matcher.quoteReplacement("${");
            }
            String value = lookup(name, gate, dynamic);
            if (value == null) {
                throw new IllegalArgumentException("unknown placeholder ${" + name + "}");
            }
            return Matcher.quoteReplacement(value);
        });
    }

    /** Applies {@link #resolve} to every value of a map; the result is sorted by key. */
    public Map<String, String> resolveValues(Map<String, String> values, Map<String, String> gate) {
        Map<String, String> resolved = new TreeMap<>();
        values.forEach((key, value) -> resolved.put(key, resolve(value, gate)));
        return resolved;
    }

    /** A resolver bound to one scenario's gate values, with no dynamic values. */
    public Function<String, String> bind(Map<String, String> gate) {
        return bind(gate, NO_DYNAMIC);
    }

    /**
     * A resolver bound to one scenario's gate values and dynamic lookup.
     *
     * @param gate the gate values of the scenario
     * @param dynamic asked for each name {@code gate} lacks, such as {@code port.http}; answers {@code
     *     null} for a name it does not know. It is asked on every use, so it may reserve a value the
     *     first time a name is asked for.
     * @return a function from a manifest string to its resolved text; it throws {@link
     *     IllegalArgumentException} for an unknown name
     */
    public Function<String, String> bind(Map<String, String> gate, Function<String, String> dynamic) {
        Map<String, String> copy = Map.copyOf(gate);
        Objects.requireNonNull(dynamic, "dynamic");
        return text -> resolve(text, copy, dynamic);
    }

    private String lookup(String name, Map<String, String> gate, Function<String, String> dynamic) {
        if (gate.containsKey(name)) {
            return gate.get(name);
        }
        String value = dynamic.apply(name);
        if (value != null) {
            return value;
        }
        if (name.startsWith("env.")) {
            return environment.get(name.substring(4));
        }
        return properties.get(name);
    }
}
