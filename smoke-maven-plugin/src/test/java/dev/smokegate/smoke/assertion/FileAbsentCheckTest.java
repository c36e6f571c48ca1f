package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAbsentCheckTest {

    @TempDir
    Path dir;

    @Test
    void evaluate_noMatch_passes() throws IOException {
        TestStep step = new TestStep(dir).file("src/App.java", "");

        assertThat(new FileAbsentCheck("**/*.orig").evaluate(step.output()))
                .isEqualTo(new CheckResult(true, "expected no file matching '**/*.orig'", "no match", null));
    }

    @Test
    void evaluate_matches_failsNamingTheFirstAlphabetically() throws IOException {
        TestStep step = new TestStep(dir);
        for (String name : new String[] {"e", "c", "a", "d", "b"}) {
            step.file("target/" + name + ".tmp", "");
        }

        assertThat(new FileAbsentCheck("target/*.tmp").evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        false,
                        "expected no file matching 'target/*.tmp'",
                        "found target/a.tmp, target/b.tmp, target/c.tmp and 2 more",
                        null));
    }

    @Test
    void evaluate_oneMatch_namesIt() throws IOException {
        TestStep step = new TestStep(dir).file("src/App.java.orig", "");

        assertThat(new FileAbsentCheck("**/*.orig").evaluate(step.output()).seen())
                .isEqualTo("found src/App.java.orig");
    }

    @Test
    void evaluate_matchOnlyInsideGit_passes() throws IOException {
        TestStep step = new TestStep(dir).file(".git/MERGE_HEAD.orig", "").file("a/.git/x.orig", "");

        assertThat(new FileAbsentCheck("**.orig").evaluate(step.output()).passed())
                .isTrue();
    }

    @Test
    void toString_readsAsSentence() {
        assertThat(new FileAbsentCheck("**/*.orig")).hasToString("no file matches '**/*.orig'");
    }
}
