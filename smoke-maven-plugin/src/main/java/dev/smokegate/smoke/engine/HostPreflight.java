package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.preflight.HostChecks;
import dev.smokegate.smoke.report.ConsoleReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks, once and up front, what the selected scenarios require of the host ({@code requires}),
 * before any workspace is prepared, and skips each scenario with an unmet requirement: its result
 * is a SKIP classified host with the first failed check's rule and evidence, and it never runs.
 *
 * <p>Each distinct check runs once, all in parallel, each bounded by the request's probe timeout.
 * Each check that did not pass is printed once, {@code [smoke] host check FAIL command docker — not
 * found on PATH}, at warn (a passed one at debug), then each skipped scenario's {@code [smoke] SKIP}
 * line, in manifest order, before any scenario runs.
 */
final class HostPreflight {
    private HostPreflight() {}

    /**
     * @param selected the selected scenarios, in manifest order
     * @param request the gate's request: probe timeout, environment and work directory
     * @param log where the checks and the skips are printed
     * @param report prints one skipped scenario's result
     * @return the skipped scenarios' results by scenario, in manifest order; empty when every
     *     requirement is met
     */
    static Map<Scenario, ScenarioResult> skips(
            List<Scenario> selected, GateRequest request, SmokeLog log, Consumer<ScenarioResult> report) {
        List<Scenario> requiring = selected.stream()
                .filter(scenario -> !scenario.requires().isEmpty())
                .toList();
        if (requiring.isEmpty()) {
            return Map.of();
        }
        long started = System.nanoTime();
        HostChecks checks = new HostChecks(request.probeTimeout(), request.environment(), request.workDirectory());
        List<HostCheck> all =
                checks.checkAll(requiring.stream().map(Scenario::requires).toList());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        for (HostCheck check : all) {
            if (check.verdict() == HostCheck.Verdict.PASS) {
                log.debug(ConsoleReport.PREFIX + "host check " + check);
            } else {
                log.warn(ConsoleReport.PREFIX + "host check " + check);
            }
        }
        Map<Scenario, ScenarioResult> skips = new LinkedHashMap<>();
        for (Scenario scenario : requiring) {
            checks.check(scenario.requires()).stream()
                    .filter(check -> check.verdict() == HostCheck.Verdict.FAIL)
                    .findFirst()
                    .ifPresent(failed -> skips.put(
                            scenario, ScenarioResult.skipped(scenario.name(), elapsed, HostChecks.skip(failed))));
        }
        skips.values().forEach(report);
        return skips;
    }

    /**
     * Merges the results of the scenarios that ran with the skipped ones, in manifest order.
     *
     * @param selected the selected scenarios, in manifest order
     * @param skips the skipped ones' results
     * @param ran the results of the others, in manifest order
     * @return every selected scenario's result, in manifest order
     */
    static List<ScenarioResult> inOrder(
            List<Scenario> selected, Map<Scenario, ScenarioResult> skips, List<ScenarioResult> ran) {
        List<ScenarioResult> results = new ArrayList<>();
        int next = 0;
        for (Scenario scenario : selected) {
            ScenarioResult skipped = skips.get(scenario);
            results.add(skipped != null ? skipped : ran.get(next++));
        }
        return results;
    }
}
