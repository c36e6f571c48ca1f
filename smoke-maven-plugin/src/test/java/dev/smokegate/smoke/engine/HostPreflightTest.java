package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine's up-front host checks of {@code requires} ({@link HostPreflight}), end to end without Maven. */
@Timeout(120)
class HostPreflightTest {
    @TempDir
    Path tmp;

    private EngineFixture fixture;

    @BeforeEach
    void fixtures() throws IOException {
        fixture = EngineFixture.greeter(tmp);
    }

    /** Three scenarios: the first and last require {@code endpoint}, the middle one {@code env} API_TOKEN. */
    private static String manifest(String endpoint) {
        return """
                format = 1
                [[scenario]]
                name = "live"
                source.checkout = "${fixture.checkout}"
                requires.endpoints = ["%1$s"]
                requires.commands = ["sh"]
                  [[scenario.step]]
                  name = "touch"
                  run = "echo ran | tee ran.txt"
                  expect.stdout.contains = ["ran"]
                  expect.files.contains = { "ran.txt" = ["ran"] }
                [[scenario]]
                name = "local"
                source.checkout = "${fixture.checkout}"
                requires.env = ["API_TOKEN"]
                  [[scenario.step]]
                  name = "hello"
                  run = "echo hello"
                  expect.stdout.contains = ["hello"]
                [[scenario]]
                name = "live-again"
                source.checkout = "${fixture.checkout}"
                requires.endpoints = ["%1$s"]
                  [[scenario.step]]
                  name = "hello"
                  run = "echo hello"
                  expect.stdout.contains = ["hello"]
                """
                .formatted(endpoint);
    }

    private GateResult run(String manifest, int threads, boolean failOnSkip, Map<String, String> extraEnv)
            throws Exception {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove("API_TOKEN");
        environment.putAll(extraEnv);
        return fixture.run(
                manifest,
                request -> request.environment(environment).threads(threads).failOnSkip(failOnSkip));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void run_closedEndpoint_skipsItsScenariosBeforeTheirWorkspaceAndRunsTheRest() throws Exception {
        String endpoint = "127.0.0.1:" + closedPort();

        GateResult result = run(manifest(endpoint), 1, true, Map.of("API_TOKEN", "t"));

        assertThat(result.scenarios())
                .extracting(ScenarioResult::name, ScenarioResult::status)
                .containsExactly(
                        Tuple.tuple("live", Status.SKIP),
                        Tuple.tuple("local", Status.PASS),
                        Tuple.tuple("live-again", Status.SKIP));
        assertThat(result.scenarios().get(0).skip())
                .isEqualTo(new Classification(
                        FailureCategory.HOST, "host.requires.endpoint", endpoint + " — connection refused"));
        assertThat(result.scenarios().get(0).steps()).isEmpty();
        assertThat(fixture.project().resolve("target/smoke/live")).doesNotExist();
        assertThat(result.passed()).isFalse();
        assertThat(fixture.log().at("WARN"))
                .containsExactly(
                        "[smoke] host check FAIL endpoint " + endpoint + " — connection refused",
                        "[smoke] SKIP live: host.requires.endpoint " + endpoint + " — connection refused",
                        "[smoke] SKIP live-again: host.requires.endpoint " + endpoint + " — connection refused");
        assertThat(fixture.log().visible())
                .containsSubsequence(
                        "[smoke] host check FAIL endpoint " + endpoint + " — connection refused",
                        "[smoke] SKIP live: host.requires.endpoint " + endpoint + " — connection refused",
                        "[smoke] SKIP live-again: host.requires.endpoint " + endpoint + " — connection refused",
                        "[smoke] local › hello (1/1): echo hello",
                        "[smoke] PASS local ("
                                + Durations.elapsed(result.scenarios().get(1).elapsed()) + ")",
                        "Smoke: 1 passed, 0 failed, 2 skipped");
        assertThat(fixture.log().at("DEBUG"))
                .anyMatch(line -> line.matches("\\[smoke\\] host check PASS command sh — /.*/sh"));
    }

    @Test
    void run_unsetEnv_skipsAndFailOnSkipFalseLetsTheGatePass() throws Exception {
        try (ServerSocket open = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            GateResult result = run(manifest("127.0.0.1:" + open.getLocalPort()), 1, false, Map.of());

            assertThat(result.scenarios())
                    .extracting(ScenarioResult::status)
                    .containsExactly(Status.PASS, Status.SKIP, Status.PASS);
            assertThat(result.scenarios().get(1).skip())
                    .isEqualTo(new Classification(FailureCategory.HOST, "host.requires.env", "API_TOKEN — not set"));
            assertThat(result.passed()).isTrue();
            assertThat(fixture.project().resolve("target/smoke/live/workspace/ran.txt"))
                    .exists();
            assertThat(fixture.log().at("WARN"))
                    .containsExactly(
                            "[smoke] host check FAIL env API_TOKEN — not set",
                            "[smoke] SKIP local: host.requires.env API_TOKEN — not set",
                            "Smoke: 2 passed, 0 failed, 1 skipped");
        }
    }

    @Test
    void run_severalThreads_resultsStayInManifestOrder() throws Exception {
        try (ServerSocket open = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String reachable = manifest("127.0.0.1:" + open.getLocalPort()).replace("API_TOKEN", "MISSING_TOKEN");
            String closed = manifest("127.0.0.1:" + closedPort())
                    .replace("format = 1\n", "")
                    .replace("name = \"", "name = \"z-")
                    .replace("name = \"z-touch", "name = \"touch")
                    .replace("name = \"z-hello", "name = \"hello");

            GateResult result = run(reachable + closed, 3, true, Map.of("API_TOKEN", "t"));

            assertThat(result.scenarios())
                    .extracting(ScenarioResult::name, ScenarioResult::status)
                    .containsExactly(
                            Tuple.tuple("live", Status.PASS),
                            Tuple.tuple("local", Status.SKIP),
                            Tuple.tuple("live-again", Status.PASS),
                            Tuple.tuple("z-live", Status.SKIP),
                            Tuple.tuple("z-local", Status.PASS),
                            Tuple.tuple("z-live-again", Status.SKIP));
        }
    }

    @Test
    void run_noRequiresOnAHealthyHost_printsNoHostCheckAboveDebug() throws Exception {
        run(
                """
                format = 1
                [[scenario]]
                name = "plain"
                source.checkout = "${fixture.checkout}"
                  [[scenario.step]]
                  name = "hello"
                  run = "echo hello"
                  expect.stdout.contains = ["hello"]
                """,
                1,
                true,
                Map.of());

        assertThat(fixture.log().visible()).noneMatch(line -> line.contains("host check"));
        assertThat(fixture.log().at("DEBUG"))
                .anyMatch(line -> line.startsWith("[smoke] host check PASS work directory target/smoke — "));
    }

    @Test
    void run_cloneOfAMissingRepository_reportedOnceUpFrontAsHostBeforeTheScenarioRuns() throws Exception {
        Path missing = tmp.resolve("no-such-repo.git");

        GateResult result = run(
                """
                format = 1
                [[scenario]]
                name = "gone"
                source.repo-url = "%s"
                  [[scenario.step]]
                  name = "hello"
                  run = "echo hello"
                  expect.stdout.contains = ["hello"]
                """
                        .formatted(missing.toUri()),
                1,
                true,
                Map.of());

        List<String> visible = fixture.log().visible();
        int hostCheck = indexOf(visible, "[smoke] host check FAIL repository " + missing.toUri());
        int failLine = indexOf(visible, "[smoke] FAIL gone");
        assertThat(hostCheck).isNotNegative().isLessThan(failLine);
        assertThat(fixture.log().at("WARN"))
                .filteredOn(line -> line.startsWith("[smoke] host check FAIL"))
                .hasSize(1);
        assertThat(result.scenarios().get(0).failure().classification().category())
                .isEqualTo(FailureCategory.HOST);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
