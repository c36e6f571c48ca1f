package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.StreamExpectation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecksTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void of_everyKind_inStableOrder() {
        Expectations expect = Expectations.builder()
                .exit(2)
                .stdout(new StreamExpectation(List.of("BUILD SUCCESS"), List.of("Tests run: \\d+"), List.of("[ERROR]")))
                .stderr(new StreamExpectation(List.of(), List.of(), List.of("WARNING")))
                .output(new StreamExpectation(List.of("done"), List.of(), List.of()))
                .filesExist(List.of("target/*.jar"))
                .filesAbsent(List.of("**/*.orig"))
                .filesContain(Map.of("b.txt", List.of("x", "y"), "a.txt", List.of("z")))
                .json(Map.of("/status", JSON.textNode("UP"), "/count", JSON.numberNode(3)))
                .filesJson(Map.of("h.json", Map.of("/ok", JSON.booleanNode(true))))
                .build();

        List<String> checks =
                Checks.of(expect, true).stream().map(Check::toString).toList();

        assertThat(checks)
                .containsExactly(
                        "exit code is 2",
                        "stdout contains 'BUILD SUCCESS'",
                        "stdout matches 'Tests run: \\d+'",
                        "stdout does not contain '[ERROR]'",
                        "stderr does not contain 'WARNING'",
                        "output contains 'done'",
                        "a file matches 'target/*.jar'",
                        "no file matches '**/*.orig'",
                        "file a.txt contains 'z'",
                        "file b.txt contains 'x'",
                        "file b.txt contains 'y'",
                        "stdout at /count is 3",
                        "stdout at /status is \"UP\"",
                        "file h.json at /ok is true");
    }

    @Test
    void of_stepWithoutExitCode_skipsExitCheck() {
        assertThat(Checks.of(Expectations.DEFAULT, false)).isEmpty();
    }

    @Test
    void of_defaults_onlyExitCodeZero() {
        assertThat(Checks.of(Expectations.DEFAULT, true)).singleElement().hasToString("exit code is 0");
    }
}
