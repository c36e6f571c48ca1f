package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Location;
import java.util.List;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/**
 * Reads only the scenario names of a manifest text, for the ratchet's look at old versions from git
 * history: the text is parsed by tomlj as {@link ManifestLoader} parses it, the scenarios are found
 * where it finds them (the array of tables {@code [[scenario]]}), and each {@code name} is read by
 * the same rules ({@link Names}: required, {@code [a-z0-9][a-z0-9._-]*}, unique). Nothing else of
 * the version is checked: an old version that broke some other rule still had its scenarios.
 *
 * <p>A name that breaks the rules is left out (that version never ran it); a duplicate counts once.
 *
 * <p>A text that Jackson's TOML reader reads plainly ({@link QuickNames}) is not parsed by tomlj: the
 * ratchet reads hundreds of versions, and Jackson is about ten times faster. tomlj parses the rest,
 * so every problem is still named with its position.
 */
public final class ScenarioNames {
    private ScenarioNames() {}

    /**
     * @param text a manifest's TOML text
     * @param displayName how to name the version in the exception's message, e.g. {@code
     *     src/smoke/manifest.toml at 1a2b3c4}
     * @return the scenario names, in file order; empty when the text has no {@code scenario} key
     * @throws ManifestException when the text is not valid TOML or {@code scenario} is not an array
     *     of tables; the message says what is wrong and where
     */
    public static List<String> of(String text, String displayName) throws ManifestException {
        Optional<List<String>> quick = QuickNames.of(text);
        return quick.isPresent() ? quick.get() : parsed(text, displayName);
    }

    /** {@link #of} with tomlj alone. */
    static List<String> parsed(String text, String displayName) throws ManifestException {
        TomlParseResult toml = Toml.parse(text);
        TomlReader reader = new TomlReader(displayName, (value, key, context) -> Optional.empty());
        if (toml.hasErrors()) {
            TomlParseError first = toml.errors().get(0);
            reader.problem(reader.position(first.position()), "not valid TOML: " + first.getMessage() + ".");
            throw new ManifestException(reader.problems());
        }
        Object scenarios = toml.get(List.of("scenario"));
        if (scenarios == null) {
            return List.of();
        }
        if (!(scenarios instanceof TomlArray array) || !TomlReader.tablesOnly(array)) {
            reader.problem(
                    reader.at(toml, "scenario"),
                    "'scenario' is not an array of tables written [[scenario]]; found " + TomlReader.describe(scenarios)
                            + ".");
            throw new ManifestException(reader.problems());
        }
        Names names = new Names(reader, "scenario");
        for (int i = 0; i < array.size(); i++) {
            Location where = reader.position(array.inputPositionOf(i));
            names.read(array.getTable(i), "[[scenario]]", where);
        }
        return names.all();
    }
}
