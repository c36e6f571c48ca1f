package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code threads} above 1: scenarios run at once, yet results, the {@code [smoke] PASS/FAIL} block
 * and the JUnit XML come in manifest order, and every console line arrives whole.
 */
@Timeout(120)
class ParallelScenariosTest {
    /**
     * The step of each scenario: it leaves its name in a shared folder, then waits (at most 30 s) until
     * all four names are there, and prints how many it saw. Four scenarios that run at once each see
     * 4, however slowly the machine starts them; one after another, the first would see 1.
     */
    private static final String BARRIER_STEP =
            """
              [[scenario.step]]
              name = "barrier"
              run = "touch ${fixture.barrier}/NAME; i=0; while [ $(ls ${fixture.barrier} | wc -l) -lt 4 ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; echo saw $(ls ${fixture.barrier} | wc -l)"
              expect.stdout.contains = ["EXPECTED"]
            """;

    private static final Pattern SAW = Pattern.compile("(?m)^saw (\\d+)$");

    @TempDir
    Path tmp;

    private Path checkout;
    private Path project;
    private Path barrier;

    @BeforeEach
    void fixtures() throws IOException {
        barrier = Files.createDirectories(tmp.resolve("barrier"));
        checkout = FixtureRepos.greeter(tmp.resolve("greeter"));
        project = Files.createDirectories(tmp.resolve("project/src/smoke"))
                .getParent()
                .getParent();
    }

    private GateResult run(String manifest, int threads, SmokeLog log) throws Exception {
        Files.writeString(project.resolve("src/smoke/manifest.toml"), manifest, StandardCharsets.UTF_8);
        GateRequest request = GateRequest.builder(project.resolve("src/smoke/manifest.toml"), MavenFrontEnd.INSTANCE)
                .basedir(project)
                .cacheDirectory(tmp.resolve("cache"))
                .properties(Map.of("fixture.checkout", checkout.toString(), "fixture.barrier", barrier.toString()))
                .environment(System.getenv())
                .threads(threads)
                .build();
        return new SmokeEngine(log).run(request);
    }

    private static String scenario(String name, String step) {
        return "[[scenario]]\nname = \"" + name + "\"\nsource.checkout = \"${fixture.checkout}\"\n" + step;
    }

    @Test
    void run_fourThreads_scenariosOverlapResultsInManifestOrderLinesWhole() throws Exception {
        List<String> names = List.of("delta", "alpha", "charlie", "bravo");
        String manifest = "format = 1\n"
                + String.join(
                        "",
                        names.stream()
                                .map(name -> scenario(
                                        name,
                                        BARRIER_STEP
                                                .replace("NAME", name)
                                                .replace("EXPECTED", name.equals("charlie") ? "never printed" : "saw")))
                                .toList());
        CharByCharLog log = new CharByCharLog();

        GateResult result = run(manifest, 4, log);

        assertThat(result.scenarios()).extracting(ScenarioResult::name).containsExactlyElementsOf(names);
        assertThat(result.scenarios())
                .extracting(ScenarioResult::status)
                .containsExactly(Status.PASS, Status.PASS, Status.FAIL, Status.PASS);
        for (String name : names) {
            Matcher saw = SAW.matcher(Files.readString(project.resolve("target/smoke/" + name + "/01-barrier.log")));
            assertThat(saw.find()).as(name + "'s step printed how many it saw").isTrue();
            assertThat(saw.group(1))
                    .as(name + " ran while all four had started")
                    .isEqualTo("4");
        }

        List<String> lines = log.lines();
        assertThat(lines)
                .as("whole lines: each starts with the prefix (or is a verdict line) and holds it once")
                .allSatisfy(line ->
                        assertThat(line).matches("(\\[smoke] |Smoke: |Smoke gate failed: |  FAIL )(?!.*\\[smoke] ).*"));
        List<Integer> headlines = IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).matches("\\[smoke] (PASS|FAIL) .*"))
                .boxed()
                .toList();
        assertThat(headlines.stream().map(i -> lines.get(i).split("[ :]")[2])).containsExactlyElementsOf(names);
        int lastStepStart = IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).contains(" › barrier (1/1): touch "))
                .max()
                .orElseThrow();
        assertThat(headlines.get(0))
                .as("the result block follows every progress line: %s", lines)
                .isGreaterThan(lastStepStart);
        assertThat(lines)
                .endsWith(
                        "Smoke: 3 passed, 1 failed, 0 skipped",
                        "Smoke gate failed: 1 of 4 scenarios (runtime 1)",
                        "  FAIL charlie › barrier: runtime.output");
        assertThat(lines)
                .contains("[smoke] running up to 4 scenarios at once; their results follow when all have finished");
    }

    @Test
    void run_threadsAboveOne_sameJUnitReportAsOneThreadApartFromTimes() throws Exception {
        String manifest = "format = 1\n"
                + scenario(
                        "slowest",
                        "  [[scenario.step]]\n  name = \"a\"\n  run = \"sleep 1; echo a\"\n"
                                + "  expect.stdout.contains = [\"a\"]\n  [[scenario.step]]\n  name = \"b\"\n"
                                + "  run = \"echo b\"\n  expect.stdout.contains = [\"c\"]\n  [[scenario.step]]\n"
                                + "  name = \"never\"\n  run = \"echo x\"\n  expect.stdout.contains = [\"x\"]\n")
                + scenario(
                        "slow",
                        "  [[scenario.step]]\n  name = \"a\"\n  run = \"sleep 0.5; echo a\"\n"
                                + "  expect.stdout.contains = [\"a\"]\n")
                + scenario(
                        "fast",
                        "  [[scenario.step]]\n  name = \"a\"\n  run = \"echo a\"\n"
                                + "  expect.stdout.contains = [\"a\"]\n");
        Path report = project.resolve("target/smoke/TEST-smoke.xml");
        RecordingLog sequentialLog = new RecordingLog();

        GateResult sequential = run(manifest, 1, sequentialLog);
        String sequentialXml = Files.readString(report);
        GateResult parallel = run(manifest, 3, new RecordingLog());
        String parallelXml = Files.readString(report);

        assertThat(parallel.scenarios()).extracting(ScenarioResult::name).containsExactly("slowest", "slow", "fast");
        assertThat(parallel.scenarios())
                .extracting(ScenarioResult::status)
                .containsExactlyElementsOf(sequential.scenarios().stream()
                        .map(ScenarioResult::status)
                        .toList());
        assertThat(withoutTimes(parallelXml)).isEqualTo(withoutTimes(sequentialXml));
        List<String> lines = sequentialLog.visible();
        assertThat(lines.indexOf("[smoke] fast › a (1/1): echo a"))
                .as("with one thread, a scenario's result comes right after it: %s", lines)
                .isGreaterThan(lines.indexOf("[smoke] PASS slow (" + elapsed(sequential, 1) + ")"));
    }

    private static String elapsed(GateResult result, int scenario) {
        return Durations.elapsed(result.scenarios().get(scenario).elapsed());
    }

    private static String withoutTimes(String xml) {
        return xml.replaceAll("time=\"[0-9.]+\"", "time=\"\"");
    }

    /**
     * A log that writes each message a character at a time into one unsynchronized buffer, yielding
     * between characters: two lines written at once would tear.
     */
    private static final class CharByCharLog implements SmokeLog {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void write(Level level, String message) {
            if (level == Level.DEBUG) {
                return;
            }
            for (char c : message.toCharArray()) {
                text.append(c);
                Thread.yield();
            }
            text.append('\n');
        }

        List<String> lines() {
            return text.toString().lines().toList();
        }
    }
}
