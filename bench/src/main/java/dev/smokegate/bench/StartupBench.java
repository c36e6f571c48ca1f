package dev.smokegate.bench;

import dev.smokegate.bench.Results.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark g: local startup as the user pays it. A real {@code mvn -X smoke:verify} on the
 * generated checkout ({@code source.checkout}, one {@code echo} step with a {@code contains} check),
 * against the same {@code mvn} run over a one-file checkout, in the same rounds. The gate's own time
 * is the difference of the medians; it is compared with {@code git clone --no-hardlinks} of the same
 * checkout, also in the same rounds.
 *
 * <p>The measured runs that carry the target are second runs: the scenario folder of the run before
 * is still there. Its logs are renamed aside and deleted in the background ({@code Deletion}); its
 * workspace is updated in place ({@code CheckoutCopier.update}), and the run reports how many files
 * it kept. For comparison, each round also times a first run, after the scenario folder was
 * deleted untimed (as after {@code mvn clean}) and the disk left {@link #SETTLE} to settle; it reports its ratio and phases without a verdict.
 * The phases (fingerprint before and after, copy, index, cleanup) come from the gate's {@code
 * [smoke] timing:} debug lines. Each run is checked: the gate passed, and the workspace is at the
 * checkout's commit, holds all its tracked files and shows no change in {@code git status} (whose
 * index the gate writes without stat data, so git reads and hashes every file); a first run must keep
 * no file.
 *
 * <p>Target: the gate's own time at most 1.2 times the clone (medians).
 */
final class StartupBench {

    static final String NAME = "local-startup-mvn";

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private static final double TARGET = 1.2;

    /** The pause after the untimed deletion in front of a first run, as {@code run.sh} pauses after generating. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final Path repo;
    private final Path work;
    private final Results results;

    StartupBench(Path repo, Path work, Results results) {
        this.repo = repo.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath().normalize();
        this.results = results;
    }

    void run(int runs) throws Exception {
        Commands.delete(work);
        Path tiny = work.resolve("tiny-checkout");
        RepoGenerator.tinyCheckout(tiny, "the end-to-end startup benchmark");
        SmokeProject project = SmokeProject.write(work.resolve("project"), "startup", manifest(repo, tiny));
        Path raw = results.raw(NAME);
        String sha = Commands.check(repo, TIMEOUT, "git", "rev-parse", "HEAD")
                .output()
                .strip();
        long tracked = Long.parseLong(
                Commands.sh(repo, TIMEOUT, "git ls-files | wc -l").output().strip());
        Commands.check(repo, TIMEOUT, "git", "status", "--porcelain"); // fresh stat data in the index

        List<Double> big = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        Map<String, List<Double>> firstPhases = new LinkedHashMap<>();
        List<Double> small = new ArrayList<>();
        List<Double> clone = new ArrayList<>();
        Map<String, List<Double>> phases = new LinkedHashMap<>();
        List<Double> kept = new ArrayList<>();
        // Round 0 runs each scenario once more first, so that the warm-up is a second run too.
        for (int round = 0; round <= runs; round++) {
            if (round == 0) {
                project.verify(raw.resolve("mvn-first-big.log"), 1, TIMEOUT, "-Dsmoke.scenario=big");
                project.verify(raw.resolve("mvn-first-tiny.log"), 1, TIMEOUT, "-Dsmoke.scenario=tiny");
            }
            for (int k = 0; k < 4; k++) {
                Commands.sync();
                switch ((k + round) % 4) {
                    case 0 -> {
                        Path log = raw.resolve("mvn-big-" + round + ".log");
                        double millis = project.verify(log, 1, TIMEOUT, "-X", "-Dsmoke.scenario=big")
                                .millis();
                        Map<String, Double> phase = SmokeProject.phases(log);
                        results.sample(NAME, "mvn smoke:verify, 20,000-file checkout", round, millis, phase.toString());
                        checkWorkspace(project.dir().resolve("target/smoke/big/workspace"), sha, tracked);
                        if (round > 0) {
                            kept.add((double) SmokeProject.kept(log));
                            big.add(millis);
                            phase.forEach((key, value) -> phases.computeIfAbsent(key, x -> new ArrayList<>())
                                    .add(value));
                        }
                    }
                    case 1 -> {
                        Path log = raw.resolve("mvn-tiny-" + round + ".log");
                        double millis = project.verify(log, 1, TIMEOUT, "-X", "-Dsmoke.scenario=tiny")
                                .millis();
                        results.sample(NAME, "mvn smoke:verify, one-file checkout", round, millis, "");
                        if (round > 0) {
                            small.add(millis);
                        }
                    }
                    case 3 -> {
                        // A first run: no workspace of an earlier run to clear (as after mvn clean).
                        Commands.delete(project.dir().resolve("target/smoke/big"));
                        Commands.sync();
                        // Creating files right after deleting 20,000 is slow on this disk (see Caveats): settle.
                        Thread.sleep(SETTLE.toMillis());
                        Path log = raw.resolve("mvn-big-first-" + round + ".log");
                        double millis = project.verify(log, 1, TIMEOUT, "-X", "-Dsmoke.scenario=big")
                                .millis();
                        Map<String, Double> phase = SmokeProject.phases(log);
                        results.sample(
                                NAME,
                                "mvn smoke:verify, 20,000-file checkout, first run",
                                round,
                                millis,
                                phase.toString());
                        checkWorkspace(project.dir().resolve("target/smoke/big/workspace"), sha, tracked);
                        if (SmokeProject.kept(log) != 0) {
                            throw new IllegalStateException("a first run kept files of a previous workspace: " + log);
                        }
                        if (round > 0) {
                            first.add(millis);
                            phase.forEach((key, value) -> firstPhases
                                    .computeIfAbsent(key, x -> new ArrayList<>())
                                    .add(value));
                        }
                    }
                    default -> {
                        Path dest = work.resolve("clone-" + round);
                        double millis = Commands.check(
                                        work,
                                        TIMEOUT,
                                        "git",
                                        "clone",
                                        "-q",
                                        "--no-hardlinks",
                                        repo.toString(),
                                        dest.toString())
                                .millis();
                        results.sample(NAME, "git clone --no-hardlinks", round, millis, "");
                        if (round > 0) {
                            clone.add(millis);
                        }
                    }
                }
            }
        }
        double bigMedian = Stats.median(big);
        double smallMedian = Stats.median(small);
        double own = bigMedian - smallMedian;
        double cloneMedian = Stats.median(clone);
        String n = " (median of " + runs + ")";
        results.metric(
                NAME,
                "mvn smoke:verify, 20,000-file checkout, second run" + n,
                Stats.ms(bigMedian),
                "ms",
                "",
                Verdict.NONE);
        results.metric(
                NAME,
                "mvn smoke:verify, one-file checkout (baseline)" + n,
                Stats.ms(smallMedian),
                "ms",
                "",
                Verdict.NONE);
        results.metric(NAME, "the gate's own time (difference)", Stats.ms(own), "ms", "", Verdict.NONE);
        results.metric(NAME, "git clone --no-hardlinks" + n, Stats.ms(cloneMedian), "ms", "", Verdict.NONE);
        results.metric(
                NAME,
                "gate's own time / git clone",
                Stats.ratio(own / cloneMedian, TARGET),
                "x",
                "<= " + TARGET,
                own <= TARGET * cloneMedian ? Verdict.MET : Verdict.MISSED);
        phases.forEach((phase, values) ->
                results.metric(NAME, "phase: " + phase + n, Stats.ms(Stats.median(values)), "ms", "", Verdict.NONE));
        results.metric(
                NAME,
                "second run: files kept from the previous workspace, of " + tracked + n,
                Stats.ms(Stats.median(kept)),
                "files",
                "",
                Verdict.NONE);
        double firstOwn = Stats.median(first) - smallMedian;
        results.metric(
                NAME,
                "first run, no earlier workspace: mvn smoke:verify, 20,000-file checkout" + n,
                Stats.ms(Stats.median(first)),
                "ms",
                "",
                Verdict.NONE);
        results.metric(
                NAME,
                "first run: the gate's own time / git clone (for comparison; the target is the second run's)",
                Stats.ratio(firstOwn / cloneMedian),
                "x",
                "",
                Verdict.NONE);
        firstPhases.forEach((phase, values) -> results.metric(
                NAME, "first run, phase: " + phase + n, Stats.ms(Stats.median(values)), "ms", "", Verdict.NONE));
    }

    /** The workspace is at the checkout's commit, holds all its tracked files, and is clean. */
    static void checkWorkspace(Path workspace, String sha, long tracked) {
        String head = Commands.check(workspace, TIMEOUT, "git", "rev-parse", "HEAD")
                .output()
                .strip();
        long files = Long.parseLong(
                Commands.sh(workspace, TIMEOUT, "git ls-files | wc -l").output().strip());
        long present =
                Long.parseLong(Commands.sh(workspace, TIMEOUT, "git ls-files -z | xargs -0 ls -d 2>/dev/null | wc -l")
                        .output()
                        .strip());
        String status = Commands.check(workspace, TIMEOUT, "git", "status", "--porcelain")
                .output()
                .strip();
        if (!head.equals(sha) || files != tracked || present != tracked || !status.isEmpty()) {
            throw new IllegalStateException("workspace " + workspace + ": HEAD " + head + " (expected " + sha + "), "
                    + files + " tracked and " + present + " present of " + tracked + ", status: " + status);
        }
        try (Stream<Path> siblings = Files.list(workspace.getParent().getParent())) {
            List<String> aside = siblings.map(p -> p.getFileName().toString())
                    .filter(name -> name.contains(".deleting-") || name.endsWith(".previous") || name.endsWith(".leftovers"))
                    .toList();
            if (!aside.isEmpty()) {
                throw new IllegalStateException("the gate left folders it renamed aside: " + aside);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String manifest(Path repo, Path tiny) {
        return """
                # Generated by smoke-bench (StartupBench): one trivial step on a large and a tiny checkout.
                format = 1

                [[scenario]]
                name = "big"
                source.checkout = "%s"

                  [[scenario.step]]
                  name = "echo"
                  run = "echo workspace ready"
                  expect.stdout.contains = ["workspace ready"]

                [[scenario]]
                name = "tiny"
                source.checkout = "%s"

                  [[scenario.step]]
                  name = "echo"
                  run = "echo workspace ready"
                  expect.stdout.contains = ["workspace ready"]
                """
                .formatted(repo, tiny);
    }
}
