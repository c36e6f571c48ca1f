package dev.smokegate.smoke.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The last lines of a log, read from the end of the file so that a 1 GiB log costs no more than a
 * small one: memory is bounded by the number of lines asked for times {@value #MAX_LINE_CHARS}
 * characters.
 */
public final class LogTail {

    /** Lines longer than this many characters are cut, with a note of their full length. */
    public static final int MAX_LINE_CHARS = 500;

    /** How far from the end, in bytes, the start of the first line is looked for (16 MiB). */
    static final long MAX_SCAN_BYTES = 16L * 1024 * 1024;

    private static final int BLOCK_BYTES = 8 * 1024;

    /** How many lines from the end {@link #lastNonBlankLine} looks at. */
    private static final int BLANK_LINES_SKIPPED = 20;

    /** Enough bytes for {@link #MAX_LINE_CHARS} characters of UTF-8 (at most 4 bytes each). */
    private static final int MAX_LINE_BYTES = MAX_LINE_CHARS * 4;

    private LogTail() {}

    /**
     * The last {@code n} lines of {@code file}, oldest first, decoded as UTF-8 with malformed input
     * replaced by U+FFFD. A final line break does not start an empty line; {@code \r\n} counts as
     * one line break. A line longer than {@value #MAX_LINE_CHARS} characters keeps its start and
     * ends in {@code [... line of 12,345 bytes]}; a line whose start lies more than 16 MiB before the end of the
     * file starts with {@code [...] }.
     *
     * @param file a log file
     * @param n how many lines, zero or more
     * @return at most {@code n} lines; empty for an empty file
     * @throws IOException if the file cannot be read ({@link java.nio.file.NoSuchFileException} when
     *     it does not exist)
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static List<String> lastLines(Path file, int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (n == 0) {
            return List.of();
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long end = channel.size();
            if (end == 0) {
                return List.of();
            }
            if (byteAt(channel, end - 1) == '\n') {
                end--;
            }
            if (end == 0) {
                return List.of("");
            }
            long floor = Math.max(0, end - MAX_SCAN_BYTES);
            List<Long> starts = lineStarts(channel, end, floor, n);
            List<String> lines = new ArrayList<>(starts.size());
            for (int i = starts.size() - 1; i >= 0; i--) {
                long from = starts.get(i);
                long to = i == 0 ? end : starts.get(i - 1) - 1;
                boolean cutStart = from == floor && floor > 0 && byteAt(channel, from - 1) != '\n';
                lines.add((cutStart ? "[...] " : "") + readLine(channel, from, to));
            }
            return lines;
        }
    }

    /**
     * The last line of {@code file} that is not blank, cut to {@code maxChars} characters, read
     * from the end of the file as {@link #lastLines} reads it: for a heartbeat, several times while
     * the log grows, at a cost that does not grow with the log.
     *
     * @param file a log file, which may still be written
     * @param maxChars the most characters returned, positive
     * @return the line without its line break and trailing blanks; empty when the last {@value
     *     #BLANK_LINES_SKIPPED} lines are blank, or the file is missing or cannot be read
     */
    static Optional<String> lastNonBlankLine(Path file, int maxChars) {
        List<String> lines;
        try {
            lines = lastLines(file, BLANK_LINES_SKIPPED);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).stripTrailing();
            if (!line.isBlank()) {
                return Optional.of(cut(line, maxChars));
            }
        }
        return Optional.empty();
    }

    /**
     * The first {@code maxChars} characters of {@code text}, never splitting a surrogate pair.
     *
     * @param text a line
     * @param maxChars the most characters kept, positive
     * @return {@code text} itself when it is short enough
     */
    static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int limit = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, limit);
    }

    /** Start offsets of the last {@code n} lines ending at {@code end}, newest first. */
    private static List<Long> lineStarts(SeekableByteChannel channel, long end, long floor, int n) throws IOException {
        List<Long> starts = new ArrayList<>();
        ByteBuffer block = ByteBuffer.allocate(BLOCK_BYTES);
        long position = end;
        while (position > floor) {
            int size = (int) Math.min(BLOCK_BYTES, position - floor);
            position -= size;
            block.clear().limit(size);
            readFully(channel, block, position);
            for (int i = size - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    starts.add(position + i + 1);
                    if (starts.size() == n) {
                        return starts;
                    }
                }
            }
        }
        starts.add(floor);
        return starts;
    }

    private static String readLine(SeekableByteChannel channel, long from, long to) throws IOException {
        long length = to - from;
        ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(length, MAX_LINE_BYTES));
        readFully(channel, bytes, from);
        String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        boolean cut = length > MAX_LINE_BYTES;
        if (text.length() > MAX_LINE_CHARS) {
            text = cut(text, MAX_LINE_CHARS);
            cut = true;
        }
        if (cut) {
            return text + String.format(Locale.ROOT, " [... line of %,d bytes]", length);
        }
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static int byteAt(SeekableByteChannel channel, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        readFully(channel, one, position);
        return one.get(0);
    }

    private static void readFully(SeekableByteChannel channel, ByteBuffer buffer, long position) throws IOException {
        channel.position(position);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("file shrank while being read");
            }
        }
    }
}
