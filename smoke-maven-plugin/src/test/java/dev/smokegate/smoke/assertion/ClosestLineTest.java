package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClosestLineTest {
    @TempDir
    Path dir;

    private Path log(String text) throws IOException {
        return Files.writeString(dir.resolve("step.log"), text);
    }

    @Test
    void forText_similarLine_isTheEvidence() throws IOException {
        Path log = log("[INFO] Building greeter\n[ERROR] Tests run: 4, Failures: 1, Errors: 0\n[INFO] BUILD FAILURE\n");

        assertThat(ClosestLine.forText(log, "Tests run: 4, Failures: 2"))
                .isEqualTo("[ERROR] Tests run: 4, Failures: 1, Errors: 0");
    }

    @Test
    void forRegex_literalPartsAreCompared() throws IOException {
        Path log = log("Tests run: 9, Failures: 0\nsomething else\n");

        assertThat(ClosestLine.forRegex(log, "Tests run: \\d+, Failures: [1-9]"))
                .isEqualTo("Tests run: 9, Failures: 0");
    }

    @Test
    void forText_nothingAlike_null() throws IOException {
        Path log = log("alpha\nbeta\n");

        assertThat(ClosestLine.forText(log, "Tests run: 4")).isNull();
    }

    @Test
    void forText_missingLog_null() {
        assertThat(ClosestLine.forText(dir.resolve("absent.log"), "Tests run: 4"))
                .isNull();
    }

    @Test
    void sharedPrefix_countsTheLongestLeadingPartFound() {
        assertThat(ClosestLine.sharedPrefix("xx Tests run: 4, Failures: 1", "Tests run: 4, Failures: 2"))
                .isEqualTo(24);
        assertThat(ClosestLine.sharedPrefix("nothing", "Tests")).isZero();
    }
}
