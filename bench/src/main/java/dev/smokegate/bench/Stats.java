package dev.smokegate.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median and friends over a handful of samples. */
final class Stats {

    private Stats() {}

    /** The median: the middle sample, or the mean of the two middle ones for an even count. */
    static double median(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double min(List<Double> samples) {
        return Collections.min(samples);
    }

    static double max(List<Double> samples) {
        return Collections.max(samples);
    }

    /** {@code 1234.5} → {@code "1234"}, {@code 12.345} → {@code "12.3"}: enough digits for a table. */
    static String ms(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f", millis) : String.format(Locale.ROOT, "%.1f", millis);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * As {@link #ratio(double)}, with more digits (up to 4) when two would round {@code value} onto
     * {@code target}: 1.0012 against 1.0 shows as {@code "1.001"}, not as a {@code "1.00"} beside
     * MISSED.
     */
    static String ratio(double value, double target) {
        String shown = ratio(value);
        for (int digits = 3; digits <= 4 && value != target && Double.parseDouble(shown) == target; digits++) {
            shown = String.format(Locale.ROOT, "%." + digits + "f", value);
        }
        return shown;
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
