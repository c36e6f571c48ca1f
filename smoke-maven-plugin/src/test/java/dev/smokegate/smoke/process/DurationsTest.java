package dev.smokegate.smoke.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void format_belowOneSecond_inMilliseconds() {
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
    }

    @Test
    void format_wholeSeconds_withoutDecimal() {
        assertThat(Durations.format(Duration.ofMillis(5_040))).isEqualTo("5s");
    }

    @Test
    void format_fractionalSeconds_roundedToTenth() {
        assertThat(Durations.format(Duration.ofMillis(1_460))).isEqualTo("1.5s");
    }

    @Test
    void format_minutes_withWholeSeconds() {
        assertThat(Durations.format(Duration.ofSeconds(125))).isEqualTo("2m5s");
        assertThat(Durations.format(Duration.ofMinutes(3))).isEqualTo("3m");
    }
}
