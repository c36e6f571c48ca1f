package dev.smokegate.bench;

import dev.smokegate.bench.Results.Verdict;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.workspace.CloneCache;
import dev.smokegate.smoke.workspace.CloneReport;
import dev.smokegate.smoke.workspace.WorkspaceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark b: a clean clone of a pinned commit through the {@link CloneCache}, once the cache
 * holds it, against {@code git clone --local --no-hardlinks} of the same bare repository followed
 * by {@code git checkout --detach <sha>}. An analysis row times JGit's checkout ({@code reset --hard})
 * alone, as {@code cloneInto} runs it.
 *
 * <ol>
 *   <li>The "remote" is a bare clone of the generated checkout ({@code git clone --bare}), reached
 *       through a {@code file://} URL.
 *   <li>One {@code cloneInto(url, sha, dest)} fills the cache (must report {@code fetched=true}).
 *   <li>The bare repository is then renamed, so the URL no longer answers: a {@code
 *       cloneInto(url, "main", ...)}, which must fetch, has to fail as UNREACHABLE (the control),
 *       and every measured {@code cloneInto(url, sha, ...)} must still succeed with {@code
 *       fetched=false} and the right commit checked out. The CLI clones use the renamed path.
 *   <li>One warm-up round and {@code runs} measured rounds, in rotated order, each into a new
 *       folder after a {@code sync}; nothing is deleted until the whole run is over (see {@link
 *       LocalStartupBench} for why). Every round's workspace and CLI clone, measured ones included,
 *       is checked (not timed): HEAD, a clean {@code git status} and {@link OutputSample}'s file count
 *       and hashes.
 * </ol>
 *
 * <p>The verdict is computed from what every round saw: MET only when each cached {@code cloneInto}
 * reported {@code fetched=false} at the pinned commit and its workspace passed the checks.
 */
final class CloneBench {

    static final String NAME = "clean-clone";

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Path repo;
    private final Path work;
    private final Results results;

    CloneBench(Path repo, Path work, Results results) {
        this.repo = repo.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath().normalize();
        this.results = results;
    }

    void run(int runs) throws Exception {
        Files.createDirectories(work);
        String sha = Commands.check(repo, TIMEOUT, "git", "rev-parse", "HEAD")
                .output()
                .strip();
        Path bare = work.resolve("remote/origin.git");
        Path moved = work.resolve("remote/origin-moved.git");
        Commands.check(
                work, TIMEOUT, "git", "clone", "-q", "--bare", "--no-hardlinks", repo.toString(), bare.toString());
        String url = bare.toUri().toString(); // file:///…/origin.git/
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        CloneCache cache = new CloneCache(work.resolve("cache"), false, MavenFrontEnd.INSTANCE, SmokeLog.silent());

        long start = System.nanoTime();
        CloneReport warm = cache.cloneInto(url, sha, work.resolve("warm"));
        double warmMillis = (System.nanoTime() - start) / 1e6;
        results.sample(NAME, "cloneInto (cold cache: creates the mirror)", 0, warmMillis, "fetched=" + warm.fetched());
        if (!warm.fetched() || !warm.commit().equals(sha)) {
            throw new IllegalStateException("the cache warm-up should fetch " + sha + ": " + warm);
        }
        checkWorkspace(work.resolve("warm"), sha);

        // From here on the URL does not answer: only the cache can serve it.
        Files.move(bare, moved);
        String control;
        try {
            cache.cloneInto(url, "main", work.resolve("control"));
            throw new IllegalStateException("cloneInto(" + url + ", main) succeeded after the remote was moved away:"
                    + " it cannot have fetched, so the control is broken");
        } catch (WorkspaceException e) {
            if (e.reason() != WorkspaceException.Reason.UNREACHABLE) {
                throw new IllegalStateException("expected UNREACHABLE for the moved remote, got " + e.reason(), e);
            }
            control = e.getMessage();
            System.out.println("[bench] " + NAME + ": control, the remote is gone: " + control);
        }

        List<Double> cached = new ArrayList<>();
        List<Double> cli = new ArrayList<>();
        List<Double> checkout = new ArrayList<>();
        OutputSample outputs = new OutputSample(repo, sha);
        int good = 0;
        List<String> problems = new ArrayList<>();
        for (int round = 0; round <= runs; round++) {
            if (round > 0) {
                // Analysis: the checkout inside cloneInto, timed alone (see JGitSteps).
                Commands.sync();
                double millis =
                        JGitSteps.checkoutAsCloneCacheDoesIt(cache.mirrorOf(url), sha, work.resolve("steps-" + round));
                results.sample(NAME, "analysis: JGit reset --hard (the checkout inside cloneInto)", round, millis, "");
                checkout.add(millis);
            }
            for (int k = 0; k < 2; k++) {
                boolean cacheFirst = (k + round) % 2 == 0;
                Commands.sync();
                if (cacheFirst) {
                    Path dest = work.resolve("cached-" + round);
                    long t0 = System.nanoTime();
                    CloneReport report = cache.cloneInto(url, sha, dest);
                    double millis = (System.nanoTime() - t0) / 1e6;
                    results.sample(NAME, "cloneInto (cached)", round, millis, "fetched=" + report.fetched());
                    String problem = report.fetched() || !report.commit().equals(sha)
                            ? "expected fetched=false at " + sha + ", got " + report
                            : workspaceProblem(dest, sha, outputs);
                    if (problem == null) {
                        good++;
                    } else {
                        problems.add("round " + round + ": " + problem);
                        System.out.println("[bench] " + NAME + ": round " + round + ": " + problem);
                    }
                    if (round > 0) {
                        cached.add(millis);
                    }
                } else {
                    Path dest = work.resolve("cli-" + round);
                    double millis = Commands.check(
                                            work,
                                            TIMEOUT,
                                            "git",
                                            "clone",
                                            "-q",
                                            "--local",
                                            "--no-hardlinks",
                                            moved.toString(),
                                            dest.toString())
                                    .millis()
                            + Commands.check(dest, TIMEOUT, "git", "checkout", "-q", "--detach", sha)
                                    .millis();
                    outputs.check(dest, "git clone round " + round);
                    results.sample(
                            NAME,
                            "git clone --local --no-hardlinks + checkout",
                            round,
                            millis,
                            "checked: " + outputs.describe());
                    if (round > 0) {
                        cli.add(millis);
                    }
                }
            }
        }
        Commands.sync();
        double cachedMedian = Stats.median(cached);
        double cliMedian = Stats.median(cli);
        String n = " (median of " + runs + ")";
        results.metric(
                NAME, "cloneInto, cold cache (mirror created, once)", Stats.ms(warmMillis), "ms", "", Verdict.NONE);
        results.metric(NAME, "cloneInto, cached pinned SHA" + n, Stats.ms(cachedMedian), "ms", "", Verdict.NONE);
        results.metric(
                NAME, "git clone --local --no-hardlinks + checkout" + n, Stats.ms(cliMedian), "ms", "", Verdict.NONE);
        results.metric(
                NAME,
                "cached cloneInto / git clone",
                Stats.ratio(cachedMedian / cliMedian, 1.2),
                "x",
                "<= 1.2",
                cachedMedian <= 1.2 * cliMedian ? Verdict.MET : Verdict.MISSED);
        results.metric(
                NAME,
                "analysis: of which JGit reset --hard (the checkout)" + n,
                Stats.ms(Stats.median(checkout)),
                "ms",
                "",
                Verdict.NONE);
        results.metric(
                NAME,
                "cached runs with fetched=false at the pinned commit and a checked workspace, remote unreachable",
                good + " of " + (runs + 1),
                "",
                "all",
                good == runs + 1 && problems.isEmpty() ? Verdict.MET : Verdict.MISSED);
    }

    /**
     * @return {@code null} when the workspace is at the commit, clean, and holds the commit's files
     *     (count and sampled hashes); otherwise what is wrong
     */
    private static String workspaceProblem(Path dest, String sha, OutputSample outputs) {
        try {
            checkWorkspace(dest, sha);
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        return outputs.problem(dest);
    }

    /** The workspace is checked out at the commit, clean, with origin pointing at the original URL. */
    private static void checkWorkspace(Path dest, String sha) {
        String head = Commands.check(dest, TIMEOUT, "git", "rev-parse", "HEAD")
                .output()
                .strip();
        String status = Commands.check(dest, TIMEOUT, "git", "status", "--porcelain")
                .output()
                .strip();
        long files = Long.parseLong(
                Commands.sh(dest, TIMEOUT, "git ls-files | wc -l").output().strip());
        if (!head.equals(sha) || !status.isEmpty()) {
            throw new IllegalStateException(
                    "workspace " + dest + ": HEAD " + head + " (expected " + sha + "), status: " + status);
        }
        System.out.println(
                "[bench] " + NAME + ": " + dest.getFileName() + " is at " + sha + ", clean, " + files + " files");
    }
}
