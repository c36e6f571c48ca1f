package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirectoryTest {
    private static final String MANIFEST =
            """
            format = 1
            [[scenario]]
            name = "x"
            source.checkout = "${fixture.checkout}"
              [[scenario.step]]
              name = "x"
              run = "echo hi"
              expect.stdout.contains = ["hi"]
            """;

    @TempDir
    Path tmp;

    private EngineFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = EngineFixture.greeter(tmp);
    }

    @Test
    void run_workDirectoryUnderAFile_stopsBeforeAnyScenarioNamingTheSetting() throws Exception {
        Path file = Files.writeString(fixture.project().resolve("target"), "not a folder");

        assertThatThrownBy(() -> fixture.run(MANIFEST))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage("Cannot create the work directory [-Dsmoke.workDirectory] target/smoke: target is a"
                        + " file, not a folder. Set -Dsmoke.workDirectory to a folder this user can create and"
                        + " write.");
        assertThat(file).hasContent("not a folder");
    }

    @Test
    void run_workDirectoryIsAFile_stopsNamingIt() throws Exception {
        Files.createDirectories(fixture.project().resolve("target"));
        Files.writeString(fixture.project().resolve("target/smoke"), "not a folder");

        assertThatThrownBy(() -> fixture.run(MANIFEST))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage("Cannot create the work directory [-Dsmoke.workDirectory] target/smoke: target/smoke"
                        + " is a file, not a folder. Set -Dsmoke.workDirectory to a folder this user can create"
                        + " and write.");
    }

    @Test
    void run_workDirectoryMissing_isCreatedAndTheGateRuns() throws Exception {
        assertThat(fixture.run(MANIFEST).passed()).isTrue();
        assertThat(fixture.workDirectory()).isDirectory();
    }
}
