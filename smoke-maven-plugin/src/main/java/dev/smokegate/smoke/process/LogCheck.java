package dev.smokegate.smoke.process;

import dev.smokegate.smoke.model.Readiness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ready when a line of the service's combined log matches the regex (found anywhere in the line).
 * The log is followed as it streams: the check keeps the offset it has read up to and each poll
 * reads only the bytes written since, so a poll costs what was written since the last one, never
 * the whole file. Only complete lines (ended by {@code \n}) are matched; a line longer than {@value
 * #MAX_LINE_BYTES} bytes is matched on its start.
 */
final class LogCheck implements ReadinessCheck {

    /** The most bytes of one line kept for matching (64 KiB). */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private static final int BLOCK_BYTES = 8 * 1024;

    private final Path log;
    private final String regex;
    private final Pattern pattern;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long offset;

    /** @throws IllegalArgumentException if the regex does not compile */
    LogCheck(Readiness.Log probe, Path log) {
        this.log = log;
        this.regex = probe.regex();
        try {
            this.pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "invalid readiness regex '" + regex + "': " + e.getDescription() + " at index " + e.getIndex(), e);
        }
    }

    /** @param timeout not used: reading a local file does not wait */
    @Override
    public Poll poll(Duration timeout) {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            long end = channel.size();
            if (end < offset) { // truncated: start again
                offset = 0;
                line.reset();
            }
            ByteBuffer block = ByteBuffer.allocate(BLOCK_BYTES);
            while (offset < end) {
                block.clear().limit((int) Math.min(BLOCK_BYTES, end - offset));
                int n = channel.read(block, offset);
                if (n <= 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    byte b = block.get(i);
                    if (b != '\n') {
                        if (line.size() < MAX_LINE_BYTES) {
                            line.write(b);
                        }
                        continue;
                    }
                    String text = completeLine();
                    if (pattern.matcher(text).find()) {
                        offset += i + 1;
                        return new Poll(true, "log line '" + LogTail.cut(text, SEEN_CHARS) + "'");
                    }
                }
                offset += n;
            }
        } catch (NoSuchFileException e) {
            return new Poll(false, "no log yet at " + log);
        } catch (IOException e) {
            return new Poll(false, "cannot read the log " + log + ": " + e.getMessage());
        }
        return new Poll(false, "no line matches '" + regex + "'");
    }

    private String completeLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** @return how far the log has been read, in bytes; for tests */
    long offset() {
        return offset;
    }

    @Override
    public String toString() {
        return "log readiness on /" + regex + "/ in " + log;
    }
}
