package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.HttpCall;
import dev.smokegate.smoke.model.Readiness;
import dev.smokegate.smoke.model.Service;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The step-start and heartbeat lines, as a CI log shows them. */
class ProgressLinesTest {
    private static final String WHERE = "maven-shared-utils-loop › test";
    private static final Function<String, String> RESOLVE =
            text -> text.replace("${port.http}", "8080").replace("${fixture.patches}", "patches");

    @Test
    void stepStart_runStep_scenarioStepPositionAndCommand() {
        String what = ProgressLines.what(new Action.Run("mvn -B test", null), RESOLVE);

        assertThat(ProgressLines.stepStart(WHERE, 2, 5, what))
                .isEqualTo("[smoke] maven-shared-utils-loop › test (2/5): mvn -B test");
    }

    @Test
    void what_argsStep_quotedAsAShellWouldNeedIt() {
        assertThat(ProgressLines.what(new Action.Run(null, List.of("grep", "-c", "a b", "${port.http}")), RESOLVE))
                .isEqualTo("grep -c 'a b' 8080");
    }

    @Test
    void what_patchAndExport_fileAsWrittenDiffAndGlobs() {
        assertThat(ProgressLines.what(new Action.Patch("${fixture.patches}/greeting.diff"), RESOLVE))
                .isEqualTo("patch patches/greeting.diff");
        assertThat(ProgressLines.what(new Action.Export("changes.diff", List.of("scripts/*.sh", "*.txt")), RESOLVE))
                .isEqualTo("export changes.diff, scripts/*.sh, *.txt");
        assertThat(ProgressLines.what(new Action.Export(null, List.of("target/*.jar")), RESOLVE))
                .isEqualTo("export target/*.jar");
        assertThat(ProgressLines.what(new Action.Export("all.diff", List.of()), RESOLVE))
                .isEqualTo("export all.diff");
    }

    @Test
    void what_serviceActions_resolvedValues() {
        Readiness readiness = new Readiness(
                new Readiness.Tcp("127.0.0.1:${port.http}"), Readiness.DEFAULT_TIMEOUT, Readiness.DEFAULT_INTERVAL);
        Service shell = new Service(
                "app", "java -jar app.jar --port=${port.http}", null, readiness, Service.DEFAULT_STOP_TIMEOUT);
        Service args = new Service(
                "db", null, List.of("redis-server", "--port", "${port.http}"), readiness, Service.DEFAULT_STOP_TIMEOUT);
        HttpCall get = new HttpCall(
                "GET", "http://127.0.0.1:${port.http}/healthz", null, null, Map.of(), HttpCall.DEFAULT_TIMEOUT);

        assertThat(ProgressLines.what(new Action.Serve(shell), RESOLVE))
                .isEqualTo("service app: java -jar app.jar --port=8080");
        assertThat(ProgressLines.what(new Action.Serve(args), RESOLVE))
                .isEqualTo("service db: redis-server --port 8080");
        assertThat(ProgressLines.what(new Action.Http(get), RESOLVE)).isEqualTo("GET http://127.0.0.1:8080/healthz");
        assertThat(ProgressLines.what(
                        new Action.Tcp("127.0.0.1:${port.http}", "PING\r\n", Action.Tcp.DEFAULT_TIMEOUT), RESOLVE))
                .isEqualTo("tcp 127.0.0.1:8080");
        assertThat(ProgressLines.what(new Action.Stop("app"), RESOLVE)).isEqualTo("stop app");
    }

    @Test
    void heartbeat_lastNonEmptyLine_shownAfterTheRunningTime() {
        assertThat(ProgressLines.heartbeat(
                        WHERE, Duration.ofSeconds(90), "[INFO] Running\nTests run: 412, Failures: 0\n\n  \n"))
                .isEqualTo(
                        "[smoke] maven-shared-utils-loop › test still running (1m 30s): Tests run: 412, Failures: 0");
    }

    @Test
    void heartbeat_progressBarAndColors_lastRedrawWithoutEscapes() {
        assertThat(ProgressLines.heartbeat(
                        WHERE,
                        Duration.ofSeconds(45),
                        "Progress 10%\rProgress 20%\r\u001B[1;32m" + "Progress 30%\u001B[m\r"))
                .isEqualTo("[smoke] maven-shared-utils-loop › test still running (45s): Progress 30%");
    }

    @Test
    void heartbeat_noOutputYet_onlyTheRunningTime() {
        assertThat(ProgressLines.heartbeat(WHERE, Duration.ofHours(1).plusSeconds(5), null))
                .isEqualTo("[smoke] maven-shared-utils-loop › test still running (1h 0m 5s)");
        assertThat(ProgressLines.heartbeat(WHERE, Duration.ofSeconds(30), " \n\t\n"))
                .isEqualTo("[smoke] maven-shared-utils-loop › test still running (30s)");
    }

    @Test
    void heartbeat_longLine_cutTo120CharactersEndingInAnEllipsis() {
        String line = "x".repeat(119) + "yz";

        String heartbeat = ProgressLines.heartbeat(WHERE, Duration.ofSeconds(30), line);

        String shown = heartbeat.substring(heartbeat.indexOf("): ") + 3);
        assertThat(shown).hasSize(ProgressLines.OUTPUT_CHARS).isEqualTo("x".repeat(119) + "…");
        assertThat(ProgressLines.heartbeat(WHERE, Duration.ofSeconds(30), "x".repeat(120)))
                .endsWith("): " + "x".repeat(120));
    }
}
