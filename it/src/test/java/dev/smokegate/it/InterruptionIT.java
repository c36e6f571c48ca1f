package dev.smokegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smokegate.fixtures.FixtureRepos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.w3c.dom.Element;

/**
 * Faults of the fault matrix (issue 9): SIGTERM, and SIGINT as Ctrl-C sends it, to {@code mvn} while a step runs. As every fault
 * IT ({@link FaultMatrixIT}), it asserts that no process of the run is alive afterwards ({@link
 * RunMarker}) and that the checkout and sample project are byte for byte as they were ({@link
 * TreeSnapshot}); then that the gate said it was interrupted: the {@code [smoke] INTERRUPTED} line,
 * the summary with its {@code interrupted} count, a JUnit {@code <error>} and the JSON summary's
 * entry, all written in the JVM's shutdown.
 */
class InterruptionIT {
    /** How long the processes of a finished run get to disappear before they count as survivors. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    /** What a run may write in the sample project: its reports and the build's log. */
    private static final Set<String> RUN_OUTPUT = Set.of("target", "build.log");

    private RunMarker marker;

    @BeforeEach
    void mark(TestInfo test) {
        marker = RunMarker.of(test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void killSurvivors() throws Exception {
        marker.close();
    }

    @Test
    void verify_sigtermToMavenWhileAStepRuns_interruptedLineSummaryAndErrorInTheReports() throws Exception {
        interruptWhileAStepRuns("TERM", 143);
    }

    /** Ctrl-C in a terminal sends SIGINT to the foreground process group; the JVM exits with 130. */
    @Test
    void verify_sigintToMavenWhileAStepRuns_interruptedLineSummaryAndErrorInTheReports() throws Exception {
        interruptWhileAStepRuns("INT", 130);
    }

    /** Sends {@code SIG<signal>} to the forked Maven JVM while the step runs, then checks what the gate said. */
    private void interruptWhileAStepRuns(String signal, int exitCode) throws Exception {
        Path scratch = ForkedMaven.scratch("interrupt-" + signal.toLowerCase(Locale.ROOT));
        Path checkout = FixtureRepos.greeter(scratch.resolve("greeter"));
        Path project = ForkedMaven.project("interrupt", "interrupt-" + signal.toLowerCase(Locale.ROOT));
        TreeSnapshot checkouts = TreeSnapshot.of(scratch, Set.of());
        TreeSnapshot sample = TreeSnapshot.of(project, RUN_OUTPUT);
        ForkedMaven.Running running =
                ForkedMaven.start(project, marker.environment(), "verify", "-Dfixture.checkout=" + checkout);
        running.awaitInFile(project.resolve("target/smoke/sleeper/01-wait.log"), "ready", Duration.ofSeconds(120));
        List<RunMarker.Survivor> alive = marker.alive();
        RunMarker.Survivor maven = alive.stream()
                .filter(process -> process.commandLine().contains("org.codehaus.plexus.classworlds.launcher.Launcher"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Maven JVM among " + alive));

        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(maven.pid()))
                .redirectErrorStream(true)
                .start();
        assertThat(kill.waitFor()).as("kill -" + signal + " " + maven).isZero();
        ForkedMaven.Result result = running.await();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(marker.awaitNoneAlive(PATIENCE))
                .as("processes of the run still alive " + PATIENCE.toSeconds() + " s after it ended (" + result + ")")
                .isEmpty();
        assertThat(result.smokeLines())
                .as(result.toString())
                .anySatisfy(line -> assertThat(line)
                        .matches("\\[smoke] INTERRUPTED sleeper › wait after \\d+\\.\\d s: stopped 3 processes"))
                .contains("[smoke] SKIP later: host.interrupted (the gate was stopped) not run: the gate was"
                        + " interrupted before this scenario started")
                .noneMatch(line -> line.startsWith("[smoke] FAIL "));
        assertThat(result.summary()).isEqualTo("Smoke: 0 passed, 0 failed, 1 skipped, 1 interrupted");
        List<String> gate = result.lines()
                .subList(
                        result.lines()
                                .indexOf("[INFO] [smoke] 2 of 2 scenario(s) selected from src/smoke/manifest.toml"),
                        result.lines().size());
        assertThat(gate).as("no stack trace once the gate began").noneMatch(InterruptionIT::stackTraceLine);

        Element error = Verdicts.junitElement(project, "sleeper", "error");
        assertThat(error.getAttribute("type")).isEqualTo("host");
        assertThat(error.getAttribute("message"))
                .matches("host\\.interrupted: expected the gate to run to its end; seen: interrupted after"
                        + " \\d+\\.\\d s: stopped 3 processes");
        JsonNode entry = Verdicts.summaryEntry(project, "sleeper");
        assertThat(entry.path("status").asText()).isEqualTo("FAIL");
        assertThat(entry.path("interrupted").asBoolean()).isTrue();
        assertThat(entry.path("category").asText()).isEqualTo("host");
        assertThat(entry.path("rule").asText()).isEqualTo("host.interrupted");
        assertThat(Verdicts.summaryEntry(project, "later").path("status").asText())
                .isEqualTo("SKIP");
        assertThat(TreeSnapshot.of(scratch, Set.of())).isEqualTo(checkouts);
        assertThat(TreeSnapshot.of(project, RUN_OUTPUT)).isEqualTo(sample);
    }

    /**
     * A line of a printed stack trace: a frame ({@code at …}), a cause ({@code Caused by: …}), or a
     * thrown exception's first line ({@code java.lang.IllegalStateException: …}), with or without a
     * log level in front. Not Maven's own failure block: whether it is printed depends on how far
     * Maven's main thread gets before the JVM ends after the signal, and its last line names {@code
     * MojoFailureException} only in a help URL.
     */
    static boolean stackTraceLine(String line) {
        String text = line.replaceFirst("^\\[[A-Z]+] ", "").strip();
        return text.startsWith("at ")
                || text.startsWith("Caused by:")
                || text.matches("([\\w$]+\\.)+[\\w$]*(Exception|Error)(: .*)?");
    }
}
