package dev.smokegate.smoke.report;

import static dev.smokegate.smoke.report.ReportFixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.smoke.model.CheckRecord;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.ScenarioSource;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXIT_RULE = "runtime.exit-code (the process ran and exited with a failing code)";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final SmokeLog log = (level, message) -> {
        if (level == SmokeLog.Level.WARN) {
            warnings.add(message);
        }
    };

    private Manifest manifest() {
        return new Manifest(
                dir.resolve("m.toml"),
                Duration.ofMinutes(10),
                Map.of(),
                List.of(scenario("ok", "build"), scenario("broken", "build", "run"), scenario("live", "call")));
    }

    private Path file() {
        return dir.resolve("target/smoke/smoke-summary.json");
    }

    private ScenarioResult pass() {
        return new ScenarioResult(
                "ok",
                Status.PASS,
                Duration.ofMillis(1_200),
                List.of(new StepRecord(
                        "build",
                        1,
                        Duration.ofMillis(1_100),
                        true,
                        0,
                        List.of(new CheckRecord("exit code 0", true, "exit code 0")),
                        List.of(dir.resolve("target/smoke/ok/01-build.log")))),
                null,
                null);
    }

    private ScenarioResult fail() {
        Path stepLog = dir.resolve("target/smoke/broken/02-run.log");
        StepFailure failure = new StepFailure(
                "run",
                "./run.sh",
                3,
                "expected exit code 0",
                "exit code 3",
                stepLog,
                List.of("boom"),
                new Classification(FailureCategory.RUNTIME, EXIT_RULE, "boom"));
        return new ScenarioResult(
                "broken",
                Status.FAIL,
                Duration.ofMillis(900),
                List.of(
                        new StepRecord("build", 1, Duration.ofMillis(400), true),
                        new StepRecord(
                                "run",
                                2,
                                Duration.ofMillis(300),
                                false,
                                3,
                                List.of(new CheckRecord("exit code 0", false, "exit code 3")),
                                List.of(stepLog))),
                failure,
                null);
    }

    private ScenarioResult skip() {
        return ScenarioResult.skipped(
                "live",
                Duration.ofMillis(5),
                new Classification(
                        FailureCategory.HOST,
                        "host.requires.endpoint",
                        "https://api.example.org/health — connect timed out after 5 s"));
    }

    private SummaryJson writer(GateResult result) {
        return new SummaryJson(
                        result,
                        manifest(),
                        GateParameters.builder("src/smoke/manifest.toml").build())
                .times(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:02.5Z"))
                .sources(Map.of(
                        "ok",
                        new ScenarioSource(ScenarioSource.Kind.CHECKOUT, ".", null, "a".repeat(40)),
                        "broken",
                        new ScenarioSource(
                                ScenarioSource.Kind.CLONE, "https://repo.example.org/x.git", "v1", "b".repeat(40))))
                .evidenceLines(Map.of("broken", 7))
                .display(path -> dir.relativize(path).toString());
    }

    private static List<String> names(JsonNode root) {
        List<String> names = new ArrayList<>();
        root.path("scenarios").forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }

    @Test
    void write_passFailSkip_parsesBackToTheDocumentedSchema() throws IOException {
        writer(new GateResult(List.of(pass(), fail(), skip()), List.of())).write(file(), log);

        JsonNode root = JSON.readTree(file().toFile());
        assertThat(root.path("format").asInt()).isEqualTo(1);
        assertThat(root.path("gate").toString())
                .isEqualTo("{\"manifest\":\"src/smoke/manifest.toml\",\"tasks\":[],\"scenarios\":[],"
                        + "\"repoUrl\":null,\"ref\":null,\"offline\":false,\"threads\":1,\"failOnSkip\":true,"
                        + "\"retries\":0,\"probeTimeout\":\"5s\",\"shard\":null,\"shardPlan\":null}");
        assertThat(root.path("started").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(root.path("ended").asText()).isEqualTo("2026-12-01T10:00:02.500Z");
        assertThat(root.path("summary").toString()).isEqualTo("{\"passed\":1,\"failed\":1,\"skipped\":1}");
        JsonNode scenarios = root.path("scenarios");
        assertThat(scenarios).hasSize(3);
        assertThat(scenarios.get(0).toString())
                .isEqualTo("{\"name\":\"ok\",\"status\":\"PASS\",\"category\":null,\"rule\":null,"
                        + "\"ruleReason\":null,\"evidence\":null,\"evidenceLog\":null,\"evidenceLine\":null,"
                        + "\"skipReason\":null,\"durationMs\":1200,\"attempts\":1,"
                        + "\"source\":{\"kind\":\"checkout\",\"location\":\".\",\"ref\":null,\"commit\":\""
                        + "a".repeat(40) + "\"},"
                        + "\"steps\":[{\"name\":\"build\",\"number\":1,\"status\":\"PASS\",\"exitCode\":0,"
                        + "\"durationMs\":1100,\"logs\":[\"target/smoke/ok/01-build.log\"],"
                        + "\"checks\":[{\"check\":\"exit code 0\",\"passed\":true,\"seen\":\"exit code 0\"}]}],"
                        + "\"previousAttempts\":[],\"owners\":[],\"failure\":null}");
        JsonNode broken = scenarios.get(1);
        assertThat(broken.path("status").asText()).isEqualTo("FAIL");
        assertThat(broken.path("category").asText()).isEqualTo("runtime");
        assertThat(broken.path("rule").asText()).isEqualTo("runtime.exit-code");
        assertThat(broken.path("ruleReason").asText()).isEqualTo("the process ran and exited with a failing code");
        assertThat(broken.path("evidence").asText()).isEqualTo("boom");
        assertThat(broken.path("evidenceLog").asText()).isEqualTo("target/smoke/broken/02-run.log");
        assertThat(broken.path("evidenceLine").asInt()).isEqualTo(7);
        assertThat(broken.path("source").toString())
                .isEqualTo("{\"kind\":\"clone\",\"location\":\"https://repo.example.org/x.git\",\"ref\":\"v1\","
                        + "\"commit\":\"" + "b".repeat(40) + "\"}");
        assertThat(broken.path("steps").get(0).toString())
                .isEqualTo("{\"name\":\"build\",\"number\":1,\"status\":\"PASS\",\"exitCode\":null,"
                        + "\"durationMs\":400,\"logs\":[],\"checks\":[]}");
        assertThat(broken.path("steps").get(1).path("checks").toString())
                .isEqualTo("[{\"check\":\"exit code 0\",\"passed\":false,\"seen\":\"exit code 3\"}]");
        JsonNode live = scenarios.get(2);
        assertThat(live.path("status").asText()).isEqualTo("SKIP");
        assertThat(live.path("category").asText()).isEqualTo("host");
        assertThat(live.path("rule").asText()).isEqualTo("host.requires.endpoint");
        assertThat(live.path("ruleReason").isNull()).isTrue();
        assertThat(live.path("evidence").asText())
                .isEqualTo("https://api.example.org/health — connect timed out after 5 s");
        assertThat(live.path("skipReason").asText())
                .isEqualTo("host.requires.endpoint https://api.example.org/health — connect timed out after 5 s");
        assertThat(live.path("source").isNull()).isTrue();
        assertThat(live.path("steps")).isEmpty();
        assertThat(root.path("checkoutChanges")).isEmpty();
        assertThat(warnings).isEmpty();
        try (var files = Files.list(file().getParent())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("smoke-summary.json");
        }
    }

    @Test
    void write_failedScenarioWithOwners_failureAndOwnersForTheHtmlReport() throws IOException {
        Manifest owned = new Manifest(
                dir.resolve("m.toml"),
                Duration.ofMinutes(10),
                Map.of(),
                List.of(scenario("ok", "build"), ownedBy(scenario("broken", "build", "run"), "REL-2", "REL-3")));

        new SummaryJson(
                        new GateResult(List.of(fail()), List.of()),
                        owned,
                        GateParameters.builder("m.toml").build())
                .display(path -> dir.relativize(path).toString())
                .write(file(), log);

        JsonNode broken = JSON.readTree(file().toFile()).path("scenarios").get(0);
        assertThat(broken.path("owners").toString()).isEqualTo("[\"REL-2\",\"REL-3\"]");
        assertThat(broken.path("failure").toString())
                .isEqualTo("{\"step\":\"run\",\"command\":\"./run.sh\",\"exitCode\":3,"
                        + "\"expectation\":\"expected exit code 0\",\"seen\":\"exit code 3\","
                        + "\"log\":\"target/smoke/broken/02-run.log\",\"tail\":[\"boom\"]}");
    }

    private static Scenario ownedBy(Scenario scenario, String... owners) {
        return new Scenario(
                scenario.name(),
                scenario.description(),
                List.of(owners),
                scenario.tags(),
                scenario.source(),
                scenario.env(),
                scenario.timeout(),
                scenario.steps(),
                scenario.location());
    }

    @Test
    void write_earlierAttempts_eachHasItsFolderAndVerdict() throws IOException {
        ScenarioResult retried = pass().withEarlierAttempts(List.of(new ScenarioResult(
                "ok",
                Status.FAIL,
                Duration.ofMillis(10),
                List.of(),
                new StepFailure(
                        "prepare",
                        null,
                        null,
                        "expected a clean clone of the repository",
                        "connection reset",
                        null,
                        List.of(),
                        new Classification(
                                FailureCategory.HOST, "host.network (the network failed)", "connection reset")),
                null)));

        writer(new GateResult(List.of(retried), List.of())).write(file(), log);

        JsonNode ok = JSON.readTree(file().toFile()).path("scenarios").get(0);
        assertThat(ok.path("attempts").asInt()).isEqualTo(2);
        assertThat(ok.path("previousAttempts").toString())
                .isEqualTo("[{\"attempt\":1,\"status\":\"FAIL\",\"category\":\"host\",\"rule\":\"host.network\","
                        + "\"evidence\":\"connection reset\",\"durationMs\":10,"
                        + "\"folder\":\"target/smoke/ok/attempt-1\",\"steps\":[]}]");
    }

    @Test
    void write_selectionRun_replacesOnlyItsEntriesInManifestOrder() throws IOException {
        writer(new GateResult(List.of(pass(), fail(), skip()), List.of())).write(file(), log);
        ScenarioResult fixed = new ScenarioResult("broken", Status.PASS, Duration.ofMillis(50), List.of(), null, null);

        writer(new GateResult(List.of(fixed), List.of())).write(file(), log);

        JsonNode root = JSON.readTree(file().toFile());
        assertThat(names(root)).containsExactly("ok", "broken", "live");
        assertThat(root.path("scenarios").get(1).path("status").asText()).isEqualTo("PASS");
        assertThat(root.path("scenarios").get(1).path("durationMs").asInt()).isEqualTo(50);
        assertThat(root.path("scenarios").get(2).path("status").asText()).isEqualTo("SKIP");
        assertThat(root.path("summary").toString()).isEqualTo("{\"passed\":2,\"failed\":0,\"skipped\":1}");
    }

    @Test
    void write_earlierFileCorrupt_keepsItAsideAndWarns() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"format\": 1, \"scenarios\": [");

        writer(new GateResult(List.of(skip()), List.of())).write(file(), log);

        assertThat(Files.readString(file().resolveSibling("smoke-summary.json.corrupt")))
                .isEqualTo("{\"format\": 1, \"scenarios\": [");
        assertThat(names(JSON.readTree(file().toFile()))).containsExactly("live");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0))
                .startsWith("[smoke] the earlier summary target/smoke/smoke-summary.json cannot be read as format 1: ")
                .endsWith(". It is kept as target/smoke/smoke-summary.json.corrupt; the new summary holds only the"
                        + " scenarios of this run.");
    }

    @Test
    void write_earlierFileOfAnotherFormat_keepsItAsideAndWarns() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"format\": 2, \"scenarios\": []}");

        writer(new GateResult(List.of(skip()), List.of())).write(file(), log);

        assertThat(warnings)
                .containsExactly("[smoke] the earlier summary target/smoke/smoke-summary.json cannot be read as format"
                        + " 1: format 2, not 1. It is kept as target/smoke/smoke-summary.json.corrupt; the new summary"
                        + " holds only the scenarios of this run.");
    }
}
