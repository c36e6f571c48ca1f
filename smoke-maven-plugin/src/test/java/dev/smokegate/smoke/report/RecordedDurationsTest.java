package dev.smokegate.smoke.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedDurationsTest {
    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private Map<String, Duration> read(String json) throws Exception {
        Path file = dir.resolve("smoke-summary.json");
        Files.writeString(file, json);
        return RecordedDurations.read(file, path -> "target/smoke/" + path.getFileName(), log);
    }

    @Test
    void read_passedFailedAndSkipped_durationsOfThoseThatRan() throws Exception {
        Map<String, Duration> durations = read(
                """
                { "format": 1, "scenarios": [
                  { "name": "a", "status": "PASS", "durationMs": 1540 },
                  { "name": "b", "status": "SKIP", "durationMs": 3 },
                  { "name": "c", "status": "FAIL", "durationMs": 20 },
                  { "name": "d", "status": "PASS" } ] }
                """);

        assertThat(durations)
                .containsExactly(Map.entry("a", Duration.ofMillis(1540)), Map.entry("c", Duration.ofMillis(20)));
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void read_noFile_noDurationsNoWarning() {
        assertThat(RecordedDurations.read(dir.resolve("smoke-summary.json"), Path::toString, log))
                .isEmpty();
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void read_otherFormat_noDurationsAndAWarningNamingTheFile() throws Exception {
        assertThat(read("{ \"format\": 2, \"scenarios\": [] }")).isEmpty();
        assertThat(log.lines())
                .containsExactly("WARN [smoke] the earlier summary target/smoke/smoke-summary.json cannot be read as"
                        + " format 1: format 2, not 1. No durations are known; the next gate run writes it again.");
    }

    @Test
    void read_notJson_noDurationsAndAWarning() throws Exception {
        assertThat(read("{ \"format\": 1, ")).isEmpty();
        assertThat(log.lines())
                .singleElement()
                .asString()
                .startsWith(
                        "WARN [smoke] the earlier summary target/smoke/smoke-summary.json cannot be read as format 1: ");
    }
}
