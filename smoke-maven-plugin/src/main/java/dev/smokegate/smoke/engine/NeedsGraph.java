package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.manifest.Placeholders;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.report.ConsoleReport;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph of {@code needs = ["other"]} between scenarios: a scenario runs only after every
 * scenario it needs has finished, and is skipped when one of them did not pass. The manifest loader
 * has already checked that each need names a scenario and that there is no cycle.
 *
 * <ul>
 *   <li>{@link #withNeeds}: a selection also selects what its scenarios need, transitively, and says
 *       so.
 *   <li>{@link #chains}: the connected groups of the graph, which must stay together (one shard,
 *       one run).
 *   <li>{@link #skip}: the verdict of a scenario whose need failed or was skipped.
 *   <li>{@link #exports}: the values of {@code ${smoke.export.NAME}} for a scenario's needs.
 * </ul>
 */
public final class NeedsGraph {
    /**
     * The rule of a skip because a needed scenario did not pass, after its category: {@code
     * runtime.dependency} and so on.
     */
    public static final String DEPENDENCY = "dependency";

    private NeedsGraph() {}

    /**
     * The connected groups of the needs graph among {@code selected}: two scenarios are in one group
     * when one needs the other, directly or through other selected scenarios, whichever way the
     * needs point. Every selected scenario is in exactly one group, a scenario that needs nothing and
     * that nothing needs in a group of its own. A need of a scenario that is not in {@code selected}
     * joins nothing.
     *
     * @param selected scenarios in manifest order (a selection, a manifest's scenarios)
     * @return the groups, ordered by their first scenario; each group in the order of {@code
     *     selected}. A split of the selection (such as a shard) that keeps each group whole keeps
     *     every scenario with what it needs.
     */
    public static List<List<Scenario>> chains(List<Scenario> selected) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < selected.size(); i++) {
            index.put(selected.get(i).name(), i);
        }
        int[] parent = new int[selected.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < selected.size(); i++) {
            for (String need : selected.get(i).needs()) {
                Integer other = index.get(need);
                if (other != null) {
                    int a = root(parent, i);
                    int b = root(parent, other);
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        Map<Integer, List<Scenario>> groups = new LinkedHashMap<>();
        for (int i = 0; i < selected.size(); i++) {
            groups.computeIfAbsent(root(parent, i), root -> new ArrayList<>()).add(selected.get(i));
        }
        return groups.values().stream().map(List::copyOf).toList();
    }

    private static int root(int[] parent, int i) {
        int root = i;
        while (parent[root] != root) {
            root = parent[root];
        }
        parent[i] = root;
        return root;
    }

    /**
     * Adds to a selection every scenario its scenarios need, transitively, and logs each one added at
     * info, in manifest order, with the selected scenarios that need it directly: {@code [smoke] also
     * selected make-token: needed by use-token, revoke-token}.
     *
     * @param scenarios the manifest's scenarios, in manifest order
     * @param selected the scenarios the task and name selection chose, in manifest order
     * @param log where the added scenarios are named
     * @return the selection with what it needs, in manifest order
     */
    public static List<Scenario> withNeeds(List<Scenario> scenarios, List<Scenario> selected, SmokeLog log) {
        Map<String, Scenario> byName = new HashMap<>();
        scenarios.forEach(scenario -> byName.put(scenario.name(), scenario));
        Set<String> chosen = new LinkedHashSet<>();
        selected.forEach(scenario -> chosen.add(scenario.name()));
        Deque<Scenario> open = new ArrayDeque<>(selected);
        Set<String> all = new LinkedHashSet<>(chosen);
        while (!open.isEmpty()) {
            for (String need : open.pop().needs()) {
                Scenario needed = byName.get(need);
                if (needed != null && all.add(need)) {
                    open.push(needed);
                }
            }
        }
        List<Scenario> result = scenarios.stream()
                .filter(scenario -> all.contains(scenario.name()))
                .toList();
        for (Scenario added : result) {
            if (!chosen.contains(added.name())) {
                List<String> neededBy = result.stream()
                        .filter(scenario -> scenario.needs().contains(added.name()))
                        .map(Scenario::name)
                        .toList();
                log.info(ConsoleReport.PREFIX + "also selected " + added.name() + ": needed by "
                        + String.join(", ", neededBy));
            }
        }
        return result;
    }

    /**
     * The verdict of a scenario that is not run because a scenario it needs did not pass: a SKIP
     * whose category is the needed scenario's (its failure's, or its own skip's, so a chain of skips
     * keeps the category of the failure that began it), whose rule is {@code
     * <category>.}{@value #DEPENDENCY} and whose evidence is {@code needs <need>, which failed} or
     * {@code needs <need>, which was skipped}.
     *
     * @param need the needed scenario's name
     * @param result its result, which did not pass
     * @return the skip's classification
     * @throws IllegalArgumentException when the result passed
     */
    public static Classification skip(String need, ScenarioResult result) {
        if (result.status() == Status.PASS) {
            throw new IllegalArgumentException(need + " passed; a scenario that needs it is not skipped");
        }
        boolean failed = result.status() == Status.FAIL;
        FailureCategory category = failed
                ? result.failure().classification().category()
                : result.skip().category();
        return new Classification(
                category,
                category.label() + "." + DEPENDENCY,
                "needs " + need + (failed ? ", which failed" : ", which was skipped"));
    }

    /**
     * The values of {@code ${smoke.export.NAME}} for the scenarios a scenario needs: each needed
     * scenario's export folder, where its {@code export} steps wrote (after retries, the last
     * attempt's).
     *
     * @param scenario the scenario about to run
     * @param workDirectory the gate's work directory, which holds each scenario's folder
     * @return the placeholder values by name, e.g. {@code smoke.export.make-token} → {@code
     *     <work directory>/make-token/export}
     */
    static Map<String, String> exports(Scenario scenario, Path workDirectory) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String need : scenario.needs()) {
            values.put(
                    Placeholders.EXPORT_PREFIX + need,
                    ScenarioResources.gateValues(need, workDirectory.resolve(need))
                            .get("smoke.export"));
        }
        return values;
    }
}
