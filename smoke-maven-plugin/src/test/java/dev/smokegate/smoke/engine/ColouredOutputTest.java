package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step whose build prints in colour, as {@code mvn -Dstyle.color=always} does (ECMA-48 SGR
 * sequences around levels, counts and names): the rules must still find the {@code Tests run:}
 * line, and the report shows it as plain text.
 */
@Timeout(120)
class ColouredOutputTest {
    private static final String ESC = "\u001B";

    /** The end of a failing surefire run as Maven 3.9 prints it with {@code -Dstyle.color=always}. */
    private static final List<String> COLOURED_MAVEN = List.of(
            "[" + ESC + "[1;34mINFO" + ESC + "[m] " + ESC + "[1m-------------------------------------------------------"
                    + ESC + "[m",
            "[" + ESC + "[1;34mINFO" + ESC + "[m]  T E S T S",
            "[" + ESC + "[1;34mINFO" + ESC + "[m] Running dev.example." + ESC + "[1mGreeterTest" + ESC + "[m",
            "[" + ESC + "[1;31mERROR" + ESC + "[m] " + ESC + "[1;31mTests " + ESC + "[0;1;31mrun: 4" + ESC + "[m, "
                    + ESC + "[1;31mFailures: " + ESC + "[0;1;31m1" + ESC + "[m, Errors: 0, Skipped: 0, Time elapsed:"
                    + " 0.052 s" + ESC + "[1;31m <<< FAILURE!" + ESC + "[m -- in " + ESC + "[1mdev.example.GreeterTest"
                    + ESC + "[m",
            "[" + ESC + "[1;31mERROR" + ESC + "[m] " + ESC + "[1;31mdev.example.GreeterTest.greets" + ESC
                    + "[m -- Time elapsed: 0.011 s <<< FAILURE!",
            "[" + ESC + "[1;34mINFO" + ESC + "[m] " + ESC + "[1;31mBUILD FAILURE" + ESC + "[m");

    @TempDir
    Path tmp;

    private EngineFixture fixture;

    @BeforeEach
    void fixtures() throws IOException {
        fixture = EngineFixture.greeter(tmp);
        Path output = tmp.resolve("coloured-maven.txt");
        Files.write(output, COLOURED_MAVEN, StandardCharsets.UTF_8);
        fixture.withProperty("fixture.output", output.toString());
    }

    private StepFailure runFailingBuild() throws Exception {
        GateResult result = fixture.run(
                """
                format = 1
                [[scenario]]
                name = "colour"
                source.checkout = "${fixture.checkout}"
                  [[scenario.step]]
                  name = "test"
                  run = "cat ${fixture.output}; exit 1"
                  expect.exit = 0
                  expect.stdout.contains = ["BUILD SUCCESS"]
                """);
        assertThat(result.scenarios().get(0).status())
                .as(fixture.log().visible().toString())
                .isEqualTo(Status.FAIL);
        return result.scenarios().get(0).failure();
    }

    @Test
    void run_colouredSurefireFailure_sourceTestsFailedOnThePlainTestsRunLine() throws Exception {
        StepFailure failure = runFailingBuild();

        assertThat(failure.classification())
                .isEqualTo(new Classification(
                        FailureCategory.SOURCE,
                        "source.tests-failed (the repository's own tests fail)",
                        "[ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.052 s <<< FAILURE!"
                                + " -- in dev.example.GreeterTest"));
    }

    @Test
    void run_colouredSurefireFailure_tailShownWithoutEscapes() throws Exception {
        StepFailure failure = runFailingBuild();

        assertThat(failure.tail())
                .containsExactly(
                        "[INFO] -------------------------------------------------------",
                        "[INFO]  T E S T S",
                        "[INFO] Running dev.example.GreeterTest",
                        "[ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.052 s <<< FAILURE!"
                                + " -- in dev.example.GreeterTest",
                        "[ERROR] dev.example.GreeterTest.greets -- Time elapsed: 0.011 s <<< FAILURE!",
                        "[INFO] BUILD FAILURE");
        assertThat(fixture.project().resolve("target/smoke/colour/01-test.log"))
                .content()
                .as("the log on disk keeps what the build printed")
                .contains(ESC + "[1;31mTests ");
    }
}
