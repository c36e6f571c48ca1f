package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine writes {@link SmokeEngine#INDEX_HTML} after every run, from the JSON summary it just wrote. */
@Timeout(120)
class IndexHtmlTest {
    @TempDir
    Path tmp;

    @Test
    void run_failAndPass_indexHtmlBesideTheSummaryWithLinksToTheLogs() throws Exception {
        EngineFixture fixture = EngineFixture.greeter(tmp);

        fixture.run(
                """
                format = 1
                [[scenario]]
                name = "broken"
                owners = ["T-1"]
                source.checkout = "${fixture.checkout}"
                  [[scenario.step]]
                  name = "run"
                  run = "echo starting; echo 'ERROR: <boom> & co'; exit 3"
                  expect.stdout.contains = ["starting"]
                [[scenario]]
                name = "fine"
                source.checkout = "${fixture.checkout}"
                  [[scenario.step]]
                  name = "ok"
                  run = "echo fine"
                  expect.stdout.contains = ["fine"]
                """);

        Path folder = fixture.project().resolve("target/smoke");
        JsonNode broken = new ObjectMapper()
                .readTree(folder.resolve(SmokeEngine.SUMMARY_JSON).toFile())
                .path("scenarios")
                .get(0);
        assertThat(broken.path("owners").toString()).isEqualTo("[\"T-1\"]");
        assertThat(broken.path("failure").path("step").asText()).isEqualTo("run");
        assertThat(broken.path("failure").path("tail").toString()).isEqualTo("[\"starting\",\"ERROR: <boom> & co\"]");
        Document page = Jsoup.parse(folder.resolve(SmokeEngine.INDEX_HTML).toFile(), "UTF-8");
        assertThat(page.selectFirst("#summary").text()).isEqualTo("Smoke: 1 passed, 1 failed, 0 skipped");
        Element failure = page.selectFirst("#failure-broken");
        assertThat(failure.selectFirst(".evidence").text()).isEqualTo("ERROR: <boom> & co");
        assertThat(failure.select("a").eachAttr("href"))
                .contains("broken/01-run.log", "broken/01-run.stdout.log", "broken/01-run.stderr.log");
        for (String href : failure.select("a").eachAttr("href")) {
            assertThat(folder.resolve(href)).isRegularFile();
        }
        assertThat(page.select(".timeline .lane").eachAttr("id")).containsExactly("lane-broken", "lane-fine");
    }
}
