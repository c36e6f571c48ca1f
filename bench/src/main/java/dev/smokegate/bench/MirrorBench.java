package dev.smokegate.bench;

import dev.smokegate.bench.Results.Verdict;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.workspace.CloneCache;
import dev.smokegate.smoke.workspace.CloneReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark b2: creating a mirror from empty. Each round, with a new cache folder, {@code
 * cloneInto(url, sha, …)} creates the mirror and checks the commit out (must report {@code
 * fetched=true}); a second {@code cloneInto} of the same commit from that cache right after (must
 * report {@code fetched=false}) times the checkout alone, so the mirror's part is the difference. It
 * is compared with {@code git clone --mirror file://…} of the same bare repository (the URL, so that
 * git goes through its transport as for a remote, and does not hard-link a local path), in the same
 * rounds. Each
 * mirror is checked to hold the commit, each workspace to be at it with all files. Reported for
 * information (no target).
 */
final class MirrorBench {

    static final String NAME = "mirror-from-empty";

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Path repo;
    private final Path work;
    private final Results results;

    MirrorBench(Path repo, Path work, Results results) {
        this.repo = repo.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath().normalize();
        this.results = results;
    }

    void run(int runs) throws Exception {
        Commands.delete(work);
        Files.createDirectories(work);
        String sha = Commands.check(repo, TIMEOUT, "git", "rev-parse", "HEAD")
                .output()
                .strip();
        long tracked = Long.parseLong(
                Commands.sh(repo, TIMEOUT, "git ls-files | wc -l").output().strip());
        Path bare = work.resolve("remote/origin.git");
        Commands.check(
                work, TIMEOUT, "git", "clone", "-q", "--bare", "--no-hardlinks", repo.toString(), bare.toString());
        String url = bare.toUri().toString();
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;

        List<Double> cold = new ArrayList<>();
        List<Double> mirror = new ArrayList<>();
        List<Double> git = new ArrayList<>();
        for (int round = 0; round <= runs; round++) {
            for (int k = 0; k < 2; k++) {
                Commands.sync();
                if ((k + round) % 2 == 0) {
                    CloneCache cache = new CloneCache(
                            work.resolve("cache-" + round), false, MavenFrontEnd.INSTANCE, SmokeLog.silent());
                    long t0 = System.nanoTime();
                    CloneReport first = cache.cloneInto(url, sha, work.resolve("cold-" + round));
                    double coldMillis = (System.nanoTime() - t0) / 1e6;
                    Commands.sync();
                    long t1 = System.nanoTime();
                    CloneReport second = cache.cloneInto(url, sha, work.resolve("cached-" + round));
                    double cachedMillis = (System.nanoTime() - t1) / 1e6;
                    if (!first.fetched() || second.fetched() || !first.commit().equals(sha)) {
                        throw new IllegalStateException(
                                "expected a fetch, then none, at " + sha + ": " + first + ", " + second);
                    }
                    Commands.check(first.mirror(), TIMEOUT, "git", "cat-file", "-e", sha + "^{commit}");
                    StartupBench.checkWorkspace(work.resolve("cold-" + round), sha, tracked);
                    results.sample(NAME, "cloneInto, empty cache", round, coldMillis, "cached after: " + cachedMillis);
                    if (round > 0) {
                        cold.add(coldMillis);
                        mirror.add(coldMillis - cachedMillis);
                    }
                } else {
                    Path dest = work.resolve("git-mirror-" + round + ".git");
                    double millis = Commands.check(
                                    work, TIMEOUT, "git", "clone", "-q", "--mirror", url, dest.toString())
                            .millis();
                    Commands.check(dest, TIMEOUT, "git", "cat-file", "-e", sha + "^{commit}");
                    results.sample(NAME, "git clone --mirror", round, millis, "");
                    if (round > 0) {
                        git.add(millis);
                    }
                }
            }
        }
        String n = " (median of " + runs + ")";
        double mirrorMedian = Stats.median(mirror);
        double gitMedian = Stats.median(git);
        results.metric(
                NAME,
                "cloneInto with an empty cache (mirror + checkout)" + n,
                Stats.ms(Stats.median(cold)),
                "ms",
                "",
                Verdict.NONE);
        results.metric(
                NAME,
                "of which creating the mirror (minus a cached cloneInto)" + n,
                Stats.ms(mirrorMedian),
                "ms",
                "",
                Verdict.NONE);
        results.metric(NAME, "git clone --mirror file://…" + n, Stats.ms(gitMedian), "ms", "", Verdict.NONE);
        results.metric(
                NAME,
                "mirror from empty / git clone --mirror",
                Stats.ratio(mirrorMedian / gitMedian),
                "x",
                "",
                Verdict.NONE);
    }
}
