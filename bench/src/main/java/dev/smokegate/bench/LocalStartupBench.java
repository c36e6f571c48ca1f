package dev.smokegate.bench;

import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.bench.Results.Verdict;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.UntrackedMode;
import dev.smokegate.smoke.workspace.CheckoutCopier;
import dev.smokegate.smoke.workspace.CopyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark a: the local startup of a scenario, i.e. turning the developer's checkout into a
 * workspace. Three ways to get the same files into a fresh folder, on the same warm page cache:
 *
 * <ol>
 *   <li>{@code copy}: {@link CheckoutCopier#copy} in this JVM (warmed up by the warm-up round);
 *   <li>{@code clone}: {@code git clone --no-hardlinks <repo> <dest>} (git CLI): what a user would
 *       otherwise script;
 *   <li>{@code cpio}: {@code git ls-files -z | cpio -p0dm <dest>}: the physical floor, copying the
 *       tracked files and nothing else.
 * </ol>
 *
 * <p>One warm-up round, then {@code runs} measured rounds; each round runs the three in a rotated
 * order, each into a new folder, after {@code sync} has flushed the dirty pages of the previous
 * one (not timed), so no operation pays for another's write-back. Nothing is deleted until the
 * whole run is over: on the reference machine, creating files in the seconds after an {@code rm
 * -rf} of a large tree is up to 10 times slower (see benchmarks.md), which would measure the
 * previous run's cleanup instead of the copy. The warm-up's copy is checked against cpio's (same
 * paths, types, executable bits, contents and symlink targets), and {@code git status} in it must
 * be clean.
 */
final class LocalStartupBench {

    static final String NAME = "local-startup";

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final boolean official;
    private final Path repo;
    private final Path work;
    private final Results results;
    private final CheckoutCopier copier = new CheckoutCopier(SmokeLog.silent(), MavenFrontEnd.INSTANCE);
    private final int expectedFiles;
    private final String sha;

    /**
     * @param repo the generated checkout
     * @param work where the destinations go: on the checkout's file system (the official run,
     *     with the verdict), or on tmpfs (an extra run, {@code official == false}, that takes the
     *     disk's cost of creating files out of the comparison)
     */
    LocalStartupBench(Path repo, Path work, Results results, boolean official) {
        this.official = official;
        this.name = official ? NAME : NAME + "-tmpfs";
        this.repo = repo.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath().normalize();
        this.results = results;
        this.expectedFiles = Integer.parseInt(
                Commands.sh(this.repo, TIMEOUT, "git ls-files | wc -l").output().strip());
        this.sha = Commands.check(this.repo, TIMEOUT, "git", "rev-parse", "HEAD")
                .output()
                .strip();
    }

    /** Runs the warm-up and the measured rounds and reports the medians. */
    void run(int runs) throws Exception {
        Files.createDirectories(work);
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        List<String> methods = List.of("copy", "clone", "cpio");
        methods.forEach(m -> samples.put(m, new ArrayList<>()));
        for (int round = 0; round <= runs; round++) {
            for (int k = 0; k < methods.size(); k++) {
                String method = methods.get((k + round) % methods.size());
                Path dest = work.resolve(method + "-" + round);
                Commands.sync();
                double millis = measure(method, dest);
                results.sample(name, method, round, millis, "");
                if (round == 0) {
                    System.out.printf("[bench] %s warm-up %s: %s ms%n", name, method, Stats.ms(millis));
                } else {
                    samples.get(method).add(millis);
                }
            }
            if (round == 0) {
                verifyCopy(work.resolve("copy-0"));
                compare(work.resolve("copy-0"), work.resolve("cpio-0"));
            }
        }
        Commands.sync();
        double copy = Stats.median(samples.get("copy"));
        double clone = Stats.median(samples.get("clone"));
        double cpio = Stats.median(samples.get("cpio"));
        String n = " (median of " + runs + ")";
        results.metric(name, "CheckoutCopier.copy" + n, Stats.ms(copy), "ms", "", Verdict.NONE);
        results.metric(name, "git clone --no-hardlinks" + n, Stats.ms(clone), "ms", "", Verdict.NONE);
        results.metric(name, "git ls-files | cpio -p (floor)" + n, Stats.ms(cpio), "ms", "", Verdict.NONE);
        results.metric(
                name,
                "copy / clone",
                Stats.ratio(copy / clone),
                "x",
                official ? "<= 1.00" : "",
                !official ? Verdict.NONE : copy / clone <= 1.0 ? Verdict.MET : Verdict.MISSED);
        List<Double> paired = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            paired.add(samples.get("copy").get(i) / samples.get("clone").get(i));
        }
        results.metric(
                name,
                "copy / clone, median of the " + runs + " rounds' own ratios",
                Stats.ratio(Stats.median(paired)),
                "x",
                "",
                Verdict.NONE);
        results.metric(name, "copy / cpio", Stats.ratio(copy / cpio), "x", "", Verdict.NONE);
    }

    private double measure(String method, Path dest) {
        return switch (method) {
            case "copy" -> {
                long start = System.nanoTime();
                CopyReport report;
                try {
                    report = copier.copy(repo, dest, UntrackedMode.INCLUDE);
                } catch (Exception e) {
                    throw new IllegalStateException("CheckoutCopier.copy failed: " + e.getMessage(), e);
                }
                long nanos = System.nanoTime() - start;
                if (report.files() != expectedFiles
                        || !report.skipped().isEmpty()
                        || !sha.equals(report.sourceCommit())) {
                    throw new IllegalStateException("unexpected copy: " + report + "; expected " + expectedFiles
                            + " files at " + sha + " and nothing skipped");
                }
                yield nanos / 1e6;
            }
            case "clone" -> Commands.check(
                            work, TIMEOUT, "git", "clone", "-q", "--no-hardlinks", repo.toString(), dest.toString())
                    .millis();
            case "cpio" -> {
                Commands.check(work, TIMEOUT, "mkdir", "-p", dest.toString());
                yield Commands.sh(
                                repo,
                                TIMEOUT,
                                "git ls-files -z | cpio -p0dm --quiet " + Commands.quote(dest.toString()))
                        .millis();
            }
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** The copy is a repository at the checkout's commit with nothing to commit. */
    private void verifyCopy(Path copy) {
        String head = Commands.check(copy, TIMEOUT, "git", "rev-parse", "HEAD")
                .output()
                .strip();
        String status = Commands.check(copy, TIMEOUT, "git", "status", "--porcelain")
                .output()
                .strip();
        if (!head.equals(sha) || !status.isEmpty()) {
            throw new IllegalStateException(
                    "the copy's HEAD is " + head + " (expected " + sha + "), git status: " + status);
        }
        System.out.println("[bench] " + name + ": the copy is at " + sha + " and `git status` is clean");
    }

    /** Same paths and types, same executable files (find), same contents and symlink targets (diff -r). */
    private void compare(Path copy, Path cpio) {
        for (String listing : List.of(
                "find . -path ./.git -prune -o ! -type d -printf '%y %p\\n' | LC_ALL=C sort | sha256sum",
                "find . -path ./.git -prune -o -type f -perm -u+x -printf '%p\\n' | LC_ALL=C sort | sha256sum")) {
            String a = Commands.sh(copy, TIMEOUT, listing).output();
            String b = Commands.sh(cpio, TIMEOUT, listing).output();
            if (!a.equals(b)) {
                throw new IllegalStateException("the copy differs from cpio's: compare `"
                        + listing.replace(" | sha256sum", "") + "` in " + copy + " and " + cpio);
            }
        }
        Commands.check(
                work, TIMEOUT, "diff", "-r", "-q", "--no-dereference", "-x", ".git", copy.toString(), cpio.toString());
        long symlinks = count(copy, "find . -path ./.git -prune -o -type l -print | wc -l");
        long executables = count(copy, "find . -path ./.git -prune -o -type f -perm -u+x -print | wc -l");
        System.out.println("[bench] " + name + ": the copy equals cpio's (paths, types, executable bits, contents; "
                + symlinks + " symlinks, " + executables + " executables)");
    }

    private static long count(Path cwd, String script) {
        return Long.parseLong(Commands.sh(cwd, TIMEOUT, script).output().strip());
    }
}
