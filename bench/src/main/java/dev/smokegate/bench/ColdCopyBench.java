package dev.smokegate.bench;

import dev.smokegate.bench.Results.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code mvn} run pays: the plugin copies a checkout once per scenario, in a JVM that has
 * not copied anything yet (JGit's classes loaded and interpreted, not yet compiled). Each run is a
 * new JVM ({@code java -cp … Main probe}) doing one {@code CheckoutCopier.copy}; the copy's own time
 * is read from its output, the JVM's start-up is reported apart. One warm-up run, then {@code runs}.
 * Reported for information: the target compares warmed-up copies ({@link LocalStartupBench}).
 */
final class ColdCopyBench {

    static final String NAME = "local-startup-cold-jvm";

    private static final Pattern ELAPSED = Pattern.compile("in ([0-9.]+) ms");

    private ColdCopyBench() {}

    static void run(Path repo, Path work, Results results, int runs) throws Exception {
        Files.createDirectories(work);
        String classpath = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> copies = new ArrayList<>();
        List<Double> processes = new ArrayList<>();
        for (int round = 0; round <= runs; round++) {
            Commands.sync();
            Commands.Result result = Commands.run(
                            work,
                            Map.of(),
                            Duration.ofMinutes(5),
                            null,
                            List.of(
                                    java,
                                    "-cp",
                                    classpath,
                                    Main.class.getName(),
                                    "probe",
                                    "--repo",
                                    repo.toString(),
                                    "--dest",
                                    work.resolve("cold-" + round).toString()))
                    .check();
            Matcher elapsed = ELAPSED.matcher(result.output());
            if (!elapsed.find()) {
                throw new IllegalStateException("no copy time in the probe's output:\n" + result.output());
            }
            double copy = Double.parseDouble(elapsed.group(1));
            results.sample(
                    NAME,
                    "CheckoutCopier.copy, first in a new JVM",
                    round,
                    copy,
                    "whole JVM " + Stats.ms(result.millis()) + " ms");
            System.out.printf(
                    "[bench] %s %s: copy %s ms, whole JVM %s ms%n",
                    NAME, round == 0 ? "warm-up" : "run " + round, Stats.ms(copy), Stats.ms(result.millis()));
            if (round > 0) {
                copies.add(copy);
                processes.add(result.millis());
            }
        }
        String n = " (median of " + runs + ")";
        results.metric(
                NAME,
                "CheckoutCopier.copy, first copy in a new JVM" + n,
                Stats.ms(Stats.median(copies)),
                "ms",
                "",
                Verdict.NONE);
        results.metric(
                NAME,
                "the same, whole JVM (start-up + copy + exit)" + n,
                Stats.ms(Stats.median(processes)),
                "ms",
                "",
                Verdict.NONE);
    }
}
