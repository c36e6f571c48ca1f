package dev.smokegate.smoke.report;

import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Redaction;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.Step;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a GitHub Actions runner reads of a gate: workflow commands that become annotations on the
 * manifest in the pull request, and a Markdown table appended to the job's step summary. The one
 * place where the gate writes them, so that anything applied to them (redaction) is applied here.
 *
 * <p>On a runner ({@code GITHUB_ACTIONS=true}):
 *
 * <ul>
 *   <li>a failed scenario gives {@code ::error file=<manifest>,line=<line of the failing
 *       step>,title=smoke <scenario> › <step>::<rule id>: <expectation>; seen: <what was seen>}; a
 *       failure before any step ({@code prepare}) points at the scenario's line;
 *   <li>a skipped scenario gives {@code ::warning file=<manifest>,line=<line of the
 *       scenario>,title=smoke <scenario> skipped::<rule id> <evidence>};
 *   <li>a manifest problem gives {@code ::error file=<manifest>,line=<line>,col=<column>::<problem>},
 *       and a manifest that cannot be read at all {@code ::error file=<manifest>::<message>};
 *   <li>{@link #appendSummary} appends a table (scenario, status, category, rule, duration, reason)
 *       to the file {@code $GITHUB_STEP_SUMMARY} names.
 * </ul>
 *
 * <p>The runner reads a workflow command only at the start of a line, so the commands are written
 * as bare lines to the build's standard output, never through a logger that prefixes its level.
 * The file is the manifest's path relative to the repository root, as annotations need it: the root
 * is the nearest folder above the manifest that holds {@code .git}, searched up to {@code
 * $GITHUB_WORKSPACE} (a checkout in a sub-folder of the workspace), else {@code $GITHUB_WORKSPACE},
 * else the project folder.
 *
 * <p>Escaping follows GitHub's own toolkit, {@code @actions/core} {@code src/command.ts}
 * ({@code escapeData} and {@code escapeProperty}): in the message {@code %}, CR and LF become {@code
 * %25}, {@code %0D} and {@code %0A}; in a property value {@code :} and {@code ,} also become {@code
 * %3A} and {@code %2C}. The summary file is the toolkit's {@code summary.ts} contract: UTF-8,
 * appended to, never truncated.
 */
public final class GithubActions {
    /** Set to {@code true} by the runner in every step. */
    public static final String ACTIONS_VARIABLE = "GITHUB_ACTIONS";
    /** The file the job's step summary (Markdown) is read from. */
    public static final String STEP_SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY";
    /** The runner's working folder, where {@code actions/checkout} puts the repository by default. */
    public static final String WORKSPACE_VARIABLE = "GITHUB_WORKSPACE";

    private final PrintStream out;
    private final Redaction redaction;
    private final Path basedir;
    private final Path workspace;
    private final Path summary;

    private GithubActions(PrintStream out, Redaction redaction, Path basedir, Path workspace, Path summary) {
        this.out = out;
        this.redaction = redaction;
        this.basedir = basedir;
        this.workspace = workspace;
        this.summary = summary;
    }

    /**
     * @param environment the build's environment (the gate request's, never read from the process
     *     here)
     * @param basedir the project folder: relative paths in {@link Location}s and a relative {@code
     *     $GITHUB_STEP_SUMMARY} resolve against it
     * @param out the build's standard output, where the workflow commands go as bare lines
     * @return the runner's view when {@code GITHUB_ACTIONS} is {@code true}; empty otherwise, and then
     *     nothing of this class is written
     */
    public static Optional<GithubActions> of(Map<String, String> environment, Path basedir, PrintStream out) {
        return of(environment, basedir, out, Redaction.standard());
    }

    /**
     * As {@link #of(Map, Path, PrintStream)}, with the run's redaction applied to every line and to
     * the step summary before they are written.
     *
     * @param environment the build's environment
     * @param basedir the project folder
     * @param out the build's standard output
     * @param redaction the run's redaction (URL passwords, {@code Authorization} values, {@code
     *     secret-env} values)
     * @return the runner's view when {@code GITHUB_ACTIONS} is {@code true}; empty otherwise
     */
    public static Optional<GithubActions> of(
            Map<String, String> environment, Path basedir, PrintStream out, Redaction redaction) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(redaction, "redaction");
        if (!"true".equals(environment.get(ACTIONS_VARIABLE))) {
            return Optional.empty();
        }
        Path base = basedir.toAbsolutePath().normalize();
        return Optional.of(new GithubActions(
                out,
                redaction,
                base,
                path(environment.get(WORKSPACE_VARIABLE), base),
                path(environment.get(STEP_SUMMARY_VARIABLE), base)));
    }

    private static Path path(String value, Path basedir) {
        return value == null || value.isBlank()
                ? null
                : basedir.resolve(value.strip()).normalize();
    }

    /**
     * Writes one {@code ::error} line per failed scenario and one {@code ::warning} line per skipped
     * one, in manifest order.
     *
     * @param result the gate's result
     * @param manifest the manifest it ran, for the lines of scenarios and steps
     */
    public void annotate(GateResult result, Manifest manifest) {
        Map<String, Scenario> scenarios = manifest.scenarios().stream()
                .collect(Collectors.toMap(Scenario::name, scenario -> scenario, (a, b) -> a, LinkedHashMap::new));
        String file = file(manifest.file());
        for (ScenarioResult scenario : result.scenarios()) {
            Scenario declared = scenarios.get(scenario.name());
            if (scenario.status() == Status.FAIL) {
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put("file", file);
                line(stepLocation(declared, scenario.failure().step())).ifPresent(line -> properties.put("line", line));
                properties.put(
                        "title",
                        "smoke " + scenario.name() + " › " + scenario.failure().step());
                emit(command("error", properties, failureReason(scenario)));
            } else if (scenario.status() == Status.SKIP) {
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put("file", file);
                line(declared == null ? null : declared.location()).ifPresent(line -> properties.put("line", line));
                properties.put("title", "smoke " + scenario.name() + " skipped");
                emit(command("warning", properties, skipReason(scenario)));
            }
        }
    }

    /**
     * Writes {@code ::error file=…,line=…,col=…::message} for one problem of a manifest.
     *
     * @param location where the problem is; its file is the manifest as shown to the user (relative to
     *     the project folder, or absolute)
     * @param message the problem, without its location
     */
    public void manifestProblem(Location location, String message) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("file", file(basedir.resolve(location.file())));
        properties.put("line", Integer.toString(location.line()));
        properties.put("col", Integer.toString(location.column()));
        emit(command("error", properties, message));
    }

    /**
     * Writes {@code ::error file=<manifest>::message} for a manifest that could not be read at all
     * (missing, unreadable), which has no line.
     *
     * @param manifest the manifest file
     * @param message the whole message
     */
    public void manifestUnreadable(Path manifest, String message) {
        emit(command("error", Map.of("file", file(manifest)), message));
    }

    /**
     * Appends the gate's table to the file {@code $GITHUB_STEP_SUMMARY} names, in UTF-8; does nothing
     * when the variable is not set. Earlier content (other steps', other gates') is kept.
     *
     * @param result the gate's result
     * @param manifest the manifest as shown to the user, for the heading
     * @return the file appended to, or empty when the variable is not set
     * @throws IOException when the file cannot be written
     */
    public Optional<Path> appendSummary(GateResult result, String manifest) throws IOException {
        if (summary == null) {
            return Optional.empty();
        }
        Files.writeString(
                summary,
                redaction.apply(summaryMarkdown(result, manifest)),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        return Optional.of(summary);
    }

    /**
     * The Markdown appended to the step summary: a heading naming the manifest, the counts, then one
     * table row per scenario in manifest order, and a line per changed checkout path.
     *
     * @param result the gate's result
     * @param manifest the manifest as shown to the user
     * @return the Markdown, ending with a blank line so that a following table starts apart
     */
    static String summaryMarkdown(GateResult result, String manifest) {
        StringBuilder markdown = new StringBuilder()
                .append("### Smoke gate: ")
                .append(cell(manifest))
                .append("\n\n")
                .append(result.passed() ? "Passed: " : "**Failed:** ")
                .append(result.count(Status.PASS))
                .append(" passed, ")
                .append(result.count(Status.FAIL))
                .append(" failed, ")
                .append(result.count(Status.SKIP))
                .append(" skipped\n\n")
                .append("| Scenario | Status | Category | Rule | Duration | Reason |\n")
                .append("|---|---|---|---|---:|---|\n");
        for (ScenarioResult scenario : result.scenarios()) {
            String category = "";
            String rule = "";
            String reason = "";
            if (scenario.status() == Status.FAIL) {
                category = scenario.failure().classification().category().label();
                rule = scenario.failure().classification().ruleId();
                reason = scenario.failure().step() + ": " + scenario.failure().expectation() + "; seen: "
                        + scenario.failure().seen();
            } else if (scenario.status() == Status.SKIP) {
                category = scenario.skip().category().label();
                rule = scenario.skip().ruleId();
                reason = scenario.skip().evidence();
            }
            markdown.append("| ")
                    .append(cell(scenario.name()))
                    .append(" | ")
                    .append(scenario.status())
                    .append(" | ")
                    .append(category)
                    .append(" | ")
                    .append(cell(rule))
                    .append(" | ")
                    .append(Durations.elapsed(scenario.elapsed()))
                    .append(" | ")
                    .append(cell(reason))
                    .append(" |\n");
        }
        for (String change : result.checkoutChanges()) {
            markdown.append("\n**Checkout changed during the gate:** ")
                    .append(cell(change))
                    .append('\n');
        }
        return markdown.append('\n').toString();
    }

    /**
     * A workflow command line, {@code ::name key=value,key=value::message}, with properties in the
     * given order and the values escaped.
     *
     * @param name the command, e.g. {@code error}
     * @param properties the properties in order; empty for none
     * @param message the message
     * @return the line, without a line break
     */
    static String command(String name, Map<String, String> properties, String message) {
        String joined = properties.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + escapeProperty(entry.getValue()))
                .collect(Collectors.joining(","));
        return "::" + name + (joined.isEmpty() ? "" : " " + joined) + "::" + escapeData(message);
    }

    /**
     * Escapes a workflow command's message ({@code escapeData} of {@code @actions/core}).
     *
     * @param text the message
     * @return {@code %} as {@code %25}, CR as {@code %0D}, LF as {@code %0A}
     */
    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /**
     * Escapes a workflow command's property value ({@code escapeProperty} of {@code @actions/core}).
     *
     * @param text the value
     * @return {@link #escapeData} and also {@code :} as {@code %3A} and {@code ,} as {@code %2C}
     */
    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * A path as an annotation names it: relative to the repository root (see the class comment),
     * with {@code /} separators; absolute when outside every root.
     */
    String file(Path path) {
        Path absolute = basedir.resolve(path).toAbsolutePath().normalize();
        Path root = workspace != null && absolute.startsWith(workspace)
                ? gitRoot(absolute, workspace).orElse(workspace)
                : gitRoot(absolute, null).orElse(basedir);
        Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /** The nearest folder above {@code file} that holds {@code .git}, up to {@code limit} included (no limit when null). */
    private static Optional<Path> gitRoot(Path file, Path limit) {
        for (Path folder = file.getParent(); folder != null; folder = folder.getParent()) {
            if (Files.exists(folder.resolve(".git"))) {
                return Optional.of(folder);
            }
            if (folder.equals(limit)) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Every line goes out here: one bare line on the build's standard output. */
    private void emit(String line) {
        out.println(redaction.apply(line));
        out.flush();
    }

    private static Location stepLocation(Scenario scenario, String step) {
        if (scenario == null) {
            return null;
        }
        return scenario.steps().stream()
                .filter(candidate -> candidate.name().equals(step))
                .map(Step::location)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(scenario.location());
    }

    private static Optional<String> line(Location location) {
        return location == null ? Optional.empty() : Optional.of(Integer.toString(location.line()));
    }

    /** {@code <rule id>: <expectation>; seen: <what was seen>}, on one line, as the JUnit report's message. */
    private static String failureReason(ScenarioResult scenario) {
        return JUnitReport.oneLine(scenario.failure().classification().ruleId() + ": "
                + scenario.failure().expectation() + "; seen: "
                + scenario.failure().seen());
    }

    private static String skipReason(ScenarioResult scenario) {
        return JUnitReport.oneLine(
                scenario.skip().ruleId() + " " + scenario.skip().evidence());
    }

    /**
     * A table cell: on one line, with {@code |} escaped and {@code &}, {@code <} and {@code >} as
     * entities, since the summary renders HTML too.
     */
    private static String cell(String text) {
        return JUnitReport.oneLine(text)
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("|", "\\|");
    }
}
