package dev.smokegate.bench;

import dev.smokegate.bench.Results.Verdict;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.process.CommandSpec;
import dev.smokegate.smoke.process.ProcessOutcome;
import dev.smokegate.smoke.process.ProcessRunner;
import dev.smokegate.smoke.process.StepLogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark i: the gate's overhead on many small scenarios, {@code mvn} start included.
 *
 * <ul>
 *   <li><b>200 scenarios</b>: a real {@code mvn -B -o smoke:verify} of a manifest with 200 scenarios,
 *       each a copy of a one-file checkout with one {@code echo hello-N} step and a {@code
 *       contains} check, against a shell loop doing the same work ({@code git clone}, {@code sh -c
 *       echo}, {@code grep}) 200 times. Target: at most 0.8 times the shell loop.
 *   <li><b>per step</b>: one scenario with 200 such steps against the same scenario with one step
 *       (two {@code mvn} runs); the difference over 199 steps is the gate's time per step, from which
 *       the cost of one fork and exec is taken, measured with the gate's own process code ({@code
 *       ProcessRunner.run} of {@code sh -c 'echo …'} with its logs) 200 times in a loop in this JVM.
 *       Target: at most 10 ms a step.
 * </ul>
 *
 * <p>Checked every run: the gate passed all scenarios and each step's stdout log holds its line;
 * the shell loop's {@code grep} found every line.
 */
final class ManyScenariosBench {

    static final String NAME = "many-scenarios";

    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private static final int SCENARIOS = 200;

    private static final int STEPS = 200;

    private final Path work;
    private final Results results;

    ManyScenariosBench(Path work, Results results) {
        this.work = work.toAbsolutePath().normalize();
        this.results = results;
    }

    void run(int runs) throws Exception {
        Commands.delete(work);
        Path tiny = work.resolve("checkout");
        RepoGenerator.tinyCheckout(tiny, "the many-scenarios benchmark");
        SmokeProject many = SmokeProject.write(work.resolve("many"), "many", scenarios(tiny));
        SmokeProject steps = SmokeProject.write(work.resolve("steps"), "steps", steps(tiny));
        Path raw = results.raw(NAME);

        List<Double> gate = new ArrayList<>();
        List<Double> shell = new ArrayList<>();
        List<Double> oneStep = new ArrayList<>();
        List<Double> allSteps = new ArrayList<>();
        List<Double> spawn = new ArrayList<>();
        for (int round = 0; round <= runs; round++) {
            for (int k = 0; k < 5; k++) {
                Commands.sync();
                String method;
                double millis;
                switch ((k + round) % 5) {
                    case 0 -> {
                        method = "mvn smoke:verify, 200 scenarios";
                        millis = many.verify(raw.resolve("mvn-many-" + round + ".log"), SCENARIOS, TIMEOUT)
                                .millis();
                        checkLogs(many.dir().resolve("target/smoke"), SCENARIOS);
                        addAfterWarmUp(gate, round, millis);
                    }
                    case 1 -> {
                        method = "shell loop: git clone, sh -c echo, grep (200 times)";
                        millis = shellLoop(round);
                        addAfterWarmUp(shell, round, millis);
                    }
                    case 2 -> {
                        method = "mvn smoke:verify, 1 scenario with 1 step";
                        millis = steps.verify(
                                        raw.resolve("mvn-one-step-" + round + ".log"),
                                        1,
                                        TIMEOUT,
                                        "-Dsmoke.scenario=one-step")
                                .millis();
                        addAfterWarmUp(oneStep, round, millis);
                    }
                    case 3 -> {
                        method = "mvn smoke:verify, 1 scenario with 200 steps";
                        millis = steps.verify(
                                        raw.resolve("mvn-all-steps-" + round + ".log"),
                                        1,
                                        TIMEOUT,
                                        "-Dsmoke.scenario=all-steps")
                                .millis();
                        checkStepLogs(steps.dir().resolve("target/smoke/all-steps"));
                        addAfterWarmUp(allSteps, round, millis);
                    }
                    default -> {
                        method = "ProcessRunner.run of sh -c echo, 200 times in a loop";
                        millis = spawnLoop(work.resolve("spawn-" + round)) / STEPS;
                        addAfterWarmUp(spawn, round, millis);
                    }
                }
                results.sample(NAME, method, round, millis, "");
            }
        }
        String n = " (median of " + runs + ")";
        double gateMedian = Stats.median(gate);
        double shellMedian = Stats.median(shell);
        double perStep = (Stats.median(allSteps) - Stats.median(oneStep)) / (STEPS - 1);
        double perSpawn = Stats.median(spawn);
        double overhead = perStep - perSpawn;
        results.metric(NAME, "mvn smoke:verify, 200 scenarios" + n, Stats.ms(gateMedian), "ms", "", Verdict.NONE);
        results.metric(NAME, "shell loop, 200 times" + n, Stats.ms(shellMedian), "ms", "", Verdict.NONE);
        results.metric(
                NAME,
                "200 scenarios / shell loop",
                Stats.ratio(gateMedian / shellMedian, 0.8),
                "x",
                "<= 0.8",
                gateMedian <= 0.8 * shellMedian ? Verdict.MET : Verdict.MISSED);
        results.metric(
                NAME, "mvn, 1 scenario with 1 step" + n, Stats.ms(Stats.median(oneStep)), "ms", "", Verdict.NONE);
        results.metric(
                NAME, "mvn, 1 scenario with 200 steps" + n, Stats.ms(Stats.median(allSteps)), "ms", "", Verdict.NONE);
        results.metric(NAME, "gate time per step (difference / 199)", Stats.ms(perStep), "ms", "", Verdict.NONE);
        results.metric(
                NAME, "one fork + exec with the gate's process code" + n, Stats.ms(perSpawn), "ms", "", Verdict.NONE);
        results.metric(
                NAME,
                "per-step overhead above one fork + exec",
                Stats.ms(overhead),
                "ms",
                "<= 10",
                overhead <= 10 ? Verdict.MET : Verdict.MISSED);
    }

    private static void addAfterWarmUp(List<Double> samples, int round, double millis) {
        if (round > 0) {
            samples.add(millis);
        }
    }

    /** The same work as a shell loop; fails unless every grep found its line. */
    private double shellLoop(int round) {
        Path loop = work.resolve("shell-" + round);
        String script = "set -e; mkdir -p " + Commands.quote(loop.toString()) + "; cd "
                + Commands.quote(loop.toString())
                + "; i=1; while [ $i -le " + SCENARIOS + " ]; do"
                + " git clone -q " + Commands.quote(work.resolve("checkout").toString()) + " ws-$i;"
                + " (cd ws-$i && sh -c \"echo hello-$i\" > ../out-$i.log);"
                + " grep -q \"hello-$i\" out-$i.log || exit 1;"
                + " i=$((i + 1)); done";
        return Commands.sh(work, TIMEOUT, script).millis();
    }

    /** {@code ProcessRunner.run} of {@code sh -c 'echo step-N'} with its three logs, 200 times. */
    private static double spawnLoop(Path dir) throws Exception {
        Files.createDirectories(dir);
        ProcessRunner runner = new ProcessRunner(SmokeLog.silent());
        long t0 = System.nanoTime();
        for (int i = 1; i <= STEPS; i++) {
            ProcessOutcome outcome = runner.run(
                    CommandSpec.shell("echo step-" + i, dir, Map.of()),
                    StepLogs.in(dir, "step-" + i + ".log"),
                    Instant.now().plusSeconds(60));
            if (outcome.exitCode() != 0) {
                throw new IllegalStateException("sh -c 'echo step-" + i + "' ended with " + outcome);
            }
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        String last = Files.readString(dir.resolve("step-" + STEPS + ".stdout.log"), StandardCharsets.UTF_8);
        if (!last.contains("step-" + STEPS)) {
            throw new IllegalStateException("the last spawned step printed: " + last);
        }
        return millis;
    }

    /** Each scenario's folder holds a stdout log with its hello line. */
    private static void checkLogs(Path smoke, int scenarios) throws Exception {
        for (int i = 1; i <= scenarios; i++) {
            Path folder = smoke.resolve(scenario(i));
            if (!stdout(folder).contains("hello-" + i + "\n")) {
                throw new IllegalStateException("no hello-" + i + " in the stdout log of " + folder);
            }
        }
    }

    private static void checkStepLogs(Path folder) throws Exception {
        String all;
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().endsWith(".stdout.log"))
                    .toList();
            if (logs.size() != STEPS) {
                throw new IllegalStateException(
                        "expected " + STEPS + " stdout logs in " + folder + ", found " + logs.size());
            }
            StringBuilder text = new StringBuilder();
            for (Path log : logs) {
                text.append(Files.readString(log, StandardCharsets.UTF_8));
            }
            all = text.toString();
        }
        for (int i = 1; i <= STEPS; i++) {
            if (!all.contains("step-" + i + "\n")) {
                throw new IllegalStateException("no step-" + i + " line in the step logs of " + folder);
            }
        }
    }

    private static String stdout(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            Path log = files.filter(f -> f.getFileName().toString().endsWith(".stdout.log"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no stdout log in " + folder));
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }

    private static String scenario(int i) {
        return String.format(java.util.Locale.ROOT, "s%03d", i);
    }

    private static String scenarios(Path checkout) {
        StringBuilder manifest = new StringBuilder(
                "# Generated by smoke-bench (ManyScenariosBench): 200 scenarios, one echo step each.\nformat = 1\n");
        for (int i = 1; i <= SCENARIOS; i++) {
            manifest.append(
                    """

                    [[scenario]]
                    name = "%s"
                    source.checkout = "%s"

                      [[scenario.step]]
                      name = "echo"
                      run = "echo hello-%d"
                      expect.stdout.contains = ["hello-%d"]
                    """
                            .formatted(scenario(i), checkout, i, i));
        }
        return manifest.toString();
    }

    private static String steps(Path checkout) {
        StringBuilder manifest = new StringBuilder(
                """
                # Generated by smoke-bench (ManyScenariosBench): one scenario with 1 step, one with 200.
                format = 1

                [[scenario]]
                name = "one-step"
                source.checkout = "%s"

                  [[scenario.step]]
                  name = "step-1"
                  run = "echo step-1"
                  expect.stdout.contains = ["step-1"]

                [[scenario]]
                name = "all-steps"
                source.checkout = "%s"
                """
                        .formatted(checkout, checkout));
        for (int i = 1; i <= STEPS; i++) {
            manifest.append(
                    """

                      [[scenario.step]]
                      name = "step-%d"
                      run = "echo step-%d"
                      expect.stdout.contains = ["step-%d"]
                    """
                            .formatted(i, i, i));
        }
        return manifest.toString();
    }
}
