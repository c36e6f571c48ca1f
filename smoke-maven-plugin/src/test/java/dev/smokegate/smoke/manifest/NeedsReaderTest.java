package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Scenario;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code needs = ["other"]} and {@code ${smoke.export.other}}, as the loader reads and checks them. */
class NeedsReaderTest extends ManifestTestSupport {
    /**
     * Scenario number {@code k} (0-based) of {@link #manifest}: seven lines from line {@code 2 + 7k},
     * its {@code needs} line at {@code 4 + 7k} (omitted as an empty line when {@code needs} is empty)
     * and its {@code run} at {@code 7 + 7k}.
     */
    private static String scenario(String name, String needs, String run) {
        return "[[scenario]]\nname = \"" + name + "\"\n" + (needs.isEmpty() ? "" : "needs = " + needs) + "\n"
                + "  [[scenario.step]]\n  name = \"s\"\n  run = \"" + run + "\"\n"
                + "  expect.stdout.contains = [\"x\"]\n";
    }

    /** {@code format = 1}, then each {@code name:needs} scenario, e.g. {@code a:["b"]} or {@code b:}. */
    private static String manifest(String... scenarios) {
        return "format = 1\n"
                + Arrays.stream(scenarios)
                        .map(spec -> {
                            int colon = spec.indexOf(':');
                            return scenario(spec.substring(0, colon), spec.substring(colon + 1), "echo x");
                        })
                        .collect(Collectors.joining());
    }

    @Test
    void load_needs_onTheScenarioAsWritten() throws Exception {
        var manifest = load(manifest("a:[\"c\", \"b\"]", "b:", "c:[\"b\"]"));

        assertThat(manifest.scenarios())
                .extracting(Scenario::needs)
                .containsExactly(java.util.List.of("c", "b"), java.util.List.of(), java.util.List.of("b"));
    }

    @Test
    void load_unknownNeedNearAName_namesLocationAndSuggestion() throws Exception {
        assertThat(problems(manifest("a:[\"bb\"]", "b:")))
                .containsExactly("m.toml:4:10: unknown scenario 'bb' in needs of [[scenario]] 'a'. Did you mean 'b'?");
    }

    @Test
    void load_unknownNeedFarFromEveryName_listsTheScenarios() throws Exception {
        assertThat(problems(manifest("a:", "b:[\"a\", \"deploy-everything\"]")))
                .containsExactly("m.toml:11:15: unknown scenario 'deploy-everything' in needs of [[scenario]] 'b'."
                        + " Scenarios in the manifest: a, b.");
    }

    @Test
    void load_twoScenariosNeedEachOther_oneProblemNamingTheWholeCycle() throws Exception {
        assertThat(problems(manifest("a:[\"b\"]", "b:[\"a\"]")))
                .containsExactly("m.toml:4:10: needs of [[scenario]] 'a' form a cycle: a → b → a. Remove one of these"
                        + " needs: a scenario cannot run after itself.");
    }

    @Test
    void load_cycleEnteredFromALaterScenario_startsAtItsFirstScenarioInTheManifest() throws Exception {
        assertThat(problems(manifest("x:", "b:[\"c\"]", "c:[\"d\"]", "d:[\"b\"]", "a:[\"x\", \"c\"]")))
                .containsExactly("m.toml:11:10: needs of [[scenario]] 'b' form a cycle: b → c → d → b. Remove one of"
                        + " these needs: a scenario cannot run after itself.");
    }

    @Test
    void load_scenarioNeedsItself_cycleOfOne() throws Exception {
        assertThat(problems(manifest("a:[\"a\"]")))
                .containsExactly(
                        "m.toml:4:10: needs of [[scenario]] 'a' form a cycle: a → a. Remove one of these needs:"
                                + " a scenario cannot run after itself.");
    }

    @Test
    void load_needListedTwice_problemAtTheSecond() throws Exception {
        assertThat(problems(manifest("a:[\"b\", \"b\"]", "b:")))
                .containsExactly("m.toml:4:15: 'b' is listed twice in needs of [[scenario]] 'a'. Remove one.");
    }

    @Test
    void load_needsAString_wrongType() throws Exception {
        assertThat(problems(manifest("a:\"b\"", "b:")))
                .containsExactly("m.toml:4:1: 'needs' in [[scenario]] 'a' must be an array of strings, e.g. [\"text\"];"
                        + " found string \"b\".");
    }

    @Test
    void load_exportOfANeededScenario_accepted() throws Exception {
        var manifest = load("format = 1\n" + scenario("use", "[\"make\"]", "cat ${smoke.export.make}/token.txt")
                + scenario("make", "", "echo x > ${smoke.export}/token.txt"));

        assertThat(manifest.scenarios().get(0).steps().get(0).action().toString())
                .contains("${smoke.export.make}/token.txt");
    }

    @Test
    void load_exportOfAScenarioNotNeeded_problemAtTheStringSayingToNeedIt() throws Exception {
        assertThat(problems("format = 1\n" + scenario("use", "", "cat ${smoke.export.make}/token.txt")
                        + scenario("make", "", "echo x")))
                .containsExactly("m.toml:7:3: 'run' of [[scenario]] 'use' › s uses ${smoke.export.make}, the export"
                        + " folder of scenario 'make', which it does not need. Add \"make\" to the scenario's needs"
                        + " (needs = [\"make\"]), so that make runs first.");
    }

    @Test
    void load_exportInDefaults_problemEvenWhenTheScenarioNeedsIt() throws Exception {
        assertThat(problems("format = 1\n[defaults]\nenv.TOKEN = \"${smoke.export.make}\"\n"
                        + scenario("use", "[\"make\"]", "echo x") + scenario("make", "", "echo x")))
                .containsExactly("m.toml:3:1: 'TOKEN' of [defaults] env uses ${smoke.export.make}, the export folder"
                        + " of scenario 'make'; only a scenario that needs make may use it. Move it into such a"
                        + " scenario.");
    }

    @Test
    void load_misspeltNeedsKey_suggestsNeeds() throws Exception {
        assertThat(problems(manifest("a:", "b:").replace("name = \"b\"\n", "name = \"b\"\nneed = [\"a\"]")))
                .containsExactly("m.toml:11:1: unknown key 'need' in [[scenario]]. Did you mean 'needs'?");
    }
}
