package dev.smokegate.smoke.report;

import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Interruption;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.ServiceTail;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lines a user reads: one greppable line per scenario ({@code [smoke] PASS|FAIL|SKIP …}), the
 * details of a failure under it (the failing step's log tail, then the post-mortem: the log tail of
 * each service that ran), then {@code Smoke: N passed, N failed, N skipped} and, when the gate did
 * not pass, its verdict grouped by category with a line per failure or skip. A scenario that was
 * running when the gate was stopped reads {@code [smoke] INTERRUPTED <scenario> › <step> after 12.3
 * s: stopped 3 processes}, and the summary then counts it apart: {@code Smoke: 0 passed, 0 failed,
 * 0 skipped, 1 interrupted} (no count when none was).
 */
public final class ConsoleReport {
    /** Every line of this report but the summary starts with this prefix, so CI logs can be grepped. */
    public static final String PREFIX = "[smoke] ";

    private ConsoleReport() {}

    /**
     * Writes one scenario's result: PASS at info, SKIP at warn, FAIL and its details at error (so
     * they show under {@code -q}).
     *
     * @param result the scenario's result
     * @param display turns a path into the form shown to the user
     * @param log where to write
     */
    public static void scenario(ScenarioResult result, Function<Path, String> display, SmokeLog log) {
        switch (result.status()) {
            case PASS -> log.info(PREFIX + "PASS " + result.name() + " (" + Durations.elapsed(result.elapsed()) + ")");
            case SKIP -> log.warn(PREFIX + "SKIP " + result.name() + ": "
                    + result.skip().rule() + " " + result.skip().evidence());
            case FAIL -> {
                if (Interruption.of(result)) {
                    log.error(PREFIX + Interruption.line(result));
                } else {
                    failureLines(result, display).forEach(log::error);
                }
            }
        }
    }

    /**
     * The lines printed for a failed scenario, headline first. What was seen may have several lines
     * (a golden file's diff): each after the first is indented under it.
     */
    public static List<String> failureLines(ScenarioResult result, Function<Path, String> display) {
        StepFailure failure = result.failure();
        List<String> lines = new ArrayList<>();
        lines.add(PREFIX + "FAIL " + result.name() + " › " + failure.step() + ": " + failure.expectation()
                + (failure.log() == null ? "" : " — log: " + display.apply(failure.log())));
        if (failure.command() != null) {
            lines.add(PREFIX + "  command:   " + failure.command());
        }
        if (failure.exitCode() != null) {
            lines.add(PREFIX + "  exit code: " + failure.exitCode());
        }
        lines.add(PREFIX + "  expected:  " + stripExpected(failure.expectation()));
        String[] seen = failure.seen().split("\n", -1);
        lines.add(PREFIX + "  seen:      " + seen[0]);
        for (int i = 1; i < seen.length; i++) {
            lines.add(PREFIX + "             " + seen[i]);
        }
        lines.add(PREFIX + "  class:     " + failure.classification().category().label() + " (rule "
                + failure.classification().rule() + ")");
        if (!failure.classification().evidence().equals(failure.seen())) {
            lines.add(PREFIX + "  evidence:  " + failure.classification().evidence());
        }
        if (!failure.tail().isEmpty()) {
            lines.add(PREFIX + "  last " + failure.tail().size() + " lines"
                    + (failure.log() == null ? ":" : " of " + display.apply(failure.log()) + ":"));
            failure.tail().forEach(line -> lines.add(PREFIX + "  | " + line));
        }
        for (ServiceTail service : failure.services()) {
            lines.add(PREFIX + "  service " + service.service() + ", last "
                    + service.lines().size() + " lines of " + display.apply(service.log()) + ":");
            service.lines().forEach(line -> lines.add(PREFIX + "  | " + line));
        }
        return lines;
    }

    /**
     * Writes the gate's closing lines: a line per changed checkout path, then the summary {@code
     * Smoke: N passed, N failed, N skipped}. When the gate did not pass, the verdict follows it (see
     * {@link #verdict(GateResult)}), then one line per failure or skip with its rule, indented and
     * without the {@value #PREFIX} prefix, so greps for {@code [smoke] FAIL} count each scenario once.
     */
    public static void summary(GateResult result, SmokeLog log) {
        for (String change : result.checkoutChanges()) {
            log.error(PREFIX + "FAIL checkout changed during the gate: " + change
                    + " (the gate must never write to a checkout; see the scenario logs for the step that did)");
        }
        long interrupted = Interruption.count(result.scenarios());
        String summary = "Smoke: " + result.count(Status.PASS) + " passed, " + (result.count(Status.FAIL) - interrupted)
                + " failed, " + result.count(Status.SKIP) + " skipped"
                + (interrupted == 0 ? "" : ", " + interrupted + " interrupted")
                + (result.checkoutChanges().isEmpty() ? "" : ", checkout changed");
        if (!result.passed()) {
            log.error(summary);
            log.error(verdict(result));
            verdictLines(result).forEach(log::error);
        } else if (result.count(Status.SKIP) > 0) {
            log.warn(summary);
        } else {
            log.info(summary);
        }
    }

    /**
     * The verdict of a gate that did not pass, grouped by category (source, runtime, host; a
     * category without any is left out), e.g. {@code Smoke gate failed: 3 of 7 scenarios (source 1,
     * runtime 1, host 1), 1 skipped (host 1)}. A changed checkout adds {@code , and the gate changed a
     * checkout}.
     *
     * @param result the gate's result
     * @return one sentence, without a final period
     */
    public static String verdict(GateResult result) {
        List<Classification> failures = result.scenarios().stream()
                .filter(scenario -> scenario.status() == Status.FAIL)
                .map(scenario -> scenario.failure().classification())
                .toList();
        List<Classification> skips = result.scenarios().stream()
                .filter(scenario -> scenario.status() == Status.SKIP)
                .map(ScenarioResult::skip)
                .toList();
        StringBuilder verdict = new StringBuilder("Smoke gate failed: ")
                .append(failures.size())
                .append(" of ")
                .append(result.scenarios().size())
                .append(" scenarios")
                .append(byCategory(failures));
        if (!skips.isEmpty()) {
            verdict.append(", ").append(skips.size()).append(" skipped").append(byCategory(skips));
        }
        if (!result.checkoutChanges().isEmpty()) {
            verdict.append(", and the gate changed a checkout");
        }
        return verdict.toString();
    }

    /**
     * One line per failed or skipped scenario, in manifest order: {@code   FAIL <scenario> › <step>:
     * <rule id>} or {@code   SKIP <scenario>: <rule id>}.
     *
     * @param result the gate's result
     * @return the lines; empty when nothing failed or skipped
     */
    public static List<String> verdictLines(GateResult result) {
        List<String> lines = new ArrayList<>();
        for (ScenarioResult scenario : result.scenarios()) {
            if (scenario.status() == Status.FAIL) {
                lines.add((Interruption.of(scenario) ? "  INTERRUPTED " : "  FAIL ") + scenario.name() + " › "
                        + scenario.failure().step() + ": "
                        + scenario.failure().classification().ruleId());
            } else if (scenario.status() == Status.SKIP) {
                lines.add("  SKIP " + scenario.name() + ": " + scenario.skip().ruleId());
            }
        }
        return lines;
    }

    /** {@code  (source 1, host 2)}: the counts per category in category order, or empty for none. */
    private static String byCategory(List<Classification> verdicts) {
        if (verdicts.isEmpty()) {
            return "";
        }
        Map<FailureCategory, Long> counts = new EnumMap<>(FailureCategory.class);
        verdicts.forEach(verdict -> counts.merge(verdict.category(), 1L, Long::sum));
        return counts.entrySet().stream()
                .map(entry -> entry.getKey().label() + " " + entry.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static String stripExpected(String expectation) {
        return expectation.startsWith("expected ") ? expectation.substring("expected ".length()) : expectation;
    }
}
