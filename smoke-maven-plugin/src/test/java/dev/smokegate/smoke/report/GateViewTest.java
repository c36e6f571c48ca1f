package dev.smokegate.smoke.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.report.GateView.ScenarioView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void read_summaryOfARun_everyFieldThePagesShow() throws IOException {
        GateView view = HtmlFixtures.run(dir, "boom", "exit code 3", List.of("boom"));

        assertThat(view.summaryLine()).isEqualTo("Smoke: 1 passed, 1 failed, 1 skipped");
        assertThat(view.manifest()).isEqualTo("src/smoke/manifest.toml");
        assertThat(view.started()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(view.scenarios()).extracting(ScenarioView::name).containsExactly("ok", "broken", "live");
        ScenarioView broken = view.scenarios().get(1);
        assertThat(broken.owners()).containsExactly("REL-2", "REL-3");
        assertThat(broken.duration()).isEqualTo(Duration.ofMillis(900));
        assertThat(broken.preparation()).isEqualTo(Duration.ofMillis(200));
        assertThat(broken.evidenceLine()).isEqualTo(2);
        assertThat(broken.failure())
                .isEqualTo(new GateView.FailureView(
                        "run",
                        "./run.sh",
                        3,
                        "expected exit code 0",
                        "exit code 3",
                        "target/smoke/broken/02-run.log",
                        List.of("boom")));
        assertThat(broken.failure().expected()).isEqualTo("exit code 0");
        assertThat(broken.steps().get(1))
                .isEqualTo(new GateView.StepView(
                        "run",
                        2,
                        false,
                        3,
                        Duration.ofMillis(300),
                        List.of("target/smoke/broken/02-run.log", "target/smoke/broken/02-run.stdout.log")));
        assertThat(view.withStatus(Status.SKIP))
                .singleElement()
                .extracting(ScenarioView::skipReason)
                .isEqualTo("host.requires.endpoint 127.0.0.1:1 — connection refused");
    }

    @Test
    void of_entryOfAnEarlierVersionWithoutOwnersAndFailure_readsWithNone() throws IOException {
        GateView view = GateView.of(
                JSON.readTree(
                        """
                {"format": 1, "gate": {"manifest": "m.toml"}, "started": "a", "ended": "b",
                 "summary": {"passed": 0, "failed": 1, "skipped": 0}, "checkoutChanges": ["co: x"],
                 "scenarios": [{"name": "old", "status": "FAIL", "category": "runtime", "rule": "r",
                                "evidence": "e", "durationMs": 5, "steps": []}]}
                """));

        ScenarioView old = view.scenarios().get(0);
        assertThat(old.owners()).isEmpty();
        assertThat(old.failure()).isNull();
        assertThat(old.attempts()).isEqualTo(1);
        assertThat(view.summaryLine()).isEqualTo("Smoke: 0 passed, 1 failed, 0 skipped, checkout changed");
    }

    @Test
    void read_noFile_noSuchFile() {
        assertThatThrownBy(() -> GateView.read(dir.resolve("smoke-summary.json")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void read_anotherFormat_namesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("smoke-summary.json"), "{\"format\": 2, \"scenarios\": []}");

        assertThatThrownBy(() -> GateView.read(file))
                .isInstanceOf(IOException.class)
                .hasMessage("format 2, not 1");
    }

    @Test
    void read_cutShort_notJson() throws IOException {
        Path file = Files.writeString(dir.resolve("smoke-summary.json"), "{\"format\": 1, \"scenarios\": [");

        assertThatThrownBy(() -> GateView.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("not JSON: ");
    }

    @Test
    void read_unknownStatus_namesTheScenario() throws IOException {
        Path file = Files.writeString(
                dir.resolve("smoke-summary.json"),
                "{\"format\": 1, \"scenarios\": [{\"name\": \"x\", \"status\": \"MAYBE\"}]}");

        assertThatThrownBy(() -> GateView.read(file))
                .isInstanceOf(IOException.class)
                .hasMessage("scenario \"x\" has status \"MAYBE\", not PASS, FAIL or SKIP");
    }
}
