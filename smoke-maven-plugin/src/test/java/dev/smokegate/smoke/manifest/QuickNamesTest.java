package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Jackson's quick reading of scenario names gives what tomlj's does, or no answer. */
class QuickNamesTest {
    /** Every manifest of this repository: the demo's and those of the sample projects. */
    static Stream<Path> manifests() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root.resolve("it"))) {
            List<Path> found = files.filter(
                            file -> file.getFileName().toString().endsWith(".toml"))
                    .filter(file -> !file.toString().contains("/target/"))
                    .sorted()
                    .toList();
            assertThat(found).hasSizeGreaterThan(15);
            return found.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void of_eachManifestOfThisRepository_theNamesTomljReads(Path manifest) throws Exception {
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        List<String> quick = QuickNames.of(text).orElse(null);
        List<String> tomlj;
        try {
            tomlj = ScenarioNames.parsed(text, manifest.toString());
        } catch (ManifestException e) {
            assertThat(quick).as("tomlj rejects it (" + e.getMessage() + ")").isNull();
            return;
        }
        if (tomlj.isEmpty()) {
            assertThat(quick).as("no scenarios: tomlj decides").isNull();
        } else {
            assertThat(quick).as("Jackson reads a manifest tomlj reads").isEqualTo(tomlj);
        }
    }

    @Test
    void of_namesMissingMalformedOrRepeated_leftOutAsTomljLeavesThemOut() throws Exception {
        String text = "format = 1\n[[scenario]]\nname = \"b\"\n[[scenario]]\nname = \"a\"\n[[scenario]]\n"
                + "name = \"b\"\n[[scenario]]\ndescription = \"no name\"\n[[scenario]]\nname = \"Upper\"\n"
                + "[[scenario]]\nname = 7\n[[scenario]]\nname = \"c.d\"\n  [[scenario.step]]\n  name = \"x\"\n"
                + "  expect.stdout.contains = [\"ok\"]\n";

        assertThat(QuickNames.of(text)).contains(List.of("b", "a", "c.d"));
        assertThat(ScenarioNames.parsed(text, "m.toml")).containsExactly("b", "a", "c.d");
    }

    @Test
    void of_notValidToml_noAnswerSoTomljNamesTheProblem() {
        assertThat(QuickNames.of("format = 1\n[[scenario]\nname = \"a\"\n")).isEmpty();
    }

    @Test
    void of_scenarioNotAnArrayOfTables_noAnswer() {
        assertThat(QuickNames.of("format = 1\nscenario = \"a\"\n")).isEmpty();
        assertThat(QuickNames.of("format = 1\nscenario = [1, 2]\n")).isEmpty();
        assertThat(QuickNames.of("format = 1\n")).isEmpty();
    }
}
