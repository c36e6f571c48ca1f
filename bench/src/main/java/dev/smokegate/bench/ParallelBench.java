package dev.smokegate.bench;

import dev.smokegate.bench.Results.Verdict;
import dev.smokegate.smoke.engine.GateRequest;
import dev.smokegate.smoke.engine.SmokeEngine;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark e: parallel scenarios. A manifest of {@value #SCENARIOS} scenarios whose one step
 * sleeps {@value #SLEEP_SECONDS} s (on a tiny git checkout, so that preparing a workspace costs
 * little) runs through the engine ({@link SmokeEngine#run} with a {@link GateRequest} as the Maven
 * plugin builds one): once with {@code threads(4)} and all four scenarios, and once with one
 * scenario alone ({@code scenarioGlobs("sleep-1")}). The target: four at once take less than 1.5
 * times one alone (medians).
 *
 * <p>Each run checks that the work was done: every selected scenario passed, each step's stdout
 * log holds the line its command printed after sleeping, and the gate took at least the sleep.
 */
final class ParallelBench {

    static final String NAME = "parallel-scenarios";

    static final int SCENARIOS = 4;

    static final int SLEEP_SECONDS = 5;

    private static final double TARGET_RATIO = 1.5;

    private final Path work;
    private final Results results;

    ParallelBench(Path work, Results results) {
        this.work = work.toAbsolutePath().normalize();
        this.results = results;
    }

    void run(int runs) throws Exception {
        Files.createDirectories(work);
        Path checkout = work.resolve("checkout");
        Path project = work.resolve("project");
        writeCheckout(checkout);
        Path manifest = writeProject(project);
        Path raw = results.raw(NAME);
        List<Double> ones = new ArrayList<>();
        List<Double> fours = new ArrayList<>();
        for (int round = 0; round <= runs; round++) {
            double one = 0;
            double four = 0;
            for (boolean parallel : round % 2 == 0 ? List.of(false, true) : List.of(true, false)) {
                Commands.sync();
                double millis = gate(project, manifest, raw, round, parallel);
                results.sample(NAME, parallel ? SCENARIOS + " scenarios, threads 4" : "1 scenario", round, millis, "");
                if (parallel) {
                    four = millis;
                } else {
                    one = millis;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "[bench] %s %s: one scenario %.0f ms, %d with threads 4 %.0f ms (ratio %.2f)%n",
                    NAME,
                    round == 0 ? "warm-up" : "run " + round,
                    one,
                    SCENARIOS,
                    four,
                    four / one);
            if (round > 0) {
                ones.add(one);
                fours.add(four);
            }
        }
        double one = Stats.median(ones);
        double four = Stats.median(fours);
        String n = " (median of " + runs + ")";
        results.metric(NAME, "1 scenario (sleep " + SLEEP_SECONDS + " s)" + n, Stats.ms(one), "ms", "", Verdict.NONE);
        results.metric(NAME, SCENARIOS + " scenarios with threads 4" + n, Stats.ms(four), "ms", "", Verdict.NONE);
        results.metric(
                NAME,
                SCENARIOS + " at once ÷ 1 alone",
                Stats.ratio(four / one, TARGET_RATIO),
                "",
                "< " + TARGET_RATIO,
                four / one < TARGET_RATIO ? Verdict.MET : Verdict.MISSED);
    }

    /** One gate run; returns its wall time in milliseconds after checking what it did. */
    private double gate(Path project, Path manifest, Path raw, int round, boolean parallel) throws Exception {
        Path workDirectory = work.resolve("runs/" + round + (parallel ? "-four" : "-one"));
        Path consoleLog = raw.resolve("console-" + round + (parallel ? "-four" : "-one") + ".log");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        SmokeLog log = (level, message) -> lines.add(level + " " + message);
        GateRequest request = GateRequest.builder(manifest, MavenFrontEnd.INSTANCE)
                .basedir(project)
                .workDirectory(workDirectory)
                .cacheDirectory(work.resolve("cache"))
                .environment(System.getenv())
                .scenarioGlobs(parallel ? List.of() : List.of("sleep-1"))
                .threads(parallel ? SCENARIOS : 1)
                .heartbeat(Duration.ZERO)
                .build();
        long start = System.nanoTime();
        GateResult result = new SmokeEngine(log).run(request);
        double millis = (System.nanoTime() - start) / 1e6;
        Files.write(consoleLog, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        int expected = parallel ? SCENARIOS : 1;
        if (!result.passed() || result.scenarios().size() != expected || result.count(Status.PASS) != expected) {
            throw new IllegalStateException("the gate did not pass " + expected + " scenario(s); see " + consoleLog);
        }
        for (ScenarioResult scenario : result.scenarios()) {
            Path stdout = workDirectory.resolve(scenario.name()).resolve("01-sleep.stdout.log");
            String printed = Files.readString(stdout, StandardCharsets.UTF_8);
            if (!printed.contains("slept " + SLEEP_SECONDS + " s in " + scenario.name())) {
                throw new IllegalStateException(
                        "the step of " + scenario.name() + " did not print its line: " + stdout);
            }
        }
        if (millis < SLEEP_SECONDS * 1000.0) {
            throw new IllegalStateException("the gate took " + millis + " ms, less than the sleep");
        }
        return millis;
    }

    private static void writeCheckout(Path checkout) throws IOException {
        Commands.delete(checkout);
        RepoGenerator.tinyCheckout(checkout, "the parallel-scenarios benchmark");
    }

    private static Path writeProject(Path project) throws IOException {
        Path manifest = project.resolve("src/smoke/manifest.toml");
        Files.createDirectories(manifest.getParent());
        StringBuilder toml = new StringBuilder(
                """
                # Generated by smoke-bench (ParallelBench): scenarios that only sleep.
                format = 1

                [defaults]
                timeout = "2m"
                """);
        for (int i = 1; i <= SCENARIOS; i++) {
            toml.append(
                    """

                    [[scenario]]
                    name = "sleep-%1$d"
                    source.checkout = "../checkout"

                      [[scenario.step]]
                      name = "sleep"
                      run = "sleep %2$d && echo 'slept %2$d s in sleep-%1$d'"
                      expect.stdout.contains = ["slept %2$d s in sleep-%1$d"]
                    """
                            .formatted(i, SLEEP_SECONDS));
        }
        Files.writeString(manifest, toml);
        return manifest;
    }
}
