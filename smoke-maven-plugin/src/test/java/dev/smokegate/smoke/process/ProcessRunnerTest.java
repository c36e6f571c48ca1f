package dev.smokegate.smoke.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smokegate.smoke.RecordingLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs real processes through {@code sh}; the {@code @Timeout}s only guard against hangs. */
@Timeout(60)
class ProcessRunnerTest {

    private static final Duration SHORT_GRACE = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private Path work;
    private StepLogs logs;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createDirectory(dir.resolve("work"));
        logs = StepLogs.in(dir.resolve("logs"), "01-step.log");
    }

    @Test
    void run_exitingCommand_reportsItsExitCode() {
        ProcessOutcome outcome = runShell("exit 3", Duration.ofSeconds(30));

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.startError()).isNull();
        assertThat(outcome.started()).isTrue();
    }

    @Test
    void run_bothStreams_separatedAndInterleavedInCombinedLog() throws IOException {
        ProcessOutcome outcome = runShell("echo out1; echo err1 >&2; echo out2; echo err2 >&2", Duration.ofSeconds(30));

        assertThat(outcome.exitCode()).isZero();
        assertThat(read(logs.stdout())).isEqualTo("out1\nout2\n");
        assertThat(read(logs.stderr())).isEqualTo("err1\nerr2\n");
        List<String> combined = Files.readAllLines(logs.combined());
        assertThat(combined).containsExactlyInAnyOrder("out1", "out2", "err1", "err2");
        assertThat(combined.indexOf("out1")).isLessThan(combined.indexOf("out2"));
        assertThat(combined.indexOf("err1")).isLessThan(combined.indexOf("err2"));
    }

    @Test
    void run_specEnv_overridesInheritedAndKeepsTheRest() throws IOException {
        CommandSpec spec = CommandSpec.shell(
                "echo \"$HOME|$SMOKE_TEST_VALUE|${PATH:+has-path}\"",
                work,
                Map.of("HOME", "/custom/home", "SMOKE_TEST_VALUE", "42"));

        runner().run(spec, logs, Instant.now().plusSeconds(30));

        assertThat(read(logs.stdout())).isEqualTo("/custom/home|42|has-path\n");
    }

    @Test
    void run_cwd_isTheWorkingDirectory() throws IOException {
        runShell("pwd -P", Duration.ofSeconds(30));

        assertThat(read(logs.stdout())).isEqualTo(work.toRealPath() + "\n");
    }

    @Test
    void run_deadlinePassed_killsTheWholeTree() throws IOException {
        ProcessOutcome outcome = runShell("sleep 100 & echo $!; echo $$; sleep 100", Duration.ofSeconds(1));

        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.exitCode()).isEqualTo(143);
        List<Long> pids =
                Files.readAllLines(logs.stdout()).stream().map(Long::parseLong).toList();
        assertThat(pids).hasSize(2);
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).filter(ProcessTree::isRunning))
                    .as("pid %d", pid)
                    .isEmpty();
        }
        List<String> combined = Files.readAllLines(logs.combined());
        assertThat(combined.get(combined.size() - 1))
                .matches("\\[smoke] killed after \\d+\\.\\d s: step timeout reached");
    }

    @Test
    void run_sigtermIgnored_killedForciblyAfterGrace() throws IOException {
        ProcessOutcome outcome = runShell("trap '' TERM; echo ready; sleep 100; echo survived", Duration.ofSeconds(2));

        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.exitCode()).isEqualTo(137);
        assertThat(read(logs.stdout())).isEqualTo("ready\n");
    }

    @Test
    void run_outputWithoutFinalNewline_timeoutNoteOnItsOwnLine() throws IOException {
        runShell("printf partial; exec sleep 100", Duration.ofSeconds(2));

        List<String> combined = Files.readAllLines(logs.combined());
        assertThat(combined).hasSize(2);
        assertThat(combined.get(0)).isEqualTo("partial");
        assertThat(combined.get(1)).matches("\\[smoke] killed after \\d+\\.\\d s: step timeout reached");
    }

    @Test
    void run_programNotFound_exit127WithStartError() throws IOException {
        CommandSpec spec = CommandSpec.args(List.of("no-such-program-smoke"), work, Map.of());

        ProcessOutcome outcome = runner().run(spec, logs, Instant.now().plusSeconds(30));

        assertThat(outcome.exitCode()).isEqualTo(127);
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.startError())
                .isEqualTo("Cannot run program \"no-such-program-smoke\" (in directory \"" + work
                        + "\"): error=2, No such file or directory");
        assertThat(read(logs.combined())).isEqualTo("[smoke] " + outcome.startError() + "\n");
        assertThat(logs.stdout()).isEmptyFile();
        assertThat(logs.stderr()).isEmptyFile();
        assertThat(outcome.toString()).isEqualTo("not started (exit code 127): " + outcome.startError());
    }

    @Test
    void run_missingWorkingDirectory_exit127NamingIt() throws IOException {
        Path missing = dir.resolve("missing");
        CommandSpec spec = CommandSpec.shell("true", missing, Map.of());

        ProcessOutcome outcome = runner().run(spec, logs, Instant.now().plusSeconds(30));

        assertThat(outcome.exitCode()).isEqualTo(127);
        assertThat(outcome.startError()).isEqualTo("working directory " + missing + " does not exist");
        assertThat(read(logs.combined())).isEqualTo("[smoke] working directory " + missing + " does not exist\n");
    }

    @Test
    void run_shellCommandNotFound_exit127FromShell() throws IOException {
        ProcessOutcome outcome = runShell("no-such-program-smoke", Duration.ofSeconds(30));

        assertThat(outcome.exitCode()).isEqualTo(127);
        assertThat(outcome.startError()).isNull();
        assertThat(read(logs.stderr())).contains("no-such-program-smoke").contains("not found");
    }

    @Test
    void run_backgroundChildHoldsStdout_returnsAndKillsIt() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "finding re-parented processes needs /proc");

        ProcessOutcome outcome = runShell("sleep 100 & echo $!; " + untilSleeping("$!"), Duration.ofSeconds(30));

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.timedOut()).isFalse();
        long child = Long.parseLong(Files.readAllLines(logs.stdout()).get(0));
        assertThat(ProcessHandle.of(child).filter(ProcessTree::isRunning)).isEmpty();
        List<String> combined = Files.readAllLines(logs.combined());
        assertThat(combined.get(combined.size() - 1))
                .matches("\\[smoke] killed 1 background process still running when the step ended: " + child
                        + " \\((/usr)?/bin/sleep 100\\)");
        assertThat(outcome.leftovers()).hasSize(1);
        assertThat(outcome.leftovers().get(0)).matches("pid " + child + ": (/usr)?/bin/sleep 100");
    }

    @Test
    void run_nothingLeftRunning_noLeftovers() {
        ProcessOutcome outcome = runShell("sleep 0.1 & wait", Duration.ofSeconds(30));

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.leftovers()).isEmpty();
    }

    @Test
    void run_manyBackgroundJobs_allReturnedFirstThreeNamedInTheLog() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "finding re-parented processes needs /proc");

        ProcessOutcome outcome = runShell(
                "for i in 1 2 3 4 5; do sleep 100 >/dev/null 2>&1 & pids=\"$pids $!\"; done; " + untilSleeping("$pids")
                        + "; echo started",
                Duration.ofSeconds(30));

        assertThat(outcome.leftovers()).hasSize(5).allMatch(line -> line.matches("pid \\d+: (/usr)?/bin/sleep 100"));
        List<String> combined = Files.readAllLines(logs.combined());
        assertThat(combined.get(combined.size() - 1))
                .matches("\\[smoke] killed 5 background processes still running when the step ended: (\\d+ \\("
                        + "(/usr)?/bin/sleep 100\\), ){2}\\d+ \\((/usr)?/bin/sleep 100\\) and 2 more");
    }

    @Test
    void run_heartbeat_toldWithTheLastNonBlankLineWhileItRuns() throws IOException {
        Path release = dir.resolve("release");
        List<String> beats = new CopyOnWriteArrayList<>();
        List<Duration> times = new CopyOnWriteArrayList<>();
        String longLine = "Tests run: 412, Failures: 0 " + "x".repeat(200);
        CommandSpec spec = CommandSpec.shell(
                "echo first; echo '" + longLine + "'; echo; echo '   '; while [ ! -f " + release
                        + " ]; do sleep 0.02; done",
                work,
                Map.of());

        ProcessOutcome outcome = runner().run(
                        spec, logs, Instant.now().plusSeconds(50), Duration.ofMillis(50), (elapsed, line) -> {
                            beats.add(line);
                            times.add(elapsed);
                            if (line.startsWith("Tests run")) {
                                touch(release);
                            }
                        });

        assertThat(outcome.exitCode()).isZero();
        assertThat(beats).isNotEmpty();
        assertThat(beats.get(beats.size() - 1))
                .isEqualTo(longLine.substring(0, ProcessRunner.HEARTBEAT_LINE_CHARS))
                .hasSize(120);
        assertThat(beats).allMatch(line -> line.isEmpty() || line.equals("first") || line.startsWith("Tests run"));
        assertThat(times).isSorted().allMatch(elapsed -> elapsed.compareTo(Duration.ofMillis(50)) >= 0);
    }

    @Test
    void run_heartbeatZero_neverTold() {
        List<String> beats = new ArrayList<>();

        runner().run(
                        CommandSpec.shell("sleep 0.3", work, Map.of()),
                        logs,
                        Instant.now().plusSeconds(30),
                        Duration.ZERO,
                        (elapsed, line) -> beats.add(line));

        assertThat(beats).isEmpty();
    }

    @Test
    void run_heartbeatListenerThrows_treeKilledAndExceptionPassedOn() throws IOException {
        CommandSpec spec = CommandSpec.shell("echo $$; exec sleep 100", work, Map.of());

        assertThatThrownBy(() -> runner().run(
                                spec, logs, Instant.now().plusSeconds(30), Duration.ofMillis(50), (elapsed, line) -> {
                                    throw new IllegalStateException("console closed");
                                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("console closed");

        long pid = Long.parseLong(Files.readAllLines(logs.stdout()).get(0));
        assertThat(ProcessHandle.of(pid).filter(ProcessTree::isRunning)).isEmpty();
    }

    private static void touch(Path file) {
        try {
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void run_backgroundChildWithOwnOutput_killedToo() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "finding re-parented processes needs /proc");

        ProcessOutcome outcome =
                runShell("sleep 100 >/dev/null 2>&1 & echo $!; " + untilSleeping("$!"), Duration.ofSeconds(30));

        assertThat(outcome.exitCode()).isZero();
        long child = Long.parseLong(Files.readAllLines(logs.stdout()).get(0));
        assertThat(ProcessHandle.of(child).filter(ProcessTree::isRunning)).isEmpty();
        assertThat(read(logs.combined()))
                .matches(child + "\n\\[smoke] killed 1 background process still running when the step ended: " + child
                        + " \\((/usr)?/bin/sleep 100\\)\n");
    }

    @Test
    void run_outputHeldOpenOutsideTheTree_stopsReadingAfterGrace() throws IOException {
        // env -u drops the cookie, so the runner cannot find the sleep once sh has exited; sh waits
        // until env has become that sleep
        ProcessOutcome outcome = runShell(
                "env -u SMOKE_PROCESS_TREE sleep 30 & echo $!; " + untilSleeping("$!"), Duration.ofSeconds(30));

        ProcessHandle holder = ProcessHandle.of(
                        Long.parseLong(Files.readAllLines(logs.stdout()).get(0)))
                .orElseThrow();
        try {
            assertThat(outcome.exitCode()).isZero();
            assertThat(holder.isAlive()).isTrue();
            List<String> combined = Files.readAllLines(logs.combined());
            assertThat(combined.get(combined.size() - 1))
                    .isEqualTo("[smoke] stopped reading the output 300ms after the step ended: a process outside the"
                            + " step's process tree keeps it open");
            assertThat(log.lines())
                    .anyMatch(line -> line.startsWith("WARN Stopped reading the output of process tree of pid "));
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void run_commandReadingStdin_seesEndOfInput() throws IOException {
        ProcessOutcome outcome = runShell("cat; echo done", Duration.ofSeconds(30));

        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.exitCode()).isZero();
        assertThat(read(logs.stdout())).isEqualTo("done\n");
    }

    @Test
    void run_largeOutput_writtenWholeToBothLogs() throws IOException {
        runShell("head -c 20000000 /dev/zero | tr '\\0' x", Duration.ofSeconds(50));

        assertThat(Files.size(logs.stdout())).isEqualTo(20_000_000L);
        assertThat(Files.size(logs.combined())).isEqualTo(20_000_000L);
    }

    @Test
    void run_logFolderMissing_isCreated() {
        StepLogs nested = StepLogs.in(dir.resolve("a/b/c"), "02-x.log");

        runner().run(
                        CommandSpec.shell("echo hi", work, Map.of()),
                        nested,
                        Instant.now().plusSeconds(30));

        assertThat(nested.combined()).hasContent("hi");
        assertThat(nested.stdout()).hasContent("hi");
        assertThat(nested.stderr()).isEmptyFile();
    }

    @Test
    void run_finished_reportsToDebugLog() {
        runShell("exit 0", Duration.ofSeconds(30));

        assertThat(log.lines()).first().isEqualTo("DEBUG Running `exit 0` in " + work);
        assertThat(log.lines().get(1)).matches("DEBUG `exit 0`: exit code 0 after \\d+\\.\\d s");
    }

    @Test
    void liveProcesses_killAll_killsRegisteredTrees() throws Exception {
        Process process = new ProcessBuilder("sleep", "100").start();
        ProcessTree tree = new ProcessTree(process.toHandle(), ProcessTree.newCookie());
        LiveProcesses.add(tree);

        LiveProcesses.killAll();

        assertThat(process.waitFor()).isEqualTo(143);
        assertThat(LiveProcesses.contains(tree)).isFalse();
    }

    /**
     * Shell code that waits until each process of {@code pids} (a shell word, such as {@code $!}) runs
     * {@code sleep}. A background child forked by sh shows sh's own command line ({@code sh -c sleep 100
     * & echo $!}) until it has exec'd; under load that can last until sh has exited and the runner has
     * taken its snapshot of leftovers, which must name the sleep.
     */
    private static String untilSleeping(String pids) {
        return "for p in " + pids + "; do until read c < /proc/$p/comm && [ \"$c\" = sleep ]; do sleep 0.01; done;"
                + " done";
    }

    private ProcessOutcome runShell(String line, Duration timeout) {
        return runner().run(
                        CommandSpec.shell(line, work, Map.of()),
                        logs,
                        Instant.now().plus(timeout));
    }

    private ProcessRunner runner() {
        return new ProcessRunner(log, SHORT_GRACE, SHORT_GRACE);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
