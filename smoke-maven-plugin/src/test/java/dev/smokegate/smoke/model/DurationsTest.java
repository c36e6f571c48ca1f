package dev.smokegate.smoke.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three forms of {@link Durations}: the manifest form (parse, format), the elapsed form and the
 * running form.
 */
class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "30s,   PT30S",
        "10m,   PT10M",
        "1h,    PT1H",
        "1h30m, PT1H30M",
        "2m500ms, PT2M0.5S",
        "90m,   PT1H30M",
        "0h5s,  PT5S"
    })
    void parse_validText_duration(String text, String expected) {
        assertThat(Durations.parse(text)).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "0s",
                "0ms",
                "0h0m",
                "10",
                "10 minutes",
                "-1s",
                "1.5s",
                "1H",
                " 1s",
                "1s ",
                "1d",
                "s",
                "1h 30m",
                "99999999999999999999s",
                "9999999999999999h"
            })
    void parse_invalidOrZero_empty(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "PT0.5S,   500ms",
        "PT30S,    30s",
        "PT10M,    10m",
        "PT1H,     1h",
        "PT1H30M,  1h30m",
        "PT1H0M5S, 1h5s",
        "PT25H,    25h",
        "PT1.5S,   1500ms",
        "PT0S,     0ms"
    })
    void format_duration_manifestText(String duration, String expected) {
        assertThat(Durations.format(Duration.parse(duration))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500ms", "30s", "10m", "1h", "1h30m", "2h5m7s", "1500ms", "25h"})
    void format_canonicalText_roundTrips(String text) {
        Duration parsed = Durations.parse(text).orElseThrow();

        assertThat(Durations.format(parsed)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"90m", "60s", "3600s", "1m60s", "0h5m"})
    void format_nonCanonicalText_parsesBackToSameDuration(String text) {
        Duration parsed = Durations.parse(text).orElseThrow();

        assertThat(Durations.parse(Durations.format(parsed))).contains(parsed);
    }

    @Test
    void format_nonCanonicalText_normalized() {
        assertThat(Durations.format(Durations.parse("90m").orElseThrow())).isEqualTo("1h30m");
        assertThat(Durations.format(Durations.parse("1m60s").orElseThrow())).isEqualTo("2m");
    }

    @Test
    void format_belowOneSecond_inMilliseconds() {
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
    }

    @Test
    void format_minutes_withWholeSeconds() {
        assertThat(Durations.format(Duration.ofSeconds(125))).isEqualTo("2m5s");
        assertThat(Durations.format(Duration.ofMinutes(3))).isEqualTo("3m");
    }

    @ParameterizedTest
    @CsvSource({
        "PT0.3S,    0.3 s",
        "PT1.46S,   1.5 s",
        "PT5.04S,   5.0 s",
        "PT71S,     71.0 s",
        "PT2M5S,    125.0 s",
        "PT0S,      0.0 s",
        "PT-1S,     0.0 s"
    })
    void elapsed_duration_secondsRoundedToTenth(String duration, String expected) {
        assertThat(Durations.elapsed(Duration.parse(duration))).isEqualTo(expected);
    }

    @Test
    void elapsed_germanDefaultLocale_stillPrintsADot() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);

            assertThat(Durations.elapsed(Duration.ofMillis(1_460))).isEqualTo("1.5 s");
        } finally {
            Locale.setDefault(before);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "PT0S,        0s",
        "PT0.9S,      0s",
        "PT45S,       45s",
        "PT59.999S,   59s",
        "PT1M,        1m 0s",
        "PT1M30S,     1m 30s",
        "PT59M59S,    59m 59s",
        "PT1H,        1h 0m 0s",
        "PT1H2M3S,    1h 2m 3s",
        "PT2H0M5S,    2h 0m 5s",
        "PT26H,       26h 0m 0s",
        "PT-5S,       0s"
    })
    void running_duration_hoursMinutesSecondsFromTheLargestUnit(String duration, String expected) {
        assertThat(Durations.running(Duration.parse(duration))).isEqualTo(expected);
    }
}
