package dev.smokegate.smoke.process;

import java.time.Duration;

/** Short human forms of durations for log lines: {@code 250ms}, {@code 5s}, {@code 1.5s}, {@code 2m5s}. */
final class Durations {

    private Durations() {}

    /**
     * Formats {@code d}: below one second in milliseconds, below a minute in seconds rounded to a
     * tenth (a trailing {@code .0} dropped), from a minute on in minutes and whole seconds.
     */
    static String format(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 1000) {
            return millis + "ms";
        }
        long tenths = Math.round(millis / 100.0);
        if (tenths < 600) {
            return tenths % 10 == 0 ? tenths / 10 + "s" : tenths / 10 + "." + tenths % 10 + "s";
        }
        long seconds = Math.round(millis / 1000.0);
        long rest = seconds % 60;
        return seconds / 60 + "m" + (rest == 0 ? "" : rest + "s");
    }
}
