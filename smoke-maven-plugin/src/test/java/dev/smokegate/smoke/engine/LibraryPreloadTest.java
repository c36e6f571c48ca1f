package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryPreloadTest {
    @TempDir
    Path tmp;

    @Test
    void start_workDirectoryNotCreatedYet_endsWithoutCreatingIt() throws Exception {
        Path workDirectory = tmp.resolve("target/smoke");

        Thread thread = LibraryPreload.start(workDirectory);
        thread.join(60_000);

        assertThat(thread.isAlive()).as("the preload thread ended").isFalse();
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo(LibraryPreload.THREAD);
        // The gate creates its work directory only once the manifest has been read: a bad manifest
        // must leave nothing behind.
        assertThat(tmp.resolve("target")).doesNotExist();
    }

    @Test
    void start_workDirectoryOfAnEarlierRun_leavesItsContentAsItWas() throws Exception {
        Path workDirectory = Files.createDirectories(tmp.resolve("target/smoke"));
        Files.writeString(workDirectory.resolve("smoke-summary.json"), "{\"format\": 1}");

        Thread thread = LibraryPreload.start(workDirectory);
        thread.join(60_000);

        assertThat(thread.isAlive()).as("the preload thread ended").isFalse();
        try (Stream<Path> left = Files.list(workDirectory)) {
            assertThat(left).containsExactly(workDirectory.resolve("smoke-summary.json"));
        }
        assertThat(workDirectory.resolve("smoke-summary.json")).hasContent("{\"format\": 1}");
    }
}
