package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.GoldenFile;
import dev.smokegate.smoke.model.HttpCall;
import dev.smokegate.smoke.model.Readiness;
import dev.smokegate.smoke.model.Service;
import dev.smokegate.smoke.model.StreamExpectation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecksTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Action RUN = new Action.Run("mvn -B verify", null);
    private static final Action PATCH = new Action.Patch("fix.diff");
    private static final Action EXPORT = new Action.Export(null, List.of("target/*.jar"));
    private static final Action HTTP = new Action.Http(
            new HttpCall("GET", "http://127.0.0.1:8080/healthz", null, null, Map.of(), HttpCall.DEFAULT_TIMEOUT));
    private static final Action TCP = new Action.Tcp("127.0.0.1:6379", "PING\r\n", Action.Tcp.DEFAULT_TIMEOUT);
    private static final Action SERVE = new Action.Serve(new Service(
            "app",
            "java -jar app.jar",
            null,
            new Readiness(new Readiness.Tcp("127.0.0.1:8080"), Readiness.DEFAULT_TIMEOUT, Readiness.DEFAULT_INTERVAL),
            Duration.ofSeconds(10)));
    private static final Action STOP = new Action.Stop("app");

    /** Every kind of expectation, so that each action shows which it reads. */
    private static final Expectations EVERYTHING = Expectations.builder()
            .exit(143)
            .stdout(new StreamExpectation(List.of("out"), List.of(), List.of()))
            .stderr(new StreamExpectation(List.of("err"), List.of(), List.of()))
            .output(new StreamExpectation(List.of("both"), List.of(), List.of()))
            .filesExist(List.of("target/*.jar"))
            .filesAbsent(List.of("*.orig"))
            .filesContain(Map.of("a.txt", List.of("z")))
            .json(Map.of("/status", JSON.textNode("UP")))
            .filesJson(Map.of("h.json", Map.of("/ok", JSON.booleanNode(true))))
            .status(201)
            .headersContain(Map.of("X-Trace", "abc", "Content-Type", "json"))
            .body(new StreamExpectation(List.of("UP"), List.of("\\d+ ms"), List.of("ERROR")))
            .log(new StreamExpectation(List.of("Started"), List.of(), List.of("Exception")))
            .noLeftoverProcesses(true)
            .build();

    @Test
    void of_everyKind_inStableOrder() {
        Expectations expect = Expectations.builder()
                .exit(2)
                .stdout(new StreamExpectation(List.of("BUILD SUCCESS"), List.of("Tests run: \\d+"), List.of("[ERROR]")))
                .stderr(new StreamExpectation(List.of(), List.of(), List.of("WARNING")))
                .output(new StreamExpectation(List.of("done"), List.of(), List.of()))
                .filesExist(List.of("target/*.jar"))
                .filesAbsent(List.of("**/*.orig"))
                .filesContain(Map.of("b.txt", List.of("x", "y"), "a.txt", List.of("z")))
                .json(Map.of("/status", JSON.textNode("UP"), "/count", JSON.numberNode(3)))
                .filesJson(Map.of("h.json", Map.of("/ok", JSON.booleanNode(true))))
                .build();

        List<String> checks =
                Checks.of(expect, RUN).stream().map(Check::toString).toList();

        assertThat(checks)
                .containsExactly(
                        "exit code is 2",
                        "stdout contains 'BUILD SUCCESS'",
                        "stdout matches 'Tests run: \\d+'",
                        "stdout does not contain '[ERROR]'",
                        "stderr does not contain 'WARNING'",
                        "output contains 'done'",
                        "a file matches 'target/*.jar'",
                        "no file matches '**/*.orig'",
                        "file a.txt contains 'z'",
                        "file b.txt contains 'x'",
                        "file b.txt contains 'y'",
                        "stdout at /count is 3",
                        "stdout at /status is \"UP\"",
                        "file h.json at /ok is true");
    }

    @Test
    void of_stepWithoutExitCode_skipsExitCheck() {
        assertThat(Checks.of(Expectations.DEFAULT, PATCH)).isEmpty();
        assertThat(Checks.of(Expectations.DEFAULT, EXPORT)).isEmpty();
    }

    @Test
    void of_defaults_onlyExitCodeZero() {
        assertThat(Checks.of(Expectations.DEFAULT, RUN)).singleElement().hasToString("exit code is 0");
    }

    @Test
    void of_runWithEverything_leftoversLast() {
        assertThat(names(EVERYTHING, RUN))
                .containsExactly(
                        "exit code is 143",
                        "stdout contains 'out'",
                        "stderr contains 'err'",
                        "output contains 'both'",
                        "a file matches 'target/*.jar'",
                        "no file matches '*.orig'",
                        "file a.txt contains 'z'",
                        "stdout at /status is \"UP\"",
                        "file h.json at /ok is true",
                        "no leftover processes");
    }

    @Test
    void of_patchWithEverything_outputChecksOnly() {
        assertThat(names(EVERYTHING, PATCH))
                .containsExactly(
                        "stdout contains 'out'",
                        "stderr contains 'err'",
                        "output contains 'both'",
                        "a file matches 'target/*.jar'",
                        "no file matches '*.orig'",
                        "file a.txt contains 'z'",
                        "stdout at /status is \"UP\"",
                        "file h.json at /ok is true");
    }

    @Test
    void of_httpWithEverything_statusHeadersBodyJsonFiles() {
        assertThat(names(EVERYTHING, HTTP))
                .containsExactly(
                        "HTTP status is 201",
                        "header Content-Type contains 'json'",
                        "header X-Trace contains 'abc'",
                        "body contains 'UP'",
                        "body matches '\\d+ ms'",
                        "body does not contain 'ERROR'",
                        "body at /status is \"UP\"",
                        "a file matches 'target/*.jar'",
                        "no file matches '*.orig'",
                        "file a.txt contains 'z'",
                        "file h.json at /ok is true");
    }

    @Test
    void of_httpDefaults_anySuccessOrRedirect() {
        assertThat(Checks.of(Expectations.DEFAULT, HTTP)).singleElement().hasToString("HTTP status is 200-399");
    }

    @Test
    void of_tcpWithEverything_bodyJsonFiles() {
        assertThat(names(EVERYTHING, TCP))
                .containsExactly(
                        "body contains 'UP'",
                        "body matches '\\d+ ms'",
                        "body does not contain 'ERROR'",
                        "body at /status is \"UP\"",
                        "a file matches 'target/*.jar'",
                        "no file matches '*.orig'",
                        "file a.txt contains 'z'",
                        "file h.json at /ok is true");
    }

    @Test
    void of_serveWithEverything_logThenFiles() {
        assertThat(names(EVERYTHING, SERVE))
                .containsExactly(
                        "log contains 'Started'",
                        "log does not contain 'Exception'",
                        "a file matches 'target/*.jar'",
                        "no file matches '*.orig'",
                        "file a.txt contains 'z'",
                        "file h.json at /ok is true");
    }

    @Test
    void of_stopWithEverything_exitLogFilesLeftovers() {
        assertThat(names(EVERYTHING, STOP))
                .containsExactly(
                        "exit code is 143",
                        "log contains 'Started'",
                        "log does not contain 'Exception'",
                        "a file matches 'target/*.jar'",
                        "no file matches '*.orig'",
                        "file a.txt contains 'z'",
                        "file h.json at /ok is true",
                        "no leftover processes");
    }

    @Test
    void of_stopWithoutExpectedExit_noExitCheck() {
        // a service ended by SIGKILL after ignoring SIGTERM is not a failure by itself
        assertThat(Checks.of(Expectations.DEFAULT, STOP)).isEmpty();
    }

    @Test
    void of_goldenFiles_lastOfTheirStreamAndAfterFilesContain() {
        GoldenFile greet = new GoldenFile(Path.of("/p/src/smoke/expected/greet.txt"), "src/smoke/expected/greet.txt");
        GoldenFile report =
                new GoldenFile(Path.of("/p/src/smoke/expected/report.txt"), "src/smoke/expected/report.txt");
        Expectations expect = Expectations.builder()
                .stdout(new StreamExpectation(List.of("Hello"), List.of(), List.of(), greet))
                .stderr(new StreamExpectation(List.of(), List.of(), List.of(), report))
                .filesContain(Map.of("report.txt", List.of("total")))
                .filesEqual(Map.of("report.txt", report))
                .build();

        assertThat(expect.hasPositive()).isTrue();
        assertThat(names(expect, RUN))
                .containsExactly(
                        "exit code is 0",
                        "stdout contains 'Hello'",
                        "stdout equals golden file src/smoke/expected/greet.txt",
                        "stderr equals golden file src/smoke/expected/report.txt",
                        "file report.txt contains 'total'",
                        "file report.txt equals golden file src/smoke/expected/report.txt");
    }

    private static List<String> names(Expectations expect, Action action) {
        return Checks.of(expect, action).stream().map(Check::toString).toList();
    }
}
