package dev.smokegate.bench;

import dev.smokegate.bench.Results.Verdict;
import dev.smokegate.smoke.workspace.Fingerprint;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark f: the checkout fingerprint the gate takes before and after it runs, at the cost of a
 * stat, against {@code git status --porcelain} on the same checkout in the same rounds.
 *
 * <ol>
 *   <li>{@code git status} runs first, untimed, so that git's index holds fresh stat data (as in a
 *       checkout the user works in).
 *   <li>Checks that the work is done: the fingerprint records every path {@code git ls-files} and
 *       {@code git ls-files --others --exclude-standard} list; a same-size write whose modification
 *       time is put back (as {@code touch -d}) is caught by the second fingerprint ({@link
 *       Fingerprint#again()}), and a later one, after the content is restored, is clean again.
 *   <li>One warm-up round and {@code runs} measured rounds, in rotated order, of {@code git status
 *       --porcelain}, {@code Fingerprint.of(checkout, gate)} (the gate's first fingerprint) and
 *       {@code again()} (the second, after the gate), each in this warm JVM.
 * </ol>
 *
 * <p>Targets: each fingerprint at most 2 times {@code git status} (medians).
 */
final class FingerprintBench {

    static final String NAME = "fingerprint";

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private static final double TARGET = 2.0;

    private final Path repo;
    private final Path work;
    private final Results results;

    FingerprintBench(Path repo, Path work, Results results) {
        this.repo = repo.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath().normalize();
        this.results = results;
    }

    void run(int runs) throws Exception {
        Files.createDirectories(work);
        Path gate = work.resolve("gate");
        Commands.check(repo, TIMEOUT, "git", "status", "--porcelain");
        checkTheWorkIsDone(gate);
        for (int i = 0; i < 3; i++) {
            Fingerprint.of(repo, gate).again(); // the JIT compiles the walk before anything is timed
        }

        List<Double> git = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        int hashedFirst = -1;
        int hashedSecond = -1;
        for (int round = 0; round <= runs; round++) {
            for (int k = 0; k < 3; k++) {
                switch ((k + round) % 3) {
                    case 0 -> {
                        double millis = Commands.check(repo, TIMEOUT, "git", "status", "--porcelain")
                                .millis();
                        results.sample(NAME, "git status --porcelain", round, millis, "");
                        if (round > 0) {
                            git.add(millis);
                        }
                    }
                    case 1 -> {
                        long t0 = System.nanoTime();
                        Fingerprint fingerprint = Fingerprint.of(repo, gate);
                        double millis = (System.nanoTime() - t0) / 1e6;
                        results.sample(
                                NAME,
                                "Fingerprint.of",
                                round,
                                millis,
                                fingerprint.timings().toString());
                        hashedFirst =
                                Math.max(hashedFirst, fingerprint.timings().hashed());
                        if (round > 0) {
                            first.add(millis);
                        }
                    }
                    default -> {
                        Fingerprint before = Fingerprint.of(repo, gate);
                        long t0 = System.nanoTime();
                        Fingerprint after = before.again();
                        double millis = (System.nanoTime() - t0) / 1e6;
                        results.sample(
                                NAME,
                                "Fingerprint.again",
                                round,
                                millis,
                                after.timings().toString());
                        if (!after.changedPaths(before).isEmpty()) {
                            throw new IllegalStateException(
                                    "nothing changed, yet again() reports " + after.changedPaths(before));
                        }
                        hashedSecond = Math.max(hashedSecond, after.timings().hashed());
                        if (round > 0) {
                            second.add(millis);
                        }
                    }
                }
            }
        }
        double gitMedian = Stats.median(git);
        double firstMedian = Stats.median(first);
        double secondMedian = Stats.median(second);
        String n = " (median of " + runs + ")";
        results.metric(NAME, "git status --porcelain" + n, Stats.ms(gitMedian), "ms", "", Verdict.NONE);
        results.metric(NAME, "Fingerprint.of, before the gate" + n, Stats.ms(firstMedian), "ms", "", Verdict.NONE);
        results.metric(NAME, "Fingerprint.again, after the gate" + n, Stats.ms(secondMedian), "ms", "", Verdict.NONE);
        results.metric(
                NAME,
                "Fingerprint.of / git status",
                Stats.ratio(firstMedian / gitMedian, TARGET),
                "x",
                "<= " + TARGET,
                firstMedian <= TARGET * gitMedian ? Verdict.MET : Verdict.MISSED);
        results.metric(
                NAME,
                "Fingerprint.again / git status",
                Stats.ratio(secondMedian / gitMedian, TARGET),
                "x",
                "<= " + TARGET,
                secondMedian <= TARGET * gitMedian ? Verdict.MET : Verdict.MISSED);
        results.metric(
                NAME,
                "files read and hashed, most in one fingerprint (of / again)",
                hashedFirst + " / " + hashedSecond,
                "",
                "",
                Verdict.NONE);
    }

    /** Every path recorded; a hidden same-size write caught; clean again once restored. */
    private void checkTheWorkIsDone(Path gate) throws Exception {
        long tracked = count("git ls-files");
        long untracked = count("git ls-files --others --exclude-standard");
        Fingerprint before = Fingerprint.of(repo, gate);
        if (before.size() != tracked + untracked) {
            throw new IllegalStateException("the fingerprint records " + before.size() + " paths, git lists " + tracked
                    + " tracked and " + untracked + " untracked ones");
        }
        String path = Commands.sh(
                        repo,
                        TIMEOUT,
                        "git ls-files -s | awk '$1 == \"100644\" && $4 != \".gitignore\" {print $4; exit}'")
                .output()
                .strip();
        Path file = repo.resolve(path);
        byte[] original = Files.readAllBytes(file);
        FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
        byte[] edited = original.clone();
        edited[0] = (byte) (edited[0] ^ 1);
        try {
            Files.write(file, edited);
            Files.setLastModifiedTime(file, modified);
            List<String> changed = before.again().changedPaths(before);
            if (!changed.equals(List.of(path))) {
                throw new IllegalStateException("a same-size write to " + path + " with its modification time put"
                        + " back should be the only change, the fingerprint says " + changed);
            }
        } finally {
            Files.write(file, original);
            Files.setLastModifiedTime(file, modified);
        }
        List<String> restored = before.again().changedPaths(before);
        if (!restored.isEmpty()) {
            throw new IllegalStateException("restored, yet the fingerprint says " + restored);
        }
        Commands.check(repo, TIMEOUT, "git", "status", "--porcelain"); // the index vouches again
        System.out.println("[bench] " + NAME + ": " + before.size() + " paths recorded (" + tracked + " tracked, "
                + untracked + " untracked); a same-size write with the time put back to " + path
                + " was caught; first fingerprint: " + before.timings());
    }

    private long count(String command) {
        return Long.parseLong(
                Commands.sh(repo, TIMEOUT, command + " | wc -l").output().strip());
    }
}
