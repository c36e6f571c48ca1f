package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.OsFamily;
import dev.smokegate.smoke.model.Requirements;
import dev.smokegate.smoke.model.Requirements.CommandRequirement;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.aether.util.version.GenericVersionScheme;
import org.eclipse.aether.version.InvalidVersionSpecificationException;
import org.eclipse.aether.version.VersionConstraint;
import org.tomlj.TomlTable;

/**
 * The rules of a scenario's {@code requires} table, what it needs from the host ({@link
 * Requirements}), checked before its workspace is prepared:
 *
 * <ul>
 *   <li>{@code requires.commands}: command names, each optionally with a version floor {@code
 *       name>=version} ({@code "git>=2.25"}, {@code "mvn"}); a name is letters, digits, {@code .},
 *       {@code _}, {@code +} and {@code -}, without a {@code /};
 *   <li>{@code requires.endpoints}: {@code http(s)://} URLs with a host, or {@code host:port} with a
 *       port from 1 to 65535;
 *   <li>{@code requires.env}: environment variable names, POSIX style ({@code [A-Za-z_][A-Za-z0-9_]*});
 *   <li>{@code requires.java}: a Maven version range as Maven Resolver's {@link GenericVersionScheme}
 *       reads it ({@code "[17,)"}); a bare version, which Maven would read as exactly that version, is
 *       refused;
 *   <li>{@code requires.os}: {@link OsFamily} names ({@code linux}, {@code mac}, {@code windows}, …);
 *   <li>{@code requires.free-disk}: a whole number and a unit, {@code B}, {@code KB}, {@code MB},
 *       {@code GB}, {@code TB} (powers of 1000) or {@code KiB}, {@code MiB}, {@code GiB}, {@code TiB}
 *       (powers of 1024), e.g. {@code "2GiB"}.
 * </ul>
 *
 * <p>The values are plain strings: no {@code ${…}} placeholders, as they are checked before any
 * workspace exists.
 */
final class RequiresReader {
    private static final Set<String> KEYS = Set.of("commands", "endpoints", "env", "java", "os", "free-disk");

    /** {@code name} or {@code name>=version}; a version starts with a digit. */
    private static final Pattern COMMAND =
            Pattern.compile("([A-Za-z0-9_][A-Za-z0-9._+-]*)(?:>=([0-9][0-9A-Za-z.+_-]*))?");

    /** A POSIX environment variable name (IEEE Std 1003.1, 8.1: letters, digits, underscore). */
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** An {@code http} or {@code https} URL's start, any case (RFC 3986, section 3.1). */
    private static final Pattern HTTP_URL = Pattern.compile("https?://.*", Pattern.CASE_INSENSITIVE);

    private static final Pattern SIZE = Pattern.compile("([0-9]+)(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    private static final Map<String, Long> UNITS = Map.of(
            "B",
            1L,
            "KB",
            1000L,
            "MB",
            1000L * 1000,
            "GB",
            1000L * 1000 * 1000,
            "TB",
            1000L * 1000 * 1000 * 1000,
            "KiB",
            1L << 10,
            "MiB",
            1L << 20,
            "GiB",
            1L << 30,
            "TiB",
            1L << 40);

    private final TomlReader toml;

    /** @param toml the load's reader, where problems go */
    RequiresReader(TomlReader toml) {
        this.toml = toml;
    }

    /**
     * @param scenario the scenario table
     * @param context the scenario, as messages name it ({@code [[scenario]] 'name'})
     * @return its requirements; {@link Requirements#NONE} when it has no {@code requires}; {@code
     *     null} when they have a problem
     */
    Requirements read(TomlTable scenario, String context) {
        if (scenario.get(List.of("requires")) == null) {
            return Requirements.NONE;
        }
        Location where = toml.at(scenario, "requires");
        return toml.whole(scenario, "requires", context, KEYS, (requires, inner) -> read(requires, context, where));
    }

    private Supplier<Requirements> read(TomlTable requires, String context, Location where) {
        List<CommandRequirement> commands = commands(requires, context);
        List<String> endpoints = endpoints(requires, context);
        List<String> env = env(requires, context);
        String java = java(requires, context);
        List<String> os = os(requires, context);
        Long freeDisk = freeDisk(requires, context);
        return () -> new Requirements(commands, endpoints, env, java, os, freeDisk, where);
    }

    private List<CommandRequirement> commands(TomlTable requires, String context) {
        List<String> specs = strings(requires, "commands", context);
        List<CommandRequirement> commands = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Matcher spec = COMMAND.matcher(specs.get(i));
            if (spec.matches()) {
                commands.add(new CommandRequirement(spec.group(1), spec.group(2)));
            } else {
                toml.problem(
                        toml.at(requires, "commands", i),
                        "bad command \"" + specs.get(i) + "\" in requires.commands of " + context
                                + ". Write a command name looked up on the PATH, optionally with a version floor,"
                                + " e.g. \"mvn\" or \"git>=2.25\".");
            }
        }
        return commands;
    }

    private List<String> endpoints(TomlTable requires, String context) {
        List<String> endpoints = strings(requires, "endpoints", context);
        for (int i = 0; i < endpoints.size(); i++) {
            if (!endpoint(endpoints.get(i))) {
                toml.problem(
                        toml.at(requires, "endpoints", i),
                        "bad endpoint \"" + endpoints.get(i) + "\" in requires.endpoints of " + context
                                + ": neither an http:// or https:// URL with a host nor host:port with a port from 1"
                                + " to 65535. Write it like \"https://api.example.org/health\" or \"127.0.0.1:5432\".");
            }
        }
        return endpoints;
    }

    private static boolean endpoint(String text) {
        if (text.contains("://")) {
            if (!HTTP_URL.matcher(text).matches()) {
                return false;
            }
            try {
                URI uri = new URI(text);
                return uri.getHost() != null && (uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65535);
            } catch (URISyntaxException e) {
                return false;
            }
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || !text.substring(colon + 1).matches("[0-9]{1,5}")) {
            return false;
        }
        int port = Integer.parseInt(text.substring(colon + 1));
        String host = text.substring(0, colon);
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        return port >= 1 && port <= 65535 && (bracketed || !host.contains(":")) && !host.contains("/");
    }

    private List<String> env(TomlTable requires, String context) {
        List<String> names = strings(requires, "env", context);
        for (int i = 0; i < names.size(); i++) {
            if (!ENV_NAME.matcher(names.get(i)).matches()) {
                toml.problem(
                        toml.at(requires, "env", i),
                        "bad environment variable name \"" + names.get(i) + "\" in requires.env of " + context
                                + ". Use letters, digits and '_', not starting with a digit, e.g. \"API_TOKEN\".");
            }
        }
        return names;
    }

    private String java(TomlTable requires, String context) {
        String range = toml.string(requires, "java", context + " requires");
        if (range == null) {
            return null;
        }
        String advice = ". Write a Maven version range, e.g. \"[17,)\" for 17 or later, or \"[17,22)\".";
        try {
            VersionConstraint constraint = new GenericVersionScheme().parseVersionConstraint(range);
            if (constraint.getRange() == null) {
                toml.problem(
                        toml.at(requires, "java"),
                        "requires.java in " + context + " is the bare version \"" + range
                                + "\", which means exactly that version" + advice);
            }
        } catch (InvalidVersionSpecificationException e) {
            toml.problem(
                    toml.at(requires, "java"),
                    "bad version range \"" + range + "\" in requires.java of " + context + ": " + e.getMessage()
                            + advice);
        }
        return range;
    }

    private List<String> os(TomlTable requires, String context) {
        List<String> families = strings(requires, "os", context);
        Set<String> known = Arrays.stream(OsFamily.values())
                .map(OsFamily::label)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (int i = 0; i < families.size(); i++) {
            String family = families.get(i);
            if (OsFamily.of(family).isEmpty()) {
                String suggestion = TomlReader.suggestion(family, known);
                toml.problem(
                        toml.at(requires, "os", i),
                        "unknown OS family \"" + family + "\" in requires.os of " + context + "."
                                + (suggestion.startsWith(" Did you mean")
                                        ? suggestion
                                        : " Use one of "
                                                + known.stream().sorted().collect(Collectors.joining(", ")) + "."));
            }
        }
        return families;
    }

    private Long freeDisk(TomlTable requires, String context) {
        Object value = requires.get(List.of("free-disk"));
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            Matcher size = SIZE.matcher(text);
            if (size.matches()) {
                try {
                    return Math.multiplyExact(Long.parseLong(size.group(1)), UNITS.get(size.group(2)));
                } catch (ArithmeticException | NumberFormatException e) {
                    // too large: reported below
                }
            }
        }
        toml.problem(
                toml.at(requires, "free-disk"),
                "bad size for requires.free-disk in " + context + ": " + TomlReader.describe(value)
                        + ". Write a whole number and a unit, e.g. \"500MiB\" or \"2GiB\" (KiB, MiB, GiB, TiB: powers"
                        + " of 1024; KB, MB, GB, TB: powers of 1000; B: bytes).");
        return null;
    }

    private List<String> strings(TomlTable requires, String key, String context) {
        return toml.strings(requires, key, context + " requires");
    }
}
