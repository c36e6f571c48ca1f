package dev.smokegate.smoke.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.smoke.RecordingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two shapes of a durations file: a smoke summary, and a map of scenario name to seconds. */
class RecordedDurationsTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("timings.json"), json, StandardCharsets.UTF_8);
    }

    @Test
    void read_summary_durationMsOfEachEntryThatRan() throws IOException {
        Path file = write("{\"format\": 1, \"gate\": {}, \"scenarios\": ["
                + "{\"name\": \"ok\", \"status\": \"PASS\", \"durationMs\": 1200},"
                + "{\"name\": \"broken\", \"status\": \"FAIL\", \"durationMs\": 0},"
                + "{\"name\": \"needs-token\", \"status\": \"SKIP\", \"durationMs\": 3},"
                + "{\"name\": \"odd\", \"status\": \"PASS\", \"durationMs\": \"soon\"}]}");

        assertThat(RecordedDurations.read(file))
                .containsExactly(Map.entry("ok", Duration.ofMillis(1200)), Map.entry("broken", Duration.ZERO));
    }

    @Test
    void read_mapOfSeconds_durationsToTheMillisecond() throws IOException {
        Path file = write("{\"greeter-loop\": 12.5, \"chat-live\": 3, \"quick\": 0.0004}");

        assertThat(RecordedDurations.read(file))
                .containsExactly(
                        Map.entry("greeter-loop", Duration.ofMillis(12_500)),
                        Map.entry("chat-live", Duration.ofSeconds(3)),
                        Map.entry("quick", Duration.ZERO));
    }

    @Test
    void read_emptyObject_noDurations() throws IOException {
        assertThat(RecordedDurations.read(write("{}"))).isEmpty();
    }

    @Test
    void read_secondsNotANumber_namesTheKeyAndTheValue() throws IOException {
        Path file = write("{\"greeter-loop\": \"fast\"}");

        assertThatThrownBy(() -> RecordedDurations.read(file))
                .isInstanceOf(IOException.class)
                .hasMessage("the value of 'greeter-loop' is \"fast\", not a number of seconds (0 or more); a summary"
                        + " needs its \"format\": 1");
    }

    @Test
    void read_negativeSeconds_rejected() throws IOException {
        Path file = write("{\"greeter-loop\": -1}");

        assertThatThrownBy(() -> RecordedDurations.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the value of 'greeter-loop' is -1, not a number of seconds");
    }

    @Test
    void read_summaryOfAnotherFormat_rejected() throws IOException {
        Path file = write("{\"format\": 2, \"scenarios\": []}");

        assertThatThrownBy(() -> RecordedDurations.read(file))
                .isInstanceOf(IOException.class)
                .hasMessage("a summary of format 2, not 1");
    }

    @Test
    void read_notJson_says() throws IOException {
        Path file = write("{\"greeter-loop\": ");

        assertThatThrownBy(() -> RecordedDurations.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("not JSON: ");
    }

    @Test
    void read_array_notAnObject() throws IOException {
        assertThatThrownBy(() -> RecordedDurations.read(write("[1, 2]")))
                .isInstanceOf(IOException.class)
                .hasMessage("not a JSON object");
    }

    @Test
    void read_noFile_noSuchFile() {
        assertThatThrownBy(() -> RecordedDurations.read(dir.resolve("missing.json")))
                .isInstanceOf(NoSuchFileException.class);
    }

    private final RecordingLog log = new RecordingLog();

    private Map<String, Duration> readLeniently(String json) throws Exception {
        Path file = dir.resolve("smoke-summary.json");
        Files.writeString(file, json);
        return RecordedDurations.read(file, path -> "target/smoke/" + path.getFileName(), log);
    }

    @Test
    void readLeniently_passedFailedAndSkipped_durationsOfThoseThatRan() throws Exception {
        Map<String, Duration> durations = readLeniently("{ \"format\": 1, \"scenarios\": ["
                + "{ \"name\": \"a\", \"status\": \"PASS\", \"durationMs\": 1540 },"
                + "{ \"name\": \"b\", \"status\": \"SKIP\", \"durationMs\": 3 },"
                + "{ \"name\": \"c\", \"status\": \"FAIL\", \"durationMs\": 20 },"
                + "{ \"name\": \"d\", \"status\": \"PASS\" } ] }");

        assertThat(durations)
                .containsExactly(Map.entry("a", Duration.ofMillis(1540)), Map.entry("c", Duration.ofMillis(20)));
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void readLeniently_noFile_noDurationsNoWarning() {
        assertThat(RecordedDurations.read(dir.resolve("smoke-summary.json"), Path::toString, log))
                .isEmpty();
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void readLeniently_otherFormat_noDurationsAndAWarningNamingTheFile() throws Exception {
        assertThat(readLeniently("{ \"format\": 2, \"scenarios\": [] }")).isEmpty();
        assertThat(log.lines())
                .containsExactly("WARN [smoke] the earlier summary target/smoke/smoke-summary.json cannot be read as"
                        + " format 1: a summary of format 2, not 1. No durations are known; the next gate run writes"
                        + " it again.");
    }

    @Test
    void readLeniently_notJson_noDurationsAndAWarning() throws Exception {
        assertThat(readLeniently("{ \"format\": 1, ")).isEmpty();
        assertThat(log.lines())
                .singleElement()
                .asString()
                .startsWith("WARN [smoke] the earlier summary target/smoke/smoke-summary.json cannot be read as format"
                        + " 1: not JSON: ");
    }
}
