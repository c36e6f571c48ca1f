package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.ScenarioSource;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.workspace.CheckoutCopier;
import dev.smokegate.smoke.workspace.CloneReport;
import dev.smokegate.smoke.workspace.CopyReport;
import dev.smokegate.smoke.workspace.Fingerprint;
import dev.smokegate.smoke.workspace.PreviousWorkspace;
import dev.smokegate.smoke.workspace.Skipped;
import dev.smokegate.smoke.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes a scenario's workspace from its source, a copy of a checkout or a clone through the cache,
 * and says in one info line where it came from.
 */
final class WorkspacePreparer {
    private final GateContext gate;
    private final Function<Path, Consumer<Fingerprint>> claims;
    private final Map<String, ScenarioSource> sources = new ConcurrentHashMap<>();

    /**
     * @param gate the run's request (the project folder checkouts are relative to, the work
     *     directory a copy must not take in), log, clone cache and failures
     * @param claims given a checkout about to be copied, where its copy hands the checkout's
     *     fingerprint before the gate, or {@code null} when the copy is not to record one ({@link
     *     CheckoutFingerprints#claim})
     */
    WorkspacePreparer(GateContext gate, Function<Path, Consumer<Fingerprint>> claims) {
        this.gate = gate;
        this.claims = claims;
    }

    /**
     * @return the source of each scenario whose preparation began, by scenario name, with the
     *     commit its workspace was made from once that is known; the last run of a scenario wins
     */
    Map<String, ScenarioSource> sources() {
        return Map.copyOf(sources);
    }

    /**
     * A prepared workspace: the folder steps run in (the checkout's subfolder), or why it failed.
     *
     * @param stepRoot the folder steps run in, or {@code null} on failure
     * @param failure the {@code prepare} failure, or {@code null}
     */
    record Prepared(Path stepRoot, StepFailure failure) {}

    /**
     * @param scenario the scenario name, for the log line
     * @param source where the workspace comes from
     * @param workspace the folder to make it in
     * @param resolve replaces the placeholders of the source's path, URL and ref
     * @return the folder steps run in, or the failure
     */
    Prepared prepare(String scenario, Source source, Path workspace, Function<String, String> resolve) {
        try {
            if (source instanceof Source.Checkout checkout) {
                Path path = gate.request()
                        .basedir()
                        .resolve(resolve.apply(checkout.path()))
                        .normalize();
                ScenarioSource shown = new ScenarioSource(
                        ScenarioSource.Kind.CHECKOUT, gate.request().display(path), null, null);
                sources.put(scenario, shown);
                CopyReport report = copy(path, workspace, checkout);
                gate.log()
                        .info("[smoke] " + scenario + ": workspace from checkout "
                                + gate.request().display(path)
                                + (report.sourceCommit() == null
                                        ? " (no commit yet)"
                                        : " at " + abbreviate(report.sourceCommit()))
                                + ": " + report.files() + " files, " + report.bytes() + " bytes"
                                + (report.kept() == 0
                                        ? ""
                                        : " (" + report.kept() + " files unchanged since the previous run, kept)")
                                + skipped(report.skipped()));
                if (report.sourceCommit() != null) {
                    sources.put(scenario, shown.withCommit(report.sourceCommit()));
                }
                return new Prepared(workspace.resolve(report.subfolder()).normalize(), null);
            }
            Source.Clone clone = (Source.Clone) source;
            PreviousWorkspace.discard(workspace, message -> gate.log().debug("[smoke] " + message));
            String ref = clone.ref() == null ? null : resolve.apply(clone.ref());
            ScenarioSource shown = new ScenarioSource(ScenarioSource.Kind.CLONE, resolve.apply(clone.url()), ref, null);
            sources.put(scenario, shown);
            CloneReport report = gate.cache().cloneInto(resolve.apply(clone.url()), ref, workspace);
            sources.put(scenario, shown.withCommit(report.commit()));
            gate.log()
                    .info("[smoke] " + scenario + ": workspace cloned from " + resolve.apply(clone.url())
                            + (ref == null ? "" : " at " + ref) + " → " + abbreviate(report.commit())
                            + (report.fetched() ? "" : " (from cache, no fetch)"));
            return new Prepared(workspace, null);
        } catch (WorkspaceException e) {
            return new Prepared(null, gate.failures().harness("prepare", e, null));
        }
    }

    /** Copies the checkout, recording its fingerprint before the gate when it is claimed. */
    private CopyReport copy(Path path, Path workspace, Source.Checkout checkout) throws WorkspaceException {
        CheckoutCopier copier = new CheckoutCopier(gate.log(), gate.request().frontEnd());
        Path gateDirectory = gate.request().workDirectory();
        Consumer<Fingerprint> claim = claims.apply(path);
        if (claim == null) {
            return copier.update(path, workspace, checkout.untracked(), gateDirectory);
        }
        try {
            return copier.update(path, workspace, checkout.untracked(), gateDirectory, claim);
        } finally {
            claim.accept(null); // ignored after the fingerprint; else the background thread takes it
        }
    }

    private static String skipped(List<Skipped> skipped) {
        if (skipped.isEmpty()) {
            return "";
        }
        return "; skipped " + skipped.size() + " unreadable or special path(s): "
                + skipped.stream()
                        .limit(5)
                        .map(s -> s.path() + " (" + s.reason() + ")")
                        .collect(Collectors.joining(", "))
                + (skipped.size() > 5 ? ", …" : "");
    }

    private static String abbreviate(String commit) {
        return commit == null ? "(no commit)" : commit.substring(0, Math.min(12, commit.length()));
    }
}
