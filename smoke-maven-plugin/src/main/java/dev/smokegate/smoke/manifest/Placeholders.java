package dev.smokegate.smoke.manifest;

import java.util.Map;
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
 * smoke.export}, {@code smoke.scenario}, {@code smoke.logs}), {@code env.NAME} from the environment,
 * or a Maven project property (including {@code project.basedir}, {@code project.build.directory},
 * {@code project.version} and {@code settings.localRepository}). An unknown name is an error, never
 * an empty string. {@code $${} writes a literal {@code ${}, so a shell variable is written
 * {@code $${HOME}} (or {@code $HOME}, which is never touched).
 */
public final class Placeholders {
    /** The gate's own values, known only once a scenario runs. */
    public static final Set<String> GATE_VALUES =
            Set.of("smoke.workspace", "smoke.export", "smoke.scenario", "smoke.logs");

    private static final Pattern TOKEN = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");

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
            if (name != null && !GATE_VALUES.contains(name) && lookup(name, Map.of()) == null) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /**
     * Replaces every placeholder.
     *
     * @param text a manifest string
     * @param gate the gate values of the running scenario
     * @return the text with placeholders replaced
     * @throws IllegalArgumentException when a name is unknown (the loader rejects those first)
     */
    public String resolve(String text, Map<String, String> gate) {
        if (text == null || text.indexOf('$') < 0) {
            return text;
        }
        return TOKEN.matcher(text).replaceAll(token -> {
            String name = token.group(1);
            if (name == null) {
                return Matcher.quoteReplacement("${");
            }
            String value = lookup(name, gate);
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

    /** A resolver bound to one scenario's gate values. */
    public Function<String, String> bind(Map<String, String> gate) {
        Map<String, String> copy = Map.copyOf(gate);
        return text -> resolve(text, copy);
    }

    private String lookup(String name, Map<String, String> gate) {
        if (gate.containsKey(name)) {
            return gate.get(name);
        }
        if (name.startsWith("env.")) {
            return environment.get(name.substring(4));
        }
        return properties.get(name);
    }
}
