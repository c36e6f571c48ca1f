package dev.smokegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@link InterruptionIT} counts as a printed stack trace in Maven's output. */
class StackTraceLineTest {
    @Test
    void stackTraceLine_framesCausesAndThrownExceptions_match() {
        assertThat(new String[] {
                    "\tat dev.smokegate.smoke.engine.SmokeEngine.run(SmokeEngine.java:120)",
                    "[ERROR] \tat org.apache.maven.cli.MavenCli.main(MavenCli.java:268)",
                    "Caused by: java.io.IOException: No space left on device",
                    "java.lang.IllegalStateException: boom",
                    "[ERROR] org.apache.maven.plugin.MojoExecutionException",
                    "java.lang.OutOfMemoryError: Java heap space"
                })
                .allMatch(InterruptionIT::stackTraceLine);
    }

    @Test
    void stackTraceLine_mavensFailureBlockAndTheGatesLines_doNotMatch() {
        assertThat(new String[] {
                    "[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException",
                    "[ERROR] Failed to execute goal dev.smokegate:smoke-maven-plugin:0.1.0-SNAPSHOT:verify (default)"
                            + " on project interrupt: Smoke gate failed: 1 of 2 scenarios (host 1), 1 skipped (host 1).",
                    "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
                    "[ERROR] Smoke: 0 passed, 0 failed, 1 skipped, 1 interrupted",
                    "[ERROR] [smoke] INTERRUPTED sleeper › wait after 0.1 s: stopped 3 processes",
                    "[INFO] BUILD FAILURE"
                })
                .noneMatch(InterruptionIT::stackTraceLine);
    }
}
