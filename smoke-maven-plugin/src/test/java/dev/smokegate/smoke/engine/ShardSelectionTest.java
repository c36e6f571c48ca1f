package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Shard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** {@code -Dsmoke.shard=K/N} end to end through the engine: which scenarios run, the line, the reports. */
@Timeout(120)
class ShardSelectionTest {
    /** Six scenarios; by hash of 3, beta and gamma are shard 1, delta and zeta 2, alpha and epsilon 3. */
    static final String SIX = Stream.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta")
            .map(name ->
                    """
                    [[scenario]]
                    name = "%s"
                    source.checkout = "${fixture.checkout}"
                      [[scenario.step]]
                      name = "say"
                      run = "echo %s"
                      expect.stdout.contains = ["%s"]
                    """
                            .formatted(name, name, name))
            .collect(Collectors.joining("\n", "format = 1\n", ""));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private EngineFixture fixture;

    @BeforeEach
    void fixtures() throws IOException {
        fixture = EngineFixture.greeter(tmp);
    }

    private static List<String> names(GateResult result) {
        return result.scenarios().stream().map(ScenarioResult::name).toList();
    }

    private JsonNode summary(Path workDirectory) throws IOException {
        return JSON.readTree(workDirectory.resolve(SmokeEngine.SUMMARY_JSON).toFile());
    }

    /** The {@code name} of each entry of a summary's {@code scenarios}, in order. */
    private static List<String> entryNames(JsonNode summary) {
        List<String> names = new ArrayList<>();
        summary.path("scenarios").forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }

    private Path timings(String json) throws IOException {
        return Files.writeString(fixture.project().resolve("src/smoke/timings.json"), json, StandardCharsets.UTF_8);
    }

    @Test
    void run_shardWithoutDurations_runsItsHashShardAndRecordsItInBothReports() throws Exception {
        GateResult result = fixture.run(SIX, request -> request.shard(new Shard(1, 3)));

        assertThat(result.passed()).as(fixture.log().visible().toString()).isTrue();
        assertThat(names(result)).containsExactly("beta", "gamma");
        assertThat(fixture.log().at("INFO"))
                .containsSubsequence(
                        "[smoke] 6 of 6 scenario(s) selected from src/smoke/manifest.toml",
                        "[smoke] shard 1/3: 2 of 6 selected scenario(s) (by a stable hash)",
                        "Smoke: 2 passed, 0 failed, 0 skipped");
        JsonNode summary = summary(fixture.workDirectory());
        assertThat(summary.path("gate").path("shard").asText()).isEqualTo("1/3");
        JsonNode plan = summary.path("gate").path("shardPlan");
        assertThat(plan.path("scenarios").asInt()).isEqualTo(6);
        assertThat(plan.path("balance").asText()).isEqualTo("by a stable hash");
        assertThat(plan.path("digest").asText()).matches("[0-9a-f]{12}");
        assertThat(entryNames(summary)).containsExactly("beta", "gamma");
        Element suite = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(fixture.workDirectory().resolve(SmokeEngine.JUNIT_REPORT).toFile())
                .getDocumentElement();
        Element property = (Element) suite.getElementsByTagName("property").item(0);
        assertThat(property.getAttribute("name")).isEqualTo("smoke.shard");
        assertThat(property.getAttribute("value")).isEqualTo("1/3");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
    }

    @Test
    void run_shardWithTimingsFile_balancedByItsDurations() throws Exception {
        Path timings = timings("{\"alpha\": 6, \"beta\": 5, \"gamma\": 4, \"delta\": 3, \"epsilon\": 2, \"zeta\": 1}");

        // Longest first onto the least loaded: alpha 1, beta 2, gamma 3, delta 3, epsilon 2, zeta 1.
        GateResult result =
                fixture.run(SIX, request -> request.shard(new Shard(2, 3)).timings(timings));

        assertThat(names(result)).containsExactly("beta", "epsilon");
        assertThat(fixture.log().at("INFO"))
                .contains("[smoke] shard 2/3: 2 of 6 selected scenario(s) (balanced by recorded durations from"
                        + " src/smoke/timings.json)");
        assertThat(summary(fixture.workDirectory())
                        .path("gate")
                        .path("shardPlan")
                        .path("balance")
                        .asText())
                .isEqualTo("balanced by recorded durations from src/smoke/timings.json");
    }

    @Test
    void run_threeShardsOfOneTimingsFile_disjointAndTogetherEveryScenarioWithOnePlan() throws Exception {
        Path timings = timings("{\"alpha\": 0.2, \"beta\": 0.1, \"delta\": 0.4}");
        List<String> ran = new ArrayList<>();
        List<String> digests = new ArrayList<>();

        for (int index = 1; index <= 3; index++) {
            Path work = tmp.resolve("shard-" + index);
            Shard shard = new Shard(index, 3);
            GateResult result = fixture.run(
                    SIX, request -> request.shard(shard).timings(timings).workDirectory(work));
            assertThat(result.passed()).isTrue();
            ran.addAll(names(result));
            digests.add(
                    summary(work).path("gate").path("shardPlan").path("digest").asText());
        }

        assertThat(ran)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrder("alpha", "beta", "gamma", "delta", "epsilon", "zeta");
        assertThat(digests).containsOnly(digests.get(0));
        assertThat(fixture.log().at("INFO"))
                .contains("[smoke] shard 1/3: 3 of the 6 selected scenario(s) have no recorded duration; each counts"
                        + " as the median of the others, 0.2 s");
    }

    @Test
    void run_previousSummaryInTheWorkDirectory_balancedByItAndReplacedByTheShardsOwn() throws Exception {
        fixture.run(SIX);

        GateResult result = fixture.run(SIX, request -> request.shard(new Shard(1, 2)));

        assertThat(fixture.log().at("INFO"))
                .contains("[smoke] shard 1/2: " + result.scenarios().size() + " of 6 selected scenario(s) (balanced by"
                        + " recorded durations from target/smoke/smoke-summary.json)");
        assertThat(entryNames(summary(fixture.workDirectory()))).containsExactlyElementsOf(names(result));
    }

    @Test
    void run_emptyShard_passesAndSaysSo() throws Exception {
        String two = SIX.substring(0, SIX.indexOf("[[scenario]]", SIX.indexOf("\"beta\"")));

        GateResult result = fixture.run(two, request -> request.shard(new Shard(2, 3)));

        assertThat(result.scenarios()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(fixture.log().at("INFO"))
                .containsSubsequence(
                        "[smoke] shard 2/3: 0 of 2 selected scenario(s) (by a stable hash)",
                        "[smoke] shard 2/3 has no scenario to run, so it passes; the other shards run the 2 selected"
                                + " scenario(s)",
                        "Smoke: 0 passed, 0 failed, 0 skipped");
        assertThat(summary(fixture.workDirectory()).path("scenarios")).isEmpty();
    }

    @Test
    void run_timingsFileMissing_failsNamingTheSettingAndWhatToDo() throws IOException {
        Path missing = fixture.project().resolve("src/smoke/timings.json");
        Files.writeString(fixture.manifest(), SIX, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> fixture.run(fixture.request()
                        .shard(new Shard(1, 2))
                        .timings(missing)
                        .build()))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage("No timings file [-Dsmoke.timings]: src/smoke/timings.json does not exist. Commit one (a"
                        + " copy of a merged target/smoke/smoke-summary.json, or a JSON object of scenario name to"
                        + " seconds), or leave -Dsmoke.timings unset.");
    }

    @Test
    void run_timingsFileMalformed_failsSayingWhatIsWrong() throws IOException {
        Path timings = timings("{\"alpha\": \"slow\"}");
        Files.writeString(fixture.manifest(), SIX, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> fixture.run(fixture.request()
                        .shard(new Shard(1, 2))
                        .timings(timings)
                        .build()))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage("Cannot read the timings file [-Dsmoke.timings]: src/smoke/timings.json: the value of"
                        + " 'alpha' is \"slow\", not a number of seconds (0 or more); a summary needs its \"format\":"
                        + " 1. Give a smoke-summary.json (format 1) or a JSON object of scenario name to seconds, e.g."
                        + " {\"greeter-loop\": 12.5}.");
    }

    @Test
    void run_previousSummaryUnreadable_warnsAndSplitsByHash() throws Exception {
        Files.createDirectories(fixture.workDirectory());
        Files.writeString(
                fixture.workDirectory().resolve(SmokeEngine.SUMMARY_JSON), "{\"scenarios\": [", StandardCharsets.UTF_8);

        GateResult result = fixture.run(SIX, request -> request.shard(new Shard(3, 3)));

        assertThat(names(result)).containsExactly("alpha", "epsilon");
        assertThat(fixture.log().at("WARN")).anySatisfy(line -> assertThat(line)
                .startsWith("[smoke] shard: the previous summary target/smoke/smoke-summary.json cannot be read"
                        + " for durations (not JSON: ")
                .endsWith("); the shards are split by a stable hash"));
    }

    @Test
    void run_notSharded_summaryRecordsNoShard() throws Exception {
        fixture.run(SIX, request -> request.scenarioGlobs(List.of("alpha")));

        JsonNode gate = summary(fixture.workDirectory()).path("gate");
        assertThat(gate.path("shard").isNull()).isTrue();
        assertThat(gate.path("shardPlan").isNull()).isTrue();
        assertThat(fixture.log().messages()).noneMatch(line -> line.contains("shard"));
    }
}
