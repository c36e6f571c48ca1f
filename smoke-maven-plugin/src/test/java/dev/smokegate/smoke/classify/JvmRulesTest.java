package dev.smokegate.smoke.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.FailureCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime rules for a Java virtual machine that died: a crash and an out-of-memory error. */
class JvmRulesTest extends RuleTestSupport {
    private static final String CRASH =
            "runtime.crash (the Java virtual machine crashed: HotSpot's fatal error report)";
    private static final String OUT_OF_MEMORY =
            "runtime.out-of-memory (a Java virtual machine ran out of memory: java.lang.OutOfMemoryError)";

    // --- runtime.crash ---

    @Test
    void classify_hotSpotFatalErrorBanner_runtimeCrashWithLastMatchingLine() {
        assertClassified(
                exitMismatch(
                        134,
                        "#",
                        "# A fatal error has been detected by the Java Runtime Environment:",
                        "#",
                        "#  SIGSEGV (0xb) at pc=0x00007f, pid=4242, tid=4243",
                        "# An error report file with more information is saved as:",
                        "# /ws/hs_err_pid4242.log",
                        "Aborted (core dumped)"),
                FailureCategory.RUNTIME,
                CRASH,
                "# /ws/hs_err_pid4242.log");
    }

    @Test
    void classify_bannerWithoutReportFile_evidenceIsTheBanner() {
        assertClassified(
                exitMismatch(1, "# A fatal error has been detected by the Java Runtime Environment:", "#"),
                FailureCategory.RUNTIME,
                CRASH,
                "# A fatal error has been detected by the Java Runtime Environment:");
    }

    @Test
    void classify_crashReportLineInTestsFailedBuild_runtimeCrashWinsOverSourceTestsFailed() {
        assertClassified(
                exitMismatch(
                        1,
                        "[ERROR] Tests run: 3, Failures: 0, Errors: 1, Skipped: 0",
                        "[ERROR] Crashed tests: see /ws/target/surefire-reports/hs_err_pid77.log"),
                FailureCategory.RUNTIME,
                CRASH,
                "[ERROR] Crashed tests: see /ws/target/surefire-reports/hs_err_pid77.log");
    }

    @Test
    void classify_crashLineButExitCodeAsExpected_runtimeOutput() {
        assertThat(classifier
                        .classify(outputMismatch(0, "no 'ok' in stdout", "grep hs_err_pid in the docs"))
                        .rule())
                .isEqualTo(OUTPUT);
    }

    // --- runtime.out-of-memory ---

    @Test
    void classify_outOfMemoryError_runtimeOutOfMemory() {
        assertClassified(
                exitMismatch(
                        1,
                        "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
                        "\tat App.main(App.java:9)"),
                FailureCategory.RUNTIME,
                OUT_OF_MEMORY,
                "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void classify_outOfMemoryErrorThenTimeout_outOfMemoryNamesTheCause() {
        Evidence hung = new Evidence.Process(
                143, true, null, false, List.of("java.lang.OutOfMemoryError: Metaspace", "..."), null);

        assertClassified(hung, FailureCategory.RUNTIME, OUT_OF_MEMORY, "java.lang.OutOfMemoryError: Metaspace");
    }

    @Test
    void classify_serviceExitedWithOutOfMemoryError_runtimeOutOfMemory() {
        Evidence service = new Evidence.Service(
                "api",
                Evidence.ServiceProblem.EXITED_BEFORE_READY,
                1,
                null,
                null,
                List.of("Starting", "java.lang.OutOfMemoryError: Java heap space"));

        assertClassified(
                service, FailureCategory.RUNTIME, OUT_OF_MEMORY, "java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void classify_outOfMemoryWithNetworkLine_hostNetworkWins() {
        assertThat(classifier
                        .classify(exitMismatch(
                                1, "java.lang.OutOfMemoryError: Java heap space", "java.net.UnknownHostException: x"))
                        .category())
                .isEqualTo(FailureCategory.HOST);
    }
}
