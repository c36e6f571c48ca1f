package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.smoke.CliFrontEnd;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The request's settings for how the gate runs: threads and heartbeat. */
class GateRequestTest {
    private static final Path MANIFEST = Path.of("/work/project/src/smoke/manifest.toml");

    @Test
    void builder_nothingSet_oneThreadAndHeartbeatEvery30s() {
        GateRequest request =
                GateRequest.builder(MANIFEST, CliFrontEnd.INSTANCE).build();

        assertThat(request.threads()).isEqualTo(1);
        assertThat(request.heartbeat()).isEqualTo(Duration.ofSeconds(30)).isEqualTo(GateRequest.DEFAULT_HEARTBEAT);
    }

    @Test
    void toBuilder_threadsAndHeartbeat_kept() {
        GateRequest request = GateRequest.builder(MANIFEST, CliFrontEnd.INSTANCE)
                .threads(4)
                .heartbeat(Duration.ZERO)
                .build();

        GateRequest copy = request.toBuilder().build();

        assertThat(copy).isEqualTo(request);
        assertThat(copy.threads()).isEqualTo(4);
        assertThat(copy.heartbeat()).isZero();
    }

    @Test
    void threads_notPositive_rejected() {
        assertThatThrownBy(() ->
                        GateRequest.builder(MANIFEST, CliFrontEnd.INSTANCE).threads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be positive, got 0");
    }

    @Test
    void heartbeat_negative_rejected() {
        assertThatThrownBy(() ->
                        GateRequest.builder(MANIFEST, CliFrontEnd.INSTANCE).heartbeat(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heartbeat must not be negative, got PT-1S");
    }
}
