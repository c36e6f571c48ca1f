package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.Shard;
import dev.smokegate.smoke.report.RecordedDurations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code smoke:merge} without Maven: the reports of three real shard runs of the engine (made once),
 * copied into a test's project folder as a CI job would download them, then merged.
 */
@Timeout(120)
class ShardMergeTest {
    /** Four scenarios; the timings put a in shard 1/3, b in 2/3, c and d in 3/3. d exits with $SMOKE_D_EXIT. */
    private static final String FOUR =
            """
            format = 1
            [[scenario]]
            name = "a"
            source.checkout = "${fixture.checkout}"
              [[scenario.step]]
              name = "say"
              run = "echo a"
              expect.stdout.contains = ["a"]
            [[scenario]]
            name = "b"
            source.checkout = "${fixture.checkout}"
              [[scenario.step]]
              name = "say"
              run = "echo b"
              expect.stdout.contains = ["b"]
            [[scenario]]
            name = "c"
            source.checkout = "${fixture.checkout}"
              [[scenario.step]]
              name = "say"
              run = "echo c"
              expect.stdout.contains = ["c"]
            [[scenario]]
            name = "d"
            source.checkout = "${fixture.checkout}"
              [[scenario.step]]
              name = "say"
              run = "echo d; exit ${env.SMOKE_D_EXIT}"
              expect.stdout.contains = ["d"]
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();
    private Path output;

    @BeforeAll
    static void shards() throws Exception {
        EngineFixture fixture = EngineFixture.greeter(shared);
        Files.writeString(fixture.manifest(), FOUR, StandardCharsets.UTF_8);
        Path timings = Files.writeString(
                fixture.project().resolve("src/smoke/timings.json"),
                "{\"a\": 4, \"b\": 3, \"c\": 2, \"d\": 1}",
                StandardCharsets.UTF_8);
        for (int index = 1; index <= 3; index++) {
            run(fixture, new Shard(index, 3), timings, "0", shared.resolve("passed/shard-" + index));
        }
        run(fixture, new Shard(3, 3), timings, "3", shared.resolve("failed/shard-3"));
        run(fixture, null, timings, "0", shared.resolve("whole"));
    }

    private static void run(EngineFixture fixture, Shard shard, Path timings, String exit, Path work) throws Exception {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("SMOKE_D_EXIT", exit);
        fixture.run(fixture.request()
                .environment(environment)
                .shard(shard)
                .timings(timings)
                .workDirectory(work)
                .build());
    }

    @BeforeEach
    void output() {
        output = project.resolve("target/smoke");
    }

    /**
     * Copies the reports of {@code <shared>/<from>} (its files, not the scenario folders) to {@code
     * <project>/<to>}, as a CI job downloads a shard's reports.
     */
    private Path copy(String from, String to) throws IOException {
        Path source = shared.resolve(from);
        Path target = Files.createDirectories(project.resolve(to));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return target;
    }

    private void edit(Path folder, Consumer<ObjectNode> change) throws IOException {
        Path file = folder.resolve(SmokeEngine.SUMMARY_JSON);
        ObjectNode summary = (ObjectNode) JSON.readTree(file.toFile());
        change.accept(summary);
        JSON.writeValue(file.toFile(), summary);
    }

    private ShardMerge.Result merge(Path... inputs) throws GateConfigurationException {
        return new ShardMerge(log, MavenFrontEnd.INSTANCE)
                .merge(List.of(inputs), output, path -> GateRequest.display(project, path));
    }

    private static String problems(String... lines) {
        StringBuilder message = new StringBuilder("Cannot merge the shard reports [-Dsmoke.merge.inputs]: ")
                .append(lines.length)
                .append(" problem(s).");
        for (String line : lines) {
            message.append(System.lineSeparator()).append("  ").append(line).append('.');
        }
        return message.toString();
    }

    /** The {@code name} of each entry of a summary's {@code scenarios}, in order. */
    private static List<String> entryNames(JsonNode summary) {
        List<String> names = new ArrayList<>();
        summary.path("scenarios").forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }

    private String digest() throws IOException {
        return JSON.readTree(shared.resolve("passed/shard-1/smoke-summary.json").toFile())
                .path("gate")
                .path("shardPlan")
                .path("digest")
                .asText();
    }

    @Test
    void merge_threeShardsInAnyOrder_oneSummaryAndOneJUnitReportOfTheWholeGate() throws Exception {
        Path first = copy("passed/shard-1", "shard-1");
        Path second = copy("passed/shard-2", "shard-2");
        Path third = copy("passed/shard-3", "shard-3");

        ShardMerge.Result merged = merge(third, first, second);

        assertThat(merged.passed()).as(log.visible().toString()).isTrue();
        assertThat(log.visible())
                .containsExactly(
                        "[smoke] merging 3 shard(s) of 4 scenario(s), plan " + digest() + ", into target/smoke",
                        "[smoke] shard 1/3 (shard-1): 1 passed, 0 failed, 0 skipped",
                        "[smoke] shard 2/3 (shard-2): 1 passed, 0 failed, 0 skipped",
                        "[smoke] shard 3/3 (shard-3): 2 passed, 0 failed, 0 skipped",
                        "[smoke] wrote target/smoke/smoke-summary.json and target/smoke/TEST-smoke.xml",
                        "Smoke: 4 passed, 0 failed, 0 skipped");
        JsonNode summary = JSON.readTree(output.resolve("smoke-summary.json").toFile());
        assertThat(summary.path("format").asInt()).isEqualTo(1);
        assertThat(summary.path("summary").toString()).isEqualTo("{\"passed\":4,\"failed\":0,\"skipped\":0}");
        assertThat(summary.path("gate").path("shard").isNull()).isTrue();
        assertThat(summary.path("gate").path("shardPlan").path("scenarios").asInt())
                .isEqualTo(4);
        assertThat(summary.path("shards").toString())
                .isEqualTo("[{\"shard\":\"1/3\",\"input\":\"shard-1\",\"passed\":1,\"failed\":0,\"skipped\":0},"
                        + "{\"shard\":\"2/3\",\"input\":\"shard-2\",\"passed\":1,\"failed\":0,\"skipped\":0},"
                        + "{\"shard\":\"3/3\",\"input\":\"shard-3\",\"passed\":2,\"failed\":0,\"skipped\":0}]");
        assertThat(entryNames(summary)).containsExactly("a", "b", "c", "d");
        assertThat(RecordedDurations.read(output.resolve("smoke-summary.json")))
                .as("the merged summary serves as a timings file")
                .containsOnlyKeys("a", "b", "c", "d");
        Element suite = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(output.resolve("TEST-smoke.xml").toFile())
                .getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("smoke");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        Element property = (Element) suite.getElementsByTagName("property").item(0);
        assertThat(property.getAttribute("name")).isEqualTo("smoke.shard");
        assertThat(property.getAttribute("value")).isEqualTo("1/3,2/3,3/3");
        assertThat(first.resolve("smoke-summary.json"))
                .hasSameTextualContentAs(shared.resolve("passed/shard-1/smoke-summary.json"));
    }

    @Test
    void merge_aShardFailed_reportsWrittenAndNotPassedNamingTheShard() throws Exception {
        ShardMerge.Result merged = merge(
                copy("passed/shard-1", "shard-1"),
                copy("passed/shard-2", "shard-2"),
                copy("failed/shard-3", "shard-3"));

        assertThat(merged.passed()).isFalse();
        assertThat(log.at("ERROR"))
                .containsExactly(
                        "[smoke] shard 3/3 (shard-3): 1 passed, 1 failed, 0 skipped",
                        "Smoke: 3 passed, 1 failed, 0 skipped",
                        "Smoke gate failed: 1 of 4 scenarios (runtime 1)",
                        "  FAIL d › say: runtime.exit-code");
        assertThat(ShardMerge.failureMessage(merged, output, path -> GateRequest.display(project, path)))
                .isEqualTo("Smoke gate failed: 1 of 4 scenarios (runtime 1). Failed shard(s): 3/3 (shard-3). Read the"
                        + " [smoke] FAIL and SKIP lines of those shards' jobs, target/smoke/smoke-summary.json and"
                        + " target/smoke/TEST-smoke.xml.");
        assertThat(JSON.readTree(output.resolve("smoke-summary.json").toFile())
                        .path("summary")
                        .toString())
                .isEqualTo("{\"passed\":3,\"failed\":1,\"skipped\":0}");
        assertThat(output.resolve("TEST-smoke.xml")).content().contains("failures=\"1\"", "runtime.exit-code");
    }

    @Test
    void merge_aShardInterrupted_countedApartFromTheFailuresAsTheShardCountedIt() throws Exception {
        Path third = copy("failed/shard-3", "shard-3");
        edit(third, summary -> {
            for (JsonNode entry : summary.path("scenarios")) {
                if (entry.path("name").asText().equals("d")) {
                    ((ObjectNode) entry).put("interrupted", true);
                }
            }
            ((ObjectNode) summary.path("summary")).put("failed", 0).put("interrupted", 1);
        });

        ShardMerge.Result merged = merge(copy("passed/shard-1", "shard-1"), copy("passed/shard-2", "shard-2"), third);

        assertThat(merged.passed()).isFalse();
        JsonNode summary = JSON.readTree(output.resolve("smoke-summary.json").toFile());
        assertThat(summary.path("summary").toString())
                .isEqualTo("{\"passed\":3,\"failed\":0,\"skipped\":0,\"interrupted\":1}");
        assertThat(summary.path("shards").get(2).toString())
                .isEqualTo("{\"shard\":\"3/3\",\"input\":\"shard-3\",\"passed\":1,\"failed\":0,\"skipped\":0,"
                        + "\"interrupted\":1}");
    }

    @Test
    void merge_aShardMissing_failsNamingItAndWritesNothing() throws Exception {
        Path first = copy("passed/shard-1", "shard-1");
        Path third = copy("passed/shard-3", "shard-3");

        assertThatThrownBy(() -> merge(first, third))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage(
                        problems("shard 2/3 is missing: no input holds it. Add the folder with a copy of its reports"));
        assertThat(output).doesNotExist();
    }

    @Test
    void merge_aShardTwice_failsNamingBothFoldersAndTheScenario() throws Exception {
        Path first = copy("passed/shard-1", "shard-1");
        Path again = copy("passed/shard-1", "again");

        assertThatThrownBy(
                        () -> merge(first, again, copy("passed/shard-2", "shard-2"), copy("passed/shard-3", "shard-3")))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage(problems(
                        "shard 1/3 is given more than once: shard-1 and again. Give each shard's folder once",
                        "scenario a is in shard 1/3 (shard-1) and in shard 1/3 (again). Give every shard the same"
                                + " plan"));
    }

    @Test
    void merge_aScenarioInTwoShards_failsNamingItAndBothShards() throws Exception {
        Path first = copy("passed/shard-1", "shard-1");
        Path second = copy("passed/shard-2", "shard-2");
        JsonNode entryOfA = JSON.readTree(first.resolve("smoke-summary.json").toFile())
                .path("scenarios")
                .get(0);
        edit(second, summary -> ((ArrayNode) summary.path("scenarios")).add(entryOfA));

        assertThatThrownBy(() -> merge(first, second, copy("passed/shard-3", "shard-3")))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage(problems("scenario a is in shard 1/3 (shard-1) and in shard 2/3 (shard-2). Give every"
                        + " shard the same plan"));
    }

    @Test
    void merge_shardsOfDifferentCounts_failsListingEach() throws Exception {
        Path second = copy("passed/shard-2", "shard-2");
        edit(second, summary -> ((ObjectNode) summary.path("gate")).put("shard", "2/4"));

        assertThatThrownBy(() -> merge(copy("passed/shard-1", "shard-1"), second, copy("passed/shard-3", "shard-3")))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage(problems("the shards are of different counts: shard-1 is 1/3, shard-2 is 2/4, shard-3 is"
                        + " 3/3. Run every shard with the same N"));
    }

    @Test
    void merge_shardsPlannedDifferently_failsNamingEachPlan() throws Exception {
        Path second = copy("passed/shard-2", "shard-2");
        edit(second, summary -> ((ObjectNode) summary.path("gate").path("shardPlan")).put("digest", "000000000000"));
        String digest = digest();

        assertThatThrownBy(() -> merge(copy("passed/shard-1", "shard-1"), second, copy("passed/shard-3", "shard-3")))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage(problems("the shards were planned from different inputs: shard-1 has plan " + digest
                        + " of 4 scenario(s), shard-2 has plan 000000000000 of 4 scenario(s), shard-3 has plan "
                        + digest + " of 4 scenario(s). Give every shard the same manifest, selection and durations (a"
                        + " committed timings file)"));
    }

    @Test
    void merge_badFolders_everyProblemListedWithWhatToDo() throws Exception {
        Path empty = Files.createDirectories(project.resolve("empty"));
        Path whole = copy("whole", "whole");
        Path noJunit = copy("passed/shard-2", "no-junit");
        Files.delete(noJunit.resolve("TEST-smoke.xml"));
        Files.createDirectories(output);

        assertThatThrownBy(() -> merge(
                        copy("passed/shard-1", "shard-1"), empty, project.resolve("nowhere"), whole, output, noJunit))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage(problems(
                        "empty: no smoke-summary.json. Copy the whole work folder of the shard's run into it; a shard"
                                + " whose job stopped before the gate wrote its reports must run again",
                        "nowhere: no such folder. Copy each shard's target/smoke into a folder of its own and list"
                                + " those folders",
                        "whole/smoke-summary.json: not a shard's summary (its gate.shard is null). Run each shard with"
                                + " -Dsmoke.shard=K/N",
                        "target/smoke: is the folder the merge writes its reports to. Copy each shard's reports into"
                                + " another folder, e.g. shard-1",
                        "no-junit: no TEST-smoke.xml. Copy the whole work folder of the shard's run into it"));
    }

    @Test
    void merge_unreadableSummary_saysWhatIsWrong() throws Exception {
        Path broken = Files.createDirectories(project.resolve("broken"));
        Files.writeString(broken.resolve("smoke-summary.json"), "{\"format\": 2}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> merge(broken))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage(problems("broken/smoke-summary.json: cannot be read: format 2, not 1. Copy the shard's"
                        + " reports again"));
    }

    @Test
    void merge_noInputs_failsWithAnExample() {
        assertThatThrownBy(() -> merge())
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage("No shard report folders to merge [-Dsmoke.merge.inputs]: the list is empty. Give a copy of"
                        + " each shard's target/smoke, e.g. -Dsmoke.merge.inputs=shard-1,shard-2,shard-3.");
    }
}
