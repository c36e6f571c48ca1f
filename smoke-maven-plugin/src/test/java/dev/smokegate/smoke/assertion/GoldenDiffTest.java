package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldenDiffTest {

    @Test
    void of_oneLineChanged_unifiedDiffWithContextAndOneChange() {
        GoldenDiff diff = GoldenDiff.of(
                List.of("Hello", "World", "took [..] ms"),
                List.of("Hello", "Welt", "took [..] ms"),
                "src/smoke/expected/greet.txt",
                "stdout");

        assertThat(diff.lines())
                .containsExactly(
                        "--- src/smoke/expected/greet.txt",
                        "+++ stdout",
                        "@@ -1,3 +1,3 @@",
                        " Hello",
                        "-World",
                        "+Welt",
                        " took [..] ms");
        assertThat(diff.changed()).isEqualTo(1);
    }

    @Test
    void of_linesRemovedAndAddedFarApart_twoHunksEachCounted() {
        List<String> letters =
                "abcdefghijklmnopqrst".chars().mapToObj(Character::toString).toList();
        List<String> changed = new ArrayList<>(letters);
        changed.remove("b");
        changed.addAll(List.of("u", "v"));

        GoldenDiff diff = GoldenDiff.of(letters, changed, "expected/letters.txt", "output");

        assertThat(diff.lines())
                .containsExactly(
                        "--- expected/letters.txt",
                        "+++ output",
                        "@@ -1,5 +1,4 @@",
                        " a",
                        "-b",
                        " c",
                        " d",
                        " e",
                        "@@ -18,3 +17,5 @@",
                        " r",
                        " s",
                        " t",
                        "+u",
                        "+v");
        assertThat(diff.changed()).isEqualTo(3);
    }

    @Test
    void of_equal_noLines() {
        GoldenDiff diff = GoldenDiff.of(List.of("a"), List.of("a"), "g.txt", "stdout");

        assertThat(diff.lines()).isEmpty();
        assertThat(diff.changed()).isZero();
    }
}
