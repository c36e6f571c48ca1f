package dev.smokegate.smoke.report;

import static dev.smokegate.smoke.report.ReportFixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.taskdefs.optional.junit.AggregateTransformer;
import org.apache.tools.ant.taskdefs.optional.junit.XMLResultAggregator;
import org.apache.tools.ant.types.FileSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TEST-smoke.xml} read by a consumer that is not ours: Apache Ant's {@code junitreport}
 * ({@link XMLResultAggregator}, the reader behind many CI set-ups since Ant 1.x, with its own
 * stylesheet), which merges the report files it finds and renders them as HTML. The counts, the
 * failure's type and message and the skip's message must come out as the gate meant them. The
 * other consumer, maven-surefire-report-plugin, is run by {@code ReportsIT}.
 */
class JUnitReportConsumersTest {
    private static final String EXIT_RULE = "runtime.exit-code (the process exited with an unexpected code)";

    @TempDir
    Path dir;

    /** A pass (1 step), a failure at step 1 of 2, a skipped scenario (1 step): 4 tests, 1 failure, 2 skipped. */
    private Path writeReport() throws Exception {
        StepFailure failure = new StepFailure(
                "run",
                "./run.sh",
                3,
                "expected exit code 0",
                "exit code 3",
                dir.resolve("target/smoke/broken/01-run.log"),
                List.of("starting", "ERROR: boom"),
                new Classification(FailureCategory.RUNTIME, EXIT_RULE, "ERROR: boom"));
        GateResult result = new GateResult(
                List.of(
                        new ScenarioResult(
                                "ok",
                                Status.PASS,
                                Duration.ofMillis(1_000),
                                List.of(new StepRecord("build", 1, Duration.ofMillis(1_000), true)),
                                null,
                                null),
                        new ScenarioResult(
                                "broken",
                                Status.FAIL,
                                Duration.ofMillis(500),
                                List.of(new StepRecord("run", 1, Duration.ofMillis(500), false)),
                                failure,
                                null),
                        ScenarioResult.skipped(
                                "live",
                                Duration.ZERO,
                                new Classification(
                                        FailureCategory.HOST,
                                        "host.requires.endpoint",
                                        "127.0.0.1:9 — connection refused"))),
                List.of());
        Manifest manifest = new Manifest(
                dir.resolve("m.toml"),
                Duration.ofMinutes(10),
                Map.of(),
                List.of(scenario("ok", "build"), scenario("broken", "run", "verify"), scenario("live", "call")));
        Path reports = dir.resolve("target/smoke");
        JUnitReport.write(result, manifest, reports.resolve("TEST-smoke.xml"));
        return reports;
    }

    @Test
    void antJunitReport_gateReport_rendersCountsFailureAndSkip() throws Exception {
        Path reports = writeReport();
        Path out = Files.createDirectories(dir.resolve("ant-report"));
        Project project = new Project();
        project.init();
        project.setBaseDir(dir.toFile());
        XMLResultAggregator aggregator = new XMLResultAggregator();
        aggregator.setProject(project);
        FileSet files = new FileSet();
        files.setDir(reports.toFile());
        files.setIncludes("TEST-*.xml");
        aggregator.addFileSet(files);
        aggregator.setTodir(out.toFile());
        AggregateTransformer transformer = aggregator.createReport();
        transformer.setTodir(out.toFile());
        AggregateTransformer.Format noFrames = new AggregateTransformer.Format();
        noFrames.setValue(AggregateTransformer.NOFRAMES);
        transformer.setFormat(noFrames);

        aggregator.execute();

        Document html = Jsoup.parse(out.resolve("junit-noframes.html").toFile());
        Element summary = html.selectFirst("h2:containsOwn(Summary) + table");
        assertThat(summary).as(html.text()).isNotNull();
        assertThat(summary.select("tr").get(0).select("th").eachText())
                .startsWith("Tests", "Failures", "Errors", "Skipped");
        assertThat(summary.select("tr").get(1).select("td").eachText()).startsWith("4", "1", "0", "2");
        Element failed = testcaseRow(html, "run");
        assertThat(failed.select("td").get(1).text()).isEqualTo("Failure");
        assertThat(failed.select("td").get(2).ownText())
                .isEqualTo("runtime.exit-code: expected exit code 0; seen: exit code 3");
        Element skipped = testcaseRow(html, "call");
        assertThat(skipped.select("td").get(1).text()).isEqualTo("Skipped");
        assertThat(skipped.select("td").get(2).ownText())
                .isEqualTo("host.requires.endpoint: 127.0.0.1:9 — connection refused");
    }

    /** The row of the test case named {@code name} in the report's per-test table. */
    private static Element testcaseRow(Document html, String name) {
        return html.select("tr").stream()
                .filter(row -> !row.select("td").isEmpty()
                        && row.select("td").get(0).text().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for test case " + name + " in " + html.text()));
    }
}
