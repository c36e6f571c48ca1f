package dev.smokegate.smoke.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smokegate.smoke.model.CheckRecord;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Interruption;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Redaction;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.ScenarioSource;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes the gate's result as {@code smoke-summary.json}, format {@value #FORMAT}, for CI scripts:
 * the gate's parameters, its start and end, the counts, and per scenario its status, category, rule,
 * evidence (with the log and line it came from), source, steps (exit code, checks, logs), earlier
 * attempts, owners and failure (step, expected against seen, log tail). The schema is documented in the site's {@code reports.md}.
 *
 * <p>A run that selected some scenarios replaces only their entries: the entries of the earlier
 * file for the manifest's other scenarios are kept as they were, and the list is in manifest order
 * (an entry for a scenario no longer in the manifest is dropped). The {@code summary} counts the
 * entries of the file ({@code failed} leaves out the scenarios a stopped gate interrupted, which
 * {@code interrupted} counts when there are any; their entries carry {@code "interrupted": true});
 * {@code gate}, {@code started} and {@code ended} are this run's. An earlier
 * file that cannot be read as format {@value #FORMAT} is never lost: it is moved aside to {@code
 * smoke-summary.json.corrupt} with a warning, and the new file holds this run's scenarios only. The
 * summary of a shard ({@link GateParameters#shard()}) holds its own scenarios only and replaces the
 * earlier file whole, so that {@code smoke:merge} can add the shards' summaries up.
 *
 * <p>The file is written atomically (a temporary file moved into place). Written with Jackson.
 */
public final class SummaryJson {
    /** The format number written as {@code "format"}; a reader checks it before anything else. */
    public static final int FORMAT = 1;
    /** The suffix of an earlier summary set aside because it could not be read. */
    public static final String CORRUPT_SUFFIX = ".corrupt";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The first use of {@link #JSON}, on a throwaway document: see {@link ReportClasses}. */
    static void loadJackson() throws IOException {
        JSON.readTree(JSON.writeValueAsBytes(JSON.createObjectNode().put("format", FORMAT)));
    }

    private final GateResult result;
    private final Manifest manifest;
    private final GateParameters gate;
    private Instant started = Instant.EPOCH;
    private Instant ended = Instant.EPOCH;
    private Map<String, ScenarioSource> sources = Map.of();
    private Map<String, Integer> evidenceLines = Map.of();
    private Function<Path, String> display = Path::toString;
    private Redaction redaction = Redaction.standard();

    /**
     * @param result the gate's result: the scenarios this run selected
     * @param manifest the manifest, whose scenario order the file follows
     * @param gate the run's parameters
     */
    public SummaryJson(GateResult result, Manifest manifest, GateParameters gate) {
        this.result = Objects.requireNonNull(result, "result");
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * @param start when the run started
     * @param end when it ended
     * @return this writer
     */
    public SummaryJson times(Instant start, Instant end) {
        this.started = Objects.requireNonNull(start, "start");
        this.ended = Objects.requireNonNull(end, "end");
        return this;
    }

    /**
     * @param bySource each scenario's source by scenario name; a scenario missing here gets {@code
     *     "source": null}
     * @return this writer
     */
    public SummaryJson sources(Map<String, ScenarioSource> bySource) {
        this.sources = Map.copyOf(bySource);
        return this;
    }

    /**
     * @param byScenario the 1-based line of a failed scenario's evidence in its failure's log, by
     *     scenario name; a scenario missing here gets {@code "evidenceLine": null}
     * @return this writer
     */
    public SummaryJson evidenceLines(Map<String, Integer> byScenario) {
        this.evidenceLines = Map.copyOf(byScenario);
        return this;
    }

    /**
     * @param shown turns a path into the form written to the file (relative to the project folder)
     * @return this writer
     */
    public SummaryJson display(Function<Path, String> shown) {
        this.display = Objects.requireNonNull(shown, "shown");
        return this;
    }

    /**
     * @param masks the run's redaction, applied to every string of the file before it is escaped
     *     ({@link Redaction#standard()} when not set)
     * @return this writer
     */
    public SummaryJson redaction(Redaction masks) {
        this.redaction = Objects.requireNonNull(masks, "masks");
        return this;
    }

    /**
     * Writes the file atomically, merged with the earlier one.
     *
     * @param file the summary file, e.g. {@code target/smoke/smoke-summary.json}; earlier attempts'
     *     folders are named relative to its folder ({@code <scenario>/attempt-N})
     * @param log where a summary set aside is warned about
     * @throws IOException when it cannot be written
     */
    public void write(Path file, SmokeLog log) throws IOException {
        Files.createDirectories(file.getParent());
        // A shard's summary holds its own scenarios only, so that smoke:merge can add the shards up.
        Map<String, JsonNode> entries = gate.shard() == null ? earlierEntries(file, log) : new HashMap<>();
        for (ScenarioResult scenario : result.scenarios()) {
            entries.put(scenario.name(), scenario(scenario, file.getParent()));
        }
        ArrayNode list = JSON.createArrayNode();
        Map<Status, Integer> counts = new LinkedHashMap<>();
        int interrupted = 0;
        for (Scenario scenario : manifest.scenarios()) {
            JsonNode entry = entries.get(scenario.name());
            if (entry != null) {
                list.add(entry);
                interrupted += entry.path("interrupted").asBoolean() ? 1 : 0;
                for (Status status : Status.values()) {
                    if (status.name().equals(entry.path("status").asText())) {
                        counts.merge(status, 1, Integer::sum);
                    }
                }
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.set("gate", gate());
        root.put("started", started.toString());
        root.put("ended", ended.toString());
        ObjectNode summary = root.putObject("summary");
        summary.put("passed", counts.getOrDefault(Status.PASS, 0));
        summary.put("failed", counts.getOrDefault(Status.FAIL, 0) - interrupted);
        summary.put("skipped", counts.getOrDefault(Status.SKIP, 0));
        if (interrupted > 0) {
            summary.put("interrupted", interrupted);
        }
        ArrayNode changes = root.putArray("checkoutChanges");
        result.checkoutChanges().forEach(changes::add);
        root.set("scenarios", list);
        ReportRedaction.json(root, redaction);
        ReportFiles.replace(file, out -> JSON.writeValue(out, root));
    }

    /**
     * The earlier file's entries by scenario name, or none when there is no earlier file; one that
     * cannot be read as format 1 is moved aside with a warning.
     */
    private Map<String, JsonNode> earlierEntries(Path file, SmokeLog log) throws IOException {
        Map<String, JsonNode> entries = new HashMap<>();
        if (!Files.exists(file)) {
            return entries;
        }
        JsonNode old;
        String problem;
        try {
            old = JSON.readTree(file.toFile());
            problem = old == null || !old.isObject()
                    ? "not a JSON object"
                    : old.path("format").asInt(-1) != FORMAT
                            ? "format " + old.path("format") + ", not " + FORMAT
                            : !old.path("scenarios").isArray() ? "no scenarios list" : null;
        } catch (JsonProcessingException e) {
            old = null;
            problem = e.getOriginalMessage();
        }
        if (problem != null) {
            Path aside = file.resolveSibling(file.getFileName() + CORRUPT_SUFFIX);
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            log.warn(ConsoleReport.PREFIX + "the earlier summary " + display.apply(file) + " cannot be read as format "
                    + FORMAT + ": " + problem + ". It is kept as " + display.apply(aside)
                    + "; the new summary holds only the scenarios of this run.");
            return entries;
        }
        for (JsonNode entry : old.path("scenarios")) {
            if (entry.path("name").isTextual()) {
                entries.put(entry.path("name").asText(), entry);
            }
        }
        return entries;
    }

    private ObjectNode gate() {
        ObjectNode node = JSON.createObjectNode();
        node.put("manifest", gate.manifest());
        gate.tasks().forEach(node.putArray("tasks")::add);
        gate.scenarios().forEach(node.putArray("scenarios")::add);
        node.put("repoUrl", gate.repoUrl());
        node.put("ref", gate.ref());
        node.put("offline", gate.offline());
        node.put("threads", gate.threads());
        node.put("failOnSkip", gate.failOnSkip());
        node.put("retries", gate.retries());
        node.put("probeTimeout", Durations.format(gate.probeTimeout()));
        ShardRecord shard = gate.shard();
        node.put("shard", shard == null ? null : shard.shard().toString());
        if (shard == null) {
            node.putNull("shardPlan");
        } else {
            node.putObject("shardPlan")
                    .put("scenarios", shard.scenarios())
                    .put("balance", shard.balance())
                    .put("digest", shard.digest());
        }
        return node;
    }

    private ObjectNode scenario(ScenarioResult scenario, Path workDirectory) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", scenario.name());
        node.put("status", scenario.status().name());
        if (Interruption.of(scenario)) {
            node.put("interrupted", true);
        }
        Classification verdict = verdict(scenario);
        node.put("category", verdict == null ? null : verdict.category().label());
        node.put("rule", verdict == null ? null : verdict.ruleId());
        node.put("ruleReason", verdict == null ? null : verdict.ruleReason());
        node.put("evidence", verdict == null ? null : verdict.evidence());
        node.put(
                "evidenceLog",
                scenario.failure() == null || scenario.failure().log() == null
                        ? null
                        : display.apply(scenario.failure().log()));
        node.put("evidenceLine", scenario.failure() == null ? null : evidenceLines.get(scenario.name()));
        node.put(
                "skipReason",
                scenario.skip() == null
                        ? null
                        : scenario.skip().rule() + " " + scenario.skip().evidence());
        node.put("durationMs", scenario.elapsed().toMillis());
        node.put("attempts", scenario.attempts());
        ScenarioSource source = sources.get(scenario.name());
        if (source == null) {
            node.putNull("source");
        } else {
            ObjectNode sourceNode = node.putObject("source");
            sourceNode.put("kind", source.kind().label());
            sourceNode.put("location", source.location());
            sourceNode.put("ref", source.ref());
            sourceNode.put("commit", source.commit());
        }
        node.set("steps", steps(scenario.steps()));
        ArrayNode previous = node.putArray("previousAttempts");
        for (int i = 0; i < scenario.earlierAttempts().size(); i++) {
            ScenarioResult attempt = scenario.earlierAttempts().get(i);
            Classification attemptVerdict = verdict(attempt);
            ObjectNode attemptNode = previous.addObject();
            attemptNode.put("attempt", i + 1);
            attemptNode.put("status", attempt.status().name());
            attemptNode.put(
                    "category",
                    attemptVerdict == null ? null : attemptVerdict.category().label());
            attemptNode.put("rule", attemptVerdict == null ? null : attemptVerdict.ruleId());
            attemptNode.put("evidence", attemptVerdict == null ? null : attemptVerdict.evidence());
            attemptNode.put("durationMs", attempt.elapsed().toMillis());
            attemptNode.put(
                    "folder",
                    display.apply(workDirectory.resolve(scenario.name()).resolve("attempt-" + (i + 1))));
            attemptNode.set("steps", steps(attempt.steps()));
        }
        owners(scenario.name()).forEach(node.putArray("owners")::add);
        node.set("failure", failure(scenario.failure()));
        return node;
    }

    /** The owners the manifest gives the scenario; none when it is no longer in the manifest. */
    private List<String> owners(String name) {
        return manifest.scenarios().stream()
                .filter(scenario -> scenario.name().equals(name))
                .findFirst()
                .map(Scenario::owners)
                .orElse(List.of());
    }

    /** The failing step, expected against seen and the log tail; {@code null} unless it failed. */
    private JsonNode failure(StepFailure failure) {
        if (failure == null) {
            return JSON.nullNode();
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("step", failure.step());
        node.put("command", failure.command());
        node.put("exitCode", failure.exitCode());
        node.put("expectation", failure.expectation());
        node.put("seen", failure.seen());
        node.put("log", failure.log() == null ? null : display.apply(failure.log()));
        failure.tail().forEach(node.putArray("tail")::add);
        return node;
    }

    private ArrayNode steps(List<StepRecord> records) {
        ArrayNode steps = JSON.createArrayNode();
        for (StepRecord record : records) {
            ObjectNode step = steps.addObject();
            step.put("name", record.name());
            step.put("number", record.number());
            step.put("status", record.passed() ? Status.PASS.name() : Status.FAIL.name());
            step.put("exitCode", record.exitCode());
            step.put("durationMs", record.elapsed().toMillis());
            ArrayNode logs = step.putArray("logs");
            record.logs().forEach(path -> logs.add(display.apply(path)));
            ArrayNode checks = step.putArray("checks");
            for (CheckRecord check : record.checks()) {
                ObjectNode checkNode = checks.addObject();
                checkNode.put("check", check.check());
                checkNode.put("passed", check.passed());
                checkNode.put("seen", check.seen());
            }
        }
        return steps;
    }

    private static Classification verdict(ScenarioResult scenario) {
        if (scenario.failure() != null) {
            return scenario.failure().classification();
        }
        return scenario.skip();
    }
}
