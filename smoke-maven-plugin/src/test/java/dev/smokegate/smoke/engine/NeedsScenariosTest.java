package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code needs} through the engine, with real processes: the dependent runs after its need and
 * reads its export, is skipped (loudly, in every report) when the need fails, and a selection takes
 * what it needs along.
 */
@Timeout(120)
class NeedsScenariosTest {
    /**
     * {@code use-token} comes first but needs {@code make-token}, which writes its token to its export
     * folder with the command {@code MAKE}.
     */
    private static final String MANIFEST =
            """
            format = 1
            [[scenario]]
            name = "use-token"
            needs = ["make-token"]
            source.checkout = "${fixture.checkout}"
              [[scenario.step]]
              name = "use"
              run = "cat '${smoke.export.make-token}/token.txt'"
              expect.stdout.contains = ["token-42"]

            [[scenario]]
            name = "make-token"
            source.checkout = "${fixture.checkout}"
              [[scenario.step]]
              name = "make"
              run = "MAKE"
              expect.stdout.contains = ["made"]

            [[scenario]]
            name = "other"
            source.checkout = "${fixture.checkout}"
              [[scenario.step]]
              name = "hello"
              run = "echo hello"
              expect.stdout.contains = ["hello"]
            """;

    private static final String MAKE =
            "mkdir -p '${smoke.export}' && echo token-42 > '${smoke.export}/token.txt' && echo made";

    @TempDir
    Path tmp;

    private EngineFixture fixture;

    @BeforeEach
    void fixtures() throws IOException {
        fixture = EngineFixture.greeter(tmp);
    }

    private static List<String> statuses(GateResult result) {
        return result.scenarios().stream()
                .map(scenario -> scenario.name() + " " + scenario.status())
                .toList();
    }

    @Test
    void run_dependentFirstInTheManifest_runsAfterItsNeedAndReadsItsExport() throws Exception {
        GateResult result = fixture.run(MANIFEST.replace("MAKE", MAKE));

        assertThat(statuses(result)).containsExactly("use-token PASS", "make-token PASS", "other PASS");
        List<String> lines = fixture.log().messages();
        assertThat(lines)
                .containsSubsequence(
                        "[smoke] make-token › make (1/1): " + "mkdir -p '"
                                + fixture.workDirectory().resolve("make-token/export") + "' && echo token-42 > '"
                                + fixture.workDirectory().resolve("make-token/export") + "/token.txt' && echo made",
                        "[smoke] use-token › use (1/1): cat '"
                                + fixture.workDirectory().resolve("make-token/export") + "/token.txt'");
        assertThat(lines.stream()
                        .filter(line -> line.matches("\\[smoke] PASS .*"))
                        .map(line -> line.split(" ")[2]))
                .containsExactly("use-token", "make-token", "other");
    }

    @Test
    void run_needFails_dependentSkippedWithTheReasonInConsoleSummaryAndJson() throws Exception {
        GateResult result = fixture.run(MANIFEST.replace("MAKE", "echo broken; exit 3"));

        assertThat(statuses(result)).containsExactly("use-token SKIP", "make-token FAIL", "other PASS");
        assertThat(result.passed()).isFalse();
        assertThat(fixture.log().lines())
                .contains("WARN [smoke] SKIP use-token: runtime.dependency needs make-token, which failed")
                .noneMatch(line -> line.contains("use-token › use"))
                .endsWith(
                        "ERROR Smoke: 1 passed, 1 failed, 1 skipped",
                        "ERROR Smoke gate failed: 1 of 3 scenarios (runtime 1), 1 skipped (runtime 1)",
                        "ERROR   SKIP use-token: runtime.dependency",
                        "ERROR   FAIL make-token › make: runtime.exit-code");
        JsonNode entry = new ObjectMapper()
                .readTree(fixture.workDirectory().resolve("smoke-summary.json").toFile())
                .path("scenarios")
                .path(0);
        assertThat(entry.path("name").asText()).isEqualTo("use-token");
        assertThat(entry.path("status").asText()).isEqualTo("SKIP");
        assertThat(entry.path("category").asText()).isEqualTo("runtime");
        assertThat(entry.path("rule").asText()).isEqualTo("runtime.dependency");
        assertThat(entry.path("evidence").asText()).isEqualTo("needs make-token, which failed");
        assertThat(fixture.workDirectory().resolve("TEST-smoke.xml"))
                .content()
                .contains("<skipped message=\"runtime.dependency: needs make-token, which failed\"");
    }

    @Test
    void run_selectedByName_itsNeedAlsoSelectedAndLogged() throws Exception {
        GateResult result =
                fixture.run(MANIFEST.replace("MAKE", MAKE), request -> request.scenarioGlobs(List.of("use-*")));

        assertThat(statuses(result)).containsExactly("use-token PASS", "make-token PASS");
        assertThat(fixture.log().messages())
                .containsSubsequence(
                        "[smoke] also selected make-token: needed by use-token",
                        "[smoke] 2 of 3 scenario(s) selected from src/smoke/manifest.toml");
    }

    @Test
    void run_fourThreads_dependentStillWaitsForItsNeed() throws Exception {
        GateResult result = fixture.run(MANIFEST.replace("MAKE", "sleep 1; " + MAKE), request -> request.threads(4));

        assertThat(result.scenarios()).extracting(ScenarioResult::status).containsOnly(Status.PASS);
    }

    @Test
    void run_checkoutPathNamesANeedsExport_notFingerprintedWithAWarningAndTheGateRuns() throws Exception {
        String manifest = MANIFEST.replace("MAKE", MAKE)
                + """

                [[scenario]]
                name = "from-export"
                needs = ["make-token"]
                source.checkout = "${smoke.export.make-token}"
                  [[scenario.step]]
                  name = "list"
                  run = "ls"
                  expect.stdout.contains = ["token.txt"]
                """;

        GateResult result = fixture.run(manifest);

        assertThat(fixture.log().lines())
                .contains("WARN [smoke] the checkout of from-export (${smoke.export.make-token}) is not fingerprinted:"
                        + " its path names a value known only while the scenario runs (unknown placeholder"
                        + " ${smoke.export.make-token}), so the gate cannot check afterwards that it was left"
                        + " unchanged. Name a fixed folder in source.checkout to have it checked.");
        assertThat(statuses(result)).startsWith("use-token PASS", "make-token PASS", "other PASS");
        assertThat(result.scenarios()).hasSize(4);
    }
}
