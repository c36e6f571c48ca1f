package dev.smokegate.smoke.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Shard;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shard's reports as {@code smoke:merge} reads them from a copy of that shard's work directory:
 * its {@code smoke-summary.json} (format {@value SummaryJson#FORMAT}) and its {@code TEST-smoke.xml}.
 * The scenarios' results are rebuilt from the summary's entries (status, duration, category, rule,
 * evidence, failing step) as far as the console's summary and verdict need them. Read with Jackson.
 */
public final class ShardReport {
    /** The summary's file name in a work directory. */
    public static final String SUMMARY = "smoke-summary.json";
    /** The JUnit XML report's file name in a work directory. */
    public static final String JUNIT = "TEST-smoke.xml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHARD = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    private final Path folder;
    private final ObjectNode summary;
    private final Shard shard;
    private final GateResult result;

    private ShardReport(Path folder, ObjectNode summary, Shard shard, GateResult result) {
        this.folder = folder;
        this.summary = summary;
        this.shard = shard;
        this.result = result;
    }

    /**
     * Reads {@code <folder>/smoke-summary.json}; the JUnit XML is read only when the shards are merged.
     *
     * @param folder a copy of a shard's work directory
     * @return the shard's report
     * @throws java.nio.file.NoSuchFileException when the folder has no summary
     * @throws IOException when the summary cannot be read, is not JSON or not format 1, or an entry is
     *     malformed; the message says what is wrong, e.g. {@code gate.shard is "x", not K/N}
     */
    public static ShardReport read(Path folder) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(folder.resolve(SUMMARY))) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        if (root.path("format").asInt(-1) != SummaryJson.FORMAT) {
            throw new IOException("format " + root.path("format") + ", not " + SummaryJson.FORMAT);
        }
        if (!root.path("scenarios").isArray() || !root.path("gate").isObject()) {
            throw new IOException("no gate object or no scenarios list");
        }
        JsonNode shardNode = root.path("gate").path("shard");
        Shard shard = null;
        if (shardNode.isTextual()) {
            Matcher matcher = SHARD.matcher(shardNode.asText());
            int index = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
            int count = matcher.matches() ? Integer.parseInt(matcher.group(2)) : 0;
            if (index < 1 || index > count) {
                throw new IOException("gate.shard is " + shardNode + ", not K/N with 1 ≤ K ≤ N");
            }
            shard = new Shard(index, count);
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (JsonNode entry : root.path("scenarios")) {
            results.add(result(entry));
        }
        List<String> changes = new ArrayList<>();
        root.path("checkoutChanges").forEach(change -> changes.add(change.asText()));
        GateResult result = new GateResult(
                results, changes, root.path("gate").path("failOnSkip").asBoolean(true));
        return new ShardReport(folder, (ObjectNode) root, shard, result);
    }

    private static ScenarioResult result(JsonNode entry) throws IOException {
        String name = entry.path("name").asText("");
        Status status;
        try {
            status = Status.valueOf(entry.path("status").asText());
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    "scenario '" + name + "' has status " + entry.path("status") + ", not PASS, FAIL" + " or SKIP");
        }
        if (name.isEmpty()) {
            throw new IOException("a scenario entry has no name");
        }
        Duration elapsed =
                Duration.ofMillis(Math.max(0, entry.path("durationMs").asLong()));
        if (status == Status.PASS) {
            return new ScenarioResult(name, status, elapsed, List.of(), null, null);
        }
        String rule = entry.path("rule").asText("unknown");
        String reason =
                entry.path("ruleReason").isTextual() ? entry.path("ruleReason").asText() : null;
        String evidence = entry.path("evidence").asText("(no evidence recorded)");
        FailureCategory category;
        try {
            category = FailureCategory.valueOf(entry.path("category").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    "scenario '" + name + "' has category " + entry.path("category") + ", not source, runtime or host");
        }
        Classification classification =
                new Classification(category, reason == null ? rule : rule + " (" + reason + ")", evidence);
        if (status == Status.SKIP) {
            return ScenarioResult.skipped(name, elapsed, classification);
        }
        String step = "prepare";
        String expectation = "expected the scenario to pass";
        for (JsonNode stepNode : entry.path("steps")) {
            if (Status.FAIL.name().equals(stepNode.path("status").asText())) {
                step = stepNode.path("name").asText(step);
                for (JsonNode check : stepNode.path("checks")) {
                    if (!check.path("passed").asBoolean(true)) {
                        expectation = "expected " + check.path("check").asText();
                    }
                }
            }
        }
        StepFailure failure = new StepFailure(step, null, null, expectation, evidence, null, List.of(), classification);
        return new ScenarioResult(name, status, elapsed, List.of(), failure, null);
    }

    /** @return the folder read, a copy of the shard's work directory */
    public Path folder() {
        return folder;
    }

    /** @return the shard the summary records ({@code gate.shard}), or {@code null} for a run of all */
    public Shard shard() {
        return shard;
    }

    /** @return the shard's result, rebuilt from the summary's entries in their order */
    public GateResult result() {
        return result;
    }

    /** @return the scenario names of the summary's entries, in their order */
    public List<String> names() {
        return result.scenarios().stream().map(ScenarioResult::name).toList();
    }

    /** @return the plan's total number of scenarios ({@code gate.shardPlan.scenarios}), or -1 */
    public int planScenarios() {
        return summary.path("gate").path("shardPlan").path("scenarios").asInt(-1);
    }

    /** @return the plan's fingerprint ({@code gate.shardPlan.digest}), or {@code ""} */
    public String planDigest() {
        return summary.path("gate").path("shardPlan").path("digest").asText("");
    }

    /** @return the summary as read; the caller must not change it */
    ObjectNode summary() {
        return summary;
    }

    @Override
    public String toString() {
        return "ShardReport[" + folder + ", shard " + shard + ", "
                + result.scenarios().size() + " scenario(s)]";
    }
}
