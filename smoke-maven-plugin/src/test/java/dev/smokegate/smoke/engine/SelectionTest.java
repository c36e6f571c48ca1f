package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.UntrackedMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private static Scenario scenario(String name, String... owners) {
        return new Scenario(
                name,
                "",
                List.of(owners),
                List.of(),
                new Source.Checkout(".", UntrackedMode.INCLUDE),
                Map.of(),
                null,
                List.of(),
                new Location("src/smoke/manifest.toml", 1, 1));
    }

    private static final List<Scenario> SCENARIOS = List.of(
            scenario("greeter-local", "T-2", "T-10"),
            scenario("greeter-slow", "T-2"),
            scenario("other-fast", "T-3"),
            scenario("greeter-clone", "T-10"));

    private static List<String> names(List<Scenario> scenarios) {
        return scenarios.stream().map(Scenario::name).toList();
    }

    private static String failure(List<Scenario> scenarios, String tasks, String globs) {
        return catchThrowableOfType(
                        () -> Selection.select(
                                scenarios, Selection.split(tasks), Selection.split(globs), MavenFrontEnd.INSTANCE),
                        GateConfigurationException.class)
                .getMessage();
    }

    @Test
    void select_noSelectors_allInManifestOrder() throws Exception {
        assertThat(names(Selection.select(SCENARIOS, List.of(), List.of(), MavenFrontEnd.INSTANCE)))
                .containsExactly("greeter-local", "greeter-slow", "other-fast", "greeter-clone");
    }

    @Test
    void select_oneTask_scenariosItOwnsInManifestOrder() throws Exception {
        assertThat(names(Selection.select(SCENARIOS, List.of("T-10"), List.of(), MavenFrontEnd.INSTANCE)))
                .containsExactly("greeter-local", "greeter-clone");
    }

    @Test
    void select_taskList_unionInManifestOrder() throws Exception {
        assertThat(names(Selection.select(SCENARIOS, Selection.split("T-3, T-10"), List.of(), MavenFrontEnd.INSTANCE)))
                .containsExactly("greeter-local", "other-fast", "greeter-clone");
    }

    @Test
    void select_unknownTask_messageNamesItAndListsSortedOwners() {
        assertThat(failure(SCENARIOS, "T-3,T-9", null))
                .isEqualTo(
                        "No scenario protects task T-9 [-Dsmoke.task=T-3,T-9]. Owner IDs in the manifest: T-10, T-2, T-3."
                                + " Fix the ID, or add it to the owners of the scenarios that protect it.");
    }

    @Test
    void select_severalUnknownTasks_messageNamesEach() {
        assertThat(failure(SCENARIOS, "X-1,T-2,X-2", null))
                .isEqualTo(
                        "No scenario protects task X-1, X-2 [-Dsmoke.task=X-1,T-2,X-2]. Owner IDs in the manifest: T-10, T-2, T-3."
                                + " Fix the ID, or add it to the owners of the scenarios that protect it.");
    }

    @Test
    void select_taskButManifestHasNoOwners_messageSaysHowToAddOwners() {
        List<Scenario> unowned = List.of(scenario("a"), scenario("b"));

        assertThat(failure(unowned, "T-1", null))
                .isEqualTo("No scenario protects task T-1 [-Dsmoke.task=T-1]. Owner IDs in the manifest:"
                        + " (none; add owners = [\"ID\"] to a scenario)."
                        + " Fix the ID, or add it to the owners of the scenarios that protect it.");
    }

    @Test
    void select_includeAndExcludeGlobs_includedMinusExcluded() throws Exception {
        assertThat(names(Selection.select(
                        SCENARIOS, List.of(), Selection.split("greeter-*,!*-slow"), MavenFrontEnd.INSTANCE)))
                .containsExactly("greeter-local", "greeter-clone");
    }

    @Test
    void select_onlyExcludeGlob_everythingElse() throws Exception {
        assertThat(names(Selection.select(SCENARIOS, List.of(), List.of("!greeter-*"), MavenFrontEnd.INSTANCE)))
                .containsExactly("other-fast");
    }

    @Test
    void select_severalIncludeGlobs_unionInManifestOrder() throws Exception {
        assertThat(names(Selection.select(
                        SCENARIOS, List.of(), List.of("greeter-clone", "other-*"), MavenFrontEnd.INSTANCE)))
                .containsExactly("other-fast", "greeter-clone");
    }

    @Test
    void select_exactNameGlob_thatScenario() throws Exception {
        assertThat(names(Selection.select(SCENARIOS, List.of(), List.of("greeter-slow"), MavenFrontEnd.INSTANCE)))
                .containsExactly("greeter-slow");
    }

    @Test
    void select_globsMatchingNothing_messageListsScenarios() {
        assertThat(failure(SCENARIOS, null, "nope-*,!x"))
                .isEqualTo("No scenario matches -Dsmoke.scenario=nope-*,!x. Scenarios in the manifest:"
                        + " greeter-local, greeter-slow, other-fast, greeter-clone.");
    }

    @Test
    void select_excludeRemovesEverything_messageListsScenarios() {
        assertThat(failure(SCENARIOS, null, "*,!*"))
                .isEqualTo("No scenario matches -Dsmoke.scenario=*,!*. Scenarios in the manifest:"
                        + " greeter-local, greeter-slow, other-fast, greeter-clone.");
    }

    @Test
    void select_badGlob_messageNamesGlobAndSyntax() {
        assertThat(failure(SCENARIOS, null, "greeter-[a"))
                .isEqualTo(
                        "Bad scenario glob 'greeter-[a' [-Dsmoke.scenario]: Missing ']. Use glob syntax, e.g. greeter-*,!*-slow.");
    }

    @Test
    void select_taskAndGlob_intersection() throws Exception {
        assertThat(names(Selection.select(SCENARIOS, List.of("T-2"), List.of("!*-slow"), MavenFrontEnd.INSTANCE)))
                .containsExactly("greeter-local");
    }

    @Test
    void select_taskAndGlobWithEmptyIntersection_messageNamesBoth() {
        assertThat(failure(SCENARIOS, "T-3", "greeter-*"))
                .isEqualTo("No scenario matches -Dsmoke.scenario=greeter-* among those of -Dsmoke.task=T-3."
                        + " Scenarios in the manifest: greeter-local, greeter-slow, other-fast, greeter-clone.");
    }

    @Test
    void select_input_notModified() throws Exception {
        List<Scenario> scenarios = new ArrayList<>(SCENARIOS);

        Selection.select(scenarios, List.of("T-3"), List.of("*"), MavenFrontEnd.INSTANCE);

        assertThat(scenarios).isEqualTo(SCENARIOS);
    }

    @Test
    void split_commaList_trimmedItemsWithoutEmpties() {
        assertThat(Selection.split("  greeter-* , ,!*-slow,,  other ,"))
                .containsExactly("greeter-*", "!*-slow", "other");
    }

    @Test
    void split_single_oneItem() {
        assertThat(Selection.split("T-1")).containsExactly("T-1");
    }

    @Test
    void split_nullBlankOrOnlyCommas_empty() {
        assertThat(Selection.split(null)).isEmpty();
        assertThat(Selection.split("")).isEmpty();
        assertThat(Selection.split("   ")).isEmpty();
        assertThat(Selection.split(" , ,, ")).isEmpty();
    }

    @Test
    void split_braceAlternatives_keptInOneGlob() {
        assertThat(Selection.split("{greeter,other}-*,!*-slow")).containsExactly("{greeter,other}-*", "!*-slow");
    }
}
