package dev.smokegate.smoke.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StepLogsTest {

    @Test
    void in_logName_derivesStreamLogsBesideIt() {
        StepLogs logs = StepLogs.in(Path.of("/logs"), "04-rerun.log");

        assertThat(logs.combined()).isEqualTo(Path.of("/logs/04-rerun.log"));
        assertThat(logs.stdout()).isEqualTo(Path.of("/logs/04-rerun.stdout.log"));
        assertThat(logs.stderr()).isEqualTo(Path.of("/logs/04-rerun.stderr.log"));
    }

    @Test
    void in_nameWithoutLogSuffix_appendsSuffixes() {
        StepLogs logs = StepLogs.in(Path.of("/logs"), "build");

        assertThat(logs.combined()).isEqualTo(Path.of("/logs/build"));
        assertThat(logs.stdout()).isEqualTo(Path.of("/logs/build.stdout.log"));
        assertThat(logs.stderr()).isEqualTo(Path.of("/logs/build.stderr.log"));
    }
}
