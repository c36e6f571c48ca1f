package dev.smokegate.smoke.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.ScenarioSource;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The scenarios a gate would run, as {@code smoke:list} prints them: a text table for people, or
 * JSON (Jackson) for scripts. Nothing here runs a scenario.
 *
 * <p>Text: a header, then one line per scenario; the columns are {@code scenario}, {@code owners},
 * {@code tags}, {@code source}, {@code steps}, {@code needs} and {@code last duration}, left aligned
 * and two spaces apart, lists joined with {@code ,}, an empty cell written {@code -}, the duration in
 * the elapsed form ({@code 1.5 s}, {@link Durations#elapsed}).
 *
 * <p>JSON, format {@value #FORMAT}: {@code {"format": 1, "manifest": "src/smoke/manifest.toml",
 * "scenarios": [{"name", "owners", "tags", "source": {"kind", "location", "ref"}, "steps", "needs",
 * "lastDurationMs"}]}}, with {@code lastDurationMs} {@code null} when no duration is recorded.
 */
public final class ScenarioTable {
    /** The format number of the JSON form. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> HEADER =
            List.of("scenario", "owners", "tags", "source", "steps", "needs", "last duration");

    private ScenarioTable() {}

    /**
     * One scenario of the table.
     *
     * @param name the scenario's name
     * @param owners its task IDs
     * @param tags its tags
     * @param source where its workspace would come from, placeholders resolved; no commit
     * @param steps how many steps it has
     * @param needs the scenarios it needs, as written
     * @param lastDuration how long it took when it last ran, or {@code null} when that is not known
     */
    public record Row(
            String name,
            List<String> owners,
            List<String> tags,
            ScenarioSource source,
            int steps,
            List<String> needs,
            Duration lastDuration) {
        /** @throws NullPointerException when name or source is {@code null} */
        public Row {
            Objects.requireNonNull(name, "name");
            owners = List.copyOf(owners);
            tags = List.copyOf(tags);
            Objects.requireNonNull(source, "source");
            needs = List.copyOf(needs);
        }
    }

    /**
     * @param rows the scenarios, in manifest order
     * @return the header line, then one line per scenario; no line ends in a space
     */
    public static List<String> text(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Row row : rows) {
            cells.add(List.of(
                    row.name(),
                    list(row.owners()),
                    list(row.tags()),
                    source(row.source()),
                    String.valueOf(row.steps()),
                    list(row.needs()),
                    row.lastDuration() == null ? "-" : Durations.elapsed(row.lastDuration())));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> line : cells) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                text.append(i == 0 ? "" : "  ").append(line.get(i));
                if (i < widths.length - 1) {
                    text.append(" ".repeat(widths[i] - line.get(i).length()));
                }
            }
            lines.add(text.toString().stripTrailing());
        }
        return lines;
    }

    /**
     * @param manifest the manifest, as the user names it
     * @param rows the scenarios, in manifest order
     * @return the JSON document, indented, without a final line break
     */
    public static String json(String manifest, List<Row> rows) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("manifest", manifest);
        ArrayNode scenarios = root.putArray("scenarios");
        for (Row row : rows) {
            ObjectNode node = scenarios.addObject();
            node.put("name", row.name());
            row.owners().forEach(node.putArray("owners")::add);
            row.tags().forEach(node.putArray("tags")::add);
            ObjectNode source = node.putObject("source");
            source.put("kind", row.source().kind().label());
            source.put("location", row.source().location());
            source.put("ref", row.source().ref());
            node.put("steps", row.steps());
            row.needs().forEach(node.putArray("needs")::add);
            if (row.lastDuration() == null) {
                node.putNull("lastDurationMs");
            } else {
                node.put("lastDurationMs", row.lastDuration().toMillis());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "-" : String.join(",", items);
    }

    private static String source(ScenarioSource source) {
        return source.kind().label() + " " + source.location() + (source.ref() == null ? "" : " at " + source.ref());
    }
}
