package dev.smokegate.smoke.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.smoke.model.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the HTML reports show of a gate's last run, read from {@code smoke-summary.json} (format
 * {@value SummaryJson#FORMAT}). Both {@link HtmlReport} ({@code index.html}) and the {@code
 * smoke:report} site page render this one view, so the two cannot drift apart. Paths are as the
 * summary shows them: relative to the project folder when inside it.
 *
 * @param manifest the manifest as shown, e.g. {@code src/smoke/manifest.toml}
 * @param started the last run's start (ISO-8601, as in the file)
 * @param ended the last run's end
 * @param passed how many entries passed
 * @param failed how many failed, those the gate's stop interrupted included
 * @param skipped how many were skipped
 * @param checkoutChanges each changed checkout path, {@code <checkout>: <path>}
 * @param scenarios the entries, in manifest order
 */
public record GateView(
        String manifest,
        String started,
        String ended,
        int passed,
        int failed,
        int skipped,
        List<String> checkoutChanges,
        List<ScenarioView> scenarios) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public GateView {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(ended, "ended");
        checkoutChanges = List.copyOf(checkoutChanges);
        scenarios = List.copyOf(scenarios);
    }

    /**
     * One scenario's entry.
     *
     * @param name the scenario
     * @param status pass, fail or skip
     * @param category {@code source}, {@code runtime} or {@code host}; {@code null} for a pass
     * @param rule the deciding rule's id; {@code null} for a pass
     * @param ruleReason the rule's reason, or {@code null}
     * @param evidence the line or fact the rule matched on; {@code null} for a pass
     * @param evidenceLog the log the evidence is in, or {@code null}
     * @param evidenceLine its 1-based line in that log, or {@code null}
     * @param skipReason for a skip, rule and evidence as the {@code SKIP} line prints them
     * @param duration wall-clock time, workspace preparation included
     * @param attempts how many times it ran
     * @param owners the task IDs it protects
     * @param steps the steps that ran, in order
     * @param failure why it failed; {@code null} unless it failed (or when an older summary lacks it)
     */
    public record ScenarioView(
            String name,
            Status status,
            String category,
            String rule,
            String ruleReason,
            String evidence,
            String evidenceLog,
            Integer evidenceLine,
            String skipReason,
            Duration duration,
            int attempts,
            List<String> owners,
            List<StepView> steps,
            FailureView failure) {
        public ScenarioView {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(duration, "duration");
            owners = List.copyOf(owners);
            steps = List.copyOf(steps);
        }

        /**
         * @return the time before the first step and between steps: workspace preparation, checks of
         *     the host; zero when the steps add up to more than the scenario (rounding)
         */
        public Duration preparation() {
            Duration steps = this.steps.stream().map(StepView::duration).reduce(Duration.ZERO, Duration::plus);
            return duration.compareTo(steps) > 0 ? duration.minus(steps) : Duration.ZERO;
        }
    }

    /**
     * A step that ran.
     *
     * @param name the step's name
     * @param number its 1-based position
     * @param passed whether every check held
     * @param exitCode its command's exit code, or {@code null}
     * @param duration wall-clock time
     * @param logs its log files, combined log first
     */
    public record StepView(
            String name, int number, boolean passed, Integer exitCode, Duration duration, List<String> logs) {
        public StepView {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(duration, "duration");
            logs = List.copyOf(logs);
        }
    }

    /**
     * Why a scenario failed.
     *
     * @param step the failing step, or {@code prepare}
     * @param command the command as run, or {@code null}
     * @param exitCode its exit code, or {@code null}
     * @param expectation what was expected, e.g. {@code expected exit code 0}
     * @param seen what was seen instead
     * @param log the step's log, or {@code null}
     * @param tail the log's last lines
     */
    public record FailureView(
            String step,
            String command,
            Integer exitCode,
            String expectation,
            String seen,
            String log,
            List<String> tail) {
        public FailureView {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(expectation, "expectation");
            Objects.requireNonNull(seen, "seen");
            tail = List.copyOf(tail);
        }

        /** @return what was expected without the word {@code expected}: {@code exit code 0} */
        public String expected() {
            return expectation.startsWith("expected ") ? expectation.substring("expected ".length()) : expectation;
        }
    }

    /**
     * @return {@code Smoke: N passed, N failed, N skipped}, as the console's summary line, with {@code ,
     *     checkout changed} when a checkout changed
     */
    public String summaryLine() {
        return "Smoke: " + passed + " passed, " + failed + " failed, " + skipped + " skipped"
                + (checkoutChanges.isEmpty() ? "" : ", checkout changed");
    }

    /** @return the entries with {@code status}, in manifest order */
    public List<ScenarioView> withStatus(Status status) {
        return scenarios.stream()
                .filter(scenario -> scenario.status() == status)
                .toList();
    }

    /**
     * Reads a summary file.
     *
     * @param file {@code smoke-summary.json}
     * @return its view
     * @throws NoSuchFileException when there is no such file
     * @throws IOException when it cannot be read, is not JSON, or is not format {@value
     *     SummaryJson#FORMAT}; the message says which
     */
    public static GateView read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage(), e);
        }
        return of(root);
    }

    /**
     * @param root a parsed summary
     * @return its view
     * @throws IOException when it is not a summary of format {@value SummaryJson#FORMAT}
     */
    public static GateView of(JsonNode root) throws IOException {
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        if (root.path("format").asInt(-1) != SummaryJson.FORMAT) {
            throw new IOException("format " + root.path("format") + ", not " + SummaryJson.FORMAT);
        }
        if (!root.path("scenarios").isArray()) {
            throw new IOException("no scenarios list");
        }
        List<ScenarioView> scenarios = new ArrayList<>();
        for (JsonNode entry : root.path("scenarios")) {
            scenarios.add(scenario(entry));
        }
        JsonNode summary = root.path("summary");
        return new GateView(
                root.path("gate").path("manifest").asText(""),
                root.path("started").asText(""),
                root.path("ended").asText(""),
                summary.path("passed").asInt(),
                // the pages count a scenario the gate's stop interrupted with the failures
                summary.path("failed").asInt() + summary.path("interrupted").asInt(),
                summary.path("skipped").asInt(),
                strings(root.path("checkoutChanges")),
                scenarios);
    }

    private static ScenarioView scenario(JsonNode entry) throws IOException {
        Status status;
        try {
            status = Status.valueOf(entry.path("status").asText());
        } catch (IllegalArgumentException e) {
            throw new IOException("scenario " + entry.path("name") + " has status " + entry.path("status")
                    + ", not PASS, FAIL or SKIP");
        }
        List<StepView> steps = new ArrayList<>();
        for (JsonNode step : entry.path("steps")) {
            steps.add(new StepView(
                    step.path("name").asText(),
                    step.path("number").asInt(),
                    Status.PASS.name().equals(step.path("status").asText()),
                    integer(step.path("exitCode")),
                    Duration.ofMillis(step.path("durationMs").asLong()),
                    strings(step.path("logs"))));
        }
        JsonNode failure = entry.path("failure");
        return new ScenarioView(
                entry.path("name").asText(),
                status,
                text(entry.path("category")),
                text(entry.path("rule")),
                text(entry.path("ruleReason")),
                text(entry.path("evidence")),
                text(entry.path("evidenceLog")),
                integer(entry.path("evidenceLine")),
                text(entry.path("skipReason")),
                Duration.ofMillis(entry.path("durationMs").asLong()),
                entry.path("attempts").asInt(1),
                strings(entry.path("owners")),
                steps,
                failure.isObject()
                        ? new FailureView(
                                failure.path("step").asText(),
                                text(failure.path("command")),
                                integer(failure.path("exitCode")),
                                failure.path("expectation").asText(),
                                failure.path("seen").asText(),
                                text(failure.path("log")),
                                strings(failure.path("tail")))
                        : null);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static Integer integer(JsonNode node) {
        return node.isIntegralNumber() ? node.asInt() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
