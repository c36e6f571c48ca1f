package dev.smokegate.smoke.report;

import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.ServiceTail;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The lines a user reads: one greppable line per scenario ({@code [smoke] PASS|FAIL|SKIP …}), the
 * details of a failure under it (the failing step's log tail, then the post-mortem: the log tail of
 * each service that ran), and {@code Smoke: N passed, N failed, N skipped} last.
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
            case FAIL -> failureLines(result, display).forEach(log::error);
        }
    }

    /** The lines printed for a failed scenario, headline first. */
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
        lines.add(PREFIX + "  seen:      " + failure.seen());
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
     * Writes the gate's closing lines: a line per changed checkout path, then the summary, which is
     * always the last line.
     */
    public static void summary(GateResult result, SmokeLog log) {
        for (String change : result.checkoutChanges()) {
            log.error(PREFIX + "FAIL checkout changed during the gate: " + change
                    + " (the gate must never write to a checkout; see the scenario logs for the step that did)");
        }
        String summary = "Smoke: " + result.count(Status.PASS) + " passed, " + result.count(Status.FAIL) + " failed, "
                + result.count(Status.SKIP) + " skipped"
                + (result.checkoutChanges().isEmpty() ? "" : ", checkout changed");
        if (!result.passed()) {
            log.error(summary);
        } else if (result.count(Status.SKIP) > 0) {
            log.warn(summary);
        } else {
            log.info(summary);
        }
    }

    private static String stripExpected(String expectation) {
        return expectation.startsWith("expected ") ? expectation.substring("expected ".length()) : expectation;
    }
}
