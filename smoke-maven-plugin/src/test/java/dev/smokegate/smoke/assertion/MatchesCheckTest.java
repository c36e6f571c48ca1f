package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchesCheckTest {

    @TempDir
    Path dir;

    @Test
    void evaluate_match_passesWithMatchedTextAndLine() throws IOException {
        TestStep step = new TestStep(dir).stdout("[INFO] start\n[ERROR] Tests run: 4, Failures: 1, Errors: 0\n");

        assertThat(new MatchesCheck(LogStream.STDOUT, "Tests run: \\d+, Failures: [1-9]").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        true,
                        "expected stdout to match 'Tests run: \\d+, Failures: [1-9]'",
                        "matched 'Tests run: 4, Failures: 1' on line 2",
                        "line 2: [ERROR] Tests run: 4, Failures: 1, Errors: 0"));
    }

    @Test
    void evaluate_noMatch_failsCountingLinesAndBytesWithTheClosestLine() throws IOException {
        TestStep step = new TestStep(dir).stdout("Tests run: 4, Failures: 0\n");

        assertThat(new MatchesCheck(LogStream.STDOUT, "Failures: [1-9]").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        false,
                        "expected stdout to match 'Failures: [1-9]'",
                        "no match in 1 line (26 bytes) of stdout",
                        "Tests run: 4, Failures: 0"));
    }

    @Test
    void evaluate_anchors_matchLinesNotTheWholeLog() throws IOException {
        TestStep step = new TestStep(dir).stdout("[INFO] BUILD SUCCESS\nBUILD SUCCESS\ntail\n");

        CheckResult result = new MatchesCheck(LogStream.STDOUT, "^BUILD SUCCESS$").evaluate(step.output());

        assertThat(result.seen()).isEqualTo("matched 'BUILD SUCCESS' on line 2");
    }

    @Test
    void evaluate_greedyMatchAcrossWindowBoundary_completeAtEveryOffset() throws IOException {
        TestStep step = new TestStep(dir);
        for (int offset = 230; offset < 280; offset++) {
            step.stdout("x".repeat(offset) + " count: 123456789 end\n");

            CheckResult result = new MatchesCheck(LogStream.STDOUT, "count: \\d+").evaluate(step.output(), 8, 32);

            assertThat(result.seen()).as("offset %d", offset).isEqualTo("matched 'count: 123456789' on line 1");
        }
    }

    @Test
    void evaluate_multiLineMatchWithinOverlap_foundAcrossBoundary() throws IOException {
        TestStep step = new TestStep(dir);
        for (int offset = 230; offset < 280; offset++) {
            step.stdout("x".repeat(offset) + "\nBEGIN\nbody\nEND\n");

            CheckResult result =
                    new MatchesCheck(LogStream.STDOUT, "BEGIN\\n\\w+\\nEND").evaluate(step.output(), 8, 32);

            assertThat(result.seen()).as("offset %d", offset).isEqualTo("matched 'BEGIN\\nbody\\nEND' on line 2");
        }
    }

    @Test
    void evaluate_windowStartsMidLine_caretDoesNotMatchThere() throws IOException {
        TestStep step = new TestStep(dir);
        for (int offset = 230; offset < 280; offset++) {
            // text after "abc" so that, at some offset, a window starts right at it
            step.stdout("x".repeat(offset) + "abc\n" + "y".repeat(300) + "\n");

            CheckResult result = new MatchesCheck(LogStream.STDOUT, "^abc").evaluate(step.output(), 8, 32);

            assertThat(result.passed()).as("offset %d", offset).isFalse();
        }
    }

    @Test
    void evaluate_windowEndsMidLine_dollarDoesNotMatchThere() throws IOException {
        TestStep step = new TestStep(dir);
        for (int offset = 230; offset < 280; offset++) {
            step.stdout("x".repeat(offset) + "abcd\nabc");

            CheckResult result = new MatchesCheck(LogStream.STDOUT, "abc$").evaluate(step.output(), 8, 32);

            assertThat(result.seen()).as("offset %d", offset).isEqualTo("matched 'abc' on line 2");
        }
    }

    @Test
    void evaluate_invalidRegex_failsWithSyntaxError() throws IOException {
        TestStep step = new TestStep(dir).stdout("x\n");

        assertThat(new MatchesCheck(LogStream.STDERR, "Tests (run").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        false,
                        "expected stderr to match 'Tests (run'",
                        "invalid regular expression: Unclosed group near index 10",
                        null));
    }

    @Test
    void evaluate_missingLog_failsNamingIt() throws IOException {
        TestStep step = new TestStep(dir);

        assertThat(new MatchesCheck(LogStream.OUTPUT, "x")
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("output log " + step.logs.combined() + " does not exist");
    }

    @Test
    void toString_readsAsSentence() {
        assertThat(new MatchesCheck(LogStream.STDOUT, "Tests run: \\d+"))
                .hasToString("stdout matches 'Tests run: \\d+'");
    }
}
