package dev.smokegate.smoke.manifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.tomlj.TomlTable;

/**
 * Reads {@code secret-env}, in {@code [defaults]} or a {@code [[scenario]]}: an array of environment
 * variable names, POSIX style ({@code [A-Za-z_][A-Za-z0-9_]*}), whose values the gate masks in
 * everything it writes. Names only: a value in the manifest would itself be a leak. A bad name is a
 * problem at its own {@code file:line:col} whose message does not repeat it (it may be a value
 * listed by mistake); a name listed twice counts once.
 */
final class SecretEnvReader {
    /** The key, in {@code [defaults]} and in {@code [[scenario]]}. */
    static final String KEY = "secret-env";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SecretEnvReader() {}

    /**
     * @param toml the reader that gathers the problems
     * @param table {@code [defaults]} or a scenario's table
     * @param context how messages name the table, e.g. {@code [[scenario]] 'chat'}
     * @return the valid names, in file order, without repeats; empty when absent or wrong
     */
    static List<String> read(TomlReader toml, TomlTable table, String context) {
        List<String> names = toml.strings(table, KEY, context);
        Set<String> valid = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (NAME.matcher(name).matches()) {
                valid.add(name);
            } else {
                // the text is not repeated: whoever lists a value here by mistake has just written a secret
                toml.problem(
                        toml.at(table, KEY, i),
                        "element " + (i + 1) + " of " + KEY + " in " + context + " is not an environment variable"
                                + " name (it is not shown: it may be a secret value). List names only: letters,"
                                + " digits and '_', not starting with a digit, e.g. \"API_TOKEN\".");
            }
        }
        return List.copyOf(valid);
    }

    /**
     * @param defaults the names {@code [defaults]} lists
     * @param own the names the scenario lists
     * @return both, the defaults first, without repeats
     */
    static List<String> merge(List<String> defaults, List<String> own) {
        Set<String> all = new LinkedHashSet<>(defaults);
        all.addAll(own);
        return new ArrayList<>(all);
    }
}
