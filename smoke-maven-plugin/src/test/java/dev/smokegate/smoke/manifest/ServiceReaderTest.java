package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.HttpCall;
import dev.smokegate.smoke.model.Readiness;
import dev.smokegate.smoke.model.Service;
import dev.smokegate.smoke.model.Step;
import dev.smokegate.smoke.model.StreamExpectation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code service} and {@code stop} actions of a step ({@link ServiceReader}), read through {@link ManifestLoader}. */
class ServiceReaderTest extends ManifestTestSupport {
    /** Lines 8 to 11 after {@link #HEAD}: a valid service {@code app} that asserts its log. */
    static final String SERVE = "  service.name = \"app\"\n  service.run = \"java -jar app.jar\"\n"
            + "  service.ready.tcp = \"127.0.0.1:${port.http}\"\n  expect.log.contains = [\"Started\"]\n";

    private static StreamExpectation contains(String text) {
        return new StreamExpectation(List.of(text), List.of(), List.of());
    }

    @Test
    void load_serviceScenario_readsEveryKeyIntoTheModel() throws Exception {
        List<Step> steps =
                load("""
                format = 1

                [[scenario]]
                name = "svc"

                  [[scenario.step]]
                  name = "serve"
                  service.name = "app"
                  service.args = ["java", "ServiceMain.java", "--port", "${port.http}"]
                  service.ready.http = "http://127.0.0.1:${port.http}/healthz"
                  service.ready.status = [200, 204]
                  service.ready.body.contains = ["UP"]
                  service.ready.timeout = "90s"
                  service.ready.interval = "100ms"
                  service.stop-timeout = "5s"
                  env = { JAVA_OPTS = "-Xmx64m" }
                  expect.log.contains = ["Started service on port ${port.http}"]

                  [[scenario.step]]
                  name = "greet"
                  http.post = "http://127.0.0.1:${port.http}/api/greeting?name=Ada"
                  http.body = "{}"
                  http.headers = { Accept = "application/json" }
                  http.timeout = "5s"
                  expect.status = 200
                  expect.headers.contains = { "Content-Type" = "application/json" }
                  expect.body.contains = ["hello, Ada"]
                  expect.body.not-contains = ["error"]
                  expect.json = { "/greeting" = "hello, Ada" }

                  [[scenario.step]]
                  name = "port-open"
                  tcp.connect = "127.0.0.1:${port.http}"
                  tcp.send = "GET /healthz HTTP/1.0\\r\\n\\r\\n"
                  tcp.timeout = "2s"
                  expect.body.matches = ['HTTP/1\\.[01] 200']

                  [[scenario.step]]
                  name = "stop"
                  stop = "app"
                  expect.exit = 143
                  expect.log.contains = ["Graceful shutdown complete"]
                  expect.no-leftover-processes = true
                """)
                        .scenarios()
                        .get(0)
                        .steps();

        assertThat(steps).extracting(Step::name).containsExactly("serve", "greet", "port-open", "stop");
        assertThat(steps.get(0).action())
                .isEqualTo(new Action.Serve(new Service(
                        "app",
                        null,
                        List.of("java", "ServiceMain.java", "--port", "${port.http}"),
                        new Readiness(
                                new Readiness.Http(
                                        "http://127.0.0.1:${port.http}/healthz", List.of(200, 204), List.of("UP")),
                                Duration.ofSeconds(90),
                                Duration.ofMillis(100)),
                        Duration.ofSeconds(5))));
        assertThat(steps.get(0).env()).isEqualTo(Map.of("JAVA_OPTS", "-Xmx64m"));
        assertThat(steps.get(0).expect())
                .isEqualTo(Expectations.builder()
                        .log(contains("Started service on port ${port.http}"))
                        .build());
        assertThat(steps.get(1).action())
                .isEqualTo(new Action.Http(new HttpCall(
                        "POST",
                        "http://127.0.0.1:${port.http}/api/greeting?name=Ada",
                        "{}",
                        null,
                        Map.of("Accept", "application/json"),
                        Duration.ofSeconds(5))));
        assertThat(steps.get(1).expect())
                .isEqualTo(Expectations.builder()
                        .status(200)
                        .headersContain(Map.of("Content-Type", "application/json"))
                        .body(new StreamExpectation(List.of("hello, Ada"), List.of(), List.of("error")))
                        .json(Map.of("/greeting", TextNode.valueOf("hello, Ada")))
                        .build());
        assertThat(steps.get(2).action())
                .isEqualTo(new Action.Tcp(
                        "127.0.0.1:${port.http}", "GET /healthz HTTP/1.0\r\n\r\n", Duration.ofSeconds(2)));
        assertThat(steps.get(2).expect())
                .isEqualTo(Expectations.builder()
                        .body(new StreamExpectation(List.of(), List.of("HTTP/1\\.[01] 200"), List.of()))
                        .build());
        assertThat(steps.get(3).action()).isEqualTo(new Action.Stop("app"));
        assertThat(steps.get(3).expect())
                .isEqualTo(Expectations.builder()
                        .exit(143)
                        .log(contains("Graceful shutdown complete"))
                        .noLeftoverProcesses(true)
                        .build());
    }

    @Test
    void load_serviceWithoutOptionalKeys_takesTheDocumentedDefaults() throws Exception {
        List<Step> steps = load(HEAD + "  service.name = \"db\"\n  service.run = \"./db --port ${port.db}\"\n"
                        + "  service.ready.log = 'listening on [0-9]+'\n  [[scenario.step]]\n  name = \"get\"\n"
                        + "  http.get = \"http://127.0.0.1:${port.db}/\"\n  expect.body.contains = [\"ok\"]\n"
                        + "  [[scenario.step]]\n  name = \"ping\"\n  tcp.connect = \"[::1]:${port.db}\"\n")
                .scenarios()
                .get(0)
                .steps();

        assertThat(steps.get(0).action())
                .isEqualTo(new Action.Serve(new Service(
                        "db",
                        "./db --port ${port.db}",
                        null,
                        new Readiness(
                                new Readiness.Log("listening on [0-9]+"),
                                Readiness.DEFAULT_TIMEOUT,
                                Readiness.DEFAULT_INTERVAL),
                        Service.DEFAULT_STOP_TIMEOUT)));
        assertThat(steps.get(0).expect()).isEqualTo(Expectations.DEFAULT);
        assertThat(steps.get(1).action())
                .isEqualTo(new Action.Http(new HttpCall(
                        "GET", "http://127.0.0.1:${port.db}/", null, null, Map.of(), HttpCall.DEFAULT_TIMEOUT)));
        assertThat(steps.get(2).action())
                .isEqualTo(new Action.Tcp("[::1]:${port.db}", null, Action.Tcp.DEFAULT_TIMEOUT));
        assertThat(Readiness.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(60));
        assertThat(Readiness.DEFAULT_INTERVAL).isEqualTo(Duration.ofMillis(250));
        assertThat(Service.DEFAULT_STOP_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
        assertThat(HttpCall.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(30));
        assertThat(Action.Tcp.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void load_serviceWithoutName_saysWhatToAdd() throws Exception {
        assertThat(problems(HEAD + SERVE.substring(SERVE.indexOf('\n') + 1)))
                .containsExactly("m.toml:8:3: [[scenario]] 'a' › s service has no name. Add service.name = \"…\""
                        + " matching [a-z0-9][a-z0-9._-]*.");
    }

    @Test
    void load_badServiceName_explainsTheRule() throws Exception {
        assertThat(problems(HEAD + SERVE.replace("\"app\"", "\"App\"")))
                .containsExactly("m.toml:8:3: service name 'App' must match [a-z0-9][a-z0-9._-]* (stop steps name the"
                        + " service with it). Use lower case, digits, '.', '_' and '-'.");
    }

    @Test
    void load_duplicateServiceName_pointsAtTheFirst() throws Exception {
        assertThat(problems(HEAD + SERVE + "  [[scenario.step]]\n  name = \"again\"\n" + SERVE))
                .containsExactly(
                        "m.toml:14:3: duplicate service name 'app'; it is first used at m.toml:8:3. Rename one of them.");
    }

    @Test
    void load_serviceWithRunAndArgs_keepsOne() throws Exception {
        assertThat(problems(HEAD + SERVE + "  service.args = [\"java\"]\n"))
                .containsExactly("m.toml:12:3: service.run and service.args are both set in [[scenario]] 'a' › s."
                        + " Keep one: a command line for sh -c, or a program and its arguments.");
    }

    @Test
    void load_serviceWithoutCommand_saysWhatToSet() throws Exception {
        assertThat(problems(HEAD + SERVE.replace("  service.run = \"java -jar app.jar\"\n", "")))
                .containsExactly("m.toml:8:3: [[scenario]] 'a' › s starts no command. Set service.run (a command line"
                        + " for sh -c) or service.args (a program and its arguments).");
    }

    @Test
    void load_emptyServiceCommands_areRejected() throws Exception {
        assertThat(problems(HEAD + SERVE.replace("\"java -jar app.jar\"", "\" \"")))
                .containsExactly("m.toml:9:3: service.run in [[scenario]] 'a' › s is empty. Write the command that"
                        + " starts the service.");
        assertThat(problems(HEAD + SERVE.replace("service.run = \"java -jar app.jar\"", "service.args = []")))
                .containsExactly("m.toml:9:3: service.args in [[scenario]] 'a' › s is empty. Write the program and its"
                        + " arguments, e.g. [\"java\", \"-jar\", \"target/app.jar\"].");
    }

    @Test
    void load_serviceRunOfWrongType_isOneProblemNotACrash() throws Exception {
        // the service is not built from a table with a problem: Service itself would reject no command
        assertThat(problems(HEAD + SERVE.replace("\"java -jar app.jar\"", "1")))
                .containsExactly(
                        "m.toml:9:3: 'run' in [[scenario]] 'a' › s service must be a string; found integer 1.");
    }

    @Test
    void load_serviceWithoutReadiness_saysWhichProbesExist() throws Exception {
        String message = "[[scenario]] 'a' › s has no readiness probe. Set one of service.ready.http (a URL),"
                + " service.ready.tcp (host:port) or service.ready.log (a regex on the service's output): the service"
                + " is used only once it is ready.";
        assertThat(problems(HEAD + SERVE.replace("  service.ready.tcp = \"127.0.0.1:${port.http}\"\n", "")))
                .containsExactly("m.toml:8:3: " + message);
        assertThat(problems(HEAD + SERVE.replace("ready.tcp = \"127.0.0.1:${port.http}\"", "ready.timeout = \"5s\"")))
                .containsExactly("m.toml:10:3: " + message);
    }

    @Test
    void load_serviceWithTwoProbes_keepsOne() throws Exception {
        assertThat(problems(HEAD + SERVE + "  service.ready.log = \"Started\"\n"))
                .containsExactly("m.toml:12:3: [[scenario]] 'a' › s sets service.ready.tcp and service.ready.log."
                        + " Keep one readiness probe.");
    }

    @Test
    void load_badProbeValues_nameTheKeyAndAnExample() throws Exception {
        assertThat(problems(
                        HEAD + SERVE.replace("ready.tcp = \"127.0.0.1:${port.http}\"", "ready.tcp = \"localhost\"")))
                .containsExactly("m.toml:10:3: service.ready.tcp in [[scenario]] 'a' › s is not host:port with a port"
                        + " from 1 to 65535: \"localhost\". Write it like \"127.0.0.1:${port.db}\".");
        assertThat(problems(HEAD + SERVE.replace("ready.tcp = \"127.0.0.1:", "ready.http = \"localhost:")))
                .containsExactly("m.toml:10:3: service.ready.http in [[scenario]] 'a' › s is not an http:// or"
                        + " https:// URL with a host: \"localhost:${port.http}\". Write it like"
                        + " \"http://127.0.0.1:${port.http}/health\".");
        assertThat(problems(HEAD + SERVE.replace("ready.tcp = \"127.0.0.1:${port.http}\"", "ready.log = 'Started ('")))
                .containsExactly("m.toml:10:3: bad regex in [[scenario]] 'a' › s service.ready.log: 'Started (':"
                        + " Unclosed group near index 9. Fix it (java.util.regex syntax); it is searched for in each"
                        + " line of the service's output.");
    }

    @Test
    void load_httpOnlyReadinessKeysWithOtherProbes_areRejected() throws Exception {
        assertThat(problems(
                        HEAD + SERVE + "  service.ready.status = [200]\n  service.ready.body.contains = [\"UP\"]\n"))
                .containsExactly(
                        "m.toml:12:3: service.ready.status in [[scenario]] 'a' › s applies only to service.ready.http;"
                                + " this service is ready by service.ready.tcp. Remove it, or probe with service.ready.http.",
                        "m.toml:13:3: service.ready.body in [[scenario]] 'a' › s applies only to service.ready.http;"
                                + " this service is ready by service.ready.tcp. Remove it, or probe with service.ready.http.");
    }

    @Test
    void load_badReadinessStatuses_areRejected() throws Exception {
        String http = HEAD + SERVE.replace("ready.tcp = \"127.0.0.1:", "ready.http = \"http://127.0.0.1:");
        assertThat(problems(http + "  service.ready.status = [200, 42]\n"))
                .containsExactly("m.toml:12:32: service.ready.status in [[scenario]] 'a' › s must be an array of"
                        + " integers from 100 to 599, e.g. [200]; found integer 42.");
        assertThat(problems(http + "  service.ready.status = 200\n"))
                .containsExactly("m.toml:12:3: service.ready.status in [[scenario]] 'a' › s must be an array of"
                        + " integers from 100 to 599, e.g. [200]; found integer 200.");
        assertThat(problems(http + "  service.ready.status = []\n"))
                .containsExactly("m.toml:12:3: service.ready.status in [[scenario]] 'a' › s is empty. List the"
                        + " accepted codes, e.g. [200, 204], or remove it to accept 200 to 399.");
    }

    @Test
    void load_intervalNotShorterThanTimeout_isRejected() throws Exception {
        assertThat(problems(HEAD + SERVE + "  service.ready.timeout = \"1s\"\n  service.ready.interval = \"2s\"\n"))
                .containsExactly("m.toml:13:3: service.ready.interval in [[scenario]] 'a' › s is not shorter than"
                        + " service.ready.timeout: 2s against 1s. Shorten the interval or lengthen the timeout.");
        assertThat(problems(HEAD + SERVE + "  service.ready.timeout = \"200ms\"\n"))
                .containsExactly("m.toml:12:3: service.ready.interval in [[scenario]] 'a' › s is not shorter than"
                        + " service.ready.timeout: 250ms against 200ms. Shorten the interval or lengthen the timeout.");
    }

    @Test
    void load_typoInServiceKey_suggestsTheKey() throws Exception {
        assertThat(problems(HEAD + SERVE + "  service.stop_timeout = \"5s\"\n  service.ready.intervall = \"1s\"\n"))
                .containsExactly(
                        "m.toml:12:3: unknown key 'stop_timeout' in [[scenario]] 'a' › s service."
                                + " Did you mean 'stop-timeout'?",
                        "m.toml:13:3: unknown key 'intervall' in [[scenario]] 'a' › s service.ready."
                                + " Did you mean 'interval'?");
    }

    @Test
    void load_stopOfUnknownService_listsTheStartedOnes() throws Exception {
        assertThat(problems(HEAD + SERVE + "  [[scenario.step]]\n  name = \"halt\"\n  stop = \"ap\"\n"))
                .containsExactly("m.toml:14:3: stop in [[scenario]] 'a' › halt names no service started by an earlier"
                        + " step: \"ap\". Started so far: app. Fix the name, or move this step after the one that"
                        + " starts the service.");
    }

    @Test
    void load_stopBeforeTheServiceStarts_isRejected() throws Exception {
        assertThat(problems(HEAD + "  stop = \"app\"\n  [[scenario.step]]\n  name = \"serve\"\n" + SERVE))
                .containsExactly(
                        "m.toml:8:3: stop in [[scenario]] 'a' › s names no service started by an earlier"
                                + " step: \"app\". No service is started before this step: start it with a service step first.");
    }

    @Test
    void load_stopOfServiceInAnotherScenario_isRejected() throws Exception {
        assertThat(problems(HEAD + SERVE + "[[scenario]]\nname = \"b\"\n" + STEP + "  stop = \"app\"\n"))
                .containsExactly(
                        "m.toml:16:3: stop in [[scenario]] 'b' › s names no service started by an earlier"
                                + " step: \"app\". No service is started before this step: start it with a service step first.");
    }

    @Test
    void load_envOnStopStep_startsNoProcess() throws Exception {
        assertThat(problems(HEAD + SERVE + "  [[scenario.step]]\n  name = \"halt\"\n  stop = \"app\"\n"
                        + "  env = { A = \"1\" }\n"))
                .containsExactly("m.toml:15:3: 'env' in [[scenario]] 'a' › halt sets the environment of a process, and"
                        + " this is a stop step, which starts none. Remove it.");
    }

    @Test
    void load_badPortName_isAManifestErrorWithLocation() throws Exception {
        assertThat(problems(HEAD + SERVE.replace("${port.http}", "${port.HTTP}")))
                .containsExactly("m.toml:10:3: bad port name in ${port.HTTP} in 'tcp' of [[scenario]] 'a' › s"
                        + " service.ready: 'HTTP'. A port name matches [a-z0-9][a-z0-9._-]*: use lower case, digits,"
                        + " '.', '_' and '-', e.g. ${port.http}.");
    }

    @Test
    void load_readinessWithoutAssertion_isAnEyeballGate() throws Exception {
        assertThat(problems(HEAD + SERVE.replace("  expect.log.contains = [\"Started\"]\n", "")
                        + "  [[scenario.step]]\n  name = \"probe\"\n  http.get = \"http://127.0.0.1:${port.http}/\"\n"
                        + "  expect.status = 200\n  expect.body.not-contains = [\"error\"]\n"))
                .containsExactly("m.toml:3:1: scenario 'a' has no positive assertion on output: nothing checks what it"
                        + " printed, wrote or answered. Add expect.body.contains, expect.json or expect.headers.contains"
                        + " to an http or tcp step, expect.log.contains to a service or stop step, or"
                        + " expect.stdout.contains to a run step; a passing readiness probe, exit codes, expect.status,"
                        + " files.exist and not-contains alone do not count.");
    }

    @Test
    void load_bodyLogAndHeaderChecks_eachCountAsPositive() throws Exception {
        String serve = HEAD + SERVE.replace("  expect.log.contains = [\"Started\"]\n", "");
        String probe = "  [[scenario.step]]\n  name = \"probe\"\n  http.get = \"http://127.0.0.1:${port.http}/\"\n";
        for (String expect : List.of(
                "expect.log.matches = [\"Start+ed\"]",
                probe + "  expect.body.contains = [\"x\"]",
                probe + "  expect.headers.contains = { Server = \"x\" }",
                probe + "  expect.json = { \"/a\" = 1 }")) {
            assertThat(load(serve + "  " + expect.strip() + "\n").scenarios())
                    .as(expect)
                    .hasSize(1);
        }
    }
}
