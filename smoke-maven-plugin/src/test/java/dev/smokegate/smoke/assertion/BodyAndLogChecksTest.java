package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code body} and {@code log} streams: the text checks read a probe's body and a service's log under those names. */
class BodyAndLogChecksTest {

    @TempDir
    Path dir;

    @Test
    void contains_onBody_readsStdoutUnderTheNameBody() throws IOException {
        TestStep step =
                new TestStep(dir).stdout("{\"greeting\":\"hello, Betty\"}\n").combined("> GET x\n");

        assertThat(new ContainsCheck(LogStream.BODY, "Betty").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        true,
                        "expected body to contain 'Betty'",
                        "found on line 1",
                        "line 1: {\"greeting\":\"hello, Betty\"}"));
    }

    @Test
    void contains_onBodyNotFound_closestLineAsEvidence() throws IOException {
        TestStep step = new TestStep(dir).stdout("{\"greeting\":\"hello, Davis\"}\n");

        assertThat(new ContainsCheck(LogStream.BODY, "\"greeting\":\"hello, Betty\"").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        false,
                        "expected body to contain '\"greeting\":\"hello, Betty\"'",
                        "not found in 1 line (28 bytes) of body",
                        "{\"greeting\":\"hello, Davis\"}"));
    }

    @Test
    void matchesAndNotContains_onBody_sayBody() throws IOException {
        TestStep step = new TestStep(dir).stdout("+PONG\r\n");

        assertThat(new MatchesCheck(LogStream.BODY, "^\\+PONG").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        true, "expected body to match '^\\+PONG'", "matched '+PONG' on line 1", "line 1: +PONG"));
        assertThat(new NotContainsCheck(LogStream.BODY, "ERR").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        true, "expected body not to contain 'ERR'", "not found in 1 line (7 bytes) of body", null));
    }

    @Test
    void contains_onLog_readsCombinedUnderTheNameLog() throws IOException {
        TestStep step = new TestStep(dir)
                .stdout("Started service on port 8080 in 412 ms\n")
                .combined("Starting service on 127.0.0.1:8080 (pid 7)\nStarted service on port 8080 in 412 ms\n");

        assertThat(new ContainsCheck(LogStream.LOG, "Graceful shutdown complete").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        false,
                        "expected log to contain 'Graceful shutdown complete'",
                        "not found in 2 lines (82 bytes) of log",
                        null));
        assertThat(new ContainsCheck(LogStream.LOG, "Starting service").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        true,
                        "expected log to contain 'Starting service'",
                        "found on line 1",
                        "line 1: Starting service on 127.0.0.1:8080 (pid 7)"));
    }

    @Test
    void contains_logMissing_namesTheLogFile() throws IOException {
        TestStep step = new TestStep(dir);

        assertThat(new ContainsCheck(LogStream.LOG, "Started")
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("log " + step.logs.combined() + " does not exist");
        assertThat(new ContainsCheck(LogStream.BODY, "UP")
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("body log " + step.logs.stdout() + " does not exist");
    }

    @Test
    void toString_namesTheStream() {
        assertThat(new ContainsCheck(LogStream.BODY, "UP")).hasToString("body contains 'UP'");
        assertThat(new NotContainsCheck(LogStream.LOG, "Exception")).hasToString("log does not contain 'Exception'");
        assertThat(new MatchesCheck(LogStream.LOG, "Started .* in")).hasToString("log matches 'Started .* in'");
    }

    @Test
    void json_onBody_readsStdoutUnderTheNameBody() throws IOException {
        TestStep step = new TestStep(dir).stdout("[{\"name\":\"Betty\"}]");
        JsonPointerCheck check = JsonPointerCheck.onBody("/0/name", JsonNodeFactory.instance.textNode("Davis"));

        assertThat(check).hasToString("body at /0/name is \"Davis\"");
        assertThat(check.evaluate(step.output()))
                .isEqualTo(new CheckResult(false, "expected body at /0/name to be \"Davis\"", "\"Betty\"", null));
    }

    @Test
    void json_onBodyMissing_namesTheBodyLog() throws IOException {
        TestStep step = new TestStep(dir);

        assertThat(JsonPointerCheck.onBody("/status", JsonNodeFactory.instance.textNode("UP"))
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("body log " + step.logs.stdout() + " does not exist");
    }
}
