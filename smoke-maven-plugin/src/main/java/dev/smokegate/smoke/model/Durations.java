package dev.smokegate.smoke.model;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gate's one formatter and parser of durations, in three forms:
 *
 * <ul>
 *   <li>the <b>manifest form</b>, as a user writes a limit in the manifest: one or more
 *       {@code <digits><unit>} parts with units {@code ms}, {@code s}, {@code m}, {@code h}, for
 *       example {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h30m} ({@link #parse}, {@link
 *       #format});
 *   <li>the <b>elapsed form</b>, for a measured time in log lines and reports: seconds with one
 *       decimal and a space before the unit, for example {@code 0.3 s}, {@code 1.5 s}, {@code
 *       71.0 s} ({@link #elapsed}), always with {@link Locale#ROOT} so a German JVM still prints a
 *       dot;
 *   <li>the <b>running form</b>, for how long something has been running, as a heartbeat line says
 *       it: whole seconds in hours, minutes and seconds from the largest unit that is not zero, for
 *       example {@code 45s}, {@code 1m 30s}, {@code 2m 0s}, {@code 1h 2m 3s} ({@link #running}).
 * </ul>
 */
public final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {}

    /**
     * Parses the manifest form.
     *
     * @param text the text as written in the manifest, e.g. {@code 1h30m}
     * @return the positive duration, or empty when the text is not a duration, overflows, or is zero
     */
    public static Optional<Duration> parse(String text) {
        if (text == null || !WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(
                        switch (part.group(2)) {
                            case "ms" -> Duration.ofMillis(amount);
                            case "s" -> Duration.ofSeconds(amount);
                            case "m" -> Duration.ofMinutes(amount);
                            default -> Duration.ofHours(amount);
                        });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
        return total.isZero() ? Optional.empty() : Optional.of(total);
    }

    /**
     * Formats a limit in the manifest form, so {@code parse(format(d))} gives {@code d} back for any
     * positive {@code d}: {@code 1h30m}, {@code 45s}, and milliseconds when there is a fraction of a
     * second ({@code 1500ms}).
     *
     * @param duration a non-negative duration
     * @return the manifest form; {@code 0ms} for zero
     */
    public static String format(Duration duration) {
        if (duration.toMillisPart() != 0 || duration.isZero()) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        if (duration.toHours() > 0) {
            text.append(duration.toHours()).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append('m');
        }
        if (duration.toSecondsPart() > 0) {
            text.append(duration.toSecondsPart()).append('s');
        }
        return text.toString();
    }

    /**
     * Formats a measured time in the elapsed form: seconds rounded to a tenth, e.g. {@code 1.5 s}.
     *
     * @param duration the time taken; a negative one prints as {@code 0.0 s}
     * @return the elapsed form
     */
    public static String elapsed(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", Math.max(0, duration.toMillis()) / 1000.0);
    }

    /**
     * Formats how long something has been running in the running form: {@code 45s}, {@code 1m 30s},
     * {@code 1h 0m 5s}. Fractions of a second are dropped; minutes appear from one minute on, hours
     * from one hour on, and every smaller unit is then shown, zero or not.
     *
     * @param duration the time running; a negative one prints as {@code 0s}
     * @return the running form
     */
    public static String running(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return hours + "h " + minutes + "m " + rest + "s";
        }
        return minutes > 0 ? minutes + "m " + rest + "s" : rest + "s";
    }
}
