package dev.smokegate.smoke.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    @TempDir
    Path folder;

    @Test
    void replace_newFileInAMissingFolder_writesItWithTheModeOfAFilePlainlyCreated() throws IOException {
        Path report = folder.resolve("target/smoke/index.html");
        Path control = folder.resolve("control.html");
        try (OutputStream out = Files.newOutputStream(control)) {
            out.write('x');
        }

        ReportFiles.replace(report, out -> out.write("<p>page</p>".getBytes(StandardCharsets.UTF_8)));

        assertThat(report).hasContent("<p>page</p>");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report, LinkOption.NOFOLLOW_LINKS)))
                .as("the umask's mode, as %s has", control)
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(control)));
        assertThat(names(report.getParent())).containsExactly("index.html");
    }

    @Test
    void replace_earlierFile_replacedWhole() throws IOException {
        Path report = folder.resolve("smoke-summary.json");
        Files.writeString(report, "{\"earlier\": \"a much longer report than the next one\"}");

        ReportFiles.replace(report, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(report).hasContent("{}");
        assertThat(names(folder)).containsExactly("smoke-summary.json");
    }

    @Test
    void replace_contentThrowsHalfway_earlierFileKeptAndNoTemporaryLeft() throws IOException {
        Path report = folder.resolve("TEST-smoke.xml");
        Files.writeString(report, "<testsuite name=\"earlier\"/>");

        assertThatThrownBy(() -> ReportFiles.replace(report, out -> {
                    out.write("<testsuite".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");

        assertThat(report).hasContent("<testsuite name=\"earlier\"/>");
        assertThat(names(folder)).containsExactly("TEST-smoke.xml");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
