package dev.smokegate.smoke.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void lastLines_fewerLinesThanAsked_returnsAllOldestFirst() throws IOException {
        Path log = write("one\ntwo\nthree\n");

        assertThat(LogTail.lastLines(log, 10)).containsExactly("one", "two", "three");
    }

    @Test
    void lastLines_moreLinesThanAsked_returnsTheLast() throws IOException {
        Path log = write("one\ntwo\nthree\nfour");

        assertThat(LogTail.lastLines(log, 2)).containsExactly("three", "four");
    }

    @Test
    void lastLines_crlfAndBlankLines_keptAsLines() throws IOException {
        Path log = write("a\r\n\r\nb\r\n");

        assertThat(LogTail.lastLines(log, 3)).containsExactly("a", "", "b");
    }

    @Test
    void lastLines_emptyFileOrZeroAsked_empty() throws IOException {
        assertThat(LogTail.lastLines(write(""), 5)).isEmpty();
        assertThat(LogTail.lastLines(write("\n"), 5)).containsExactly("");
        assertThat(LogTail.lastLines(write("x\n"), 0)).isEmpty();
    }

    @Test
    void lastLines_longLine_cutWithItsLength() throws IOException {
        Path log = write("short\n" + "y".repeat(3_000) + "\n");

        List<String> lines = LogTail.lastLines(log, 2);

        assertThat(lines.get(0)).isEqualTo("short");
        assertThat(lines.get(1)).isEqualTo("y".repeat(500) + " [... line of 3,000 bytes]");
    }

    @Test
    void lastLines_malformedUtf8_replaced() throws IOException {
        Path log = dir.resolve("bad.log");
        Files.write(log, new byte[] {'o', 'k', '\n', 'a', (byte) 0xC3, 'b', '\n'});

        assertThat(LogTail.lastLines(log, 1)).containsExactly("a\uFFFDb");
    }

    @Test
    void lastLines_linesAcrossReadBlocks_joinedCorrectly() throws IOException {
        Path log = dir.resolve("big.log");
        try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= 100_000; i++) {
                out.write("line number " + i + " of the log\n");
            }
        }

        assertThat(LogTail.lastLines(log, 3))
                .containsExactly(
                        "line number 99998 of the log",
                        "line number 99999 of the log",
                        "line number 100000 of the log");
        assertThat(LogTail.lastLines(log, 1000)).hasSize(1000).first().isEqualTo("line number 99001 of the log");
    }

    @Test
    void lastLines_missingFile_throwsNoSuchFile() {
        assertThatThrownBy(() -> LogTail.lastLines(dir.resolve("nope.log"), 3)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void lastLines_negativeCount_throws() {
        assertThatThrownBy(() -> LogTail.lastLines(write("x"), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must not be negative: -1");
    }

    @Test
    void lastNonBlankLine_blankLinesAtTheEnd_skipped() throws IOException {
        Path log = write("first\nTests run: 412, Failures: 0   \r\n\n   \n");

        assertThat(LogTail.lastNonBlankLine(log, 120)).hasValue("Tests run: 412, Failures: 0");
    }

    @Test
    void lastNonBlankLine_longLine_cut() throws IOException {
        Path log = write("z".repeat(300) + "\n");

        assertThat(LogTail.lastNonBlankLine(log, 120)).hasValue("z".repeat(120));
    }

    @Test
    void lastNonBlankLine_emptyOrMissing_empty() throws IOException {
        assertThat(LogTail.lastNonBlankLine(write("\n\n"), 120)).isEmpty();
        assertThat(LogTail.lastNonBlankLine(dir.resolve("nope.log"), 120)).isEmpty();
    }

    @Test
    void cut_surrogatePairAtTheLimit_notSplit() {
        assertThat(LogTail.cut("ab\uD83D\uDE00c", 3)).isEqualTo("ab");
        assertThat(LogTail.cut("abc", 3)).isEqualTo("abc");
        assertThat(LogTail.cut("abcd", 3)).isEqualTo("abc");
    }

    private Path write(String text) throws IOException {
        Path log = Files.createTempFile(dir, "tail", ".log");
        Files.writeString(log, text, StandardCharsets.UTF_8);
        return log;
    }
}
