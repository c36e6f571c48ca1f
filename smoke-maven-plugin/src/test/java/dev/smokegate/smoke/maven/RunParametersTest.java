package dev.smokegate.smoke.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.smoke.engine.GateConfigurationException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code -Dsmoke.threads} read as Maven reads {@code -T}, and {@code -Dsmoke.heartbeat} as a manifest duration. */
class RunParametersTest {

    @ParameterizedTest
    @CsvSource({
        "1,     8, 1",
        "4,     8, 4",
        "' 2 ', 8, 2",
        "1C,    8, 8",
        "2C,    3, 6",
        "1.5C,  2, 3",
        "0.5C,  3, 1",
        "0.1C,  2, 1",
        "0.25C, 16, 4"
    })
    void threads_countOrMultipleOfProcessors_threads(String text, int processors, int expected) throws Exception {
        assertThat(RunParameters.threads(text, processors)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EmptySource
    @ValueSource(strings = {"0", "0C", "0.0C", "-1", "1c", "C", "1.5", "four", "1C2", "true", "99999999999"})
    void threads_badValue_messageNamesPropertyValueAndForms(String text) {
        assertThatThrownBy(() -> RunParameters.threads(text, 4))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage("Bad thread count [-Dsmoke.threads]: '" + text + "'. Use a positive whole number such as"
                        + " 4, or a positive multiple of the available processors such as 1C or 0.5C.");
    }

    @ParameterizedTest
    @CsvSource({"30s, PT30S", "1m, PT1M", "1m30s, PT1M30S", "500ms, PT0.5S", "0, PT0S", "0s, PT0S", "0m0s, PT0S"})
    void heartbeat_durationOrZero_interval(String text, String expected) throws Exception {
        assertThat(RunParameters.heartbeat(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @EmptySource
    @ValueSource(strings = {"30", "1 m", "-30s", "30 seconds", "off", "1.5m"})
    void heartbeat_badValue_messageNamesPropertyValueAndForms(String text) {
        assertThatThrownBy(() -> RunParameters.heartbeat(text))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage("Bad heartbeat [-Dsmoke.heartbeat]: '" + text
                        + "'. Use a duration such as 30s, 1m or 1m30s, or 0 to turn the heartbeat off.");
    }
}
