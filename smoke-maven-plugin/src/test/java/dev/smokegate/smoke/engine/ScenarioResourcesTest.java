package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioResourcesTest {
    @TempDir
    Path tmp;

    private final RecordingLog log = new RecordingLog();

    @Test
    void open_folderOfAnEarlierRun_emptiedAndRecreated() throws IOException {
        Path folder =
                Files.createDirectories(tmp.resolve("smoke/loop/workspace")).getParent();
        Files.writeString(folder.resolve("01-show.log"), "earlier");

        try (ScenarioResources resources = ScenarioResources.open(folder, log)) {
            assertThat(resources.folder()).isEmptyDirectory();
            assertThat(resources.workspace()).isEqualTo(folder.resolve("workspace"));
            assertThat(resources.export()).isEqualTo(folder.resolve("export"));
        }
        assertThat(folder).as("kept for the user to read").isDirectory();
    }

    @Test
    void gateValues_folder_namesWorkspaceExportScenarioAndLogs() {
        Path folder = tmp.resolve("smoke/loop");

        assertThat(ScenarioResources.gateValues("loop", folder))
                .isEqualTo(Map.of(
                        "smoke.workspace", folder.resolve("workspace").toString(),
                        "smoke.export", folder.resolve("export").toString(),
                        "smoke.scenario", "loop",
                        "smoke.logs", folder.toString()));
    }

    @Test
    void close_registeredResources_closedLastFirst() throws IOException {
        List<String> closed = new ArrayList<>();

        try (ScenarioResources resources = ScenarioResources.open(tmp.resolve("s"), log)) {
            resources.register(() -> closed.add("service"));
            resources.register(() -> closed.add("port"));
        }

        assertThat(closed).containsExactly("port", "service");
        assertThat(log.entries()).isEmpty();
    }

    @Test
    void close_oneResourceFails_othersStillClosedAndFailureWarned() throws IOException {
        List<String> closed = new ArrayList<>();
        Path folder = tmp.resolve("s");

        try (ScenarioResources resources = ScenarioResources.open(folder, log)) {
            resources.register(() -> closed.add("first"));
            resources.register(new AutoCloseable() {
                @Override
                public void close() throws IOException {
                    throw new IOException("busy");
                }

                @Override
                public String toString() {
                    return "service web";
                }
            });
        }

        assertThat(closed).containsExactly("first");
        assertThat(log.lines()).containsExactly("WARN [smoke] cannot close service web of " + folder + ": busy");
    }
}
