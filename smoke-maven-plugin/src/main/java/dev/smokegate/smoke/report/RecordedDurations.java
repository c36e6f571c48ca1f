package dev.smokegate.smoke.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Status;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the scenarios' recorded durations, which balance the shards, from a JSON file of one of two
 * shapes, told apart by a top-level {@code "format"} key:
 *
 * <ul>
 *   <li>a {@code smoke-summary.json} ({@link SummaryJson}, format {@value SummaryJson#FORMAT}), such as
 *       the previous run's or a merged one: each entry's {@code durationMs}; a skipped entry did not run
 *       and records nothing;
 *   <li>a map of scenario name to seconds, which a user writes by hand or from a script: {@code
 *       {"greeter-loop": 12.5, "chat-live": 3}}; a number of seconds must not be negative.
 * </ul>
 *
 * Read with Jackson.
 */
public final class RecordedDurations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedDurations() {}

    /**
     * @param file the summary or timings file
     * @return each scenario's duration by name, in the file's order
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws IOException when the file cannot be read, is not JSON, or is neither shape; the message
     *     says what is wrong, e.g. {@code the value of 'greeter' is "fast", not a number of seconds}
     */
    public static Map<String, Duration> read(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        return root.has("format") ? fromSummary(root) : fromSeconds(root);
    }

    /**
     * The lenient read, for a listing ({@code smoke:list}): never fails. No file means no durations;
     * a file that cannot be read means none either, with a warning that names it. The file is only
     * read.
     *
     * @param file the summary, e.g. {@code target/smoke/smoke-summary.json}
     * @param display how a message shows a path (relative to the project)
     * @param log where a file that cannot be read is warned about
     * @return the last duration by scenario name, in the file's order; empty when there is no file or
     *     it cannot be read
     */
    public static Map<String, Duration> read(Path file, Function<Path, String> display, SmokeLog log) {
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return read(file);
        } catch (IOException e) {
            log.warn(ConsoleReport.PREFIX + "the earlier summary " + display.apply(file) + " cannot be read as format "
                    + SummaryJson.FORMAT + ": " + e.getMessage() + ". No durations are known; the next gate run writes"
                    + " it again.");
            return new LinkedHashMap<>();
        }
    }

    private static Map<String, Duration> fromSummary(JsonNode root) throws IOException {
        if (root.path("format").asInt(-1) != SummaryJson.FORMAT) {
            throw new IOException("a summary of format " + root.path("format") + ", not " + SummaryJson.FORMAT);
        }
        if (!root.path("scenarios").isArray()) {
            throw new IOException("a summary without a scenarios list");
        }
        Map<String, Duration> durations = new LinkedHashMap<>();
        for (JsonNode entry : root.path("scenarios")) {
            JsonNode millis = entry.path("durationMs");
            if (entry.path("name").isTextual()
                    && millis.canConvertToLong()
                    && millis.asLong() >= 0
                    && !Status.SKIP.name().equals(entry.path("status").asText())) {
                durations.put(entry.path("name").asText(), Duration.ofMillis(millis.asLong()));
            }
        }
        return durations;
    }

    private static Map<String, Duration> fromSeconds(JsonNode root) throws IOException {
        Map<String, Duration> durations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (!value.isNumber() || value.decimalValue().signum() < 0) {
                throw new IOException("the value of '" + field.getKey() + "' is " + value
                        + ", not a number of seconds (0 or more); a summary needs its \"format\": "
                        + SummaryJson.FORMAT);
            }
            BigDecimal millis = value.decimalValue().movePointRight(3);
            durations.put(
                    field.getKey(),
                    Duration.ofMillis(
                            millis.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue()));
        }
        return durations;
    }
}
