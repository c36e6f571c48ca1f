package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.manifest.ManifestLoader;
import dev.smokegate.smoke.manifest.Placeholders;
import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.process.PortReservations;
import dev.smokegate.smoke.report.ConsoleReport;
import dev.smokegate.smoke.report.JUnitReport;
import dev.smokegate.smoke.workspace.CloneCache;
import dev.smokegate.smoke.workspace.Deletion;
import dev.smokegate.smoke.workspace.Fingerprint;
import dev.smokegate.smoke.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a gate: loads the manifest, selects scenarios, runs each in its own workspace (several at
 * once when the request's {@code threads} is above 1), checks that the user's checkouts were not
 * written to, writes the reports and prints the summary last. Results and reports are always in
 * manifest order.
 *
 * <p>A scenario that fails is a result, not an exception; the caller decides the build's fate from
 * {@link GateResult#passed()}.
 */
public final class SmokeEngine {
    /** The JUnit XML report's file name inside the work directory (surefire's TEST-*.xml convention). */
    public static final String JUNIT_REPORT = "TEST-smoke.xml";

    private final SmokeLog log;

    /**
     * @param log where progress and results are written; the engine writes one line at a time to
     *     it, even when scenarios run on several threads
     */
    public SmokeEngine(SmokeLog log) {
        this.log = SerialLog.of(log);
    }

    /**
     * @param request the gate's parameters
     * @return every selected scenario's result and any change found in a checkout
     * @throws ManifestException when the manifest is missing or invalid; nothing is written then
     * @throws GateConfigurationException when a selection matches nothing or reports cannot be written
     */
    public GateResult run(GateRequest request) throws ManifestException, GateConfigurationException {
        if (request.ref() != null && request.repoUrl() == null) {
            String ref = request.frontEnd().setting(FrontEnd.Setting.REF);
            String repoUrl = request.frontEnd().setting(FrontEnd.Setting.REPO_URL);
            throw new GateConfigurationException(ref + "=" + request.ref() + " is set without " + repoUrl + "."
                    + " Set " + repoUrl + " to the repository to clone, or give the ref in the manifest as"
                    + " source.ref.");
        }
        Placeholders placeholders = new Placeholders(request.properties(), request.environment());
        Manifest manifest = new ManifestLoader(placeholders, request.frontEnd())
                .load(request.manifest(), request.display(request.manifest()));
        List<Scenario> selected =
                Selection.select(manifest.scenarios(), request.tasks(), request.scenarioGlobs(), request.frontEnd());
        log.info("[smoke] " + selected.size() + " of " + manifest.scenarios().size() + " scenario(s) selected from "
                + request.display(request.manifest())
                + (request.offline() ? " (offline: clones come from the cache only)" : ""));

        Map<Scenario, Source> sources = new LinkedHashMap<>();
        for (Scenario scenario : selected) {
            Source source = scenario.source();
            if (request.repoUrl() != null && source instanceof Source.Checkout) {
                source = new Source.Clone(request.repoUrl(), request.ref());
            }
            sources.put(scenario, source);
        }
        Map<Path, Fingerprint> before = fingerprints(request, placeholders, sources);

        CloneCache cache = new CloneCache(
                request.cacheDirectory(),
                request.offline(),
                request.sshDirectory(),
                request.servers(),
                request.frontEnd(),
                log);
        ScenarioRunner runner = new ScenarioRunner(
                request, manifest, placeholders, log, cache, new PortReservations(PortReservations.defaultLockDir()));
        if (request.threads() > 1 && sources.size() > 1) {
            log.info("[smoke] running up to " + Math.min(request.threads(), sources.size())
                    + " scenarios at once; their results follow when all have finished");
        }
        List<ScenarioResult> results = ScenarioPool.runAll(
                sources, runner, request.threads(), result -> ConsoleReport.scenario(result, request::display, log));

        List<String> changes = new ArrayList<>();
        before.forEach((checkout, fingerprint) -> {
            try {
                Fingerprint after = fingerprint.again();
                log.debug("[smoke] timing: fingerprint after the gate of " + request.display(checkout) + ": "
                        + after.timings());
                after.changedPaths(fingerprint).stream()
                        .map(path -> request.display(checkout) + ": " + path)
                        .forEach(changes::add);
            } catch (WorkspaceException e) {
                changes.add(request.display(checkout) + ": cannot be fingerprinted after the gate: " + e.getMessage());
            }
        });
        long cleanup = System.nanoTime();
        int waited = Deletion.awaitBackground();
        log.debug("[smoke] timing: waited " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cleanup) + " ms for "
                + waited + " background deletion(s) of earlier runs' folders");
        GateResult result = new GateResult(results, changes);
        try {
            JUnitReport.write(result, manifest, request.workDirectory().resolve(JUNIT_REPORT));
        } catch (IOException e) {
            throw new GateConfigurationException("Cannot write the JUnit report "
                    + request.display(request.workDirectory().resolve(JUNIT_REPORT)) + ": " + e.getMessage()
                    + ". Check free disk space and the permissions of the work directory.");
        }
        ConsoleReport.summary(result, log);
        return result;
    }

    private Map<Path, Fingerprint> fingerprints(
            GateRequest request, Placeholders placeholders, Map<Scenario, Source> sources) {
        Map<Path, Fingerprint> before = new LinkedHashMap<>();
        for (Source source : sources.values()) {
            if (source instanceof Source.Checkout checkout) {
                Path path = request.basedir()
                        .resolve(placeholders.resolve(
                                checkout.path(),
                                Map.of(
                                        "smoke.workspace",
                                        "",
                                        "smoke.export",
                                        "",
                                        "smoke.scenario",
                                        "",
                                        "smoke.logs",
                                        "")))
                        .normalize();
                if (!before.containsKey(path)) {
                    try {
                        Fingerprint fingerprint = Fingerprint.of(path, request.workDirectory());
                        log.debug("[smoke] timing: fingerprint before the gate of " + request.display(path) + ": "
                                + fingerprint.timings());
                        before.put(path, fingerprint);
                    } catch (WorkspaceException e) {
                        log.debug("[smoke] no fingerprint for " + path + ": " + e.getMessage());
                    }
                }
            }
        }
        return before;
    }

    /**
     * The build failure message for a gate that did not pass: how many scenarios failed, and where
     * the step logs and the JUnit XML report are.
     *
     * @param request the gate's request
     * @param result its result, which did not pass
     * @return one sentence and a pointer to the logs
     */
    public static String failureMessage(GateRequest request, GateResult result) {
        return "Smoke gate failed: " + result.count(Status.FAIL) + " of "
                + result.scenarios().size()
                + " scenario(s) failed"
                + (result.checkoutChanges().isEmpty() ? "" : " and the gate changed a checkout")
                + ". Read the [smoke] FAIL lines above, the step logs under " + request.display(request.workDirectory())
                + " and " + request.display(request.workDirectory().resolve(JUNIT_REPORT)) + ".";
    }
}
