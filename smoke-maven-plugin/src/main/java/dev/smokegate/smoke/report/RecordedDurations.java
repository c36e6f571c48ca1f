package dev.smokegate.smoke.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads how long each scenario took when it last ran, from an earlier {@code smoke-summary.json}
 * ({@link SummaryJson}, format {@value SummaryJson#FORMAT}), read with Jackson: the {@code
 * durationMs} of each entry whose {@code status} is {@code PASS} or {@code FAIL}. A skipped scenario
 * did not run, so it has no duration.
 *
 * <p>Never fails: no file means no durations, and a file that cannot be read as format {@value
 * SummaryJson#FORMAT} means none either, with a warning that names it. The file is only read.
 */
public final class RecordedDurations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedDurations() {}

    /**
     * @param file the summary, e.g. {@code target/smoke/smoke-summary.json}
     * @param display how a message shows a path (relative to the project)
     * @param log where a file that cannot be read is warned about
     * @return the last duration by scenario name, in the file's order; empty when there is no file or
     *     it cannot be read
     */
    public static Map<String, Duration> read(Path file, Function<Path, String> display, SmokeLog log) {
        Map<String, Duration> durations = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return durations;
        }
        String problem;
        JsonNode root = null;
        try {
            root = JSON.readTree(file.toFile());
            problem = root == null || !root.isObject()
                    ? "not a JSON object"
                    : root.path("format").asInt(-1) != SummaryJson.FORMAT
                            ? "format " + root.path("format") + ", not " + SummaryJson.FORMAT
                            : !root.path("scenarios").isArray() ? "no scenarios list" : null;
        } catch (JsonProcessingException e) {
            problem = e.getOriginalMessage();
        } catch (IOException e) {
            problem = e.toString();
        }
        if (problem != null) {
            log.warn(ConsoleReport.PREFIX + "the earlier summary " + display.apply(file) + " cannot be read as format "
                    + SummaryJson.FORMAT + ": " + problem + ". No durations are known; the next gate run writes it"
                    + " again.");
            return durations;
        }
        for (JsonNode entry : root.path("scenarios")) {
            String status = entry.path("status").asText();
            if (entry.path("name").isTextual()
                    && entry.path("durationMs").isIntegralNumber()
                    && entry.path("durationMs").asLong() >= 0
                    && (status.equals(Status.PASS.name()) || status.equals(Status.FAIL.name()))) {
                durations.put(
                        entry.path("name").asText(),
                        Duration.ofMillis(entry.path("durationMs").asLong()));
            }
        }
        return durations;
    }
}
