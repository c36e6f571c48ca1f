package dev.smokegate.smoke.model;

import java.time.Duration;
import java.util.List;

/**
 * How a scenario that was running when the gate was stopped (SIGTERM or Ctrl-C to the build, that
 * is a JVM shutdown while the engine runs) is recorded: a {@link Status#FAIL} whose failure is
 * classified {@link FailureCategory#HOST host} by the rule {@value #RULE_ID}. Reports show it apart
 * from the other failures: the console as {@code [smoke] INTERRUPTED <scenario> › <step> after 12.3
 * s: stopped 3 processes} and an {@code interrupted} count in the summary, the JUnit XML as an
 * {@code <error>}, the JSON summary as {@code "interrupted": true}. A scenario still queued then is a
 * {@link Status#SKIP} with the same rule, counted as skipped.
 */
public final class Interruption {
    /** The rule id of an interrupted scenario, and of the skip of one that had not started. */
    public static final String RULE_ID = "host.interrupted";

    /** The rule, with its reason, as {@link Classification#rule()} holds it. */
    public static final String RULE = RULE_ID + " (the gate was stopped)";

    /** What was expected of an interrupted step. */
    public static final String EXPECTATION = "expected the gate to run to its end";

    private static final String SEEN_PREFIX = "interrupted ";

    private Interruption() {}

    /**
     * @param elapsed how long the step had run when it was stopped
     * @param stopped how many processes of its tree were stopped; 0 or more
     * @return what was seen: {@code interrupted after 12.3 s: stopped 3 processes} ({@code 1
     *     process} for one)
     */
    public static String seen(Duration elapsed, int stopped) {
        return SEEN_PREFIX + "after " + Durations.elapsed(elapsed) + ": stopped " + stopped
                + (stopped == 1 ? " process" : " processes");
    }

    /**
     * @param evidence what the gate saw, e.g. which signal stopped the step
     * @return the classification of an interrupted scenario: host, rule {@value #RULE}
     */
    public static Classification classification(String evidence) {
        return new Classification(FailureCategory.HOST, RULE, evidence);
    }

    /**
     * @param result a scenario's result
     * @return true when the scenario was running when the gate was stopped: a failure classified
     *     {@value #RULE_ID}
     */
    public static boolean of(ScenarioResult result) {
        return result.status() == Status.FAIL
                && result.failure().classification().ruleId().equals(RULE_ID);
    }

    /**
     * @param results scenarios' results
     * @return how many of them were {@link #of interrupted}
     */
    public static long count(List<ScenarioResult> results) {
        return results.stream().filter(Interruption::of).count();
    }

    /**
     * The console line of an interrupted scenario.
     *
     * @param result an {@link #of interrupted} scenario's result
     * @return {@code INTERRUPTED <scenario> › <step> after 12.3 s: stopped 3 processes}, without the
     *     console's prefix
     */
    public static String line(ScenarioResult result) {
        String seen = result.failure().seen();
        return "INTERRUPTED " + result.name() + " › " + result.failure().step() + " "
                + (seen.startsWith(SEEN_PREFIX) ? seen.substring(SEEN_PREFIX.length()) : seen);
    }
}
