package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.Requirements;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.UntrackedMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NeedsGraphTest {
    /** A scenario that needs {@code needs}, with no steps: the graph looks at names and needs only. */
    static Scenario scenario(String name, String... needs) {
        return new Scenario(
                name,
                "",
                List.of(),
                List.of(),
                new Source.Checkout(".", UntrackedMode.INCLUDE),
                Map.of(),
                null,
                List.of(),
                new Location("src/smoke/manifest.toml", 1, 1),
                Requirements.NONE,
                List.of(needs));
    }

    private static List<List<String>> names(List<List<Scenario>> groups) {
        return groups.stream()
                .map(group -> group.stream().map(Scenario::name).toList())
                .toList();
    }

    private static List<String> names(Iterable<Scenario> scenarios) {
        List<String> names = new ArrayList<>();
        scenarios.forEach(scenario -> names.add(scenario.name()));
        return names;
    }

    @Test
    void chains_linkedAndIndependent_groupsByFirstScenarioEachInManifestOrder() {
        List<Scenario> selected = List.of(
                scenario("a"),
                scenario("b", "d"),
                scenario("c"),
                scenario("d"),
                scenario("e", "b"),
                scenario("f", "c"));

        assertThat(names(NeedsGraph.chains(selected)))
                .containsExactly(List.of("a"), List.of("b", "d", "e"), List.of("c", "f"));
    }

    @Test
    void chains_twoScenariosShareANeed_oneGroup() {
        List<Scenario> selected = List.of(scenario("p", "r"), scenario("x"), scenario("q", "r"), scenario("r"));

        assertThat(names(NeedsGraph.chains(selected))).containsExactly(List.of("p", "q", "r"), List.of("x"));
    }

    @Test
    void chains_groupsJoinedOnlyByALaterNeed_mergedUnderTheirFirstScenario() {
        List<Scenario> selected =
                List.of(scenario("a"), scenario("b"), scenario("c", "b"), scenario("d", "a"), scenario("e", "d", "c"));

        assertThat(names(NeedsGraph.chains(selected))).containsExactly(List.of("a", "b", "c", "d", "e"));
    }

    @Test
    void chains_needOutsideTheSelection_joinsNothing() {
        List<Scenario> selected = List.of(scenario("a", "gone"), scenario("b", "gone"));

        assertThat(names(NeedsGraph.chains(selected))).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void chains_manyScenarios_eachInExactlyOneGroupAndNeedsInTheirGroup() {
        List<Scenario> selected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            selected.add(i % 3 == 0 ? scenario("s" + i) : scenario("s" + i, "s" + ((i * 37 + 11) % i)));
        }

        List<List<Scenario>> groups = NeedsGraph.chains(selected);

        Set<String> seen = new HashSet<>();
        for (List<Scenario> group : groups) {
            Set<String> members = new HashSet<>(names(group));
            for (Scenario scenario : group) {
                assertThat(seen.add(scenario.name()))
                        .as("%s in one group only", scenario.name())
                        .isTrue();
                assertThat(members).containsAll(scenario.needs());
            }
        }
        assertThat(seen).hasSize(60);
    }

    @Test
    void chains_nothingSelected_noGroups() {
        assertThat(NeedsGraph.chains(List.of())).isEmpty();
    }

    @Test
    void withNeeds_needsOfNeeds_addedInManifestOrderEachLoggedWithWhoNeedsIt() {
        List<Scenario> all = List.of(scenario("c"), scenario("b", "c"), scenario("a", "b"), scenario("d"));
        RecordingLog log = new RecordingLog();

        List<Scenario> selected = NeedsGraph.withNeeds(all, List.of(all.get(2)), log);

        assertThat(names(selected)).containsExactly("c", "b", "a");
        assertThat(log.lines())
                .containsExactly(
                        "INFO [smoke] also selected c: needed by b", "INFO [smoke] also selected b: needed by a");
    }

    @Test
    void withNeeds_sharedNeed_namesEverySelectedScenarioThatNeedsIt() {
        List<Scenario> all = List.of(scenario("a", "token"), scenario("token"), scenario("x"), scenario("d", "token"));
        RecordingLog log = new RecordingLog();

        List<Scenario> selected = NeedsGraph.withNeeds(all, List.of(all.get(0), all.get(3)), log);

        assertThat(names(selected)).containsExactly("a", "token", "d");
        assertThat(log.messages()).containsExactly("[smoke] also selected token: needed by a, d");
    }

    @Test
    void withNeeds_needAlreadySelected_notLogged() {
        List<Scenario> all = List.of(scenario("a", "b"), scenario("b"));
        RecordingLog log = new RecordingLog();

        assertThat(names(NeedsGraph.withNeeds(all, all, log))).containsExactly("a", "b");
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void skip_failedNeed_categoryOfItsFailureRuleDependencyWhichFailed() {
        ScenarioResult failed = new ScenarioResult(
                "make-token",
                Status.FAIL,
                Duration.ofSeconds(1),
                List.of(),
                new StepFailure(
                        "make",
                        "make-token",
                        3,
                        "expected exit code 0",
                        "exit code 3",
                        Path.of("01-make.log"),
                        List.of(),
                        new Classification(FailureCategory.SOURCE, "source.tests-failed", "Tests run: 1, Failures: 1")),
                null);

        assertThat(NeedsGraph.skip("make-token", failed))
                .isEqualTo(new Classification(
                        FailureCategory.SOURCE, "source.dependency", "needs make-token, which failed"));
    }

    @Test
    void skip_skippedNeed_categoryOfItsSkipWhichWasSkipped() {
        ScenarioResult skipped = ScenarioResult.skipped(
                "chat-live",
                Duration.ZERO,
                new Classification(FailureCategory.HOST, "host.requires.endpoint", "127.0.0.1:1 — connection refused"));

        assertThat(NeedsGraph.skip("chat-live", skipped))
                .isEqualTo(new Classification(
                        FailureCategory.HOST, "host.dependency", "needs chat-live, which was skipped"));
    }

    @Test
    void skip_passedNeed_rejected() {
        ScenarioResult passed = new ScenarioResult("a", Status.PASS, Duration.ZERO, List.of(), null, null);

        assertThatThrownBy(() -> NeedsGraph.skip("a", passed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a passed; a scenario that needs it is not skipped");
    }

    @Test
    void exports_eachNeed_itsExportFolderInTheWorkDirectory() {
        Path work = Path.of("/p/target/smoke");

        assertThat(NeedsGraph.exports(scenario("use", "make", "other"), work))
                .containsExactly(
                        Map.entry("smoke.export.make", "/p/target/smoke/make/export"),
                        Map.entry("smoke.export.other", "/p/target/smoke/other/export"));
    }
}
