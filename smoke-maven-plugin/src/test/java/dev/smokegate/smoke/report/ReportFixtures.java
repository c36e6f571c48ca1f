package dev.smokegate.smoke.report;

import dev.smokegate.smoke.classify.Classifier;
import dev.smokegate.smoke.classify.Evidence;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Step;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.UntrackedMode;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Model values the report tests share: manifest scenarios and the failures the engine reports. */
final class ReportFixtures {
    private ReportFixtures() {}

    /**
     * @param name the scenario's name
     * @param steps the names of its steps, each a {@code run = "true"} step with default
     *     expectations at {@code m.toml} line {@code 5 + index}, column 3
     * @return a scenario without owners on the checkout {@code .}, declared at {@code m.toml:1:1}
     */
    static Scenario scenario(String name, String... steps) {
        return new Scenario(
                name,
                "",
                List.of(),
                List.of(),
                new Source.Checkout(".", UntrackedMode.INCLUDE),
                Map.of(),
                null,
                IntStream.range(0, steps.length)
                        .mapToObj(i -> new Step(
                                steps[i],
                                i + 1,
                                new Action.Run("true", null),
                                ".",
                                null,
                                Map.of(),
                                Expectations.DEFAULT,
                                new Location("m.toml", i + 5, 3)))
                        .toList(),
                new Location("m.toml", 1, 1));
    }

    /**
     * A clone in offline mode with an empty cache, as the engine reports it: a failure at {@code
     * prepare} with no command, exit code or log, classified by the {@link Classifier} itself.
     *
     * @param message what the engine saw, shown as the failure's {@code seen}
     * @return the step failure
     */
    static StepFailure offlineNotCached(String message) {
        return new StepFailure(
                "prepare",
                null,
                null,
                "expected a clean clone of the repository",
                message,
                null,
                List.of(),
                new Classifier(MavenFrontEnd.INSTANCE)
                        .classify(new Evidence.Harness(Evidence.HarnessProblem.OFFLINE_NOT_CACHED, message)));
    }
}
