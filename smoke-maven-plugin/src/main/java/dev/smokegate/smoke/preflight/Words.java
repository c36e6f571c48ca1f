package dev.smokegate.smoke.preflight;

import java.time.Duration;
import java.util.Locale;

/** How host checks write durations and sizes: {@code 5 s}, {@code 500 ms}, {@code 2 GiB}, {@code 1.5 GiB}. */
final class Words {
    private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Words() {}

    /** @return whole seconds as {@code 5 s}, anything else as {@code 1500 ms} */
    static String duration(Duration duration) {
        return duration.toMillisPart() == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /**
     * @param bytes a size in bytes, not negative
     * @return the size in the largest binary unit (powers of 1024) it reaches, with one decimal when
     *     not whole: {@code 512 bytes}, {@code 2 GiB}, {@code 1.5 GiB}
     */
    static String size(long bytes) {
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number =
                value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + UNITS[unit];
    }
}
