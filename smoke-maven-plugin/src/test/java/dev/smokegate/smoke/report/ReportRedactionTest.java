package dev.smokegate.smoke.report;

import static dev.smokegate.smoke.report.ReportFixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Redaction;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.ScenarioSource;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The JUnit XML and JSON summary redact each string before they escape it: a secret with {@code <},
 * {@code &} and {@code "} is found neither raw nor escaped, and the files still parse.
 */
class ReportRedactionTest {
    private static final String SECRET = "p<a&ss\"w0rd";

    @TempDir
    Path dir;

    private final Redaction redaction = Redaction.of(List.of(SECRET));

    private GateResult result() {
        StepFailure failure = new StepFailure(
                "call",
                "curl -H 'Authorization: Bearer " + SECRET + "' https://ci:" + SECRET + "@api.example.org/x",
                22,
                "expected stdout to contain \"ok\"",
                "token=" + SECRET,
                dir.resolve("chat/01-call.log"),
                List.of("token=" + SECRET, "Authorization: Basic Y2k6cHc="),
                new Classification(FailureCategory.RUNTIME, "runtime.exit-code", "token=" + SECRET));
        return new GateResult(
                List.of(new ScenarioResult(
                        "chat",
                        Status.FAIL,
                        Duration.ofMillis(10),
                        List.of(new StepRecord("call", 1, Duration.ofMillis(5), false)),
                        failure,
                        null)),
                List.of());
    }

    private static Manifest manifest() {
        return new Manifest(Path.of("m.toml"), Duration.ofMinutes(1), Map.of(), List.of(scenario("chat", "call")));
    }

    @Test
    void junitWrite_secretWithXmlSpecialCharacters_neitherRawNorEscapedAndStillParses() throws Exception {
        Path file = dir.resolve("TEST-smoke.xml");

        JUnitReport.write(result(), manifest(), file, redaction);

        String xml = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(xml)
                .doesNotContain("w0rd")
                .doesNotContain("Y2k6cHc=")
                .contains("token=***")
                .contains("command: curl -H 'Authorization: ***' https://ci:***@api.example.org/x")
                .contains("| Authorization: ***");
        Element failure = (Element) DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(file.toFile())
                .getElementsByTagName("failure")
                .item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("runtime.exit-code: expected stdout to contain \"ok\"; seen: token=***");
    }

    @Test
    void summaryJsonWrite_secretWithJsonSpecialCharacters_neitherRawNorEscaped() throws Exception {
        Path file = dir.resolve("smoke-summary.json");

        new SummaryJson(result(), manifest(), GateParameters.builder("m.toml").build())
                .times(Instant.EPOCH, Instant.EPOCH)
                .sources(Map.of(
                        "chat",
                        new ScenarioSource(
                                ScenarioSource.Kind.CLONE,
                                "https://ci:" + SECRET + "@repo.example.org/x.git",
                                null,
                                null)))
                .redaction(redaction)
                .write(file, SmokeLog.silent());

        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("w0rd");
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.at("/scenarios/0/evidence").asText()).isEqualTo("token=***");
        assertThat(root.at("/scenarios/0/source/location").asText()).isEqualTo("https://ci:***@repo.example.org/x.git");
    }
}
