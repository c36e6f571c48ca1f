package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate whose thread is interrupted while a step runs, as {@link ShutdownWatch}'s hook does on
 * SIGTERM: the running scenario is reported interrupted, the queued one skipped, and the reports are
 * written. Runs real processes; the {@code @Timeout} only guards against hangs.
 */
@Timeout(120)
class InterruptedGateTest {
    private static final String MANIFEST =
            """
            format = 1
            [[scenario]]
            name = "sleeper"
            source.checkout = "${fixture.checkout}"
              [[scenario.step]]
              name = "wait"
              run = "sleep 600 & sleep 600 & echo ready; wait"
              expect.stdout.contains = ["ready"]
            [[scenario]]
            name = "later"
            source.checkout = "${fixture.checkout}"
              [[scenario.step]]
              name = "hello"
              run = "echo hello"
              expect.stdout.contains = ["hello"]
            """;

    @TempDir
    Path tmp;

    private EngineFixture fixture;

    @BeforeEach
    void fixtures() throws Exception {
        fixture = EngineFixture.greeter(tmp);
    }

    @Test
    void run_interruptedWhileAStepRuns_reportsItInterruptedAndSkipsTheRest() throws Exception {
        GateResult result = runAndInterrupt(UnaryOperator.identity());

        assertThat(result.passed()).isFalse();
        assertThat(result.scenarios().get(0).status()).isEqualTo(Status.FAIL);
        assertThat(result.scenarios().get(1).status()).isEqualTo(Status.SKIP);
        List<String> lines = fixture.log().lines();
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .matches("ERROR \\[smoke] INTERRUPTED sleeper › wait after \\d+\\.\\d s: stopped 3 processes"))
                .contains(
                        "WARN [smoke] SKIP later: host.interrupted (the gate was stopped) not run: the gate was"
                                + " interrupted before this scenario started",
                        "ERROR Smoke: 0 passed, 0 failed, 1 skipped, 1 interrupted",
                        "ERROR   INTERRUPTED sleeper › wait: host.interrupted",
                        "ERROR   SKIP later: host.interrupted");
        assertThat(lines).noneMatch(line -> line.contains("[smoke] FAIL"));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();

        String xml =
                Files.readString(fixture.workDirectory().resolve(SmokeEngine.JUNIT_REPORT), StandardCharsets.UTF_8);
        assertThat(xml)
                .contains("tests=\"2\" failures=\"0\" errors=\"1\" skipped=\"1\"")
                .containsPattern("<testcase classname=\"sleeper\" name=\"wait\" time=\"[0-9.]+\"><error message=\""
                        + "host.interrupted: expected the gate to run to its end; seen: interrupted after \\d+\\.\\d s:"
                        + " stopped 3 processes\" type=\"host\">")
                .contains("<skipped message=\"host.interrupted: not run: the gate was interrupted before this scenario"
                        + " started\"/>");

        JsonNode summary = new ObjectMapper()
                .readTree(fixture.workDirectory()
                        .resolve(SmokeEngine.SUMMARY_JSON)
                        .toFile());
        assertThat(summary.path("summary").toString())
                .isEqualTo("{\"passed\":0,\"failed\":0,\"skipped\":1,\"interrupted\":1}");
        JsonNode sleeper = summary.path("scenarios").get(0);
        assertThat(sleeper.path("status").asText()).isEqualTo("FAIL");
        assertThat(sleeper.path("interrupted").asBoolean()).isTrue();
        assertThat(sleeper.path("category").asText()).isEqualTo("host");
        assertThat(sleeper.path("rule").asText()).isEqualTo("host.interrupted");
        assertThat(summary.path("scenarios").get(1).has("interrupted")).isFalse();
        assertThat(fixture.workDirectory().resolve(SmokeEngine.INDEX_HTML))
                .content(StandardCharsets.UTF_8)
                .contains("<p class=\"summary failed\" id=\"summary\">Smoke: 0 passed, 1 failed, 1 skipped</p>");
    }

    @Test
    void run_interruptedOnSeveralThreads_reportsTheRunningOneInterrupted() throws Exception {
        GateResult result = runAndInterrupt(request -> request.threads(2));

        assertThat(fixture.log().lines()).anySatisfy(line -> assertThat(line)
                .matches("ERROR \\[smoke] INTERRUPTED sleeper › wait after \\d+\\.\\d s: stopped 3 processes"));
        assertThat(result.scenarios().get(0).failure().classification().ruleId())
                .isEqualTo("host.interrupted");
    }

    /** Runs the gate on a thread of its own and interrupts it once the step printed {@code ready}. */
    private GateResult runAndInterrupt(UnaryOperator<GateRequest.Builder> options) throws Exception {
        Files.writeString(fixture.manifest(), MANIFEST, StandardCharsets.UTF_8);
        GateRequest request = options.apply(fixture.request()).build();
        AtomicReference<GateResult> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread engine = new Thread(() -> {
            try {
                result.set(fixture.run(request));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        engine.start();
        Path log = fixture.workDirectory().resolve("sleeper/01-wait.log");
        while (!Files.exists(log)
                || !Files.readString(log, StandardCharsets.UTF_8).contains("ready")) {
            assertThat(engine.isAlive())
                    .as("the gate runs until interrupted: %s %s", fixture.log().visible(), thrown.get())
                    .isTrue();
            Thread.sleep(20);
        }
        engine.interrupt();
        engine.join();
        assertThat(thrown.get()).isNull();
        return result.get();
    }
}
