package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static dev.smokegate.it.GateOutput.passLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.fixtures.FixtureRepos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code needs} and {@code smoke:list} as a user meets them: a real forked {@code mvn} on the sample
 * project {@code needs}, whose {@code use-token} needs {@code make-token}, which fails. The greeter
 * fixture repository is made inside each copy of the project, as {@code greeter}.
 */
class NeedsIT {
    private static Path project(String test) throws Exception {
        Path project = ForkedMaven.project("needs", test);
        FixtureRepos.greeter(project.resolve("greeter"));
        return project;
    }

    @Test
    void verify_neededScenarioFails_dependentSkippedWithTheReasonAndCounted() throws Exception {
        Path project = project("needs-failed");

        ForkedMaven.Result result = ForkedMaven.mvn(project, "verify", "-Dfixture.checkout=greeter");

        assertExit(result, 1);
        assertThat(result.lines())
                .contains("[WARNING] [smoke] SKIP use-token: runtime.dependency needs make-token, which failed")
                .contains("[ERROR] Smoke gate failed: 1 of 3 scenarios (runtime 1), 1 skipped (runtime 1)")
                .noneMatch(line -> line.contains("use-token › use"))
                .anyMatch(line -> line.contains("Skipped, which fails the gate: use-token (runtime.dependency needs"
                        + " make-token, which failed). Fix the scenarios they need (their FAIL lines above) or give"
                        + " this host what they require, or set -Dsmoke.failOnSkip=false to let a local run"
                        + " through."));
        assertThat(result.smokeLines()).anySatisfy(passLine("other"));
        assertThat(result.summary()).isEqualTo("Smoke: 1 passed, 1 failed, 1 skipped");
        JsonNode entry = Verdicts.summaryEntry(project, "use-token");
        assertThat(entry.path("status").asText()).isEqualTo("SKIP");
        assertThat(entry.path("category").asText()).isEqualTo("runtime");
        assertThat(entry.path("rule").asText()).isEqualTo("runtime.dependency");
        assertThat(entry.path("evidence").asText()).isEqualTo("needs make-token, which failed");
        Verdicts.assertFailed(result, project, "make-token", "runtime", "runtime.exit-code");
    }

    @Test
    void list_task_itsScenarioAndWhatItNeedsWithTheLastDuration() throws Exception {
        Path project = project("needs-list-text");
        Path summary = Files.createDirectories(project.resolve("target/smoke")).resolve("smoke-summary.json");
        Files.writeString(
                summary,
                "{ \"format\": 1, \"scenarios\": [ { \"name\": \"use-token\", \"status\": \"SKIP\", \"durationMs\": 0 },"
                        + " { \"name\": \"make-token\", \"status\": \"FAIL\", \"durationMs\": 1234 } ] }",
                StandardCharsets.UTF_8);

        ForkedMaven.Result result =
                ForkedMaven.mvn(project, "smoke:list", "-Dfixture.checkout=greeter", "-Dsmoke.task=T-1");

        assertExit(result, 0);
        assertThat(result.lines())
                .containsSubsequence(
                        "[INFO] [smoke] also selected make-token: needed by use-token",
                        "[INFO] [smoke] list: 2 of 3 scenario(s) from src/smoke/manifest.toml",
                        "[INFO] scenario    owners  tags   source            steps  needs       last duration",
                        "[INFO] use-token   T-1     token  checkout greeter  1      make-token  -",
                        "[INFO] make-token  -       -      checkout greeter  1      -           1.2 s",
                        "[INFO] BUILD SUCCESS");
        assertThat(project.resolve("target/smoke/make-token")).doesNotExist();
    }

    @Test
    void list_jsonQuiet_onlyTheJsonDocumentOnTheOutputAndNothingRun() throws Exception {
        Path project = project("needs-list-json");

        ForkedMaven.Result result =
                ForkedMaven.mvn(project, "-q", "smoke:list", "-Dfixture.checkout=greeter", "-Dsmoke.list.format=json");

        assertExit(result, 0);
        JsonNode json = new ObjectMapper().readTree(String.join("\n", result.lines()));
        assertThat(json.path("format").asInt()).isEqualTo(1);
        assertThat(json.path("manifest").asText()).isEqualTo("src/smoke/manifest.toml");
        assertThat(json.path("scenarios").findValuesAsText("name")).containsExactly("use-token", "make-token", "other");
        JsonNode useToken = json.path("scenarios").path(0);
        assertThat(useToken.path("owners").toString()).isEqualTo("[\"T-1\"]");
        assertThat(useToken.path("needs").toString()).isEqualTo("[\"make-token\"]");
        assertThat(useToken.path("source").toString())
                .isEqualTo("{\"kind\":\"checkout\",\"location\":\"greeter\",\"ref\":null}");
        assertThat(useToken.path("steps").asInt()).isEqualTo(1);
        assertThat(useToken.path("lastDurationMs").isNull()).isTrue();
        assertThat(project.resolve("target")).doesNotExist();
    }
}
