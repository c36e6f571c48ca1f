package dev.smokegate.smoke.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host rules for a process: command not found, killed, disk full, network and permission denied. */
class HostRulesTest extends RuleTestSupport {
    private static final String COMMAND_NOT_FOUND = "host.command-not-found (exit 127: POSIX sh, command not found)";
    private static final String KILLED = "host.killed (exit 137: killed by SIGKILL, which the gate did not send;"
            + " probably the kernel's out-of-memory killer)";
    private static final String DISK_FULL = "host.disk-full (the file system is full)";
    private static final String NETWORK = "host.network (a network name or route failed)";
    private static final String PERMISSION_DENIED = "host.permission-denied (the machine refused access to a file)";

    // --- host.command-not-found ---

    @Test
    void classify_exit127WithShellNotFoundLine_hostCommandNotFoundWithThatLine() {
        assertClassified(
                exitMismatch(127, "+ ./mvnw -B verify", "sh: 1: mvnw: not found", "", "  "),
                FailureCategory.HOST,
                COMMAND_NOT_FOUND,
                "sh: 1: mvnw: not found");
    }

    @Test
    void classify_exit127WithBashCommandNotFound_evidenceIsStrippedLine() {
        assertClassified(
                exitMismatch(127, "  bash: line 1: gradlew: command not found  "),
                FailureCategory.HOST,
                COMMAND_NOT_FOUND,
                "bash: line 1: gradlew: command not found");
    }

    @Test
    void classify_exit127WithoutNotFoundLine_evidenceIsExitCode() {
        assertClassified(
                exitMismatch(127, "something else entirely"), FailureCategory.HOST, COMMAND_NOT_FOUND, "exit code 127");
    }

    @Test
    void classify_startError_hostCommandNotFoundWithStartError() {
        String startError = "Cannot run program \"mvnw\" (in directory \"/ws\"): error=2, No such file or directory";
        Evidence evidence =
                new Evidence.Process(127, false, startError, true, List.of("sh: 1: other: not found"), null);

        assertClassified(evidence, FailureCategory.HOST, COMMAND_NOT_FOUND, startError);
    }

    @Test
    void classify_startErrorWithOtherExitCode_stillHost() {
        Evidence evidence = new Evidence.Process(-1, false, "error=13, Permission denied", true, List.of(), null);

        assertClassified(evidence, FailureCategory.HOST, COMMAND_NOT_FOUND, "error=13, Permission denied");
    }

    @Test
    void classify_exit127WithDiskFullLine_commandNotFoundWinsByOrder() {
        Classification result =
                classifier.classify(exitMismatch(127, "No space left on device", "sh: 1: mvnw: not found"));

        assertThat(result.rule()).isEqualTo(COMMAND_NOT_FOUND);
    }

    // --- host.killed ---

    @Test
    void classify_exit137WithShellKilledLine_hostKilledWithThatLine() {
        assertClassified(
                exitMismatch(
                        137,
                        "[INFO] Tests run: 12",
                        "sh: line 1:  4242 Killed                  java -jar app.jar",
                        "x"),
                FailureCategory.HOST,
                KILLED,
                "sh: line 1:  4242 Killed                  java -jar app.jar");
    }

    @Test
    void classify_exit137WithoutKilledLine_evidenceIsLastLine() {
        assertClassified(
                exitMismatch(137, "[INFO] Running AppTest", ""),
                FailureCategory.HOST,
                KILLED,
                "[INFO] Running AppTest");
    }

    @Test
    void classify_exit137WithOutOfMemoryError_hostKilledWinsOverRuntimeRules() {
        assertClassified(
                exitMismatch(137, "java.lang.OutOfMemoryError: Java heap space", "Killed"),
                FailureCategory.HOST,
                KILLED,
                "Killed");
    }

    @Test
    void classify_exit137AtTheDeadline_runtimeTimeoutNotHostKilled() {
        Evidence timedOut = new Evidence.Process(137, true, null, false, List.of("waiting"), null);

        assertThat(classifier.classify(timedOut).rule()).startsWith("runtime.timeout ");
    }

    @Test
    void classify_exit137WhenTheGateWasInterrupted_notHostKilled() {
        Evidence interrupted = new Evidence.Process(137, false, null, true, List.of("waiting"), null, true);

        assertThat(classifier.classify(interrupted).category()).isEqualTo(FailureCategory.RUNTIME);
    }

    @Test
    void classify_exit137Expected_outputCheckFailed_runtimeOutput() {
        assertClassified(
                outputMismatch(137, "no 'bye' in stdout", "Killed"),
                FailureCategory.RUNTIME,
                OUTPUT,
                "no 'bye' in stdout");
    }

    @Test
    void classify_serviceExited137BeforeReady_hostKilled() {
        Evidence service = new Evidence.Service(
                "api", Evidence.ServiceProblem.EXITED_BEFORE_READY, 137, null, null, List.of("Starting api"));

        assertClassified(service, FailureCategory.HOST, KILLED, "Starting api");
    }

    // --- host.disk-full ---

    @Test
    void classify_noSpaceLeftOnDevice_hostDiskFull() {
        assertClassified(
                exitMismatch(
                        1,
                        "[INFO] Building jar",
                        "java.io.IOException: No space left on device",
                        "[INFO] BUILD FAILURE"),
                FailureCategory.HOST,
                DISK_FULL,
                "java.io.IOException: No space left on device");
    }

    @Test
    void classify_diskQuotaExceededOnOutputCheck_hostDiskFull() {
        assertClassified(
                outputMismatch(0, "no 'done' in stdout", "write: Disk quota exceeded"),
                FailureCategory.HOST,
                DISK_FULL,
                "write: Disk quota exceeded");
    }

    // --- host.network ---

    @Test
    void classify_couldNotTransferArtifact_hostNetwork() {
        String line = "[ERROR] Could not transfer artifact org.example:lib:pom:1.0 from/to central"
                + " (https://repo.example.org/maven2): repo.example.org";
        assertClassified(exitMismatch(1, line, "[ERROR] BUILD FAILURE"), FailureCategory.HOST, NETWORK, line);
    }

    @Test
    void classify_couldNotResolveDependencies_hostNetwork() {
        String line = "[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project"
                + " org.example:app:jar:1.0: Failed to collect dependencies at org.example:lib:jar:1.0";
        assertClassified(exitMismatch(1, line, "[ERROR] -> [Help 1]"), FailureCategory.HOST, NETWORK, line);
    }

    @Test
    void classify_unknownHostAfterCompileError_networkWinsByOrder() {
        assertClassified(
                exitMismatch(1, "[ERROR] COMPILATION ERROR :", "java.net.UnknownHostException: repo.example.org"),
                FailureCategory.HOST,
                NETWORK,
                "java.net.UnknownHostException: repo.example.org");
    }

    // --- host.permission-denied ---

    @Test
    void classify_permissionDeniedOnExitMismatch_hostPermissionDenied() {
        assertClassified(
                exitMismatch(1, "cp: cannot create regular file '/opt/x': Permission denied", "done"),
                FailureCategory.HOST,
                PERMISSION_DENIED,
                "cp: cannot create regular file '/opt/x': Permission denied");
    }

    @Test
    void classify_exit126WithPermissionDenied_sourceNotExecutableNotHost() {
        assertThat(classifier
                        .classify(exitMismatch(126, "sh: 1: ./run.sh: Permission denied"))
                        .rule())
                .startsWith("source.not-executable ");
    }

    @Test
    void classify_permissionDeniedOnOutputCheck_runtimeOutput() {
        assertClassified(
                outputMismatch(0, "stdout has no 'ok'", "cp: cannot stat 'x': Permission denied"),
                FailureCategory.RUNTIME,
                OUTPUT,
                "stdout has no 'ok'");
    }
}
