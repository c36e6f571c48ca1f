package dev.smokegate.smoke.classify;

import dev.smokegate.smoke.model.FailureCategory;
import org.junit.jupiter.api.Test;

/** The source rules for a process: not executable, compile error and failing tests. */
class SourceRulesTest extends RuleTestSupport {
    private static final String NOT_EXECUTABLE =
            "source.not-executable (exit 126: POSIX sh, command found but not executable)";
    private static final String COMPILE_ERROR = "source.compile-error (the repository's code does not compile)";
    private static final String TESTS_FAILED = "source.tests-failed (the repository's own tests fail)";

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
}
