package dev.smokegate.smoke.model;

import java.util.List;

/**
 * The outcome of one gate run.
 *
 * @param scenarios the selected scenarios' results, in manifest order
 * @param checkoutChanges checkout paths the gate found changed (it must never write to a user's
 *     checkout); each entry reads {@code <checkout>: <path>}
 */
public record GateResult(List<ScenarioResult> scenarios, List<String> checkoutChanges) {
    public GateResult {
        scenarios = List.copyOf(scenarios);
        checkoutChanges = List.copyOf(checkoutChanges);
    }

    public long count(Status status) {
        return scenarios.stream().filter(result -> result.status() == status).count();
    }

    /** True when nothing failed and the checkouts are unchanged. Skips do not fail the gate. */
    public boolean passed() {
        return count(Status.FAIL) == 0 && checkoutChanges.isEmpty();
    }
}
