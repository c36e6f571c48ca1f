package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.manifest.ManifestLoader;
import dev.smokegate.smoke.manifest.Placeholders;
import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.HostCheck.Verdict;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Requirements;
import dev.smokegate.smoke.model.Requirements.CommandRequirement;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.preflight.HostChecks;
import dev.smokegate.smoke.preflight.WritableFolder;
import dev.smokegate.smoke.report.DoctorReport;
import dev.smokegate.smoke.workspace.CloneCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The doctor: checks that this host can run the selected scenarios, without running anything. It
 * loads the manifest and selects scenarios as a gate does, then checks, in this order:
 *
 * <ol>
 *   <li>{@code java}: the running Java's version, vendor and home;
 *   <li>the front end's tool (e.g. {@code maven}) and the version it reports;
 *   <li>{@code git}: {@code git --version} on the {@code PATH}; a WARN ({@code
 *       host.command-not-found}) when it is missing, because the gate clones with JGit and only steps
 *       that run git need it;
 *   <li>the work directory and the clone cache: writable (a probe file, created and deleted) and
 *       their free space, without creating them ({@link WritableFolder}); the cache only warns when no
 *       selected scenario clones;
 *   <li>{@code repository <url>[ at <ref>]} for each distinct clone (a {@code source.repo-url}, or the
 *       request's repo URL in place of checkouts): reachable through {@code git ls-remote} with the
 *       clones' logins, or, when not (or offline), its commit already in the clone cache (a WARN);
 *       see {@link CloneCache#probe};
 *   <li>every requirement of the selected scenarios ({@code requires.*}), each once ({@link
 *       HostChecks}).
 * </ol>
 *
 * Every check is bounded by the request's probe timeout; the repositories and the requirements are
 * checked in parallel. The rows are written as {@link DoctorReport} lines, summary last, and, when
 * asked, to {@value #JSON_REPORT} in the work directory, which is then created.
 */
public final class Doctor {
    /** The JSON report's file name inside the work directory. */
    public static final String JSON_REPORT = "doctor.json";

    private final SmokeLog log;

    /** @param log where the rows and the summary are written */
    public Doctor(SmokeLog log) {
        this.log = RedactingLog.of(SerialLog.of(log));
    }

    /**
     * The rows of a doctor run.
     *
     * @param checks every row, in the order shown
     * @param json the JSON report written, or {@code null} when none was asked for
     */
    public record Result(List<HostCheck> checks, Path json) {
        public Result {
            checks = List.copyOf(checks);
        }

        /** @return whether any row is a FAIL, which fails the build */
        public boolean failed() {
            return checks.stream().anyMatch(check -> check.verdict() == Verdict.FAIL);
        }
    }

    /**
     * @param request the gate's parameters: manifest, selection, repo URL and ref, work directory,
     *     cache, logins, offline mode, environment and probe timeout
     * @param toolVersion what the front end says of itself, e.g. {@code 3.9.9 in /opt/maven}
     * @param json whether to write the rows to {@value #JSON_REPORT} in the work directory too
     * @return the rows
     * @throws ManifestException when the manifest is missing or invalid
     * @throws GateConfigurationException when a selection matches nothing, a ref is given without a
     *     repo URL, or the JSON report cannot be written
     */
    public Result run(GateRequest request, String toolVersion, boolean json)
            throws ManifestException, GateConfigurationException {
        Objects.requireNonNull(toolVersion, "toolVersion");
        SmokeEngine.checkRefHasRepoUrl(request);
        Placeholders placeholders = new Placeholders(request.properties(), request.environment());
        Manifest manifest = new ManifestLoader(placeholders, request.frontEnd())
                .load(request.manifest(), request.display(request.manifest()));
        List<Scenario> selected = NeedsGraph.withNeeds(
                manifest.scenarios(),
                Selection.select(manifest.scenarios(), request.tasks(), request.scenarioGlobs(), request.frontEnd()),
                log);
        log.info("[smoke] doctor: checking this host for " + selected.size() + " of "
                + manifest.scenarios().size() + " scenario(s) from " + request.display(request.manifest())
                + (request.offline() ? " (offline: repositories are looked up in the clone cache only)" : ""));

        HostChecks host = new HostChecks(request.probeTimeout(), request.environment(), request.workDirectory());
        CloneCache cache = new CloneCache(
                request.cacheDirectory(),
                request.offline(),
                request.sshDirectory(),
                request.servers(),
                request.frontEnd(),
                log);
        CompletableFuture<HostCheck> git = CompletableFuture.supplyAsync(() -> git(host), thread("git"));
        List<CompletableFuture<HostCheck>> repositories = new ArrayList<>();
        for (Source.Clone clone : clones(request, placeholders, selected)) {
            repositories.add(CompletableFuture.supplyAsync(
                    () -> cache.probe(clone.url(), clone.ref(), request.probeTimeout()), thread(clone.url())));
        }
        List<HostCheck> requires =
                host.checkAll(selected.stream().map(Scenario::requires).toList());

        List<HostCheck> rows = new ArrayList<>();
        rows.add(new HostCheck(
                "java",
                Verdict.PASS,
                null,
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") in "
                        + System.getProperty("java.home")));
        rows.add(
                new HostCheck(request.frontEnd().toolName().toLowerCase(Locale.ROOT), Verdict.PASS, null, toolVersion));
        rows.add(git.join());
        rows.addAll(folderRows(request, !repositories.isEmpty()));
        repositories.forEach(repository -> rows.add(repository.join()));
        rows.addAll(requires);

        Path report = null;
        if (json) {
            report = request.workDirectory().resolve(JSON_REPORT);
            try {
                DoctorReport.writeJson(rows, report);
            } catch (IOException e) {
                throw new GateConfigurationException("Cannot write the doctor report " + request.display(report) + ": "
                        + e.getMessage() + ". Check free disk space and the permissions of the work directory.");
            }
            log.info("[smoke] doctor: the rows are also in " + request.display(report));
        }
        DoctorReport.write(rows, log);
        return new Result(rows, report);
    }

    /**
     * The rows that {@code smoke:verify} checks up front, before any scenario runs, beside the
     * scenarios' {@code requires}: the work directory and the clone cache are writable, with their
     * free disk, and each repository the scenarios clone is reachable (or its commit cached). The
     * checks run in parallel, each repository bounded by the request's probe timeout.
     *
     * @param request the gate's request
     * @param placeholders resolves the scenarios' URLs and refs
     * @param selected the scenarios that will run
     * @param cache the clone cache the gate clones through
     * @return the rows, folders first, then repositories in manifest order
     */
    List<HostCheck> gateRows(
            GateRequest request, Placeholders placeholders, List<Scenario> selected, CloneCache cache) {
        List<CompletableFuture<HostCheck>> repositories = new ArrayList<>();
        for (Source.Clone clone : clones(request, placeholders, selected)) {
            repositories.add(CompletableFuture.supplyAsync(
                    () -> cache.probe(clone.url(), clone.ref(), request.probeTimeout()), thread(clone.url())));
        }
        List<HostCheck> rows = new ArrayList<>(folderRows(request, !repositories.isEmpty()));
        repositories.forEach(repository -> rows.add(repository.join()));
        return rows;
    }

    private static List<HostCheck> folderRows(GateRequest request, boolean clones) {
        return List.of(
                WritableFolder.check(
                        "work directory " + request.display(request.workDirectory()),
                        request.workDirectory(),
                        request::display),
                cacheRow(request, clones));
    }

    /**
     * The build failure message of a doctor run that found a FAIL.
     *
     * @param request the request, for the front end's words
     * @param result the rows, at least one a FAIL
     * @return each failed check, its rule and what to do
     */
    public static String failureMessage(GateRequest request, Result result) {
        return DoctorReport.failureMessage(result.checks(), request.frontEnd());
    }

    /** {@code git --version}: a missing git only warns, since the gate itself clones with JGit. */
    private static HostCheck git(HostChecks host) {
        HostCheck command = host.check(new Requirements(
                        List.of(new CommandRequirement("git", null)),
                        List.of(),
                        List.of(),
                        null,
                        List.of(),
                        null,
                        null))
                .get(0);
        return command.verdict() == Verdict.PASS
                ? new HostCheck("git", Verdict.PASS, null, command.detail())
                : new HostCheck(
                        "git",
                        Verdict.WARN,
                        "host.command-not-found",
                        command.detail() + "; the gate clones with JGit and does not need it, but a step that runs"
                                + " git does");
    }

    private static HostCheck cacheRow(GateRequest request, boolean clones) {
        HostCheck row = WritableFolder.check(
                "clone cache " + request.display(request.cacheDirectory()), request.cacheDirectory(), request::display);
        return clones || row.verdict() == Verdict.PASS
                ? row
                : new HostCheck(
                        row.name(),
                        Verdict.WARN,
                        row.rule(),
                        row.detail() + "; no selected scenario clones, so this gate does not use it");
    }

    /** The distinct clones of the selected scenarios, URL and ref resolved, in manifest order. */
    private Set<Source.Clone> clones(GateRequest request, Placeholders placeholders, List<Scenario> selected) {
        Set<Source.Clone> clones = new LinkedHashSet<>();
        for (Scenario scenario : selected) {
            if (SmokeEngine.source(scenario, request) instanceof Source.Clone clone) {
                Function<String, String> resolve = placeholders.bind(ScenarioResources.gateValues(
                        scenario.name(), request.workDirectory().resolve(scenario.name())));
                try {
                    clones.add(new Source.Clone(
                            resolve.apply(clone.url()), clone.ref() == null ? null : resolve.apply(clone.ref())));
                } catch (IllegalArgumentException e) {
                    // a ${port.NAME}: only a running scenario has one, and no real repository URL needs it
                    log.warn("[smoke] doctor: the repository of " + scenario.name() + " is not checked: its URL or"
                            + " ref names " + e.getMessage() + ", which has a value only while the scenario runs");
                }
            }
        }
        return clones;
    }

    /** Runs a check on a daemon thread of its own, named after what it checks. */
    private static Executor thread(String what) {
        return task -> {
            Thread thread = new Thread(task, "smoke-doctor " + what);
            thread.setDaemon(true);
            thread.start();
        };
    }

    @Override
    public String toString() {
        return "Doctor[" + log + "]";
    }
}
