package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GoldenMatchTest {

    private static GoldenMatch match(String golden, String output) {
        return GoldenMatch.of(GoldenMatch.lines(golden), GoldenMatch.lines(output));
    }

    @Test
    void lines_crlfAndOneFinalLineBreak_normalised() {
        assertThat(GoldenMatch.lines("a\r\nb\r\n")).containsExactly("a", "b");
        assertThat(GoldenMatch.lines("a\nb")).containsExactly("a", "b");
        assertThat(GoldenMatch.lines("a\n\n")).containsExactly("a", "");
        assertThat(GoldenMatch.lines("\n")).containsExactly("");
        assertThat(GoldenMatch.lines("")).isEmpty();
    }

    @Test
    void text_lines_eachEndedByALineBreak() {
        assertThat(GoldenMatch.text(List.of("a", ""))).isEqualTo("a\n\n");
        assertThat(GoldenMatch.text(List.of())).isEmpty();
    }

    @Test
    void of_sameTextOtherLineEndings_matches() {
        assertThat(match("Hello\r\nWorld\r\n", "Hello\nWorld").matched()).isTrue();
    }

    @Test
    void of_bothEmpty_matches() {
        assertThat(match("", "").matched()).isTrue();
    }

    @Test
    void of_emptyGoldenAndOutput_rewrittenIsTheOutput() {
        GoldenMatch match = match("", "a\nb\n");

        assertThat(match.matched()).isFalse();
        assertThat(match.rewritten()).containsExactly("a", "b");
    }

    @Test
    void of_goldenAndEmptyOutput_rewrittenIsEmpty() {
        GoldenMatch match = match("a\n", "");

        assertThat(match.matched()).isFalse();
        assertThat(match.rewritten()).isEmpty();
    }

    @Test
    void lineMatches_wildcardInLine_matchesAnyTextThere() {
        assertThat(GoldenMatch.lineMatches("took [..] ms", "took 12 ms")).isTrue();
        assertThat(GoldenMatch.lineMatches("took [..] ms", "took  ms")).isTrue();
        assertThat(GoldenMatch.lineMatches("took [..] ms", "took 12 s")).isFalse();
        assertThat(GoldenMatch.lineMatches("took [..] ms", "it took 12 ms")).isFalse();
    }

    @Test
    void lineMatches_wildcardAtStartAndEnd_matchesAnyPrefixAndSuffix() {
        assertThat(GoldenMatch.lineMatches("[..]/greet.txt", "/tmp/x/greet.txt"))
                .isTrue();
        assertThat(GoldenMatch.lineMatches("Hello, [..]", "Hello, World!")).isTrue();
        assertThat(GoldenMatch.lineMatches("[..]", "")).isTrue();
        assertThat(GoldenMatch.lineMatches("[..]", "anything")).isTrue();
    }

    @Test
    void lineMatches_adjacentWildcards_actAsOne() {
        assertThat(GoldenMatch.lineMatches("a[..][..]b", "ab")).isTrue();
        assertThat(GoldenMatch.lineMatches("a[..][..]b", "a-x-b")).isTrue();
        assertThat(GoldenMatch.lineMatches("a[..][..]b", "a-x-c")).isFalse();
    }

    @Test
    void lineMatches_partsMustNotOverlap_noMatch() {
        assertThat(GoldenMatch.lineMatches("ab[..]ba", "aba")).isFalse();
        assertThat(GoldenMatch.lineMatches("ab[..]ba", "abba")).isTrue();
        assertThat(GoldenMatch.lineMatches("a[..]b[..]b[..]c", "abbc")).isTrue();
        assertThat(GoldenMatch.lineMatches("a[..]b[..]b[..]c", "abc")).isFalse();
    }

    @Test
    void lineMatches_noWildcard_exactOnly() {
        assertThat(GoldenMatch.lineMatches("a.b", "a.b")).isTrue();
        assertThat(GoldenMatch.lineMatches("a.b", "axb")).isFalse();
        assertThat(GoldenMatch.lineMatches("[.]", "x")).isFalse();
    }

    @Test
    void of_anyLinesInTheMiddle_matchesNoneOrMany() {
        assertThat(match("start\n...\nend\n", "start\nend\n").matched()).isTrue();
        assertThat(match("start\n...\nend\n", "start\n1\n2\n3\nend\n").matched())
                .isTrue();
        assertThat(match("start\n...\nend\n", "start\n1\n").matched()).isFalse();
    }

    @Test
    void of_anyLinesAtStartAndEnd_matchesAroundAnchoredPart() {
        assertThat(match("...\nBUILD SUCCESS\n...\n", "[INFO] x\nBUILD SUCCESS\n[INFO] y\n")
                        .matched())
                .isTrue();
        assertThat(match("...\nBUILD SUCCESS\n", "a\nBUILD SUCCESS\nb\n").matched())
                .isFalse();
        assertThat(match("BUILD SUCCESS\n...\n", "a\nBUILD SUCCESS\n").matched())
                .isFalse();
        assertThat(match("...\n", "").matched()).isTrue();
        assertThat(match("...\n", "anything\nat all\n").matched()).isTrue();
    }

    @Test
    void of_adjacentAnyLines_actAsOne() {
        assertThat(match("a\n...\n...\nb\n", "a\nb\n").matched()).isTrue();
        assertThat(match("a\n...\n...\nb\n", "a\nx\ny\nb\n").matched()).isTrue();
    }

    @Test
    void of_middlePartsInOrder_matchOnlyInThatOrder() {
        assertThat(match("...\nb\n...\nc\n...\n", "a\nb\nx\nc\nd\n").matched()).isTrue();
        assertThat(match("...\nc\n...\nb\n...\n", "a\nb\nx\nc\nd\n").matched()).isFalse();
    }

    @Test
    void of_anyLinesAndLineWildcardsTogether_match() {
        assertThat(match("Tests run: [..]\n...\n[..] BUILD SUCCESS\n", "Tests run: 4\nx\n[INFO] BUILD SUCCESS\n")
                        .matched())
                .isTrue();
    }

    @Test
    void of_outputWithALineTooMany_noMatch() {
        assertThat(match("a\nb\n", "a\nb\nc\n").matched()).isFalse();
    }

    @Test
    void of_mismatch_rewrittenKeepsEveryWildcardLineThatStillMatches() {
        GoldenMatch match = match(
                "Greeting [..]\n...\nHello, World\ntook [..] ms\nbye\n",
                "Greeting v2\nloading\nloaded\nHello, Welt\ntook 17 ms\nbye\n");

        assertThat(match.matched()).isFalse();
        assertThat(match.rewritten()).containsExactly("Greeting [..]", "...", "Hello, Welt", "took [..] ms", "bye");
        assertThat(GoldenMatch.of(
                                match.rewritten(),
                                GoldenMatch.lines("Greeting v2\nloading\nloaded\nHello, Welt\ntook 17 ms\nbye\n"))
                        .matched())
                .isTrue();
    }

    @Test
    void of_wildcardLineThatNoLongerMatches_replacedByTheOutput() {
        GoldenMatch match = match("took [..] ms\n", "took 2 s\n");

        assertThat(match.rewritten()).containsExactly("took 2 s");
    }

    @Test
    void of_lastLineChangedAfterAnyLines_shownAsChangedNotSwallowed() {
        GoldenMatch match = match("a\n...\nb\n", "a\nc\n");

        assertThat(match.rewritten()).containsExactly("a", "...", "c");
        assertThat(GoldenMatch.of(match.rewritten(), List.of("a", "c")).matched())
                .isTrue();
    }

    @Test
    void aligned_randomTexts_rewrittenAlwaysMatchesAndVerdictAgreesWithAlignment() {
        Random random = new Random(20261201L);
        String[] golden = {"a", "b", "[..]", "a[..]", "...", "c"};
        String[] output = {"a", "b", "c", "ab", "x"};
        for (int round = 0; round < 3000; round++) {
            List<String> expected = pick(random, golden, random.nextInt(6));
            List<String> actual = pick(random, output, random.nextInt(7));

            List<String> rewritten = GoldenMatch.aligned(expected, actual);

            assertThat(GoldenMatch.matches(rewritten, actual))
                    .as("%s rewritten for %s as %s", expected, actual, rewritten)
                    .isTrue();
            assertThat(rewritten.equals(expected))
                    .as("%s against %s: the alignment keeps the golden lines exactly when it matches", expected, actual)
                    .isEqualTo(GoldenMatch.matches(expected, actual));
        }
    }

    @Test
    void of_manyAnyLinesAgainstALongOutput_decidedWithoutBacktracking() {
        List<String> golden = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            golden.add("...");
            golden.add("x");
        }
        golden.add("y");
        List<String> output = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            output.add("x");
        }

        GoldenMatch match = GoldenMatch.of(golden, output);

        assertThat(match.matched()).isFalse();
        assertThat(GoldenMatch.matches(match.rewritten(), output)).isTrue();
    }

    @Test
    void diffed_tooLargeToAlign_keepsLineWildcardsButNotAnyLines() {
        List<String> rewritten =
                GoldenMatch.diffed(List.of("a", "...", "took [..] ms", "z"), List.of("a", "b", "took 3 ms"));

        assertThat(rewritten).containsExactly("a", "b", "took [..] ms");
    }

    private static List<String> pick(Random random, String[] from, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(from[random.nextInt(from.length)]);
        }
        return lines;
    }
}
