package dev.smokegate.smoke.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.classify.Evidence.HarnessProblem;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClassifierTest {
    private final Classifier classifier = new Classifier(MavenFrontEnd.INSTANCE);

    private static final String COMMAND_NOT_FOUND = "host.command-not-found (exit 127: POSIX sh, command not found)";
    private static final String DISK_FULL = "host.disk-full (the file system is full)";
    private static final String NETWORK = "host.network (a network name or route failed)";
    private static final String NOT_EXECUTABLE =
            "source.not-executable (exit 126: POSIX sh, command found but not executable)";
    private static final String PERMISSION_DENIED = "host.permission-denied (the machine refused access to a file)";
    private static final String TIMEOUT = "runtime.timeout (the step ran past its deadline and was killed)";
    private static final String COMPILE_ERROR = "source.compile-error (the repository's code does not compile)";
    private static final String TESTS_FAILED = "source.tests-failed (the repository's own tests fail)";
    private static final String SIGNAL = "runtime.signal (exit above 128: killed by signal (exit - 128))";
    private static final String EXIT_CODE = "runtime.exit-code (the process exited with an unexpected code)";
    private static final String OUTPUT =
            "runtime.output (the process ran but its output or files are not what was expected)";

    /** A finished process whose exit-code check failed. */
    private static Evidence exitMismatch(int exitCode, String... tail) {
        return new Evidence.Process(exitCode, false, null, true, List.of(tail), null);
    }

    /** A finished process whose exit code was as expected but an output or file check failed. */
    private static Evidence outputMismatch(int exitCode, String checkEvidence, String... tail) {
        return new Evidence.Process(exitCode, false, null, false, List.of(tail), checkEvidence);
    }

    /** Asserts the whole verdict: category, rule and evidence line. */
    private void assertClassified(Evidence evidence, FailureCategory category, String rule, String evidenceLine) {
        assertThat(classifier.classify(evidence)).isEqualTo(new Classification(category, rule, evidenceLine));
    }

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
    void classify_unknownHostAfterCompileError_networkWinsByOrder() {
        assertClassified(
                exitMismatch(1, "[ERROR] COMPILATION ERROR :", "java.net.UnknownHostException: repo.example.org"),
                FailureCategory.HOST,
                NETWORK,
                "java.net.UnknownHostException: repo.example.org");
    }

    // --- source.not-executable ---

    @Test
    void classify_exit126WithPermissionDenied_sourceNotExecutable() {
        assertClassified(
                exitMismatch(126, "sh: 1: ./mvnw: Permission denied", "after the fact"),
                FailureCategory.SOURCE,
                NOT_EXECUTABLE,
                "sh: 1: ./mvnw: Permission denied");
    }

    @Test
    void classify_exit126WithoutPermissionLine_evidenceIsLastLine() {
        assertClassified(
                exitMismatch(126, "sh: 1: ./run.sh: cannot execute", ""),
                FailureCategory.SOURCE,
                NOT_EXECUTABLE,
                "sh: 1: ./run.sh: cannot execute");
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
    void classify_permissionDeniedOnOutputCheck_runtimeOutput() {
        assertClassified(
                outputMismatch(0, "stdout has no 'ok'", "cp: cannot stat 'x': Permission denied"),
                FailureCategory.RUNTIME,
                OUTPUT,
                "stdout has no 'ok'");
    }

    // --- runtime.timeout ---

    @Test
    void classify_timedOut_runtimeTimeoutWithLastLine() {
        Evidence evidence = new Evidence.Process(
                143, true, null, false, List.of("Started server", "Waiting for port 8080...", ""), null);

        assertClassified(evidence, FailureCategory.RUNTIME, TIMEOUT, "Waiting for port 8080...");
    }

    @Test
    void classify_timedOutWithNoOutput_evidenceNamesExitCode() {
        Evidence evidence = new Evidence.Process(137, true, null, false, List.of(), null);

        assertClassified(evidence, FailureCategory.RUNTIME, TIMEOUT, "(the step printed nothing; exit code 137)");
    }

    // --- source.compile-error ---

    @Test
    void classify_compilationError_sourceCompileError() {
        assertClassified(
                exitMismatch(
                        1,
                        "[ERROR] COMPILATION ERROR : ",
                        "[ERROR] /ws/src/main/java/App.java:[3,8] class Ap is public",
                        "[INFO] BUILD FAILURE"),
                FailureCategory.SOURCE,
                COMPILE_ERROR,
                "[ERROR] /ws/src/main/java/App.java:[3,8] class Ap is public");
    }

    @Test
    void classify_onlyCompilationErrorHeader_evidenceIsThatLine() {
        assertClassified(
                exitMismatch(1, "[ERROR] COMPILATION ERROR :", "[INFO] BUILD FAILURE"),
                FailureCategory.SOURCE,
                COMPILE_ERROR,
                "[ERROR] COMPILATION ERROR :");
    }

    @Test
    void classify_cannotFindSymbol_sourceCompileError() {
        assertClassified(
                exitMismatch(1, "App.java:5: error: cannot find symbol"),
                FailureCategory.SOURCE,
                COMPILE_ERROR,
                "App.java:5: error: cannot find symbol");
    }

    // --- source.tests-failed ---

    @Test
    void classify_testsFailedOnExitMismatch_sourceTestsFailed() {
        assertClassified(
                exitMismatch(1, "[ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0", "[INFO] BUILD FAILURE"),
                FailureCategory.SOURCE,
                TESTS_FAILED,
                "[ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0");
    }

    @Test
    void classify_testErrorsOnExitMismatch_sourceTestsFailed() {
        assertClassified(
                exitMismatch(1, "Tests run: 4, Failures: 0, Errors: 2"),
                FailureCategory.SOURCE,
                TESTS_FAILED,
                "Tests run: 4, Failures: 0, Errors: 2");
    }

    @Test
    void classify_testsAllGreenOnExitMismatch_runtimeExitCode() {
        assertClassified(
                exitMismatch(1, "Tests run: 4, Failures: 0, Errors: 0", "boom at the end"),
                FailureCategory.RUNTIME,
                EXIT_CODE,
                "boom at the end");
    }

    @Test
    void classify_testsFailedLineOnOutputCheck_runtimeOutputWithLastLine() {
        assertClassified(
                outputMismatch(0, null, "Tests run: 4, Failures: 1, Errors: 0"),
                FailureCategory.RUNTIME,
                OUTPUT,
                "Tests run: 4, Failures: 1, Errors: 0");
    }

    // --- runtime.signal ---

    @Test
    void classify_exit137_runtimeSignal() {
        assertClassified(exitMismatch(137, "Starting", "Killed"), FailureCategory.RUNTIME, SIGNAL, "Killed");
    }

    @Test
    void classify_exit137OnOutputCheck_runtimeOutput() {
        assertClassified(
                outputMismatch(137, "no 'ready' in output", "Killed"),
                FailureCategory.RUNTIME,
                OUTPUT,
                "no 'ready' in output");
    }

    // --- runtime.exit-code ---

    @Test
    void classify_plainExitMismatch_runtimeExitCodeWithLastNonBlankLine() {
        assertClassified(
                exitMismatch(2, "usage: greeter NAME", "  greeter: missing NAME  ", "", "   "),
                FailureCategory.RUNTIME,
                EXIT_CODE,
                "greeter: missing NAME");
    }

    @Test
    void classify_exitMismatchWithEmptyTail_evidenceSaysNothingPrinted() {
        assertClassified(
                exitMismatch(3), FailureCategory.RUNTIME, EXIT_CODE, "(the step printed nothing; exit code 3)");
    }

    @Test
    void classify_exitMismatchWithOnlyBlankLines_evidenceSaysNothingPrinted() {
        Classification result = classifier.classify(exitMismatch(1, "", "  ", "\t"));

        assertThat(result.evidence()).isEqualTo("(the step printed nothing; exit code 1)");
    }

    // --- runtime.output ---

    @Test
    void classify_outputCheckWithCheckEvidence_runtimeOutputWithCheckEvidence() {
        assertClassified(
                outputMismatch(0, "target/app.jar does not exist", "BUILD SUCCESS"),
                FailureCategory.RUNTIME,
                OUTPUT,
                "target/app.jar does not exist");
    }

    @Test
    void classify_outputCheckWithoutCheckEvidence_evidenceIsLastLine() {
        assertClassified(outputMismatch(0, null, "Hello, world", ""), FailureCategory.RUNTIME, OUTPUT, "Hello, world");
    }

    @Test
    void classify_outputCheckWithEmptyTail_evidenceSaysNothingPrinted() {
        assertClassified(
                outputMismatch(0, null), FailureCategory.RUNTIME, OUTPUT, "(the step printed nothing; exit code 0)");
    }

    // --- harness problems ---

    static Stream<Arguments> harnessRules() {
        return Stream.of(
                Arguments.of(
                        HarnessProblem.NOT_A_REPOSITORY,
                        FailureCategory.SOURCE,
                        "source.not-a-repository (the configured checkout is not a git work tree)"),
                Arguments.of(
                        HarnessProblem.UNREADABLE_TRACKED,
                        FailureCategory.SOURCE,
                        "source.unreadable-tracked (a file git tracks cannot be read, so the sandbox would be incomplete)"),
                Arguments.of(
                        HarnessProblem.REF_NOT_FOUND,
                        FailureCategory.SOURCE,
                        "source.ref-not-found (the branch, tag or commit is not in the repository)"),
                Arguments.of(
                        HarnessProblem.PATCH_REJECTED,
                        FailureCategory.SOURCE,
                        "source.patch-rejected (the patch does not match the repository's files)"),
                Arguments.of(
                        HarnessProblem.ESCAPES_WORKSPACE,
                        FailureCategory.SOURCE,
                        "source.escapes-workspace (a path in the scenario or patch leaves the workspace)"),
                Arguments.of(
                        HarnessProblem.UNREACHABLE,
                        FailureCategory.HOST,
                        "host.unreachable (the repository URL cannot be reached from this machine)"),
                Arguments.of(
                        HarnessProblem.OFFLINE_NOT_CACHED,
                        FailureCategory.HOST,
                        "host.offline-not-cached (Maven runs offline (-o) and the clone cache lacks the repository)"),
                Arguments.of(
                        HarnessProblem.IO,
                        FailureCategory.HOST,
                        "host.io (reading or writing files on this machine failed)"));
    }

    @ParameterizedTest
    @MethodSource("harnessRules")
    void classify_harnessProblem_mapsToItsRuleWithMessageAsEvidence(
            HarnessProblem problem, FailureCategory category, String rule) {
        String message = "what went wrong: " + problem;

        assertClassified(new Evidence.Harness(problem, message), category, rule, message);
    }

    @Test
    void harnessRules_everyHarnessProblem_isCovered() {
        assertThat(harnessRules().map(arguments -> arguments.get()[0]))
                .containsExactlyInAnyOrder((Object[]) HarnessProblem.values());
    }

    @Test
    void classify_harnessMessageMentioningNetwork_staysHarnessRule() {
        Classification result = classifier.classify(
                new Evidence.Harness(HarnessProblem.PATCH_REJECTED, "Could not transfer artifact x: not found"));

        assertThat(result.rule()).startsWith("source.patch-rejected (");
        assertThat(result.evidence()).isEqualTo("Could not transfer artifact x: not found");
    }

    // --- rules() ---

    @Test
    void rules_eachEntry_matchesTheRuleStringOfItsClassification() {
        List<String> rules = classifier.rules();
        List<Classification> samples = Arrays.asList(
                classifier.classify(exitMismatch(127)),
                classifier.classify(exitMismatch(137)),
                classifier.classify(outputMismatch(0, "x")));

        for (Classification sample : samples) {
            assertThat(rules).contains(sample.rule() + " → " + sample.category().label());
        }
    }

    @Test
    void classify_expectedExit127ButOutputCheckFailed_runtimeOutputNotCommandNotFound() {
        Classification result = classifier.classify(new Evidence.Process(
                127, false, null, false, List.of("sh: 1: nope: not found"), "no 'nope' in stdout"));

        assertThat(result.category()).isEqualTo(FailureCategory.RUNTIME);
        assertThat(result.rule()).startsWith("runtime.output ");
        assertThat(result.evidence()).isEqualTo("no 'nope' in stdout");
    }
}
