package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.manifest.ManifestLoader;
import dev.smokegate.smoke.manifest.Placeholders;
import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Redaction;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.ScenarioSource;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.UntrackedMode;
import dev.smokegate.smoke.process.PortReservations;
import dev.smokegate.smoke.report.ConsoleReport;
import dev.smokegate.smoke.report.GateParameters;
import dev.smokegate.smoke.report.GateView;
import dev.smokegate.smoke.report.HtmlReport;
import dev.smokegate.smoke.report.JUnitReport;
import dev.smokegate.smoke.report.ShardRecord;
import dev.smokegate.smoke.report.SummaryJson;
import dev.smokegate.smoke.workspace.CloneCache;
import dev.smokegate.smoke.workspace.Deletion;
import dev.smokegate.smoke.workspace.Fingerprint;
import dev.smokegate.smoke.workspace.WorkspaceException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a gate: loads the manifest, selects scenarios, checks what they require of the host once, up
 * front (a scenario with an unmet requirement is skipped and never runs), then checks the rest of the
 * host as {@code smoke:doctor} does (the work directory and clone cache are writable, each repository
 * to clone is reachable or cached) and prints each row that did not pass once, as {@code [smoke] host
 * check WARN|FAIL …}, before any scenario runs; runs each other one in its
 * own workspace (several at once when the request's {@code threads} is above 1), checks that the
 * user's checkouts were not written to, then (in update mode) rewrites the golden files that did not
 * match, writes the reports (JUnit XML, JSON summary, and {@link #INDEX_HTML} from that summary) and
 * prints the summary last. Results and
 * reports are always in manifest order.
 *
 * <p>A gate stopped by the JVM's shutdown (SIGTERM or Ctrl-C to the build) while its scenarios run
 * still writes its reports and prints its summary: the running scenarios end as interrupted results
 * ({@code [smoke] INTERRUPTED …}, see {@link dev.smokegate.smoke.model.Interruption}), the queued
 * ones as skips, and the JVM waits up to {@link ShutdownWatch#REPORT_WAIT} for that.
 *
 * <p>A scenario that fails is a result, not an exception; the caller decides the build's fate from
 * {@link GateResult#passed()}.
 *
 * <p>Every text the engine writes goes through the run's {@link #redaction()}: the log's lines, the
 * lines it adds to step logs and the secret values in the steps' output, the JUnit XML and the JSON
 * summary. A front end passes the messages of the exceptions it shows through it too.
 */
public final class SmokeEngine {
    /** The JUnit XML report's file name inside the work directory (surefire's TEST-*.xml convention). */
    public static final String JUNIT_REPORT = "TEST-smoke.xml";
    /** The JSON summary's file name inside the work directory. */
    public static final String SUMMARY_JSON = "smoke-summary.json";
    /** The standalone HTML report's file name inside the work directory, written from the JSON summary. */
    public static final String INDEX_HTML = "index.html";

    /**
     * The gate values a checkout's path is resolved with before any scenario runs: known only while a
     * scenario runs, so they resolve to nothing.
     */
    private static final Map<String, String> NO_GATE_VALUES =
            Map.of("smoke.workspace", "", "smoke.export", "", "smoke.scenario", "", "smoke.logs", "");

    private final RedactingLog log;
    private final PrintStream stdout;

    /**
     * @param log where progress and results are written; the engine writes one line at a time to
     *     it, even when scenarios run on several threads
     */
    public SmokeEngine(SmokeLog log) {
        this(log, new PrintStream(OutputStream.nullOutputStream()));
    }

    /**
     * @param log where progress and results are written, as for {@link #SmokeEngine(SmokeLog)}
     * @param stdout the build's standard output, for the bare lines a CI runner reads there (GitHub
     *     Actions workflow commands, only when the request's environment has {@code GITHUB_ACTIONS=true})
     */
    public SmokeEngine(SmokeLog log, PrintStream stdout) {
        this.log = RedactingLog.of(SerialLog.of(log));
        this.stdout = stdout;
    }

    /**
     * @param request the gate's parameters
     * @return every selected scenario's result and any change found in a checkout
     * @throws ManifestException when the manifest is missing or invalid; nothing is written then
     * @throws GateConfigurationException when a selection matches nothing or reports cannot be written
     */
    public GateResult run(GateRequest request) throws ManifestException, GateConfigurationException {
        try (ShutdownWatch watch = ShutdownWatch.start()) {
            return run(request, watch);
        }
    }

    private GateResult run(GateRequest request, ShutdownWatch watch)
            throws ManifestException, GateConfigurationException {
        checkRefHasRepoUrl(request);
        Instant started = Instant.now();
        LibraryPreload.start();
        Placeholders placeholders = new Placeholders(request.properties(), request.environment());
        Manifest manifest;
        try {
            manifest = new ManifestLoader(placeholders, request.frontEnd())
                    .updating(request.update())
                    .load(request.manifest(), request.display(request.manifest()));
        } catch (ManifestException e) {
            GithubRun.manifestRejected(request, stdout, log.redaction(), e);
            throw e;
        }
        log.use(Secrets.of(request, manifest, placeholders));
        ManifestRatchet.check(request, manifest, log);
        List<Scenario> selected = NeedsGraph.withNeeds(
                manifest.scenarios(),
                Selection.select(manifest.scenarios(), request.tasks(), request.scenarioGlobs(), request.frontEnd()),
                log);
        log.info("[smoke] " + selected.size() + " of " + manifest.scenarios().size() + " scenario(s) selected from "
                + request.display(request.manifest())
                + (request.offline() ? " (offline: clones come from the cache only)" : ""));
        WorkDirectory.create(request);
        ShardSelection.Picked shard = ShardSelection.pick(selected, request, log);
        selected = shard.scenarios();

        Map<Scenario, ScenarioResult> skips = HostPreflight.skips(
                selected, request, log, skip -> ConsoleReport.scenario(skip, request::display, log));
        Map<Scenario, Source> sources = new LinkedHashMap<>();
        for (Scenario scenario : selected) {
            if (skips.containsKey(scenario)) {
                continue;
            }
            sources.put(scenario, source(scenario, request));
        }
        List<Path> checkouts = checkouts(request, placeholders, sources);
        CheckoutFingerprints before = CheckoutFingerprints.start(
                checkouts,
                firstCopied(request, placeholders, sources, checkouts),
                request.workDirectory(),
                request::display,
                log);

        List<ScenarioResult> ran;
        ScenarioRunner runner;
        try {
            CloneCache cache = new CloneCache(
                    request.cacheDirectory(),
                    request.offline(),
                    request.sshDirectory(),
                    request.servers(),
                    request.frontEnd(),
                    log);
            List<Scenario> running = new ArrayList<>(sources.keySet());
            for (HostCheck row : new Doctor(log).gateRows(request, placeholders, running, cache)) {
                if (row.verdict() == HostCheck.Verdict.PASS) {
                    log.debug(ConsoleReport.PREFIX + "host check " + row);
                } else {
                    log.warn(ConsoleReport.PREFIX + "host check " + row);
                }
            }
            runner = new ScenarioRunner(
                    request,
                    manifest,
                    placeholders,
                    log,
                    cache,
                    new PortReservations(PortReservations.defaultLockDir()),
                    before::awaitBeforeSteps,
                    before::claim);
            if (request.threads() > 1 && sources.size() > 1) {
                log.info("[smoke] running up to " + Math.min(request.threads(), sources.size())
                        + " scenarios at once; their results follow when all have finished");
            }
            Attempts attempts = new Attempts(
                    watch.guard(runner::run), request.retries(), request.workDirectory(), log, request::display);
            watch.scenariosStart();
            ran = ScenarioPool.runAll(
                    sources,
                    skips,
                    attempts,
                    request.threads(),
                    result -> ConsoleReport.scenario(result, request::display, log));
            watch.scenariosEnd();
        } finally {
            before.release(); // a claim never made must not keep the background thread waiting
        }
        List<ScenarioResult> results = HostPreflight.inOrder(selected, skips, ran);

        List<String> changes = new ArrayList<>();
        before.await().forEach((checkout, fingerprint) -> {
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
        List<String> updated = runner.goldenUpdates().write(log);
        GateResult result = new GateResult(results, changes, request.failOnSkip(), updated);
        long reportsStart = System.nanoTime();
        try {
            JUnitReport.write(
                    result,
                    manifest,
                    request.workDirectory().resolve(JUNIT_REPORT),
                    shard.record() == null
                            ? Map.of()
                            : Map.of("smoke.shard", shard.record().shard().toString()),
                    log.redaction());
        } catch (IOException e) {
            throw new GateConfigurationException("Cannot write the JUnit report "
                    + request.display(request.workDirectory().resolve(JUNIT_REPORT)) + ": " + e.getMessage()
                    + ". Check free disk space and the permissions of the work directory.");
        }
        long junitEnd = System.nanoTime();
        writeSummary(request, manifest, result, started, selected, runner.sources(), shard.record());
        long summaryEnd = System.nanoTime();
        Path index = request.workDirectory().resolve(INDEX_HTML);
        try {
            HtmlReport.write(GateView.read(request.workDirectory().resolve(SUMMARY_JSON)), index, request.basedir());
        } catch (IOException e) {
            throw new GateConfigurationException("Cannot write the HTML report " + request.display(index) + ": "
                    + e.getMessage() + ". Check free disk space and the permissions of the work directory.");
        }
        long htmlEnd = System.nanoTime();
        log.debug("[smoke] timing: reports written in " + millis(htmlEnd - reportsStart) + " ms (JUnit XML "
                + millis(junitEnd - reportsStart) + " ms, JSON summary " + millis(summaryEnd - junitEnd)
                + " ms, HTML " + millis(htmlEnd - summaryEnd) + " ms)");
        // After the reports, so that they are written while the earlier runs' folders are still being
        // deleted; before the summary, which stays the last thing the gate prints.
        long cleanup = System.nanoTime();
        int waited = Deletion.awaitBackground();
        log.debug("[smoke] timing: waited " + millis(System.nanoTime() - cleanup) + " ms for " + waited
                + " background deletion(s) of earlier runs' folders");
        ConsoleReport.summary(result, log);
        GithubRun.gateEnded(request, stdout, log.redaction(), result, manifest, log);
        return result;
    }

    /**
     * The redaction of what this engine writes: {@link Redaction#standard()} until a run has loaded
     * its manifest, then with that run's secret values (its {@code secret-env} values and the
     * logins' passwords). A front end passes the messages it shows through it: the exceptions of
     * {@link #run} and the build failure message.
     *
     * @return the current redaction
     */
    public Redaction redaction() {
        return log.redaction();
    }

    /**
     * @throws GateConfigurationException when the request gives a ref without the repo URL it is for
     */
    static void checkRefHasRepoUrl(GateRequest request) throws GateConfigurationException {
        if (request.ref() != null && request.repoUrl() == null) {
            String ref = request.frontEnd().setting(FrontEnd.Setting.REF);
            String repoUrl = request.frontEnd().setting(FrontEnd.Setting.REPO_URL);
            throw new GateConfigurationException(ref + "=" + request.ref() + " is set without " + repoUrl + "."
                    + " Set " + repoUrl + " to the repository to clone, or give the ref in the manifest as"
                    + " source.ref.");
        }
    }

    /**
     * @return the scenario's source, or a clone of the request's repo URL at its ref in place of a
     *     checkout when the request sets one
     */
    static Source source(Scenario scenario, GateRequest request) {
        Source source = scenario.source();
        return request.repoUrl() != null && source instanceof Source.Checkout
                ? new Source.Clone(request.repoUrl(), request.ref())
                : source;
    }

    /**
     * Writes {@link #SUMMARY_JSON}. The source of a scenario whose workspace was not made (a skip,
     * a failed clone) is the declared one, without a commit.
     */
    private void writeSummary(
            GateRequest request,
            Manifest manifest,
            GateResult result,
            Instant started,
            List<Scenario> selected,
            Map<String, ScenarioSource> prepared,
            ShardRecord shard)
            throws GateConfigurationException {
        Map<String, ScenarioSource> shown = new LinkedHashMap<>();
        for (Scenario scenario : selected) {
            Source source = source(scenario, request);
            shown.put(
                    scenario.name(),
                    source instanceof Source.Clone clone
                            ? new ScenarioSource(ScenarioSource.Kind.CLONE, clone.url(), clone.ref(), null)
                            : new ScenarioSource(
                                    ScenarioSource.Kind.CHECKOUT, ((Source.Checkout) source).path(), null, null));
        }
        shown.putAll(prepared);
        GateParameters gate = GateParameters.builder(request.display(request.manifest()))
                .tasks(request.tasks())
                .scenarios(request.scenarioGlobs())
                .clone(request.repoUrl(), request.ref())
                .offline(request.offline())
                .threads(request.threads())
                .failOnSkip(request.failOnSkip())
                .retries(request.retries())
                .probeTimeout(request.probeTimeout())
                .shard(shard)
                .build();
        Path file = request.workDirectory().resolve(SUMMARY_JSON);
        try {
            new SummaryJson(result, manifest, gate)
                    .times(started, Instant.now())
                    .sources(shown)
                    .evidenceLines(EvidenceLines.of(result.scenarios()))
                    .display(request::display)
                    .redaction(log.redaction())
                    .write(file, log);
        } catch (IOException e) {
            throw new GateConfigurationException("Cannot write the JSON summary " + request.display(file) + ": "
                    + e.getMessage() + ". Check free disk space and the permissions of the work directory.");
        }
    }

    /**
     * The checkout the first scenario copies, when it copies one with its untracked files: its copy can
     * record the checkout's fingerprint before the gate ({@link CheckoutFingerprints#claim}).
     *
     * @return one of {@code checkouts}, or {@code null}
     */
    private static Path firstCopied(
            GateRequest request, Placeholders placeholders, Map<Scenario, Source> sources, List<Path> checkouts) {
        if (sources.isEmpty()
                || !(sources.values().iterator().next() instanceof Source.Checkout checkout)
                || checkout.untracked() != UntrackedMode.INCLUDE) {
            return null;
        }
        try {
            Path path = request.basedir()
                    .resolve(placeholders.resolve(checkout.path(), NO_GATE_VALUES))
                    .normalize();
            return checkouts.contains(path) ? path : null;
        } catch (IllegalArgumentException e) {
            return null; // a value known only while the scenario runs: not fingerprinted at all
        }
    }

    /**
     * The checkout folders of the scenarios that run, once each, in scenario order: those whose
     * fingerprint before the gate is compared with the one after it.
     */
    private List<Path> checkouts(GateRequest request, Placeholders placeholders, Map<Scenario, Source> sources) {
        Set<Path> checkouts = new LinkedHashSet<>();
        for (Map.Entry<Scenario, Source> entry : sources.entrySet()) {
            if (entry.getValue() instanceof Source.Checkout checkout) {
                String resolved;
                try {
                    resolved = placeholders.resolve(checkout.path(), NO_GATE_VALUES);
                } catch (IllegalArgumentException e) {
                    // ${port.NAME} or ${smoke.export.NAME}: a value known only while the scenario runs.
                    log.warn(ConsoleReport.PREFIX + "the checkout of "
                            + entry.getKey().name() + " ("
                            + checkout.path() + ") is not fingerprinted: its path names a value known only while"
                            + " the scenario runs (" + e.getMessage() + "), so the gate cannot check afterwards"
                            + " that it was left unchanged. Name a fixed folder in source.checkout to have it"
                            + " checked.");
                    continue;
                }
                checkouts.add(request.basedir().resolve(resolved).normalize());
            }
        }
        return List.copyOf(checkouts);
    }

    /**
     * The build failure message for a gate that did not pass: the verdict grouped by category (as
     * {@link ConsoleReport#verdict(GateResult)} prints it after the summary), and where the step
     * logs, the JUnit XML report and the JSON summary are.
     *
     * @param request the gate's request
     * @param result its result, which did not pass
     * @return e.g. {@code Smoke gate failed: 1 of 2 scenarios (runtime 1), 1 skipped (host 1). Read the
     *     [smoke] FAIL and SKIP lines above, the step logs under target/smoke, target/smoke/TEST-smoke.xml
     *     and target/smoke/smoke-summary.json.}
     */
    public static String failureMessage(GateRequest request, GateResult result) {
        return ConsoleReport.verdict(result) + ". Read the [smoke] FAIL and SKIP lines above, the step logs under "
                + request.display(request.workDirectory()) + ", "
                + request.display(request.workDirectory().resolve(JUNIT_REPORT)) + " and "
                + request.display(request.workDirectory().resolve(SUMMARY_JSON)) + "."
                + GoldenUpdates.sentence(
                        result.goldenUpdates(), request.frontEnd().setting(FrontEnd.Setting.UPDATE));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
