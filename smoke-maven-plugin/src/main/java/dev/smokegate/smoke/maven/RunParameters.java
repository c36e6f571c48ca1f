package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.engine.GateConfigurationException;
import dev.smokegate.smoke.model.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of the parameters that shape how the gate runs, {@code threads} and {@code
 * heartbeat}, and words what is wrong with a bad one in Maven's terms ({@code -Dsmoke.threads}).
 */
final class RunParameters {
    /** The user property of the {@code threads} parameter. */
    static final String THREADS = "smoke.threads";

    /** The user property of the {@code heartbeat} parameter. */
    static final String HEARTBEAT = "smoke.heartbeat";

    /** The property of the {@code failOnSkip} parameter. */
    static final String FAIL_ON_SKIP = "smoke.failOnSkip";

    /** The property of the {@code probeTimeout} parameter. */
    static final String PROBE_TIMEOUT = "smoke.probeTimeout";

    /** The property of the {@code retries} parameter. */
    static final String RETRIES = "smoke.retries";

    /** {@code 4}, or {@code 1C} / {@code 1.5C}: a multiple of the available processors, as {@code mvn -T}. */
    private static final Pattern THREAD_COUNT = Pattern.compile("(\\d+)|(\\d+(?:\\.\\d+)?)C");

    /** A zero duration: {@code 0}, or {@code 0s}, {@code 0m} and the like. */
    private static final Pattern ZERO = Pattern.compile("0+|(?:0+(?:ms|s|m|h))+");

    private RunParameters() {}

    /**
     * How many scenarios run at once, read as Maven reads {@code -T}: a whole number such as
     * {@code 4}, or a multiple of the available processors such as {@code 1C} or {@code 1.5C}
     * (rounded down, and at least 1).
     *
     * @param text the parameter's value; surrounding blanks are ignored
     * @param processors the available processors, for the {@code C} form
     * @return the number of threads, at least 1
     * @throws GateConfigurationException when the text is neither form, or is zero
     */
    static int threads(String text, int processors) throws GateConfigurationException {
        String value = text == null ? "" : text.strip();
        Matcher matcher = THREAD_COUNT.matcher(value);
        if (matcher.matches()) {
            if (matcher.group(1) != null) {
                int threads = parsePositive(matcher.group(1));
                if (threads > 0) {
                    return threads;
                }
            } else {
                BigDecimal factor = new BigDecimal(matcher.group(2));
                if (factor.signum() > 0) {
                    int threads = factor.multiply(BigDecimal.valueOf(processors))
                            .min(BigDecimal.valueOf(Integer.MAX_VALUE))
                            .intValue();
                    return Math.max(1, threads);
                }
            }
        }
        throw new GateConfigurationException("Bad thread count [-D" + THREADS + "]: '" + text + "'. Use a positive"
                + " whole number such as 4, or a positive multiple of the available processors such as 1C or 0.5C.");
    }

    /**
     * How often a running step prints a heartbeat line: a duration in the manifest's form ({@code
     * 30s}, {@code 1m}, {@code 1m30s}), or {@code 0} for never.
     *
     * @param text the parameter's value; surrounding blanks are ignored
     * @return the interval, {@link Duration#ZERO} for never
     * @throws GateConfigurationException when the text is not a duration
     */
    static Duration heartbeat(String text) throws GateConfigurationException {
        String value = text == null ? "" : text.strip();
        if (ZERO.matcher(value).matches()) {
            return Duration.ZERO;
        }
        return Durations.parse(value)
                .orElseThrow(() -> new GateConfigurationException("Bad heartbeat [-D" + HEARTBEAT + "]: '" + text
                        + "'. Use a duration such as 30s, 1m or 1m30s, or 0 to turn the heartbeat off."));
    }

    /**
     * How long one host check may take: a positive duration in the manifest's form ({@code 5s},
     * {@code 500ms}).
     *
     * @param text the parameter's value; surrounding blanks are ignored
     * @return the timeout
     * @throws GateConfigurationException when the text is not a positive duration
     */
    static Duration probeTimeout(String text) throws GateConfigurationException {
        String value = text == null ? "" : text.strip();
        return Durations.parse(value)
                .filter(duration -> !duration.isZero())
                .orElseThrow(() -> new GateConfigurationException("Bad probe timeout [-D" + PROBE_TIMEOUT + "]: '"
                        + text + "'. Use a positive duration such as 5s or 500ms."));
    }

    /**
     * @param retries the parameter's value
     * @return it, when not negative
     * @throws GateConfigurationException when it is negative
     */
    static int retries(int retries) throws GateConfigurationException {
        if (retries < 0) {
            throw new GateConfigurationException("Bad retry count [-D" + RETRIES + "]: " + retries
                    + ". Use 0 for no retries, or how many times a host failure may be run again.");
        }
        return retries;
    }

    private static int parsePositive(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
