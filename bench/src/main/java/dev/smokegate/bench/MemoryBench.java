package dev.smokegate.bench;

import dev.smokegate.bench.Results.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Benchmark c: the heap a real {@code mvn smoke:verify} needs for a step that prints 1 GiB to
 * stdout and asserts on it with {@code contains} and {@code matches}, against a baseline scenario
 * whose step prints one line under the same assertions.
 *
 * <p>A tiny Maven project in the work folder binds the plugin (the version on this harness's class
 * path) and has a manifest with the two scenarios; its source is a tiny git checkout made here. Each
 * scenario runs alone in its own JVM ({@code -Dsmoke.scenario=<name>}) under {@code MAVEN_OPTS=
 * -XX:+UseSerialGC -Xlog:gc*:file=<log>}. From each GC log: the peak heap used is the largest "used
 * before" of a pause ({@code Pause Young (…) 102M->8M(370M)}) or the heap used at exit, whichever is
 * larger; the live set is the largest "used after" of a pause. The medians of the peaks are
 * compared for information only: a GC log sees the heap at pauses, so the comparison resolves only
 * to about one young-generation fill (about 100 MiB with the default heap), too coarse for a 64 MiB
 * target.
 *
 * <p>The target is carried by the {@code -Xmx64m} run: the whole Maven JVM, plugin and 1 GiB step
 * included, in a 64 MiB heap. Its verdict is MET only when that run passes (the step's {@code
 * contains} and {@code matches} checks found the marker after the 1 GiB) and the step's stdout log
 * really holds at least the bytes printed.
 */
final class MemoryBench {

    static final String NAME = "memory-1gib-step";

    static final long GIB = 1L << 30;

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private static final String MARKER = "THE-END marker 42";

    private final Path work;
    private final Results results;
    private final long printBytes;

    MemoryBench(Path work, Results results, long printBytes) {
        this.work = work.toAbsolutePath().normalize();
        this.results = results;
        this.printBytes = printBytes;
    }

    void run(int runs) throws Exception {
        Commands.delete(work);
        Path checkout = work.resolve("checkout");
        Path project = work.resolve("project");
        writeCheckout(checkout);
        writeProject(project, pluginVersion());
        Path raw = results.raw(NAME);

        List<Double> basePeaks = new ArrayList<>();
        List<Double> baseLive = new ArrayList<>();
        List<Double> bigPeaks = new ArrayList<>();
        List<Double> bigLive = new ArrayList<>();
        List<Double> stepSeconds = new ArrayList<>();
        List<Double> mvnSeconds = new ArrayList<>();
        for (int round = 0; round <= runs; round++) {
            for (String scenario : round % 2 == 0 ? List.of("baseline", "gib") : List.of("gib", "baseline")) {
                Path gcLog = raw.resolve("gc-" + scenario + "-" + round + ".log");
                Path mvnLog = raw.resolve("mvn-" + scenario + "-" + round + ".log");
                Files.deleteIfExists(gcLog);
                Commands.sync();
                Commands.Result mvn = Commands.run(
                        project,
                        Map.of("MAVEN_OPTS", "-XX:+UseSerialGC -Xlog:gc*:file=" + gcLog),
                        TIMEOUT,
                        mvnLog,
                        List.of("mvn", "-B", "-o", "smoke:verify", "-Dsmoke.scenario=" + scenario));
                String log = Files.readString(mvnLog, StandardCharsets.UTF_8);
                if (mvn.exit() != 0 || !log.contains("Smoke: 1 passed, 0 failed")) {
                    throw new IllegalStateException("mvn smoke:verify -Dsmoke.scenario=" + scenario + " failed (exit "
                            + mvn.exit() + "); see " + mvnLog + ":\n" + mvn.output());
                }
                Path scenarioDir = project.resolve("target/smoke/" + scenario);
                long printed = stdoutLogSize(scenarioDir);
                double step = stepSeconds(project.resolve("target/smoke/TEST-smoke.xml"), scenario, "print");
                GcLog.Peak peak = GcLog.read(gcLog);
                results.sample(
                        NAME,
                        scenario,
                        round,
                        mvn.millis(),
                        "peak=" + Stats.mib(peak.peakBytes()) + "MiB live=" + Stats.mib(peak.liveBytes())
                                + "MiB pauses=" + peak.pauses() + " step=" + step + "s stdout=" + printed + "B");
                System.out.printf(
                        "[bench] %s %s %s: peak %s MiB, live %s MiB, %d GC pauses, step %.1f s, mvn %.1f s%n",
                        NAME,
                        round == 0 ? "warm-up" : "run " + round,
                        scenario,
                        Stats.mib(peak.peakBytes()),
                        Stats.mib(peak.liveBytes()),
                        peak.pauses(),
                        step,
                        mvn.millis() / 1000);
                if (scenario.equals("gib") && printed < printBytes) {
                    throw new IllegalStateException(
                            "the step printed only " + printed + " bytes, expected at least " + printBytes);
                }
                // The logs of a 1 GiB step take 2 GiB of disk (stdout and combined): free them now.
                Commands.delete(scenarioDir);
                if (round == 0) {
                    continue;
                }
                if (scenario.equals("gib")) {
                    bigPeaks.add((double) peak.peakBytes());
                    bigLive.add((double) peak.liveBytes());
                    stepSeconds.add(step);
                    mvnSeconds.add(mvn.millis() / 1000);
                } else {
                    basePeaks.add((double) peak.peakBytes());
                    baseLive.add((double) peak.liveBytes());
                }
            }
        }
        Capped capped = cappedRun(project, raw);
        double basePeak = Stats.median(basePeaks);
        double bigPeak = Stats.median(bigPeaks);
        double extra = bigPeak - basePeak;
        double worst = Stats.max(bigPeaks) - Stats.min(basePeaks);
        String n = " (median of " + runs + ")";
        String size = printBytes == GIB ? "1 GiB" : Stats.mib(printBytes) + " MiB";
        results.metric(
                NAME, "peak heap used, baseline (1 line)" + n, Stats.mib((long) basePeak), "MiB", "", Verdict.NONE);
        results.metric(
                NAME, "peak heap used, " + size + " step" + n, Stats.mib((long) bigPeak), "MiB", "", Verdict.NONE);
        results.metric(
                NAME,
                "peak heap added by the " + size + " step (resolves to about one young-generation fill,"
                        + " ~100 MiB; the -Xmx64m run carries the target)",
                Stats.mib((long) extra),
                "MiB",
                "",
                Verdict.NONE);
        results.metric(
                NAME,
                "worst case: max " + size + " peak - min baseline peak",
                Stats.mib((long) worst),
                "MiB",
                "",
                Verdict.NONE);
        results.metric(
                NAME,
                "live set after GC, baseline / " + size + n,
                Stats.mib((long) Stats.median(baseLive)) + " / " + Stats.mib((long) Stats.median(bigLive)),
                "MiB",
                "",
                Verdict.NONE);
        results.metric(
                NAME,
                "the whole mvn run with the " + size + " step passes with -Xmx64m, the log written and checked",
                capped.passed() ? "yes, " + capped.printed() + " bytes" : "no: " + capped.why(),
                "",
                "passes, >= " + printBytes + " bytes",
                capped.passed() && capped.printed() >= printBytes ? Verdict.MET : Verdict.MISSED);
        results.metric(
                NAME,
                size + " step wall time (print + contains + matches)" + n,
                String.format(java.util.Locale.ROOT, "%.1f", Stats.median(stepSeconds)),
                "s",
                "",
                Verdict.NONE);
        results.metric(
                NAME,
                "whole mvn run with the " + size + " step" + n,
                String.format(java.util.Locale.ROOT, "%.1f", Stats.median(mvnSeconds)),
                "s",
                "",
                Verdict.NONE);
    }

    /**
     * A stronger, cruder check: the whole Maven JVM, plugin and 1 GiB step included, in a 64 MiB heap
     * (the target itself). Passing shows that nothing in the gate holds the output in memory.
     */
    private Capped cappedRun(Path project, Path raw) throws IOException {
        Path gcLog = raw.resolve("gc-gib-xmx64m.log");
        Path mvnLog = raw.resolve("mvn-gib-xmx64m.log");
        Commands.Result mvn = Commands.run(
                project,
                Map.of("MAVEN_OPTS", "-XX:+UseSerialGC -Xmx64m -Xlog:gc*:file=" + gcLog),
                TIMEOUT,
                mvnLog,
                List.of("mvn", "-B", "-o", "smoke:verify", "-Dsmoke.scenario=gib"));
        boolean passed = mvn.exit() == 0
                && Files.readString(mvnLog, StandardCharsets.UTF_8).contains("Smoke: 1 passed, 0 failed");
        Path scenarioDir = project.resolve("target/smoke/gib");
        long printed = Files.isDirectory(scenarioDir) ? stdoutLogSize(scenarioDir) : 0;
        String why = !passed
                ? "the run failed (exit " + mvn.exit() + "), see " + mvnLog
                : printed < printBytes ? "the step's stdout log holds only " + printed + " bytes" : "";
        results.sample(
                NAME, "gib -Xmx64m", 1, mvn.millis(), (why.isEmpty() ? "passed" : why) + ", stdout=" + printed + "B");
        System.out.println("[bench] " + NAME + " -Xmx64m: " + (why.isEmpty() ? "passed" : why) + ", stdout log "
                + printed + " bytes");
        Commands.delete(scenarioDir);
        return new Capped(passed, printed, why);
    }

    /**
     * The {@code -Xmx64m} run.
     *
     * @param passed the build passed with the step's checks
     * @param printed the size of the step's stdout log
     * @param why what went wrong, or empty
     */
    private record Capped(boolean passed, long printed, String why) {}

    /** The plugin version this harness was built against, from the plugin jar's pom.properties. */
    static String pluginVersion() throws IOException {
        try (InputStream in = MemoryBench.class.getResourceAsStream(
                "/META-INF/maven/dev.smokegate/smoke-maven-plugin/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("smoke-maven-plugin's pom.properties is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }

    private static void writeCheckout(Path checkout) throws IOException {
        RepoGenerator.tinyCheckout(checkout, "the memory benchmark");
    }

    private void writeProject(Path project, String version) throws IOException {
        Files.createDirectories(project.resolve("src/smoke"));
        Files.writeString(
                project.resolve("pom.xml"),
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.smokegate.bench</groupId>
                  <artifactId>memory</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <description>Generated by smoke-bench: one scenario prints a lot to stdout.</description>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.smokegate</groupId>
                        <artifactId>smoke-maven-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """
                        .formatted(version));
        String line = "smoke benchmark line: the quick brown fox jumps over the lazy dog 0123456789";
        Files.writeString(
                project.resolve("src/smoke/manifest.toml"),
                """
                # Generated by smoke-bench (MemoryBench). Run one scenario per JVM: -Dsmoke.scenario=<name>.
                format = 1

                [defaults]
                timeout = "10m"

                [[scenario]]
                name = "baseline"
                source.checkout = "../checkout"

                  [[scenario.step]]
                  name = "print"
                  run = "echo '%2$s'"
                  expect.stdout.contains = ["%2$s"]
                  expect.stdout.matches = ['THE-END marker \\d+']

                [[scenario]]
                name = "gib"
                source.checkout = "../checkout"

                  [[scenario.step]]
                  name = "print"
                  run = "yes '%1$s' | head -c %3$d; echo '%2$s'"
                  expect.stdout.contains = ["%2$s"]
                  expect.stdout.matches = ['THE-END marker \\d+']
                """
                        .formatted(line, MARKER, printBytes));
    }

    private static long stdoutLogSize(Path scenarioDir) throws IOException {
        try (Stream<Path> files = Files.list(scenarioDir)) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().endsWith(".stdout.log"))
                    .toList();
            if (logs.size() != 1) {
                throw new IllegalStateException("expected one stdout log in " + scenarioDir + ", found " + logs);
            }
            return Files.size(logs.get(0));
        }
    }

    /** The {@code time} of a step's testcase in the plugin's JUnit report, in seconds. */
    private static double stepSeconds(Path report, String scenario, String step) throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        NodeList cases = document.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            if (testcase.getAttribute("classname").equals(scenario)
                    && testcase.getAttribute("name").equals(step)) {
                return Double.parseDouble(testcase.getAttribute("time"));
            }
        }
        throw new IllegalStateException("no testcase " + scenario + " › " + step + " in " + report);
    }
}
