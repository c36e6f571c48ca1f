package dev.smokegate.smoke.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

class HtmlReportTest {
    @TempDir
    Path project;

    private Path page() {
        return project.resolve("target/smoke/index.html");
    }

    private Document write(String evidence, String seen, List<String> tail) throws IOException {
        HtmlReport.write(HtmlFixtures.run(project, evidence, seen, tail), page(), project);
        return Jsoup.parse(page().toFile(), "UTF-8");
    }

    private Document write() throws IOException {
        return write(
                "ERROR: the greeting is wrong", "exit code 3", List.of("starting", "ERROR: the greeting is wrong"));
    }

    /** The {@code dt → dd} texts of a definition list, as {@code term: definition}. */
    private static List<String> terms(Element list) {
        return list.select("dt").stream()
                .map(term -> term.text() + ": " + term.nextElementSibling().text())
                .toList();
    }

    @Test
    void write_passFailSkip_summaryLineAndScenarioTable() throws IOException {
        Document page = write();

        assertThat(page.title()).isEqualTo("Smoke gate — Smoke: 1 passed, 1 failed, 1 skipped");
        assertThat(page.selectFirst("#summary").text()).isEqualTo("Smoke: 1 passed, 1 failed, 1 skipped");
        assertThat(page.select("#scenario-table thead th").eachText())
                .containsExactly("Scenario", "Status", "Category", "Rule", "Duration", "Owners");
        assertThat(page.select("#scenario-table tbody tr").eachText())
                .containsExactly(
                        "ok PASS — — 1.2 s REL-1",
                        "broken FAIL runtime runtime.exit-code 0.9 s REL-2, REL-3",
                        "live SKIP host host.requires.endpoint 0.0 s —");
        assertThat(page.select("#scenario-table tbody a").eachAttr("href"))
                .containsExactly("#failure-broken", "#skip-live");
    }

    @Test
    void write_timeline_barPerScenarioAndStepSegmentsAsLongAsTheyTook() throws IOException {
        Document page = write();

        assertThat(page.select(".timeline .lane").eachAttr("id"))
                .containsExactly("lane-ok", "lane-broken", "lane-live");
        assertThat(page.selectFirst("#lane-ok .bar").attr("style")).isEqualTo("width:100.00%");
        assertThat(page.selectFirst("#lane-broken .bar").attr("style")).isEqualTo("width:75.00%");
        assertThat(page.select("#lane-broken .seg"))
                .extracting(seg ->
                        seg.className() + " | " + seg.attr("style") + " | " + seg.attr("title") + " | " + seg.text())
                .containsExactly(
                        "seg prepare | width:22.22% | prepare: workspace and checks, 0.2 s | ",
                        "seg pass | width:44.44% | 1 build: PASS, 0.4 s | build",
                        "seg fail | width:33.33% | 2 run: FAIL, 0.3 s | run");
        assertThat(page.select("#lane-ok .seg.slowest").eachAttr("title")).containsExactly("1 build: PASS, 1.1 s");
        assertThat(page.select("#lane-live .seg"))
                .extracting(seg -> seg.className() + " | " + seg.attr("title") + " | " + seg.text())
                .containsExactly(
                        "seg skip | skipped: host.requires.endpoint 127.0.0.1:1 — connection refused | skipped");
        assertThat(page.select(".lane-time").eachText()).containsExactly("1.2 s", "0.9 s", "0.0 s");
    }

    @Test
    void write_failure_evidenceExpectedSeenTailAndLinksToTheLogs() throws IOException {
        Document page = write();

        Element failure = page.selectFirst("#failure-broken");
        assertThat(failure.selectFirst("h3").text()).isEqualTo("broken › run");
        assertThat(terms(failure.selectFirst("dl")))
                .containsExactly(
                        "Class: runtime (rule runtime.exit-code: the process ran and exited with a failing code)",
                        "Evidence: ERROR: the greeting is wrong",
                        "Where: line 2 of target/smoke/broken/02-run.log",
                        "Command: ./run.sh",
                        "Exit code: 3",
                        "Expected: exit code 0",
                        "Seen: exit code 3");
        assertThat(failure.selectFirst("pre.tail").wholeText()).isEqualTo("starting\nERROR: the greeting is wrong");
        assertThat(failure.select("p").eachText())
                .contains(
                        "Last 2 lines of target/smoke/broken/02-run.log:",
                        "Full logs: target/smoke/broken/02-run.log target/smoke/broken/02-run.stdout.log");
        assertThat(failure.select("a").eachAttr("href"))
                .containsExactly(
                        "broken/02-run.log", "broken/02-run.log", "broken/02-run.log", "broken/02-run.stdout.log");
    }

    @Test
    void write_skip_listsTheReason() throws IOException {
        Document page = write();

        assertThat(page.select("#skips + ul li").eachText())
                .containsExactly("live: host.requires.endpoint 127.0.0.1:1 — connection refused");
        assertThat(page.selectFirst("#skip-live").tagName()).isEqualTo("li");
    }

    @Test
    void write_hostileText_escapedAndShownAsWritten() throws Exception {
        String evidence = "<script>alert(1)</script> & co";
        String seen = "</dd><b>bold</b>";
        Document page =
                write(evidence, seen, List.of("<!-- not a comment", "\u001B[31mred\u001B[0m & more", "]]> <![CDATA["));

        assertThat(page.select("script, b")).isEmpty();
        assertThat(terms(page.selectFirst("#failure-broken dl"))).contains("Evidence: " + evidence, "Seen: " + seen);
        assertThat(page.selectFirst("pre.tail").wholeText())
                .isEqualTo("<!-- not a comment\n\uFFFD[31mred\uFFFD[0m & more\n]]> <![CDATA[");
        String raw = Files.readString(page(), StandardCharsets.UTF_8);
        assertThat(raw)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
                .doesNotContain("<script");
        // Well-formed XML too: the JDK's own parser reads it back.
        NodeList pre = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(page().toFile())
                .getElementsByTagName("pre");
        assertThat(pre.item(0).getTextContent()).startsWith("<!-- not a comment\n");
    }

    @Test
    void write_standalone_noScriptNoNetworkResourceAndNoTemporaryFileLeft() throws IOException {
        Document page = write();

        assertThat(page.select("script, link, img, iframe, object, [src]")).isEmpty();
        assertThat(page.select("style").html()).doesNotContain("url(", "@import", "http");
        String raw = Files.readString(page(), StandardCharsets.UTF_8);
        assertThat(raw).startsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">");
        assertThat(raw.replace("http://www.w3.org/1999/xhtml", "")).doesNotContain("http://", "https://");
        try (Stream<Path> files = Files.list(page().getParent())) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("index.html", "smoke-summary.json");
        }
    }

    @Test
    void link_pathsWithSpacesAndOutsideThePageFolder_relativeAndEncoded() {
        Path folder = Path.of("/p/target/smoke");

        assertThat(HtmlReport.link(folder, Path.of("/p/target/smoke/a b/01-run #1.log")))
                .isEqualTo("a%20b/01-run%20%231.log");
        assertThat(HtmlReport.link(folder, Path.of("/p/logs/x.log"))).isEqualTo("../../logs/x.log");
        assertThat(HtmlReport.link(folder, Path.of("/p/target/smoke/a:b/x.log")))
                .isEqualTo("./a:b/x.log");
    }

    @Test
    void xmlSafe_controlCharactersAndLoneSurrogates_replaced() {
        assertThat(HtmlReport.xmlSafe("a\u0000b\tc\u001Bd\uD83D\uDE00e\uD800f"))
                .isEqualTo("a\uFFFDb\tc\uFFFDd\uD83D\uDE00e\uFFFDf");
        assertThat(HtmlReport.xmlSafe("plain")).isEqualTo("plain");
    }
}
