package dev.smokegate.smoke.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.smoke.report.GateView;
import java.io.IOException;
import java.io.StringWriter;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The {@code smoke:report} page as Doxia's XHTML5 sink writes it, parsed back with jsoup. */
class GateSinkRendererTest {
    /** A pass, a failure whose evidence is hostile (markup, a Doxia link pattern) and a skip. */
    private static final String SUMMARY =
            """
            {"format": 1, "gate": {"manifest": "src/smoke/manifest.toml"},
             "started": "2026-12-01T10:00:00Z", "ended": "2026-12-01T10:00:02.500Z",
             "summary": {"passed": 1, "failed": 1, "skipped": 1}, "checkoutChanges": [],
             "scenarios": [
              {"name": "ok", "status": "PASS", "durationMs": 1200, "attempts": 1, "owners": ["REL-1"],
               "steps": [{"name": "build", "number": 1, "status": "PASS", "exitCode": 0, "durationMs": 1100,
                          "logs": ["target/smoke/ok/01-build.log"]}], "failure": null},
              {"name": "broken", "status": "FAIL", "category": "runtime", "rule": "runtime.exit-code",
               "ruleReason": "the process exited with a failing code",
               "evidence": "{evil, https://evil.example.org} <script>alert(1)</script> & co",
               "evidenceLog": "target/smoke/broken/01-run.log", "evidenceLine": 2,
               "durationMs": 900, "attempts": 2, "owners": ["REL-2", "REL-3"],
               "steps": [{"name": "run", "number": 1, "status": "FAIL", "exitCode": 3, "durationMs": 300,
                          "logs": ["target/smoke/broken/01-run.log"]}],
               "failure": {"step": "run", "command": "./run.sh", "exitCode": 3,
                           "expectation": "expected exit code 0", "seen": "exit code 3",
                           "log": "target/smoke/broken/01-run.log", "tail": ["starting", "</pre><b>x</b>"]}},
              {"name": "live", "status": "SKIP", "category": "host", "rule": "host.requires.endpoint",
               "skipReason": "host.requires.endpoint 127.0.0.1:1 — connection refused", "durationMs": 4,
               "attempts": 1, "owners": [], "steps": [], "failure": null}
             ]}
            """;

    private static Document render() throws IOException {
        StringWriter out = new StringWriter();
        Xhtml5BaseSink sink = new Xhtml5BaseSink(out) {};
        new GateSinkRenderer(sink).render(GateView.of(new ObjectMapper().readTree(SUMMARY)));
        sink.close();
        return Jsoup.parse(out.toString());
    }

    @Test
    void render_passFailSkip_summaryTableFailureAndSkip() throws IOException {
        Document page = render();

        assertThat(page.selectFirst("#summary").text()).isEqualTo("Smoke: 1 passed, 1 failed, 1 skipped");
        assertThat(page.select("tr").eachText())
                .containsExactly(
                        "Scenario Status Category Rule Duration Owners",
                        "ok PASS — — 1.2 s REL-1",
                        "broken FAIL runtime runtime.exit-code 0.9 s (2 attempts) REL-2, REL-3",
                        "live SKIP host host.requires.endpoint 0.0 s —");
        assertThat(page.select("dt").eachText())
                .containsExactly("Class", "Evidence", "Where", "Command", "Exit code", "Expected", "Seen");
        assertThat(page.select("dd").eachText())
                .containsExactly(
                        "runtime (rule runtime.exit-code: the process exited with a failing code)",
                        "{evil, https://evil.example.org} <script>alert(1)</script> & co",
                        "line 2 of target/smoke/broken/01-run.log",
                        "./run.sh",
                        "3",
                        "exit code 0",
                        "exit code 3");
        assertThat(page.selectFirst("pre").wholeText()).isEqualTo("starting\n</pre><b>x</b>");
        assertThat(page.select("li").eachText())
                .containsExactly("live: host.requires.endpoint 127.0.0.1:1 — connection refused");
    }

    @Test
    void render_hostileText_escapedNeverALinkOrElement() throws IOException {
        Document page = render();

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("b").eachText())
                .as("only the skipped scenario's name is bold")
                .containsExactly("live");
        assertThat(page.select("a[href]").eachAttr("href")).noneMatch(href -> href.contains("evil"));
    }

    @Test
    void render_timeline_laneSegmentsWithTheirWidths() throws IOException {
        Document page = render();

        Element broken = page.getElementById("lane-broken");
        assertThat(broken).isNotNull();
        assertThat(broken.select("div[title]"))
                .extracting(div -> div.attr("title") + " | " + div.text())
                .containsExactly("prepare: workspace and checks, 0.6 s | ", "1 run: FAIL, 0.3 s | run");
        assertThat(broken.select("div[title]").get(1).attr("style")).contains("width:33.33%");
        assertThat(page.getElementById("lane-live").text()).isEqualTo("live skipped 0.0 s");
    }

    @Test
    void renderMissing_noSummary_saysHowToMakeOne() {
        StringWriter out = new StringWriter();
        Xhtml5BaseSink sink = new Xhtml5BaseSink(out) {};

        new GateSinkRenderer(sink).renderMissing("target/smoke/smoke-summary.json");
        sink.close();

        assertThat(Jsoup.parse(out.toString()).selectFirst("#summary").text())
                .isEqualTo("No gate run to show: target/smoke/smoke-summary.json does not exist. Run the gate before"
                        + " the site, e.g. mvn verify site, or mvn verify smoke:report.");
    }
}
