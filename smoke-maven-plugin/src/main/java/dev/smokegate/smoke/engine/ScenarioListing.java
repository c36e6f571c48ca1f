package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.manifest.ManifestLoader;
import dev.smokegate.smoke.manifest.Placeholders;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioSource;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.report.ConsoleReport;
import dev.smokegate.smoke.report.RecordedDurations;
import dev.smokegate.smoke.report.ScenarioTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a gate would run, without running it ({@code smoke:list}): loads the manifest, selects as
 * {@link SmokeEngine} does (by task and name glob, plus what the selected scenarios need, logged the
 * same way), and reads each scenario's last duration from the work directory's {@value
 * SmokeEngine#SUMMARY_JSON} of an earlier run. Nothing is run, cloned, copied, fingerprinted or
 * written.
 */
public final class ScenarioListing {
    private final String manifest;
    private final List<ScenarioTable.Row> rows;

    private ScenarioListing(String manifest, List<ScenarioTable.Row> rows) {
        this.manifest = manifest;
        this.rows = List.copyOf(rows);
    }

    /**
     * @param request the gate's request: manifest, selection, properties, work directory (and repo
     *     URL, which replaces each checkout as in a gate run)
     * @param log where the selection is logged: {@code [smoke] list: 2 of 3 scenario(s) from …} at
     *     info, after any {@code [smoke] also selected …} line
     * @return the selected scenarios, in manifest order
     * @throws ManifestException when the manifest is missing or invalid
     * @throws GateConfigurationException when a task owns no scenario or the globs select nothing
     */
    public static ScenarioListing of(GateRequest request, SmokeLog log)
            throws ManifestException, GateConfigurationException {
        Placeholders placeholders = new Placeholders(request.properties(), request.environment());
        String manifestName = request.display(request.manifest());
        Manifest manifest = new ManifestLoader(placeholders, request.frontEnd()).load(request.manifest(), manifestName);
        List<Scenario> selected = NeedsGraph.withNeeds(
                manifest.scenarios(),
                Selection.select(manifest.scenarios(), request.tasks(), request.scenarioGlobs(), request.frontEnd()),
                log);
        log.info(ConsoleReport.PREFIX + "list: " + selected.size() + " of "
                + manifest.scenarios().size() + " scenario(s) from " + manifestName);
        Map<String, Duration> durations = RecordedDurations.read(
                request.workDirectory().resolve(SmokeEngine.SUMMARY_JSON), request::display, log);
        List<ScenarioTable.Row> rows = new ArrayList<>();
        for (Scenario scenario : selected) {
            rows.add(new ScenarioTable.Row(
                    scenario.name(),
                    scenario.owners(),
                    scenario.tags(),
                    source(scenario, request, placeholders),
                    scenario.steps().size(),
                    scenario.needs(),
                    durations.get(scenario.name())));
        }
        return new ScenarioListing(manifestName, rows);
    }

    /**
     * Where the scenario's workspace would come from, as the reports show it, placeholders resolved;
     * a string whose placeholder has a value only while the scenario runs ({@code ${port.NAME}}) is
     * shown as written.
     */
    private static ScenarioSource source(Scenario scenario, GateRequest request, Placeholders placeholders) {
        Path folder = request.workDirectory().resolve(scenario.name());
        Map<String, String> values = new HashMap<>(ScenarioResources.gateValues(scenario.name(), folder));
        values.putAll(NeedsGraph.exports(scenario, request.workDirectory()));
        Function<String, String> bound = placeholders.bind(values);
        Function<String, String> resolve = text -> {
            try {
                return bound.apply(text);
            } catch (IllegalArgumentException e) {
                return text;
            }
        };
        Source source = SmokeEngine.source(scenario, request);
        if (source instanceof Source.Clone clone) {
            return new ScenarioSource(
                    ScenarioSource.Kind.CLONE,
                    resolve.apply(clone.url()),
                    clone.ref() == null ? null : resolve.apply(clone.ref()),
                    null);
        }
        Source.Checkout checkout = (Source.Checkout) source;
        return new ScenarioSource(
                ScenarioSource.Kind.CHECKOUT,
                request.display(request.basedir().resolve(resolve.apply(checkout.path()))),
                null,
                null);
    }

    /** @return the table's lines: a header, then one line per scenario (see {@link ScenarioTable#text}) */
    public List<String> text() {
        return ScenarioTable.text(rows);
    }

    /** @return the JSON document (see {@link ScenarioTable#json}), without a final line break */
    public String json() {
        return ScenarioTable.json(manifest, rows);
    }
}
