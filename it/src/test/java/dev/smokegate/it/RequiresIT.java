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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code requires} as a user meets it: a real forked {@code mvn} on the sample project {@code
 * requires}, one scenario selected per test. A scenario the host cannot run is skipped before its
 * workspace is prepared, classified host with its rule, and the skip is checked three times: on the
 * console, in the JUnit XML and in the JSON summary.
 */
class RequiresIT {
    private static Path checkout;
    private static Path bin;

    @BeforeAll
    static void fixtures() throws Exception {
        Path scratch = ForkedMaven.scratch("requires");
        checkout = FixtureRepos.greeter(scratch.resolve("greeter"));
        bin = Files.createDirectories(scratch.resolve("bin"));
        Path tool = bin.resolve("smoke-it-tool");
        Files.writeString(tool, "#!/bin/sh\necho 'smoke-it-tool version 1.4.2'\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs {@code mvn -B verify} on a fresh copy of the project with the fixture and {@code extra}. */
    private static ForkedMaven.Result verify(String test, Map<String, String> environment, String... extra)
            throws Exception {
        Path project = ForkedMaven.project("requires", test);
        List<String> args = new ArrayList<>(List.of("verify", "-Dfixture.checkout=" + checkout));
        args.addAll(List.of(extra));
        return ForkedMaven.mvn(project, environment, args.toArray(String[]::new));
    }

    private static Path project(ForkedMaven.Result result) {
        return result.log().getParent();
    }

    /** The {@code message} of the {@code <skipped>} element of scenario {@code name}'s test cases in TEST-smoke.xml. */
    private static List<String> junitSkips(ForkedMaven.Result result, String name) throws Exception {
        Path xml = project(result).resolve("target/smoke/TEST-smoke.xml");
        NodeList cases = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(xml.toFile())
                .getElementsByTagName("testcase");
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            NodeList skipped = testCase.getElementsByTagName("skipped");
            if (testCase.getAttribute("classname").endsWith(name) && skipped.getLength() > 0) {
                messages.add(((Element) skipped.item(0)).getAttribute("message"));
            }
        }
        return messages;
    }

    /** Scenario {@code name}'s entry in target/smoke/smoke-summary.json. */
    private static JsonNode json(ForkedMaven.Result result, String name) throws Exception {
        JsonNode summary = new ObjectMapper()
                .readTree(project(result)
                        .resolve("target/smoke/smoke-summary.json")
                        .toFile());
        for (JsonNode scenario : summary.get("scenarios")) {
            if (scenario.get("name").asText().equals(name)) {
                return scenario;
            }
        }
        throw new AssertionError("no scenario " + name + " in the JSON summary: " + summary);
    }

    /** Asserts the skip of {@code name} with {@code rule} and {@code evidence} on the console, in the XML and in the JSON. */
    private static void assertSkipped(ForkedMaven.Result result, String name, String rule, String evidence)
            throws Exception {
        assertThat(result.smokeLines()).contains("[smoke] SKIP " + name + ": " + rule + " " + evidence);
        assertThat(project(result).resolve("target/smoke/" + name))
                .as("no workspace")
                .doesNotExist();
        assertThat(junitSkips(result, name)).containsExactly(rule + ": " + evidence);
        JsonNode json = json(result, name);
        assertThat(json.get("status").asText()).isEqualTo("SKIP");
        assertThat(json.get("category").asText()).isEqualTo("host");
        assertThat(json.get("rule").asText()).isEqualTo(rule);
        assertThat(json.get("evidence").asText()).isEqualTo(evidence);
        assertThat(json.get("skipReason").asText()).isEqualTo(rule + " " + evidence);
        assertThat(json.get("steps")).isEmpty();
    }

    @Test
    void verify_closedEndpoint_skipsTheScenarioAndFailsTheBuild() throws Exception {
        ForkedMaven.Result result = verify("requires-endpoint", Map.of(), "-Dsmoke.scenario=chat-live,plain");

        assertExit(result, 1);
        assertSkipped(result, "chat-live", "host.requires.endpoint", "127.0.0.1:1 — connection refused");
        assertThat(result.smokeLines())
                .containsSubsequence(
                        "[smoke] host check FAIL endpoint 127.0.0.1:1 — connection refused",
                        "[smoke] SKIP chat-live: host.requires.endpoint 127.0.0.1:1 — connection refused")
                .anySatisfy(passLine("plain"));
        assertThat(result.summary()).startsWith("Smoke: 1 passed, 0 failed, 1 skipped");
        assertThat(result.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("[ERROR] Failed to execute goal dev.smokegate:smoke-maven-plugin")
                .contains("Smoke gate failed: 0 of 2 scenarios, 1 skipped (host 1)")
                .contains("Skipped, which fails the gate: chat-live (host.requires.endpoint 127.0.0.1:1 —"
                        + " connection refused). Give this host what they require, or set"
                        + " -Dsmoke.failOnSkip=false to let a local run through."));
    }

    @Test
    void verify_closedEndpointWithFailOnSkipFalse_passesWithAWarningPerSkip() throws Exception {
        ForkedMaven.Result result = verify(
                "requires-endpoint-allowed",
                Map.of(),
                "-Dsmoke.scenario=chat-live,needs-token,plain",
                "-Dsmoke.failOnSkip=false");

        assertExit(result, 0);
        assertSkipped(result, "chat-live", "host.requires.endpoint", "127.0.0.1:1 — connection refused");
        assertThat(result.lines())
                .contains(
                        "[WARNING] Smoke scenario chat-live was skipped, not passed: host.requires.endpoint"
                                + " 127.0.0.1:1 — connection refused. The build goes on because"
                                + " -Dsmoke.failOnSkip=false.",
                        "[WARNING] Smoke scenario needs-token was skipped, not passed: host.requires.env"
                                + " SMOKE_IT_UNSET_TOKEN — not set. The build goes on because -Dsmoke.failOnSkip=false.")
                .contains("[INFO] BUILD SUCCESS");
        assertThat(result.summary()).isEqualTo("Smoke: 1 passed, 0 failed, 2 skipped");
        assertThat(json(result, "plain").get("status").asText()).isEqualTo("PASS");
    }

    @Test
    void verify_missingCommand_skipsClassifiedHost() throws Exception {
        ForkedMaven.Result result = verify("requires-command", Map.of(), "-Dsmoke.scenario=needs-missing-command");

        assertExit(result, 1);
        assertSkipped(
                result,
                "needs-missing-command",
                "host.requires.command",
                "smoke-it-no-such-command — not found on PATH");
        assertThat(result.smokeLines())
                .contains("[smoke] host check FAIL command smoke-it-no-such-command — not found on PATH");
    }

    @Test
    void verify_commandOlderThanRequired_skipsWithBothVersions() throws Exception {
        ForkedMaven.Result result = verify(
                "requires-version",
                Map.of("PATH", bin + ":" + System.getenv("PATH")),
                "-Dsmoke.scenario=needs-new-tool");

        assertExit(result, 1);
        assertSkipped(
                result,
                "needs-new-tool",
                "host.requires.command",
                "smoke-it-tool>=2.0 — " + bin.resolve("smoke-it-tool") + " is version 1.4.2, older than 2.0");
    }

    @Test
    void verify_unsetEnvironmentVariable_skips() throws Exception {
        ForkedMaven.Result result = verify("requires-env", Map.of(), "-Dsmoke.scenario=needs-token");

        assertExit(result, 1);
        assertSkipped(result, "needs-token", "host.requires.env", "SMOKE_IT_UNSET_TOKEN — not set");
    }
}
