package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The manifest's encoding: TOML requires UTF-8. A file that is not is rejected at its first bad
 * byte, with its line, column and byte offset; a UTF-8 byte order mark is accepted and dropped; a
 * UTF-16 one is rejected.
 */
class ManifestTextTest extends ManifestTestSupport {
    private static final byte[] UTF_8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Path writeBytes(byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        Path file = dir.resolve("m.toml");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private ManifestException rejected(Path file) {
        ManifestException e = catchThrowableOfType(ManifestException.class, () -> loader.load(file, "m.toml"));
        assertThat(e).as("the manifest must be rejected").isNotNull();
        return e;
    }

    @Test
    void load_latin1Comment_namesLineColumnAndByteOffsetOfTheFirstBadByte() throws IOException {
        // "format = 1\n" is 11 bytes, "# caf" 5 more: the Latin-1 é (0xE9) is byte 16, line 2, column 6.
        Path file = writeBytes(("format = 1\n# café\n[[scenario]]\nname = \"a\"\n" + STEP + ECHO)
                .getBytes(StandardCharsets.ISO_8859_1));

        ManifestException e = rejected(file);

        assertThat(e)
                .hasMessage("m.toml:2:6: not valid UTF-8 at byte offset 16 (line 2, column 6): byte 0xE9."
                        + " Save the manifest as UTF-8; TOML files must be UTF-8.")
                .hasNoCause();
        assertThat(e.problems()).extracting(ManifestProblem::location).containsExactly(new Location("m.toml", 2, 6));
    }

    @Test
    void load_badByteAfterMultiByteCharacters_columnCountsCharactersNotBytes() throws IOException {
        // "# äöü " is 9 bytes but 6 characters: the 0xFF after it is byte 20, column 7.
        Path file = writeBytes("format = 1\n# äöü ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, '\n'});

        assertThat(rejected(file))
                .hasMessage("m.toml:2:7: not valid UTF-8 at byte offset 20 (line 2, column 7): byte 0xFF."
                        + " Save the manifest as UTF-8; TOML files must be UTF-8.");
    }

    @Test
    void load_truncatedSequenceAtTheEnd_pointsAtItsFirstByte() throws IOException {
        // 0xC3 starts a two-byte character that the file ends before.
        Path file = writeBytes("format = 1\nx = \"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3});

        assertThat(rejected(file))
                .hasMessage("m.toml:2:6: not valid UTF-8 at byte offset 16 (line 2, column 6): byte 0xC3."
                        + " Save the manifest as UTF-8; TOML files must be UTF-8.");
    }

    @Test
    void load_utf16ByteOrderMark_saysTheFileIsUtf16() throws IOException {
        Path file = writeBytes(("format = 1\n").getBytes(StandardCharsets.UTF_16));

        assertThat(rejected(file))
                .hasMessage("m.toml:1:1: not UTF-8: the file starts with the UTF-16 byte order mark 0xFE 0xFF."
                        + " Save the manifest as UTF-8; TOML files must be UTF-8.");
    }

    @Test
    void load_utf16LittleEndianByteOrderMark_saysTheFileIsUtf16() throws IOException {
        Path file = writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, "f\0".getBytes(StandardCharsets.US_ASCII));

        assertThat(rejected(file))
                .hasMessage("m.toml:1:1: not UTF-8: the file starts with the UTF-16 byte order mark 0xFF 0xFE."
                        + " Save the manifest as UTF-8; TOML files must be UTF-8.");
    }

    @Test
    void load_utf8ByteOrderMark_isAcceptedAndDropped() throws Exception {
        Path file = writeBytes(UTF_8_BOM, (HEAD + ECHO).getBytes(StandardCharsets.UTF_8));

        Manifest manifest = loader.load(file, "m.toml");

        assertThat(manifest.scenarios()).extracting(Scenario::name).containsExactly("a");
    }

    @Test
    void load_utf8ByteOrderMarkBeforeAProblem_columnsCountFromAfterTheMark() throws IOException {
        Path file = writeBytes(
                UTF_8_BOM,
                ("colour = \"red\"\nformat = 1\n[[scenario]]\nname = \"a\"\n" + STEP + ECHO)
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(rejected(file).problems())
                .extracting(ManifestProblem::toString)
                .containsExactly("m.toml:1:1: unknown key 'colour' in the top level of the manifest."
                        + " Allowed keys: classify, defaults, format, retired, scenario.");
    }

    @Test
    void load_badByteAfterUtf8ByteOrderMark_byteOffsetCountsTheMark() throws IOException {
        Path file = writeBytes(UTF_8_BOM, new byte[] {'#', (byte) 0x80, '\n'});

        assertThat(rejected(file))
                .hasMessage("m.toml:1:2: not valid UTF-8 at byte offset 4 (line 1, column 2): byte 0x80."
                        + " Save the manifest as UTF-8; TOML files must be UTF-8.");
    }

    @Test
    void decode_validUtf8_returnsTheText() throws ManifestException {
        assertThat(ManifestText.decode("a = \"é\"\n".getBytes(StandardCharsets.UTF_8), "m.toml"))
                .isEqualTo("a = \"é\"\n");
    }
}
