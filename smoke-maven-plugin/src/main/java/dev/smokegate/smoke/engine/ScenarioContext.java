package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.Scenario;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;

/**
 * What every step of one scenario run shares.
 *
 * @param scenario the scenario
 * @param resources its folder and what it holds until it ends
 * @param stepRoot the folder steps run in: the workspace, or the checkout's subfolder in it
 * @param resolve replaces the placeholders of a manifest string, gate values included
 * @param deadline when the whole scenario must be done; {@link Instant#MAX} without a scenario timeout
 */
record ScenarioContext(
        Scenario scenario,
        ScenarioResources resources,
        Path stepRoot,
        Function<String, String> resolve,
        Instant deadline) {

    /** @return the scenario folder, where the step logs are written */
    Path folder() {
        return resources.folder();
    }

    /** @return the workspace root */
    Path workspace() {
        return resources.workspace();
    }

    /** @return the export folder */
    Path export() {
        return resources.export();
    }
}
