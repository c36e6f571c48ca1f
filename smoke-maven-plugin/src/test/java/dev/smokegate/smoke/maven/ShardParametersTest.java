package dev.smokegate.smoke.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.smoke.engine.GateConfigurationException;
import dev.smokegate.smoke.model.Shard;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code -Dsmoke.shard=K/N} and {@code -Dsmoke.merge.inputs} as the goals read them. */
class ShardParametersTest {

    @ParameterizedTest
    @CsvSource({"1/1, 1, 1", "2/3, 2, 3", "' 3/3 ', 3, 3", "07/10, 7, 10"})
    void shard_kOfN_theShard(String text, int index, int count) throws Exception {
        assertThat(ShardParameters.shard(text)).isEqualTo(new Shard(index, count));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void shard_unsetOrBlank_noShard(String text) throws Exception {
        assertThat(ShardParameters.shard(text)).isNull();
        assertThat(ShardParameters.shard(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2        | not K/N",
                "2of3     | not K/N",
                "1/3/5    | not K/N",
                "-1/3     | not K/N",
                "1.5/3    | not K/N",
                "a/b      | not K/N",
                "0/3      | K is below 1",
                "4/3      | K is above N",
                "1/0      | N is below 1",
                "0/0      | N is below 1",
                "1/99999999999 | a number too large"
            })
    void shard_badValue_messageNamesPropertySeenValueReasonAndExample(String text, String reason) {
        assertThatThrownBy(() -> ShardParameters.shard(text))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage("Bad shard [-Dsmoke.shard]: '" + text + "' (" + reason + "). Use K/N with whole numbers"
                        + " 1 ≤ K ≤ N, e.g. -Dsmoke.shard=2/3 to run the second of three shards.");
    }

    @Test
    void inputs_commaSeparated_resolvedAgainstTheProjectInOrder() {
        Path project = Path.of("/work/app");

        assertThat(ShardParameters.inputs("shard-2, shard-1,/tmp/shard-3,", project))
                .containsExactly(Path.of("/work/app/shard-2"), Path.of("/work/app/shard-1"), Path.of("/tmp/shard-3"));
        assertThat(ShardParameters.inputs(null, project)).isEmpty();
    }
}
