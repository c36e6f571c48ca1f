package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceLinesTest {
    @TempDir
    Path dir;

    @Test
    void find_evidenceAfterALineLongerThanTheLimit_countsTheLongLineAsOne() throws IOException {
        Path log = dir.resolve("01-step.log");
        try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            out.write("starting\n");
            out.write("x".repeat(3 * EvidenceLines.MAX_LINE_CHARS));
            out.write("\n[ERROR] boom\nend\n");
        }

        assertThat(EvidenceLines.find(log, "[ERROR] boom")).isEqualTo(3);
    }

    @Test
    void find_evidenceInTheStartOfALongLastLineWithoutLineBreak_findsIt() throws IOException {
        Path log = dir.resolve("01-step.log");
        Files.writeString(log, "one\n[ERROR] boom " + "x".repeat(2 * EvidenceLines.MAX_LINE_CHARS));

        assertThat(EvidenceLines.find(log, "line 2: [ERROR] boom")).isEqualTo(2);
    }

    @Test
    void find_evidenceOnlyPastTheSearchedStartOfALine_isNotFound() throws IOException {
        Path log = dir.resolve("01-step.log");
        Files.writeString(log, "x".repeat(EvidenceLines.MAX_LINE_CHARS) + "[ERROR] boom\n");

        assertThat(EvidenceLines.find(log, "[ERROR] boom")).isNull();
    }

    @Test
    void find_colouredEvidenceAndCrLf_findsTheLastLineHoldingIt() throws IOException {
        Path log = dir.resolve("01-step.log");
        Files.writeString(log, "\u001B[31m[ERROR] boom\u001B[0m\r\nok\r\n[ERROR] boom\r\n\r\n");

        assertThat(EvidenceLines.find(log, "[ERROR] boom")).isEqualTo(3);
    }
}
