package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A manifest file's text, decoded as UTF-8, which TOML 1.0 requires ("A TOML file must be a valid
 * UTF-8 encoded Unicode document"). A file that is not UTF-8 is a {@link ManifestProblem} at the
 * first byte that cannot be decoded, found by a {@link CharsetDecoder} that reports malformed input
 * instead of replacing it: its line and column (1-based, counted in characters as editors count
 * them) and its byte offset (0-based, as {@code xxd} and {@code od} show it).
 *
 * <p>A UTF-8 byte order mark ({@code EF BB BF}, as Windows Notepad writes) is accepted and
 * dropped: the file is still UTF-8, and lines and columns are counted after it. A UTF-16 byte order
 * mark ({@code FE FF} or {@code FF FE}) is rejected with its own message, since the whole file is
 * then in another encoding.
 */
final class ManifestText {
    private static final byte[] UTF_8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF_16_BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    private static final byte[] UTF_16_LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final String SAVE_AS_UTF_8 = " Save the manifest as UTF-8; TOML files must be UTF-8.";

    private ManifestText() {}

    /**
     * @param file the manifest file
     * @param displayName how messages name it
     * @return its text, without a leading UTF-8 byte order mark
     * @throws IOException when it cannot be read (a missing file is a {@link
     *     java.nio.file.NoSuchFileException})
     * @throws ManifestException when it is not UTF-8, with one problem at the first bad byte
     */
    static String read(Path file, String displayName) throws IOException, ManifestException {
        return decode(Files.readAllBytes(file), displayName);
    }

    /**
     * @param bytes the file's content
     * @param displayName how messages name the file
     * @return the text, without a leading UTF-8 byte order mark
     * @throws ManifestException when the bytes are not UTF-8
     */
    static String decode(byte[] bytes, String displayName) throws ManifestException {
        for (byte[] bom : List.of(UTF_16_BE_BOM, UTF_16_LE_BOM)) {
            if (startsWith(bytes, bom)) {
                throw new ManifestException(List.of(new ManifestProblem(
                        new Location(displayName, 1, 1),
                        String.format(
                                        Locale.ROOT,
                                        "not UTF-8: the file starts with the UTF-16 byte order mark 0x%02X 0x%02X.",
                                        bom[0] & 0xFF,
                                        bom[1] & 0xFF)
                                + SAVE_AS_UTF_8)));
            }
        }
        int start = startsWith(bytes, UTF_8_BOM) ? UTF_8_BOM.length : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(bytes, in.position(), out.flip().toString(), displayName);
        }
        return out.flip().toString();
    }

    /**
     * @param offset the first byte that could not be decoded
     * @param before the text decoded before it
     */
    private static ManifestException notUtf8(byte[] bytes, int offset, String before, String displayName) {
        int lineStart = before.lastIndexOf('\n') + 1;
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.codePointCount(lineStart, before.length()) + 1;
        String message = String.format(
                        Locale.ROOT,
                        "not valid UTF-8 at byte offset %d (line %d, column %d): byte 0x%02X.",
                        offset,
                        line,
                        column,
                        offset < bytes.length ? bytes[offset] & 0xFF : 0)
                + SAVE_AS_UTF_8;
        return new ManifestException(List.of(new ManifestProblem(new Location(displayName, line, column), message)));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
