package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.Step;
import dev.smokegate.smoke.process.StepLogs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One step about to run, with everything resolved that its action and checks need.
 *
 * @param scenario the scenario run it belongs to
 * @param step the step as the manifest declares it
 * @param logs its three log files (not created yet)
 * @param cwd its working directory, checked to be inside the workspace
 * @param expect its expectations, placeholders resolved
 * @param deadline when it must be done: the earlier of its own limit and the scenario's deadline
 * @param limit its own limit (the step's timeout, or the manifest default)
 * @param details what the step tells the reports (exit code, checks, logs), filled while it runs
 */
record StepContext(
        ScenarioContext scenario,
        Step step,
        StepLogs logs,
        Path cwd,
        Expectations expect,
        Instant deadline,
        Duration limit,
        StepDetails details) {

    /** @return the step name */
    String name() {
        return step.name();
    }

    /** @return {@code <scenario> › <step>}, as messages name the step */
    String where() {
        return scenario.scenario().name() + " › " + step.name();
    }

    /** @return whether the scenario's deadline, not the step's own limit, ends this step */
    boolean scenarioDeadline() {
        return deadline.equals(scenario.deadline());
    }
}
