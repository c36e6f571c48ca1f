package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Location;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * The checks of single manifest values that several readers share: regexes, globs, workspace paths,
 * URLs, {@code host:port} addresses, HTTP header names and HTTP status codes. A value that holds
 * placeholders is checked with sample values in their place (gate values and needed exports as {@code /smoke}, ports as
 * {@code 12345}, project properties and {@code env.NAME} as they are), so that {@code
 * "http://127.0.0.1:${port.http}/"} passes and {@code "localhost:${port.http}"} does not. A value
 * with an unknown placeholder is not checked further: that problem is already reported.
 */
final class ValueChecks {
    /** The lowest HTTP status code (RFC 9110, section 15: three digits, first digit 1 to 5). */
    private static final int MIN_STATUS = 100;

    /** The highest HTTP status code (RFC 9110, section 15). */
    private static final int MAX_STATUS = 599;

    private static final Map<String, String> SAMPLE_GATE =
            Placeholders.GATE_VALUES.stream().collect(Collectors.toMap(name -> name, name -> "/smoke"));
    private static final Function<String, String> SAMPLE_PORT =
            name -> Placeholders.isPort(name) ? "12345" : Placeholders.isExport(name) ? "/smoke" : null;

    /** The start of an http or https URL; the scheme is case-insensitive (RFC 3986, section 3.1). */
    private static final Pattern HTTP_URL = Pattern.compile("https?://", Pattern.CASE_INSENSITIVE);

    /** A header name is an RFC 9110 token. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** The headers Java's {@code HttpClient} sets itself and refuses to take from a request. */
    private static final Set<String> RESTRICTED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final TomlReader toml;
    private final Placeholders placeholders;

    /**
     * @param toml the load's reader, where problems go
     * @param placeholders the known placeholders, to check a value with them filled in
     */
    ValueChecks(TomlReader toml, Placeholders placeholders) {
        this.toml = toml;
        this.placeholders = placeholders;
    }

    /**
     * @param text a manifest string
     * @return the text with sample values for its placeholders; empty when one is unknown
     */
    Optional<String> sample(String text) {
        if (placeholders.firstUnknown(text).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(placeholders.resolve(text, SAMPLE_GATE, SAMPLE_PORT));
    }

    /**
     * Reports a regex that does not compile with {@link Pattern#MULTILINE}.
     *
     * @param at where the regex is written
     * @param regex the regex as written
     * @param where the key, as messages name it, such as {@code … expect.stdout.matches}
     * @param advice what to do, as the message's last sentence
     */
    void regex(Location at, String regex, String where, String advice) {
        Optional<String> sample = sample(regex);
        if (sample.isEmpty()) {
            return;
        }
        try {
            Pattern.compile(sample.get(), Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            String why =
                    sample.get().endsWith("\\") && e.getIndex() >= sample.get().length()
                            ? "it ends with a lone backslash, which escapes nothing"
                            : e.getDescription() + " near index " + e.getIndex();
            toml.problem(at, "bad regex in " + where + ": '" + regex + "': " + why + ". " + advice);
        }
    }

    /** Reports a path (without placeholders) that is absolute or leaves the workspace with a leading '..'. */
    void insideWorkspace(TomlTable table, String key, String path, String context) {
        if (path.indexOf("${") >= 0
                || !PathText.check(toml, toml.at(table, key), "'" + key + "' in " + context, path)) {
            return;
        }
        Path relative;
        try {
            relative = Path.of(path).normalize();
        } catch (RuntimeException e) {
            toml.problem(toml.at(table, key), "'" + key + "' in " + context + " is not a valid path: " + path + ".");
            return;
        }
        if (relative.isAbsolute() || relative.startsWith("..")) {
            toml.problem(
                    toml.at(table, key),
                    "'" + key + "' in " + context + " leaves the workspace: " + path
                            + ". Use a path relative to the workspace root, without leading '..'.");
        }
    }

    /**
     * Reports a path or glob of {@code expect.files} that is not a usable path, is absolute or has a
     * {@code ..} segment: the checks read the workspace only.
     *
     * @param at where it is written
     * @param path the path or glob as written
     * @param where the key, as messages name it, such as {@code … expect.files.exist}
     */
    void insideWorkspaceGlob(Location at, String path, String where) {
        if (!PathText.check(toml, at, "a path in " + where, path)) {
            return;
        }
        if (path.startsWith("/")
                || path.startsWith("\\")
                || List.of(path.split("[/\\\\]")).contains("..")) {
            toml.problem(
                    at,
                    "'" + path + "' in " + where + " leaves the workspace. Use a path or glob relative to the"
                            + " workspace root, without '..'.");
        }
    }

    /** @return the array of globs at {@code key}, each checked for glob syntax; empty when absent */
    List<String> globs(TomlTable table, String key, String context) {
        List<String> globs = toml.texts(table, key, context);
        for (String glob : globs) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException e) {
                String why = e instanceof PatternSyntaxException syntax
                        ? syntax.getDescription() + " near index " + syntax.getIndex()
                        : e.getMessage();
                toml.problem(
                        toml.at(table, key),
                        "bad glob '" + glob + "' in " + context + "." + key + ": " + why
                                + ". Use glob syntax such as target/*.jar or **/*.log.");
            }
        }
        return globs;
    }

    /**
     * Reports a URL that is not a valid {@code http(s)://} URL with a host.
     *
     * @param what the key as the user wrote it, such as {@code http.get}
     */
    void url(TomlTable table, String key, String what, String url, String context) {
        Optional<String> sample = sample(url);
        if (sample.isEmpty()) {
            return;
        }
        String notHttp = what + " in " + context + " is not an http:// or https:// URL with a host: \"" + url
                + "\". Write it like \"http://127.0.0.1:${port.http}/health\".";
        if (!HTTP_URL.matcher(sample.get()).lookingAt()) {
            toml.problem(toml.at(table, key), notHttp);
            return;
        }
        try {
            if (new URI(sample.get()).getHost() == null) {
                toml.problem(toml.at(table, key), notHttp);
            }
        } catch (URISyntaxException e) {
            toml.problem(
                    toml.at(table, key),
                    what + " in " + context + " is not a valid URL: \"" + url + "\" (" + e.getReason()
                            + "). Percent-encode what a URL may not hold, e.g. a space as %20.");
        }
    }

    /**
     * Reports an address that is not {@code host:port} with a port from 1 to 65535.
     *
     * @param what the key as the user wrote it, such as {@code tcp.connect}
     */
    void address(TomlTable table, String key, String what, String address, String context) {
        Optional<String> sample = sample(address);
        if (sample.isEmpty()) {
            return;
        }
        String text = sample.get();
        int colon = text.lastIndexOf(':');
        String port = colon < 0 ? "" : text.substring(colon + 1);
        boolean valid = colon > 0
                && port.matches("[0-9]{1,5}")
                && Integer.parseInt(port) >= 1
                && Integer.parseInt(port) <= 65535;
        if (!valid) {
            toml.problem(
                    toml.at(table, key),
                    what + " in " + context + " is not host:port with a port from 1 to 65535: \"" + address
                            + "\". Write it like \"127.0.0.1:${port.db}\".");
        }
    }

    /**
     * Reports header names that are not RFC 9110 tokens and, for a request, the ones Java's HTTP
     * client sets itself ({@code Connection}, {@code Content-Length}, {@code Expect}, {@code Host},
     * {@code Upgrade}), which it refuses.
     *
     * @param table the table whose keys are the header names
     * @param what the table as the user wrote it, such as {@code http.headers}
     * @param request whether the headers are sent (not only checked in a response)
     */
    void headerNames(TomlTable table, String what, String context, boolean request) {
        for (String name : table.keySet()) {
            if (!HEADER_NAME.matcher(name).matches()) {
                toml.problem(
                        toml.at(table, name),
                        "'" + name + "' in " + context + " " + what
                                + " is not an HTTP header name. Use letters, digits and '-', e.g. Content-Type.");
            } else if (request && RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                toml.problem(
                        toml.at(table, name),
                        "'" + name + "' in " + context + " " + what
                                + " is a header that Java's HTTP client sets itself. Remove it.");
            }
        }
    }

    /**
     * @param what the key as the user wrote it, such as {@code expect.status}
     * @return the HTTP status code at {@code key}; {@code null} when absent or not from 100 to 599 (a
     *     problem then)
     */
    Integer status(TomlTable table, String key, String what, String context) {
        Object value = table.get(List.of(key));
        if (value == null) {
            return null;
        }
        if (value instanceof Long code && code >= MIN_STATUS && code <= MAX_STATUS) {
            return code.intValue();
        }
        toml.problem(
                toml.at(table, key),
                what + " in " + context + " must be an integer from 100 to 599; found " + TomlReader.describe(value)
                        + ".");
        return null;
    }

    /**
     * @param what the key as the user wrote it, such as {@code service.ready.status}
     * @return the non-empty array of HTTP status codes at {@code key}; empty when absent or invalid (a
     *     problem then)
     */
    List<Integer> statuses(TomlTable table, String key, String what, String context) {
        Object value = table.get(List.of(key));
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof TomlArray array)) {
            toml.problem(
                    toml.at(table, key),
                    what + " in " + context + " must be an array of integers from 100 to 599, e.g. [200]; found "
                            + TomlReader.describe(value) + ".");
            return List.of();
        }
        if (array.isEmpty()) {
            toml.problem(
                    toml.at(table, key),
                    what + " in " + context + " is empty. List the accepted codes, e.g. [200, 204], or remove it to"
                            + " accept 200 to 399.");
            return List.of();
        }
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Object element = array.get(i);
            if (element instanceof Long code && code >= MIN_STATUS && code <= MAX_STATUS) {
                codes.add(code.intValue());
            } else {
                toml.problem(
                        toml.at(table, key, i),
                        what + " in " + context + " must be an array of integers from 100 to 599, e.g. [200];"
                                + " found " + TomlReader.describe(element) + ".");
            }
        }
        return codes.size() == array.size() ? codes : List.of();
    }
}
