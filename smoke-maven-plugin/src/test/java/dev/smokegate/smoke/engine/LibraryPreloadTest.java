package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibraryPreloadTest {
    @Test
    void start_runsOnANamedDaemonThreadThatEnds() throws Exception {
        Thread thread = LibraryPreload.start();

        // A daemon thread never keeps Maven's JVM alive after the build, whatever the preload does.
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo(LibraryPreload.THREAD);
        thread.join(60_000);
        assertThat(thread.isAlive()).as("the preload thread ended").isFalse();
    }
}
