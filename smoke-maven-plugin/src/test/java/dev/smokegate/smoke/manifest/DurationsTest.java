package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

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
}
