package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.fixtures.FixtureRepos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Sharding as a CI user runs it, with a real forked {@code mvn} on the sample project {@code shard}
 * (six quick scenarios): a full run, whose summary is committed as the timings file; then three
 * shards ({@code -Dsmoke.shard=K/3 -Dsmoke.timings=src/smoke/timings.json}), each on a clean {@code
 * target/smoke} as on a fresh runner, each one's reports copied to {@code shard-K} as a CI job uploads
 * them; then {@code smoke:merge} over the three folders.
 */
class ShardIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path checkout;
    private static JsonNode full;
    private static Path project;
    private static final List<ForkedMaven.Result> shards = new ArrayList<>();

    @BeforeAll
    static void fullRunThenThreeShards() throws Exception {
        checkout = FixtureRepos.greeter(ForkedMaven.scratch("shard").resolve("greeter"));
        Path whole = ForkedMaven.project("shard", "shard-full");
        ForkedMaven.Result result = ForkedMaven.mvn(whole, "verify", "-Dfixture.checkout=" + checkout);
        assertExit(result, 0);
        assertThat(result.summary()).isEqualTo("Smoke: 6 passed, 0 failed, 0 skipped");
        full = summary(whole.resolve("target/smoke"));

        project = ForkedMaven.project("shard", "shard-split");
        Files.copy(whole.resolve("target/smoke/smoke-summary.json"), project.resolve("src/smoke/timings.json"));
        for (int k = 1; k <= 3; k++) {
            ForkedMaven.deleteRecursively(project.resolve("target/smoke"));
            shards.add(ForkedMaven.mvn(
                    project,
                    "verify",
                    "-Dfixture.checkout=" + checkout,
                    "-Dsmoke.shard=" + k + "/3",
                    "-Dsmoke.timings=src/smoke/timings.json"));
            copyReports(project.resolve("target/smoke"), project.resolve("shard-" + k));
        }
    }

    /** Copies what the CI recipes upload of a shard: its reports and its step logs. */
    private static void copyReports(Path work, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .filter(path -> path.getParent().equals(work)
                            || (path.toString().endsWith(".log")
                                    && !path.toString().contains("/workspace/")))
                    .toList()) {
                Path copy = target.resolve(work.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    private static JsonNode summary(Path folder) throws IOException {
        return JSON.readTree(folder.resolve("smoke-summary.json").toFile());
    }

    private static List<String> names(JsonNode summary) {
        List<String> names = new ArrayList<>();
        summary.path("scenarios").forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }

    private static Element testsuite(Path folder) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder()
                .parse(folder.resolve("TEST-smoke.xml").toFile())
                .getDocumentElement();
    }

    @Test
    void verify_threeShards_eachRunsItsPartAndTogetherTheyAreTheFullRun() throws Exception {
        List<String> union = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            ForkedMaven.Result result = shards.get(k - 1);
            assertExit(result, 0);
            JsonNode summary = summary(project.resolve("shard-" + k));
            List<String> mine = names(summary);
            assertThat(result.smokeLines())
                    .contains("[smoke] shard " + k + "/3: " + mine.size() + " of 6 selected scenario(s) (balanced by"
                            + " recorded durations from src/smoke/timings.json)");
            assertThat(result.summary()).isEqualTo("Smoke: " + mine.size() + " passed, 0 failed, 0 skipped");
            assertThat(summary.path("gate").path("shard").asText()).isEqualTo(k + "/3");
            assertThat(testsuite(project.resolve("shard-" + k))
                            .getElementsByTagName("property")
                            .item(0))
                    .extracting(node -> ((Element) node).getAttribute("value"))
                    .isEqualTo(k + "/3");
            union.addAll(mine);
        }
        assertThat(union).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(names(full));
    }

    @Test
    void merge_threeShardFolders_oneReportWithTheFullRunsCounts() throws Exception {
        ForkedMaven.deleteRecursively(project.resolve("target/smoke"));

        ForkedMaven.Result result =
                ForkedMaven.mvn(project, "smoke:merge", "-Dsmoke.merge.inputs=shard-1,shard-2,shard-3");

        assertExit(result, 0);
        assertThat(result.smokeLines())
                .anySatisfy(line -> assertThat(line)
                        .matches("\\[smoke] merging 3 shard\\(s\\) of 6 scenario\\(s\\),"
                                + " plan [0-9a-f]{12}, into target/smoke"))
                .anySatisfy(line -> assertThat(line)
                        .matches("\\[smoke] shard 1/3 \\(shard-1\\): \\d passed, 0 failed," + " 0 skipped"))
                .contains("[smoke] wrote target/smoke/smoke-summary.json and target/smoke/TEST-smoke.xml");
        assertThat(result.summary()).isEqualTo("Smoke: 6 passed, 0 failed, 0 skipped");
        JsonNode merged = summary(project.resolve("target/smoke"));
        assertThat(merged.path("summary")).isEqualTo(full.path("summary"));
        assertThat(names(merged)).containsExactlyInAnyOrderElementsOf(names(full));
        assertThat(merged.path("shards")).hasSize(3);
        Element suite = testsuite(project.resolve("target/smoke"));
        Element whole = testsuite(project.resolve("../shard-full/target/smoke").normalize());
        assertThat(suite.getAttribute("tests")).isEqualTo(whole.getAttribute("tests"));
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getElementsByTagName("testcase").getLength())
                .isEqualTo(whole.getElementsByTagName("testcase").getLength());
    }

    @Test
    void merge_aShardMissing_failsTheBuildNamingItAndWhatToDo() throws Exception {
        ForkedMaven.Result result = ForkedMaven.mvn(project, "smoke:merge", "-Dsmoke.merge.inputs=shard-1,shard-3");

        assertExit(result, 1);
        assertThat(result.lines())
                .anySatisfy(line -> assertThat(line)
                        .contains("Cannot merge the shard reports [-Dsmoke.merge.inputs]: 1 problem(s)."))
                .anySatisfy(line -> assertThat(line)
                        .endsWith("  shard 2/3 is missing: no input holds it. Add the folder with a copy of its"
                                + " reports."));
    }
}
