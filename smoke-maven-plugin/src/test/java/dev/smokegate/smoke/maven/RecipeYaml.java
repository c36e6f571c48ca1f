package dev.smokegate.smoke.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reading the CI recipes of the site ({@code src/site/resources/recipes}) for the tests that check
 * them against the real goals, parameters and report paths: SnakeYAML with its safe constructor,
 * and typed views of what it returns.
 */
final class RecipeYaml {
    /** The recipes' folder, from the plugin module's folder (surefire's working directory). */
    static final Path RECIPES = Path.of("../src/site/resources/recipes");

    /** A {@code -Dsmoke.x=} or {@code -Dsmoke.x.y=} property set on a command line. */
    private static final Pattern SMOKE_PROPERTY = Pattern.compile("-D(smoke\\.[A-Za-z.]+)=");

    private RecipeYaml() {}

    /** @return the recipe file {@code name} parsed as YAML (a mapping at the top) */
    static Map<String, Object> yaml(String name) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(RECIPES.resolve(name), StandardCharsets.UTF_8));
    }

    /** @return {@code value} as a mapping, after asserting that it is one */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** @return {@code value} as a sequence, after asserting that it is one */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    /** @return the non-blank lines of a block scalar (a {@code run:} or {@code script:}), stripped */
    static List<String> lines(Object block) {
        return ((String) block)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    /** @return the {@code smoke.*} properties set with {@code -D} in {@code text}, sorted */
    static Set<String> smokeProperties(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = SMOKE_PROPERTY.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
