package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The order of one gate's scenarios under their {@code needs}, for {@link ScenarioPool}: which
 * scenario may start next, and which are skipped because a need did not pass. Not thread-safe: the
 * pool's coordinating thread alone calls it.
 *
 * <p>A scenario is ready once every scenario it needs has a result. Then, if any of them did not
 * pass, it is skipped with the first such need in its {@code needs} order ({@link NeedsGraph#skip});
 * it waits for all of them first, so the reason does not depend on which finished first. Ready
 * scenarios start in manifest order.
 */
final class NeedsSchedule {
    private final List<Scenario> order;
    private final Map<String, ScenarioResult> results = new HashMap<>();
    private final List<Scenario> waiting;

    /**
     * @param order the scenarios to run, in manifest order
     * @param decided results known before any runs (preflight skips): needs, not scenarios to run
     * @throws IllegalArgumentException when a scenario needs one that is neither to run nor decided
     */
    NeedsSchedule(List<Scenario> order, Iterable<ScenarioResult> decided) {
        this.order = List.copyOf(order);
        this.waiting = new ArrayList<>(order);
        decided.forEach(result -> results.put(result.name(), result));
        List<String> names = order.stream().map(Scenario::name).toList();
        for (Scenario scenario : order) {
            for (String need : scenario.needs()) {
                if (!names.contains(need) && !results.containsKey(need)) {
                    throw new IllegalArgumentException(scenario.name() + " needs " + need
                            + ", which is not in this run: a selection must keep what its scenarios need"
                            + " (NeedsGraph.withNeeds, NeedsGraph.chains)");
                }
            }
        }
    }

    /**
     * Skips each waiting scenario whose needs have all finished and not all passed (and so on, down
     * the chains), then takes the first waiting scenario whose needs all passed.
     *
     * @return the scenario to start now, or {@code null} when none can start until another finishes
     *     (or none is left)
     */
    Scenario next() {
        boolean skipped = true;
        while (skipped) {
            skipped = false;
            for (Iterator<Scenario> it = waiting.iterator(); it.hasNext(); ) {
                Scenario scenario = it.next();
                if (ready(scenario)) {
                    for (String need : scenario.needs()) {
                        ScenarioResult result = results.get(need);
                        if (result.status() != Status.PASS) {
                            results.put(
                                    scenario.name(),
                                    ScenarioResult.skipped(
                                            scenario.name(), Duration.ZERO, NeedsGraph.skip(need, result)));
                            it.remove();
                            skipped = true;
                            break;
                        }
                    }
                }
            }
        }
        for (Iterator<Scenario> it = waiting.iterator(); it.hasNext(); ) {
            Scenario scenario = it.next();
            if (ready(scenario)) {
                it.remove();
                return scenario;
            }
        }
        return null;
    }

    private boolean ready(Scenario scenario) {
        return scenario.needs().stream().allMatch(results::containsKey);
    }

    /** @param result the result of a scenario that {@link #next} handed out, or of one not run */
    void finished(ScenarioResult result) {
        results.put(result.name(), result);
        waiting.removeIf(scenario -> scenario.name().equals(result.name()));
    }

    /** @return the scenarios not started yet, in manifest order */
    List<Scenario> waiting() {
        return List.copyOf(waiting);
    }

    /** @return the result of {@code scenario}, or {@code null} while it has none */
    ScenarioResult result(Scenario scenario) {
        return results.get(scenario.name());
    }

    /**
     * @return every scenario's result, in manifest order
     * @throws IllegalStateException when a scenario has none (it waited on a cycle)
     */
    List<ScenarioResult> results() {
        List<ScenarioResult> all = new ArrayList<>();
        for (Scenario scenario : order) {
            ScenarioResult result = results.get(scenario.name());
            if (result == null) {
                throw new IllegalStateException(scenario.name() + " never ran: its needs form a cycle");
            }
            all.add(result);
        }
        return all;
    }
}
