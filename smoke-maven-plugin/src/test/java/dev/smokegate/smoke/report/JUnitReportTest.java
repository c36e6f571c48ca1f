package dev.smokegate.smoke.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.Step;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import dev.smokegate.smoke.model.UntrackedMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {
    private static final String OUTPUT_RULE =
            "runtime.output (the process ran but its output or files are not what was expected)";
    private static final String NOT_A_REPOSITORY_RULE =
            "source.not-a-repository (the configured checkout is not a git work tree)";

    @TempDir
    Path dir;

    private static Step step(String name, int number) {
        return new Step(
                name,
                number,
                new Action.Run("true", null),
                ".",
                null,
                Map.of(),
                Expectations.DEFAULT,
                new Location("m.toml", number * 5, 3));
    }

    private static Scenario scenario(String name, String... steps) {
        return new Scenario(
                name,
                "",
                List.of("T-1"),
                List.of(),
                new Source.Checkout(".", UntrackedMode.INCLUDE),
                Map.of(),
                null,
                IntStream.range(0, steps.length)
                        .mapToObj(i -> step(steps[i], i + 1))
                        .toList(),
                new Location("m.toml", 1, 1));
    }

    private Manifest manifest(Scenario... scenarios) {
        return new Manifest(dir.resolve("m.toml"), Duration.ofMinutes(10), Map.of(), List.of(scenarios));
    }

    private static final Fixture FIXTURE = new Fixture();

    /** The gate result of the main fixture: a pass, a failure at step 2 of 3, a failure at prepare, a checkout change. */
    private static final class Fixture {
        final Path log = Path.of("/work/target/smoke/fail-middle/02-run.log");
        final StepFailure middle = new StepFailure(
                "run",
                "./greet --name '<Bob & \"Al\">'",
                0,
                "expected stdout to contain '<hello & \"bye\">'",
                "stdout was 'x < y & \"z\"'",
                log,
                List.of("<error> & \"oops\"", "done"),
                new Classification(FailureCategory.RUNTIME, OUTPUT_RULE, "stdout has no '<hello & \"bye\">'"));
        final StepFailure prepare = new StepFailure(
                "prepare",
                null,
                null,
                "expected a copy of the checkout",
                "/elsewhere is not a git work tree",
                null,
                List.of(),
                new Classification(FailureCategory.SOURCE, NOT_A_REPOSITORY_RULE, "/elsewhere is not a git work tree"));
        final GateResult result = new GateResult(
                List.of(
                        new ScenarioResult(
                                "pass-two",
                                Status.PASS,
                                Duration.ofMillis(1_500),
                                List.of(
                                        new StepRecord("build", 1, Duration.ofMillis(500), true),
                                        new StepRecord("run", 2, Duration.ofMillis(1_000), true)),
                                null,
                                null),
                        new ScenarioResult(
                                "fail-middle",
                                Status.FAIL,
                                Duration.ofMillis(2_250),
                                List.of(
                                        new StepRecord("build", 1, Duration.ofMillis(1_250), true),
                                        new StepRecord("run", 2, Duration.ofMillis(750), false)),
                                middle,
                                null),
                        new ScenarioResult(
                                "fail-prepare", Status.FAIL, Duration.ofMillis(10), List.of(), prepare, null)),
                List.of("/repo: src/Main.java"));
    }

    private Manifest fixtureManifest() {
        return manifest(
                scenario("pass-two", "build", "run"),
                scenario("fail-middle", "build", "run", "verify"),
                scenario("fail-prepare", "s1", "s2"));
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> children(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private Document writeFixture(Path file) throws Exception {
        JUnitReport.write(FIXTURE.result, fixtureManifest(), file);
        return parse(file);
    }

    @Test
    void write_mixedResult_testsuiteCounts() throws Exception {
        Element suite = writeFixture(dir.resolve("target/smoke/TEST-smoke.xml")).getDocumentElement();

        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("smoke");
        // 2 + 3 steps + (2 steps + prepare) + the checkout check
        assertThat(suite.getAttribute("tests")).isEqualTo("9");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("3");
        assertThat(suite.getAttribute("time")).isEqualTo("3.760");
    }

    @Test
    void write_mixedResult_oneTestcasePerStepInManifestOrder() throws Exception {
        Element suite = writeFixture(dir.resolve("TEST-smoke.xml")).getDocumentElement();

        assertThat(children(suite, "testcase").stream()
                        .map(testcase -> testcase.getAttribute("classname") + "/" + testcase.getAttribute("name") + " "
                                + testcase.getAttribute("time")))
                .containsExactly(
                        "pass-two/build 0.500",
                        "pass-two/run 1.000",
                        "fail-middle/build 1.250",
                        "fail-middle/run 0.750",
                        "fail-middle/verify 0.000",
                        "fail-prepare/prepare 0.010",
                        "fail-prepare/s1 0.000",
                        "fail-prepare/s2 0.000",
                        "checkout/unchanged 0.000");
        assertThat(children(suite, "testcase")).hasSize(Integer.parseInt(suite.getAttribute("tests")));
    }

    @Test
    void write_failedStep_failureWithMessageTypeAndDetails() throws Exception {
        Element suite = writeFixture(dir.resolve("TEST-smoke.xml")).getDocumentElement();
        Element run = children(suite, "testcase").get(3);

        List<Element> failures = children(run, "failure");
        assertThat(failures).hasSize(1);
        Element failure = failures.get(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("runtime.output: expected stdout to contain '<hello & \"bye\">'; seen: stdout was 'x < y &"
                        + " \"z\"'");
        assertThat(failure.getAttribute("type")).isEqualTo("runtime");
        assertThat(failure.getTextContent())
                .isEqualTo("command: ./greet --name '<Bob & \"Al\">'\n"
                        + "exit code: 0\n"
                        + "class: runtime — rule " + OUTPUT_RULE + " — evidence: stdout has no '<hello & \"bye\">'\n"
                        + "log: " + FIXTURE.log + "\n");
        assertThat(children(run, "system-out"))
                .singleElement()
                .extracting(Element::getTextContent)
                .isEqualTo("last 2 lines of " + FIXTURE.log + ":\n| <error> & \"oops\"\n| done\n");
        assertThat(children(run, "skipped")).isEmpty();
    }

    @Test
    void write_failedAtPrepare_prepareTestcaseFailsAndStepsAreSkipped() throws Exception {
        List<Element> testcases =
                children(writeFixture(dir.resolve("TEST-smoke.xml")).getDocumentElement(), "testcase");
        Element prepare = testcases.get(5);

        Element failure = children(prepare, "failure").get(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo(
                        "source.not-a-repository: expected a copy of the checkout; seen: /elsewhere is not a git work"
                                + " tree");
        assertThat(failure.getAttribute("type")).isEqualTo("source");
        assertThat(failure.getTextContent())
                .isEqualTo("class: source — rule " + NOT_A_REPOSITORY_RULE
                        + " — evidence: /elsewhere is not a git work tree\n");
        assertThat(children(prepare, "system-out")).isEmpty();
        for (Element notRun : testcases.subList(6, 8)) {
            assertThat(children(notRun, "failure")).isEmpty();
            assertThat(children(notRun, "skipped"))
                    .singleElement()
                    .extracting(skipped -> skipped.getAttribute("message"))
                    .isEqualTo("not run: an earlier step of the scenario failed");
        }
    }

    @Test
    void write_mixedResult_onlyFailingStepsHaveFailureAndOnlyUnrunStepsAreSkipped() throws Exception {
        List<Element> testcases =
                children(writeFixture(dir.resolve("TEST-smoke.xml")).getDocumentElement(), "testcase");

        assertThat(testcases.stream()
                        .map(testcase -> children(testcase, "failure").size()))
                .containsExactly(0, 0, 0, 1, 0, 1, 0, 0, 1);
        assertThat(testcases.stream()
                        .map(testcase -> children(testcase, "skipped").size()))
                .containsExactly(0, 0, 0, 0, 1, 0, 1, 1, 0);
        assertThat(children(testcases.get(4), "skipped").get(0).getAttribute("message"))
                .isEqualTo("not run: an earlier step of the scenario failed");
    }

    @Test
    void write_checkoutChanged_hostFailureListingChanges() throws Exception {
        List<Element> testcases =
                children(writeFixture(dir.resolve("TEST-smoke.xml")).getDocumentElement(), "testcase");
        Element checkout = testcases.get(testcases.size() - 1);

        Element failure = children(checkout, "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("the gate changed a checkout");
        assertThat(failure.getAttribute("type")).isEqualTo("host");
        assertThat(failure.getTextContent()).isEqualTo("/repo: src/Main.java");
    }

    @Test
    void write_specialCharacters_escapedInTheFile() throws Exception {
        Path file = dir.resolve("TEST-smoke.xml");
        writeFixture(file);

        String xml = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(xml).doesNotContain("<error>", "<Bob", "<hello");
        assertThat(xml).contains("| &lt;error&gt; &amp; \"oops\"", "&lt;hello &amp; &quot;bye&quot;");
    }

    @Test
    void write_skippedScenario_everyStepSkippedWithReason() throws Exception {
        Path file = dir.resolve("TEST-smoke.xml");
        GateResult result = new GateResult(
                List.of(new ScenarioResult(
                        "clone",
                        Status.SKIP,
                        Duration.ZERO,
                        List.of(),
                        null,
                        new Classification(
                                FailureCategory.HOST,
                                "host.requires.endpoint",
                                "https://api.example.org/health & <db> — connection refused"))),
                List.of());

        JUnitReport.write(result, manifest(scenario("clone", "build", "run")), file);

        Element suite = parse(file).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("2");
        assertThat(children(suite, "skipped").stream().map(skipped -> skipped.getAttribute("message")))
                .containsExactly(
                        "host.requires.endpoint: https://api.example.org/health & <db> — connection refused",
                        "host.requires.endpoint: https://api.example.org/health & <db> — connection refused");
        assertThat(children(suite, "failure")).isEmpty();
    }

    @Test
    void write_reportAlreadyThere_replacedWholeWithNoTemporaryFileLeft() throws Exception {
        Path folder = dir.resolve("target/smoke");
        Files.createDirectories(folder);
        Path file = folder.resolve("TEST-smoke.xml");
        Files.writeString(file, "<testsuite name=\"old-report\" tests=\"99\">" + "x".repeat(100_000) + "</testsuite>");

        JUnitReport.write(FIXTURE.result, fixtureManifest(), file);

        assertThat(Files.readString(file)).doesNotContain("old-report").doesNotContain("xxxx");
        assertThat(parse(file).getDocumentElement().getAttribute("tests")).isEqualTo("9");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("TEST-smoke.xml");
        }
    }

    @Test
    void write_missingFolder_created() throws Exception {
        Path file = dir.resolve("a/b/c/TEST-smoke.xml");

        JUnitReport.write(new GateResult(List.of(), List.of()), manifest(), file);

        Element suite = parse(file).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("0");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(children(suite, "testcase")).isEmpty();
    }

    @Test
    void write_ansiColorsAndControlCharactersInOutput_reportStillParses() throws Exception {
        StepFailure colored = new StepFailure(
                "run",
                "npm test",
                1,
                "expected exit code 0",
                "exit code 1",
                Path.of("/w/01-run.log"),
                List.of("\u001b[31mFAIL\u001b[0m src/app.test.js", "bell\u0007"),
                new Classification(FailureCategory.RUNTIME, OUTPUT_RULE, "\u001b[31mFAIL\u001b[0m"));
        GateResult result = new GateResult(
                List.of(new ScenarioResult(
                        "colors",
                        Status.FAIL,
                        Duration.ofMillis(5),
                        List.of(new StepRecord("run", 1, Duration.ofMillis(5), false)),
                        colored,
                        null)),
                List.of());
        Path file = dir.resolve("TEST-smoke.xml");

        JUnitReport.write(result, manifest(scenario("colors", "run")), file);

        Element out = (Element) parse(file).getElementsByTagName("system-out").item(0);
        assertThat(out.getTextContent())
                .contains("| \\u001b[31mFAIL\\u001b[0m src/app.test.js")
                .contains("| bell\\u0007");
    }

    /**
     * Issue 12: offline with an empty clone cache is a FAIL classified host at {@code prepare} (the
     * classifier's own verdict), so the report has a {@code failure}, not a {@code skipped}; the
     * steps after it are skipped as not run.
     */
    @Test
    void write_offlineCacheEmpty_prepareFailureOfTypeHost() throws Exception {
        String message = "https://repo.example.org/greeter.git is not in the clone cache and Maven runs offline (-o).";
        StepFailure offline = ReportFixtures.offlineNotCached(message);
        GateResult result = new GateResult(
                List.of(new ScenarioResult("cold", Status.FAIL, Duration.ofMillis(3), List.of(), offline, null)),
                List.of());
        Path file = dir.resolve("TEST-smoke.xml");

        JUnitReport.write(result, manifest(scenario("cold", "build")), file);

        Element suite = parse(file).getDocumentElement();
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        Element failure = children(suite, "failure").get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("host");
        assertThat(failure.getAttribute("message"))
                .isEqualTo("host.offline-not-cached: expected a clean clone of the repository; seen: " + message);
        assertThat(children(suite, "skipped"))
                .singleElement()
                .extracting(skipped -> skipped.getAttribute("message"))
                .isEqualTo("not run: an earlier step of the scenario failed");
    }

    @Test
    void write_multiLineSeen_failureMessageOnOneLine() throws Exception {
        StepFailure multiLine = new StepFailure(
                "run",
                "./run.sh",
                1,
                "expected exit code 0",
                "exit code 1\n  then more\r\nand more",
                null,
                List.of(),
                new Classification(
                        FailureCategory.HOST,
                        "host.command-not-found (exit 127: POSIX sh, command not found)",
                        "sh: run.sh: not found"));
        GateResult result = new GateResult(
                List.of(new ScenarioResult(
                        "lines",
                        Status.FAIL,
                        Duration.ofMillis(5),
                        List.of(new StepRecord("run", 1, Duration.ofMillis(5), false)),
                        multiLine,
                        null)),
                List.of());
        Path file = dir.resolve("TEST-smoke.xml");

        JUnitReport.write(result, manifest(scenario("lines", "run")), file);

        Element failure = (Element) parse(file).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("host.command-not-found: expected exit code 0; seen: exit code 1 then more and more");
        assertThat(failure.getAttribute("type")).isEqualTo("host");
    }

    @Test
    void xmlSafe_allowedCharacters_unchanged() {
        assertThat(JUnitReport.xmlSafe("tab\tnew\nline é ✓ 😀")).isEqualTo("tab\tnew\nline é ✓ 😀");
    }
}
