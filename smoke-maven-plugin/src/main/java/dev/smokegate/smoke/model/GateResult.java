package dev.smokegate.smoke.model;

import java.util.List;

/**
 * The outcome of one gate run.
 *
 * @param scenarios the selected scenarios' results, in manifest order
 * @param checkoutChanges checkout paths the gate found changed (it must never write to a user's
 *     checkout); each entry reads {@code <checkout>: <path>}
 * @param failOnSkip whether a skipped scenario fails the gate ({@code smoke.failOnSkip}, true by
 *     default)
 * @param goldenUpdates the golden files update mode rewrote or created, as shown to the user; a run
 *     that rewrote any does not pass, so the user reviews them and runs again
 */
public record GateResult(
        List<ScenarioResult> scenarios, List<String> checkoutChanges, boolean failOnSkip, List<String> goldenUpdates) {
    public GateResult {
        scenarios = List.copyOf(scenarios);
        checkoutChanges = List.copyOf(checkoutChanges);
        goldenUpdates = List.copyOf(goldenUpdates);
    }

    /** A gate that rewrote no golden file. */
    public GateResult(List<ScenarioResult> scenarios, List<String> checkoutChanges, boolean failOnSkip) {
        this(scenarios, checkoutChanges, failOnSkip, List.of());
    }

    /** A gate where a skip fails, as by default. */
    public GateResult(List<ScenarioResult> scenarios, List<String> checkoutChanges) {
        this(scenarios, checkoutChanges, true);
    }

    public long count(Status status) {
        return scenarios.stream().filter(result -> result.status() == status).count();
    }

    /**
     * True when nothing failed, the checkouts are unchanged, no golden file was rewritten, and
     * nothing skipped unless {@link #failOnSkip()} is false. A skip never counts as a pass: with {@code failOnSkip} false it only
     * lets the gate through, with a warning per skipped scenario.
     */
    public boolean passed() {
        return count(Status.FAIL) == 0
                && checkoutChanges.isEmpty()
                && goldenUpdates.isEmpty()
                && (!failOnSkip || count(Status.SKIP) == 0);
    }
}
