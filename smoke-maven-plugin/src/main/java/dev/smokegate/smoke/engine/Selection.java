package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.Scenario;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;

/**
 * Chooses the scenarios of a run: by owner task ({@link FrontEnd.Setting#TASK}, {@code ID[,ID]}) and
 * by name glob ({@link FrontEnd.Setting#SCENARIO}, {@code glob[,glob][,!glob]}, {@link
 * java.nio.file.FileSystem#getPathMatcher glob syntax}); the Maven plugin sets them with {@code
 * -Dsmoke.task} and {@code -Dsmoke.scenario}. With neither, every scenario runs. A selector that
 * matches nothing fails, so a typo cannot pass a gate.
 */
public final class Selection {
    private Selection() {}

    /**
     * @param scenarios the manifest's scenarios
     * @param tasks task IDs; a scenario is kept when its owners include one
     * @param globs name globs to include, or {@code !glob} to exclude
     * @param frontEnd the words that name the two settings in messages
     * @return the selected scenarios, in manifest order
     * @throws GateConfigurationException when a task owns no scenario or the globs select nothing
     */
    public static List<Scenario> select(
            List<Scenario> scenarios, List<String> tasks, List<String> globs, FrontEnd frontEnd)
            throws GateConfigurationException {
        String taskSetting = frontEnd.setting(FrontEnd.Setting.TASK);
        String scenarioSetting = frontEnd.setting(FrontEnd.Setting.SCENARIO);
        List<Scenario> selected = new ArrayList<>(scenarios);
        if (!tasks.isEmpty()) {
            TreeSet<String> owners = new TreeSet<>();
            scenarios.forEach(scenario -> owners.addAll(scenario.owners()));
            List<String> unknown =
                    tasks.stream().filter(task -> !owners.contains(task)).toList();
            if (!unknown.isEmpty()) {
                throw new GateConfigurationException("No scenario protects task " + String.join(", ", unknown)
                        + " [" + taskSetting + "=" + String.join(",", tasks) + "]. Owner IDs in the manifest: "
                        + (owners.isEmpty() ? "(none; add owners = [\"ID\"] to a scenario)" : String.join(", ", owners))
                        + ". Fix the ID, or add it to the owners of the scenarios that protect it.");
            }
            selected.removeIf(scenario -> scenario.owners().stream().noneMatch(tasks::contains));
        }
        if (!globs.isEmpty()) {
            List<PathMatcher> include = new ArrayList<>();
            List<PathMatcher> exclude = new ArrayList<>();
            for (String glob : globs) {
                boolean negated = glob.startsWith("!");
                String pattern = negated ? glob.substring(1) : glob;
                PathMatcher matcher;
                try {
                    matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
                } catch (PatternSyntaxException e) {
                    throw new GateConfigurationException("Bad scenario glob '" + glob + "' [" + scenarioSetting + "]: "
                            + e.getDescription() + ". Use glob syntax, e.g. greeter-*,!*-slow.");
                }
                (negated ? exclude : include).add(matcher);
            }
            selected.removeIf(scenario -> {
                Path name = Path.of(scenario.name());
                boolean in = include.isEmpty() || include.stream().anyMatch(m -> m.matches(name));
                return !in || exclude.stream().anyMatch(m -> m.matches(name));
            });
            if (selected.isEmpty()) {
                throw new GateConfigurationException("No scenario matches " + scenarioSetting + "="
                        + String.join(",", globs)
                        + (tasks.isEmpty() ? "" : " among those of " + taskSetting + "=" + String.join(",", tasks))
                        + ". Scenarios in the manifest: "
                        + String.join(
                                ", ", scenarios.stream().map(Scenario::name).toList()) + ".");
            }
        }
        return selected;
    }

    /**
     * Splits a comma-separated parameter into trimmed, non-empty items. Commas inside {@code {…}}
     * belong to a glob's alternatives ({@code {greeter,other}-*}) and do not split.
     */
    public static List<String> split(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        int depth = 0;
        for (char c : parameter.toCharArray()) {
            if (c == ',' && depth == 0) {
                add(items, item);
                continue;
            }
            depth += c == '{' ? 1 : c == '}' && depth > 0 ? -1 : 0;
            item.append(c);
        }
        add(items, item);
        return items;
    }

    private static void add(List<String> items, StringBuilder item) {
        if (!item.toString().isBlank()) {
            items.add(item.toString().strip());
        }
        item.setLength(0);
    }
}
