package dev.smokegate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a unified JVM GC log ({@code -Xlog:gc*}, Serial GC) for the heap a run needed.
 *
 * <ul>
 *   <li>{@code [gc] GC(3) Pause Young (Allocation Failure) 102M->8M(370M) 3.4ms}: used before and
 *       after the pause, and the heap's size;
 *   <li>{@code [gc,heap,exit]  def new generation   total 118016K, used 45000K} and {@code tenured
 *       generation total …, used …K}: what was in use when the JVM exited (a run that ends between
 *       two collections peaks there).
 * </ul>
 */
final class GcLog {

    private static final Pattern PAUSE = Pattern.compile("Pause .*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private static final Pattern EXIT =
            Pattern.compile("(?:def new|tenured) generation\\s+total (\\d+)K, used (\\d+)K");

    private GcLog() {}

    /**
     * @param peakBytes the largest heap used seen: before any pause, or at exit
     * @param liveBytes the largest heap used right after a pause (0 without a pause)
     * @param exitBytes heap used at exit
     * @param pauses the number of GC pauses
     */
    record Peak(long peakBytes, long liveBytes, long exitBytes, int pauses) {}

    static Peak read(Path log) throws IOException {
        long before = 0;
        long after = 0;
        long exit = 0;
        int pauses = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher pause = PAUSE.matcher(line);
            if (line.contains("[gc]") || line.contains("[gc ")) {
                if (pause.find()) {
                    pauses++;
                    before = Math.max(before, bytes(pause.group(1), pause.group(2)));
                    after = Math.max(after, bytes(pause.group(3), pause.group(4)));
                }
            }
            if (line.contains("exit")) {
                Matcher generation = EXIT.matcher(line);
                if (generation.find()) {
                    exit += Long.parseLong(generation.group(2)) * 1024;
                }
            }
        }
        if (exit == 0 && pauses == 0) {
            throw new IllegalStateException(
                    log + " has neither a GC pause nor the heap at exit: was -Xlog:gc* applied?");
        }
        return new Peak(Math.max(before, exit), after, exit, pauses);
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            case "G" -> value << 30;
            default -> throw new IllegalArgumentException(unit);
        };
    }
}
