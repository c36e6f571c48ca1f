package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code [retired]} table: scenarios removed on purpose, each with its reason ({@link RetiredReader}). */
class RetiredReaderTest extends ManifestTestSupport {
    /** A valid scenario {@code a}, lines 1 to 9; {@code [retired]} can start at line 10. */
    private static final String VALID = HEAD + ECHO;

    @Test
    void load_retiredTable_namesAndReasonsInFileOrder() throws Exception {
        assertThat(load(VALID + "[retired]\nold-b = \"replaced by a in REL-77\"\n\"api.v1\" = \"the v1 API is gone\"\n")
                        .retired())
                .containsExactly(
                        Map.entry("old-b", "replaced by a in REL-77"), Map.entry("api.v1", "the v1 API is gone"));
    }

    @Test
    void load_noRetiredTable_noneRetired() throws Exception {
        assertThat(load(VALID).retired()).isEmpty();
    }

    @Test
    void load_unquotedNameWithDot_saysToQuoteIt() throws Exception {
        assertThat(problems(VALID + "[retired]\napi.v1 = \"gone\"\n"))
                .containsExactly("m.toml:11:1: 'api' in [retired] must be a string, the reason it was retired; found a"
                        + " table. A name with a '.' must be quoted: \"api.v1\" = \"…\".");
    }

    @Test
    void load_reasonNotAString_saysHowToWriteIt() throws Exception {
        assertThat(problems(VALID + "[retired]\nold-b = true\n"))
                .containsExactly("m.toml:11:1: 'old-b' in [retired] must be a string, the reason it was retired;"
                        + " found boolean true. Write old-b = \"why it was removed\".");
    }

    @Test
    void load_blankReason_asksForOne() throws Exception {
        assertThat(problems(VALID + "[retired]\nold-b = \" \"\n"))
                .containsExactly("m.toml:11:1: retired scenario 'old-b' has no reason. Say why it was removed, e.g."
                        + " old-b = \"replaced by new-name in REL-77\".");
    }

    @Test
    void load_retiredNameThatIsNoScenarioName_isRejected() throws Exception {
        assertThat(problems(VALID + "[retired]\n\"Old B\" = \"gone\"\n"))
                .containsExactly("m.toml:11:1: retired name 'Old B' is not a scenario name: it must match"
                        + " [a-z0-9][a-z0-9._-]*. Use the name exactly as the scenario had it.");
    }

    @Test
    void load_retiredAndStillAScenario_namesBoth() throws Exception {
        assertThat(problems(VALID + "[retired]\na = \"replaced by b\"\n"))
                .containsExactly("m.toml:11:1: scenario 'a' is retired and still in the manifest (at m.toml:3:1)."
                        + " Remove it from [retired], or remove the scenario.");
    }

    @Test
    void load_retiredNotATable_saysWhatWasFound() throws Exception {
        assertThat(problems("retired = [\"old-b\"]\n" + VALID))
                .containsExactly("m.toml:1:1: 'retired' in the top level must be a table; found an array of strings.");
    }

    @Test
    void scenarioNames_validAndInvalidNames_onlyTheValidOnceInFileOrder() throws Exception {
        String text = "format = 1\n[[scenario]]\nname = \"b\"\n[[scenario]]\nname = \"Bad Name\"\n[[scenario]]\n"
                + "name = \"a\"\n[[scenario]]\nname = \"b\"\n[[scenario]]\ndescription = \"no name\"\n"
                + "[[scenario]]\nname = \"c.d\"\nunknown-key = 1\n";

        assertThat(ScenarioNames.of(text, "m.toml")).containsExactly("b", "a", "c.d");
    }

    @Test
    void scenarioNames_noScenarioKey_none() throws Exception {
        assertThat(ScenarioNames.of("format = 1\n", "m.toml")).isEmpty();
    }

    @Test
    void scenarioNames_notValidToml_throwsWithTheFirstErrorsLocation() {
        ManifestException e = catchThrowableOfType(
                ManifestException.class, () -> ScenarioNames.of("format = 1\n[[scenario]\nname = \"a\"\n", "m.toml"));

        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).startsWith("m.toml:2:").contains(": not valid TOML: ");
    }

    @Test
    void scenarioNames_scenarioNotAnArrayOfTables_throwsSayingWhatWasFound() {
        ManifestException e = catchThrowableOfType(
                ManifestException.class, () -> ScenarioNames.of("format = 1\nscenario = \"a\"\n", "m.toml"));

        assertThat(e.problems().stream().map(ManifestProblem::toString).toList())
                .isEqualTo(List.of("m.toml:2:1: 'scenario' is not an array of tables written [[scenario]]; found"
                        + " string \"a\"."));
    }
}
