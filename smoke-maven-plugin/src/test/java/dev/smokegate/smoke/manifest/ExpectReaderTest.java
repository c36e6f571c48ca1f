package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code expect} table of a step ({@link ExpectReader}), read through {@link ManifestLoader}:
 * which checks apply to which kind of step, and the values of the checks that services and probes
 * added.
 */
class ExpectReaderTest extends ManifestTestSupport {
    /** Line 8 after {@link #HEAD}: an http step. */
    private static final String GET = "  http.get = \"http://127.0.0.1:${port.http}/\"\n";

    /** Line 8 after {@link #HEAD}: a tcp step. */
    private static final String TCP = "  tcp.connect = \"127.0.0.1:${port.db}\"\n";

    /** Lines 8 to 11 after {@link #HEAD}: a valid service step with a log check. */
    private static final String SERVE = ServiceReaderTest.SERVE;

    /** Lines 12 to 14 after {@link #SERVE}: a step that stops the service. */
    private static final String STOP = "  [[scenario.step]]\n  name = \"halt\"\n  stop = \"app\"\n";

    @Test
    void load_httpChecksOnRunStep_areRejectedWithWhatToUse() throws Exception {
        assertThat(problems(HEAD + ECHO + "  expect.status = 200\n  expect.body.contains = [\"x\"]\n"
                        + "  expect.log.contains = [\"x\"]\n"))
                .containsExactly(
                        "m.toml:10:3: expect.status in [[scenario]] 'a' › s applies only to http steps; this is a run"
                                + " step. Remove it, or move it to an http step.",
                        "m.toml:11:3: expect.body in [[scenario]] 'a' › s applies only to http and tcp steps; this is"
                                + " a run step. Use expect.stdout or expect.output for a command's output.",
                        "m.toml:12:3: expect.log in [[scenario]] 'a' › s applies only to service and stop steps; this"
                                + " is a run step. Use expect.stdout or expect.output for a command's output.");
    }

    @Test
    void load_streamChecksOnServiceStep_pointToTheLog() throws Exception {
        assertThat(problems(HEAD + SERVE + "  expect.stdout.contains = [\"x\"]\n  expect.json = { \"/a\" = 1 }\n"
                        + "  expect.exit = 0\n  expect.no-leftover-processes = true\n"))
                .containsExactly(
                        "m.toml:12:3: expect.stdout in [[scenario]] 'a' › s applies only to run, patch and export"
                                + " steps; this is a service step. Use expect.log for the service's output.",
                        "m.toml:13:3: expect.json in [[scenario]] 'a' › s applies only to run, patch, export, http and"
                                + " tcp steps; this is a service step. Check JSON with an http step that asks the service"
                                + " for it.",
                        "m.toml:14:3: expect.exit in [[scenario]] 'a' › s applies only to run and stop steps; this is a"
                                + " service step. Check the exit code on the step that stops the service.",
                        "m.toml:15:3: expect.no-leftover-processes in [[scenario]] 'a' › s applies only to run and"
                                + " stop steps; this is a service step. Set it on the step that stops the service.");
    }

    @Test
    void load_commandChecksOnHttpStep_pointToTheResponse() throws Exception {
        assertThat(problems(HEAD + GET + "  expect.output.contains = [\"x\"]\n  expect.log.contains = [\"x\"]\n"
                        + "  expect.exit = 0\n  expect.no-leftover-processes = true\n"))
                .containsExactly(
                        "m.toml:9:3: expect.output in [[scenario]] 'a' › s applies only to run, patch and export"
                                + " steps; this is an http step. Use expect.body for the response.",
                        "m.toml:10:3: expect.log in [[scenario]] 'a' › s applies only to service and stop steps; this"
                                + " is an http step. Use expect.body for the response.",
                        "m.toml:11:3: expect.exit in [[scenario]] 'a' › s applies only to run and stop steps; this is"
                                + " an http step. Use expect.status for the response's status.",
                        "m.toml:12:3: expect.no-leftover-processes in [[scenario]] 'a' › s applies only to run and"
                                + " stop steps; this is an http step. Remove it, or move it to a run or stop step.");
    }

    @Test
    void load_httpOnlyChecksOnTcpStep_areRejected() throws Exception {
        assertThat(problems(HEAD + TCP + "  expect.status = 200\n  expect.headers.contains = { Server = \"x\" }\n"
                        + "  expect.exit = 0\n  expect.body.contains = [\"x\"]\n"))
                .containsExactly(
                        "m.toml:9:3: expect.status in [[scenario]] 'a' › s applies only to http steps; this is a tcp"
                                + " step. Remove it, or move it to an http step.",
                        "m.toml:10:3: expect.headers in [[scenario]] 'a' › s applies only to http steps; this is a tcp"
                                + " step. Remove it, or move it to an http step.",
                        "m.toml:11:3: expect.exit in [[scenario]] 'a' › s applies only to run and stop steps; this is"
                                + " a tcp step. Remove it: a tcp step has no exit code.");
    }

    @Test
    void load_bodyAndJsonOnStopStep_pointToTheLogAndAProbe() throws Exception {
        assertThat(problems(HEAD + SERVE + STOP + "  expect.body.contains = [\"x\"]\n  expect.json = { \"/a\" = 1 }\n"))
                .containsExactly(
                        "m.toml:15:3: expect.body in [[scenario]] 'a' › halt applies only to http and tcp steps; this"
                                + " is a stop step. Use expect.log for the service's output.",
                        "m.toml:16:3: expect.json in [[scenario]] 'a' › halt applies only to run, patch, export, http"
                                + " and tcp steps; this is a stop step. Check JSON with an http step that asks the service"
                                + " for it.");
    }

    @Test
    void load_exitOnStopStep_isTheCodeAfterSigterm() throws Exception {
        assertThat(load(HEAD + SERVE + STOP + "  expect.exit = 143\n")
                        .scenarios()
                        .get(0)
                        .steps()
                        .get(1)
                        .expect()
                        .exit())
                .isEqualTo(143);
        assertThat(problems(HEAD + SERVE + STOP + "  expect.exit = 300\n"))
                .containsExactly("m.toml:15:3: expect.exit in [[scenario]] 'a' › halt must be an integer from 0 to 255;"
                        + " found integer 300.");
    }

    @Test
    void load_noLeftoverProcessesOnRunStep_isABoolean() throws Exception {
        assertThat(load(HEAD + ECHO + "  expect.no-leftover-processes = true\n")
                        .scenarios()
                        .get(0)
                        .steps()
                        .get(0)
                        .expect()
                        .noLeftoverProcesses())
                .isTrue();
        assertThat(problems(HEAD + ECHO + "  expect.no-leftover-processes = \"yes\"\n"))
                .containsExactly("m.toml:10:3: 'no-leftover-processes' in [[scenario]] 'a' › s expect must be true or"
                        + " false; found string \"yes\".");
    }

    @Test
    void load_statusOutOfRange_isRejected() throws Exception {
        for (String status : List.of("42", "600", "\"200\"")) {
            assertThat(problems(HEAD + GET + "  expect.status = " + status + "\n  expect.body.contains = [\"x\"]\n"))
                    .as(status)
                    .containsExactly("m.toml:9:3: expect.status in [[scenario]] 'a' › s must be an integer from 100 to"
                            + " 599; found " + (status.startsWith("\"") ? "string " : "integer ") + status + ".");
        }
    }

    @Test
    void load_badResponseHeaderChecks_areRejected() throws Exception {
        assertThat(problems(HEAD + GET + "  expect.headers.contains = { \"Content Type\" = \"json\" }\n"
                        + "  expect.headers.contain = { Server = \"x\" }\n"))
                .containsExactly(
                        "m.toml:10:3: unknown key 'contain' in [[scenario]] 'a' › s expect.headers. Did you mean"
                                + " 'contains'?",
                        "m.toml:9:31: 'Content Type' in [[scenario]] 'a' › s expect.headers.contains is not an HTTP"
                                + " header name. Use letters, digits and '-', e.g. Content-Type.");
    }

    @Test
    void load_badRegexInBodyAndLog_isRejected() throws Exception {
        assertThat(problems(HEAD + SERVE + "  expect.log.matches = [\"port (\"]\n"))
                .containsExactly("m.toml:12:25: bad regex in [[scenario]] 'a' › s expect.log.matches: 'port (':"
                        + " Unclosed group near index 6. Fix it (java.util.regex syntax), or use 'contains' for literal"
                        + " text.");
        assertThat(problems(HEAD + TCP + "  expect.body.matches = [\"+PONG\"]\n"))
                .containsExactly("m.toml:9:26: bad regex in [[scenario]] 'a' › s expect.body.matches: '+PONG':"
                        + " Dangling meta character '+' near index 0. Fix it (java.util.regex syntax), or use"
                        + " 'contains' for literal text.");
    }

    @Test
    void load_portPlaceholderInRegex_isCheckedWithASamplePort() throws Exception {
        assertThat(load(HEAD + SERVE + "  expect.log.matches = [\"on port ${port.http} in [0-9]+ ms\"]\n")
                        .scenarios())
                .hasSize(1);
    }

    @Test
    void load_filesChecksOnEveryKindOfStep_areAccepted() throws Exception {
        assertThat(load(HEAD + SERVE + "  expect.files.exist = [\"app.pid\"]\n" + STOP
                                + "  expect.files.contains = { \"app.log\" = [\"bye\"] }\n  [[scenario.step]]\n  name = \"p\"\n"
                                + TCP + "  expect.files.absent = [\"*.core\"]\n")
                        .scenarios())
                .hasSize(1);
    }
}
