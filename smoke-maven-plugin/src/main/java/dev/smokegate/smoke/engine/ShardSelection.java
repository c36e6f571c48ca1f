package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.Shard;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.report.ConsoleReport;
import dev.smokegate.smoke.report.RecordedDurations;
import dev.smokegate.smoke.report.ShardRecord;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps, of the selected scenarios, the one shard the request asks for ({@link GateRequest#shard()},
 * {@code K/N}), as a {@link ShardPlan} splits them, and says so in one line: {@code [smoke] shard
 * K/N: X of Y selected scenario(s) (balanced by recorded durations from <file> | by a stable hash)}.
 *
 * <p>The durations come from the request's {@link GateRequest#timings() timings} file, which must
 * exist and be readable; without one, from the previous run's {@code smoke-summary.json} in the work
 * directory, when there is one (one that cannot be read is warned about and ignored). Either is read
 * by {@link RecordedDurations}. Every shard of a gate must see the same durations, or two runners
 * plan different splits: CI runners that start clean should share a committed timings file.
 */
final class ShardSelection {
    /**
     * The scenarios of this run and what the reports record of the shard.
     *
     * @param scenarios the scenarios to run, in manifest order
     * @param record the shard and its plan, or {@code null} when the run is not sharded
     */
    record Picked(List<Scenario> scenarios, ShardRecord record) {
        Picked {
            scenarios = List.copyOf(scenarios);
        }
    }

    private ShardSelection() {}

    /**
     * @param selected the selected scenarios, in manifest order
     * @param request the gate's request
     * @param log where the shard line goes
     * @return the selected scenarios when the request is not sharded; else those of its shard
     * @throws GateConfigurationException when the request's timings file cannot be read
     */
    static Picked pick(List<Scenario> selected, GateRequest request, SmokeLog log) throws GateConfigurationException {
        Shard shard = request.shard();
        if (shard == null) {
            return new Picked(selected, null);
        }
        Path file = request.timings() != null
                ? request.timings()
                : request.workDirectory().resolve(SmokeEngine.SUMMARY_JSON);
        Map<String, Duration> durations = durations(file, request, log);
        // A needs chain is one unit: a scenario and what it needs (or what needs it) land in one shard.
        List<List<String>> units = NeedsGraph.chains(selected).stream()
                .map(chain -> chain.stream().map(Scenario::name).toList())
                .toList();
        ShardPlan plan = ShardPlan.of(units, shard.count(), durations);
        Set<String> names = new HashSet<>(plan.shard(shard.index()));
        List<Scenario> mine =
                selected.stream().filter(s -> names.contains(s.name())).toList();
        String balance = plan.balance() == ShardPlan.Balance.DURATIONS
                ? "balanced by recorded durations from " + request.display(file)
                : "by a stable hash";
        log.info(ConsoleReport.PREFIX + "shard " + shard + ": " + mine.size() + " of " + selected.size()
                + " selected scenario(s) (" + balance + ")");
        if (plan.balance() == ShardPlan.Balance.DURATIONS && plan.estimated() > 0) {
            log.info(ConsoleReport.PREFIX + "shard " + shard + ": " + plan.estimated() + " of the " + selected.size()
                    + " selected scenario(s) have no recorded duration; each counts as the median of the others, "
                    + Durations.elapsed(plan.median()));
        }
        if (mine.isEmpty()) {
            log.info(ConsoleReport.PREFIX + "shard " + shard + " has no scenario to run, so it passes; the other"
                    + " shards run the " + selected.size() + " selected scenario(s)");
        }
        log.debug(ConsoleReport.PREFIX + plan);
        return new Picked(mine, new ShardRecord(shard, selected.size(), balance, plan.digest()));
    }

    private static Map<String, Duration> durations(Path file, GateRequest request, SmokeLog log)
            throws GateConfigurationException {
        String setting = request.frontEnd().setting(FrontEnd.Setting.TIMINGS);
        try {
            return RecordedDurations.read(file);
        } catch (NoSuchFileException e) {
            if (request.timings() != null) {
                throw new GateConfigurationException("No timings file [" + setting + "]: " + request.display(file)
                        + " does not exist. Commit one (a copy of a merged target/smoke/" + SmokeEngine.SUMMARY_JSON
                        + ", or a JSON object of scenario name to seconds), or leave " + setting + " unset.");
            }
            return Map.of();
        } catch (IOException e) {
            if (request.timings() != null) {
                throw new GateConfigurationException("Cannot read the timings file [" + setting + "]: "
                        + request.display(file) + ": " + e.getMessage() + ". Give a "
                        + SmokeEngine.SUMMARY_JSON + " (format 1) or a JSON object of scenario name to seconds,"
                        + " e.g. {\"greeter-loop\": 12.5}.");
            }
            log.warn(ConsoleReport.PREFIX + "shard: the previous summary " + request.display(file)
                    + " cannot be read for durations (" + e.getMessage() + "); the shards are split by a stable hash");
            return Map.of();
        }
    }
}
