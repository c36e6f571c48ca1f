package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    @Test
    void start_aLoadThatFailsNeitherStopsTheNextNorEscapesTheThread() throws Exception {
        // What a closed plugin realm throws when the gate ended early, and the library's own errors.
        List<String> ran = new CopyOnWriteArrayList<>();
        List<Throwable> escaped = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> escaped.add(e));
        try {
            Thread thread = LibraryPreload.start(
                    () -> {
                        ran.add("linkage");
                        throw new NoClassDefFoundError("com/fasterxml/jackson/annotation/ObjectIdGenerator");
                    },
                    () -> {
                        ran.add("io");
                        throw new IOException("no space left on device");
                    },
                    () -> {
                        ran.add("runtime");
                        throw new IllegalStateException("realm closed");
                    },
                    () -> ran.add("last"));
            thread.join(60_000);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }

        assertThat(ran).containsExactly("linkage", "io", "runtime", "last");
        assertThat(escaped).isEmpty();
    }
}
