package dev.smokegate.bench;

import dev.smokegate.bench.Results.Verdict;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.UntrackedMode;
import dev.smokegate.smoke.workspace.CheckoutCopier;
import dev.smokegate.smoke.workspace.CopyReport;
import dev.smokegate.smoke.workspace.Deletion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark h: a user's second run, where the previous run's workspace (a copy of the 20,000-file
 * checkout) is still there. Two ways to clear it, in the same rounds, each followed by the new copy
 * ({@code CheckoutCopier.copy}, in this warm JVM):
 *
 * <ul>
 *   <li><b>in front</b>: {@code Deletion.deleteRecursively}, then the copy (the gate before issue 8);
 *   <li><b>background</b>: {@code Deletion.deleteInBackground} (rename aside, delete on a thread),
 *       the copy at once, then {@code Deletion.awaitBackground()} (what the gate does at its end).
 * </ul>
 *
 * <p>Reported: the time until the workspace is ready (what the scenario waits for) and until the old
 * one is gone too. Each copy is checked (its file count). Target: the strategy the gate keeps
 * (background) is ready no later than in front (medians): a MISSED here means the gate should go
 * back to deleting in front.
 */
final class CleanupBench {

    static final String NAME = "second-run-cleanup";

    private final Path repo;
    private final Path work;
    private final Results results;

    CleanupBench(Path repo, Path work, Results results) {
        this.repo = repo.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath().normalize();
        this.results = results;
    }

    void run(int runs) throws Exception {
        Commands.delete(work);
        Files.createDirectories(work);
        CheckoutCopier copier = new CheckoutCopier(SmokeLog.silent(), MavenFrontEnd.INSTANCE);
        long expected = Long.parseLong(Commands.sh(repo, Duration.ofMinutes(5), "git ls-files | wc -l")
                .output()
                .strip());
        List<Double> frontReady = new ArrayList<>();
        List<Double> backgroundReady = new ArrayList<>();
        List<Double> backgroundAll = new ArrayList<>();
        for (int round = 0; round <= runs; round++) {
            for (int k = 0; k < 2; k++) {
                boolean background = (k + round) % 2 == 0;
                Path scenario = work.resolve((background ? "background-" : "front-") + round);
                Path workspace = scenario.resolve("workspace");
                copier.copy(repo, workspace, UntrackedMode.INCLUDE); // the previous run's workspace
                Commands.sync();
                Thread.sleep(5_000); // the previous run ended a while ago
                long t0 = System.nanoTime();
                if (background) {
                    Deletion.deleteInBackground(scenario, message -> {});
                } else {
                    Deletion.deleteRecursively(scenario);
                }
                CopyReport report = copier.copy(repo, workspace, UntrackedMode.INCLUDE);
                double ready = (System.nanoTime() - t0) / 1e6;
                Deletion.awaitBackground();
                double all = (System.nanoTime() - t0) / 1e6;
                if (report.files() < expected - 1) {
                    throw new IllegalStateException(
                            "the copy holds " + report.files() + " files, the checkout " + expected + " tracked ones");
                }
                try (var left = Files.list(work)) {
                    if (left.anyMatch(p -> p.getFileName().toString().contains(".deleting-"))) {
                        throw new IllegalStateException("a folder renamed aside is still there after the wait");
                    }
                }
                String method = background ? "rename aside, delete in the background" : "delete in front";
                results.sample(NAME, method, round, ready, "all done after " + Stats.ms(all) + " ms");
                if (round > 0) {
                    if (background) {
                        backgroundReady.add(ready);
                        backgroundAll.add(all);
                    } else {
                        frontReady.add(ready);
                    }
                }
            }
        }
        double front = Stats.median(frontReady);
        double back = Stats.median(backgroundReady);
        String n = " (median of " + runs + ")";
        results.metric(
                NAME, "delete in front, then copy: workspace ready" + n, Stats.ms(front), "ms", "", Verdict.NONE);
        results.metric(
                NAME, "rename aside + background delete: workspace ready" + n, Stats.ms(back), "ms", "", Verdict.NONE);
        results.metric(
                NAME,
                "rename aside + background delete: old one gone too" + n,
                Stats.ms(Stats.median(backgroundAll)),
                "ms",
                "",
                Verdict.NONE);
        results.metric(
                NAME,
                "background / in front, workspace ready (the gate keeps background)",
                Stats.ratio(back / front, 1.0),
                "x",
                "<= 1.0",
                back <= front ? Verdict.MET : Verdict.MISSED);
    }
}
