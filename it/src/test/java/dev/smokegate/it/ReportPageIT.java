package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gate's results to look at, from a real forked {@code mvn verify} on the sample project {@code
 * report-page}: a pass, a failure whose evidence holds markup characters, and a skip (a closed
 * {@code requires} endpoint). The standalone {@code target/smoke/index.html} is rendered in headless
 * Chromium (its DOM dumped and read with jsoup, a screenshot kept in {@code
 * it/target/chromium/index.png}), a forked {@code mvn site} renders the {@code smoke:report} page
 * of the same run into the site, and {@code mvn -o smoke:report} alone writes it as a plain page.
 */
class ReportPageIT {
    private static final String SUMMARY = "Smoke: 1 passed, 1 failed, 1 skipped";
    private static final String EVIDENCE = "ERROR: the greeting is <wrong> & late";
    private static final String SKIP_REASON = "host.requires.endpoint 127.0.0.1:1 — connection refused";

    private static Path project;
    private static ForkedMaven.Result gate;

    @BeforeAll
    static void gate() throws Exception {
        Path checkout = FixtureRepos.greeter(ForkedMaven.scratch("report-page").resolve("greeter"));
        project = ForkedMaven.project("report-page", "report-page");
        gate = ForkedMaven.mvn(project, "verify", "-Dfixture.checkout=" + checkout);
    }

    private static Path browserWork() {
        return Path.of(System.getProperty("smoke.it.work")).getParent().resolve("chromium");
    }

    @Test
    void indexHtml_inHeadlessChromium_showsTheRunItsTimelineAndTheFailure() throws Exception {
        assertExit(gate, 1);
        assertThat(gate.summary()).isEqualTo(SUMMARY);
        Path index = project.resolve("target/smoke/index.html");
        Chromium chromium = Chromium.onPath(browserWork());

        Document page = Jsoup.parse(chromium.dumpDom(index), index.toUri().toString());
        Path png = browserWork().resolve("index.png");
        chromium.screenshot(index, png, 1280, 1400);

        assertThat(page.title()).isEqualTo("Smoke gate — " + SUMMARY);
        assertThat(page.selectFirst("#summary").text()).isEqualTo(SUMMARY);
        assertThat(page.select("#scenario-table tbody tr"))
                .extracting(row -> row.select("td").get(0).text() + " "
                        + row.select("td").get(1).text() + " "
                        + row.select("td").get(5).text())
                .containsExactly("ok PASS REL-1", "broken FAIL REL-2, REL-3", "chat-live SKIP REL-4");
        assertThat(page.select(".timeline .lane").eachAttr("id"))
                .containsExactly("lane-ok", "lane-broken", "lane-chat-live");
        assertThat(page.select("#lane-ok .seg"))
                .extracting(seg -> seg.className() + " " + seg.text())
                .containsExactly("seg prepare ", "seg pass hello", "seg pass slowest slow");
        assertThat(page.select("#lane-broken .seg.fail").eachText()).containsExactly("run");
        assertThat(page.select("#lane-chat-live .seg.skip").eachText()).containsExactly("skipped");
        Element failure = page.selectFirst("#failure-broken");
        assertThat(failure.selectFirst(".evidence").text()).isEqualTo(EVIDENCE);
        assertThat(failure.selectFirst("pre.tail").wholeText()).contains(EVIDENCE);
        assertThat(failure.select("dd").eachText()).contains("exit code 0", "exit code 3");
        for (Element link : failure.select("a[href]")) {
            assertThat(index.resolveSibling(link.attr("href")))
                    .as(link.outerHtml())
                    .isRegularFile();
        }
        assertThat(page.select("#skip-chat-live").text()).isEqualTo("chat-live: " + SKIP_REASON);

        BufferedImage shot = ImageIO.read(png.toFile());
        assertThat(shot.getWidth()).isEqualTo(1280);
        assertThat(pixels(shot, 0xd32f2f)).as("failed step's red in %s", png).isGreaterThan(100);
        assertThat(pixels(shot, 0x43a047)).as("passed steps' green in %s", png).isGreaterThan(100);
    }

    @Test
    void site_afterTheGate_smokeGatePageShowsTheRun() throws Exception {
        assertExit(gate, 1);

        ForkedMaven.Result site = ForkedMaven.mvn(project, "site");

        assertExit(site, 0);
        Document page =
                Jsoup.parse(project.resolve("target/site/smoke-report.html").toFile(), "UTF-8");
        assertThat(page.title()).contains("Smoke gate");
        assertShowsTheRun(page);
        Document reports =
                Jsoup.parse(project.resolve("target/site/project-reports.html").toFile(), "UTF-8");
        assertThat(reports.select("a[href=smoke-report.html]").eachText())
                .as("the Project Reports overview")
                .contains("Smoke gate");
    }

    @Test
    void reportAlone_offline_writesThePlainPageWithNoSkinToResolve() throws Exception {
        assertExit(gate, 1);

        ForkedMaven.Result alone = ForkedMaven.mvn(project, "-o", "smoke:report");

        assertExit(alone, 0);
        assertThat(alone.lines())
                .contains("[INFO] Smoke report page written to target/reports/smoke-report.html"
                        + " (a plain page; mvn site renders it into the site's skin).");
        Document page =
                Jsoup.parse(project.resolve("target/reports/smoke-report.html").toFile(), "UTF-8");
        assertThat(page.title()).isEqualTo("Smoke gate");
        assertShowsTheRun(page);
        assertThat(page.select("link[rel=stylesheet]"))
                .as("a skin's style sheets")
                .isEmpty();
        assertThat(project.resolve("target/reports"))
                .as("no temporary file left beside the page")
                .isDirectoryNotContaining("glob:**.tmp");
    }

    /** The {@code smoke:report} page of the gate's run: summary, table, failure, skip and timeline. */
    private static void assertShowsTheRun(Document page) {
        assertThat(page.selectFirst("#summary").text()).isEqualTo(SUMMARY);
        assertThat(page.select("tr").eachText())
                .contains("Scenario Status Category Rule Duration Owners")
                .anySatisfy(row -> assertThat(row).startsWith("ok PASS — — ").endsWith(" REL-1"))
                .anySatisfy(row -> assertThat(row).startsWith("broken FAIL runtime runtime.exit-code "))
                .anySatisfy(row -> assertThat(row).startsWith("chat-live SKIP host host.requires.endpoint "));
        assertThat(page.select("dd").eachText()).contains(EVIDENCE, "exit code 0", "exit code 3");
        assertThat(page.select("li").eachText()).contains("chat-live: " + SKIP_REASON);
        assertThat(page.getElementById("lane-broken"))
                .as("the timeline's lane of broken")
                .isNotNull();
    }

    /** How many pixels of the screenshot are within a small distance of {@code rgb}. */
    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                if (Math.abs(((pixel >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 12
                        && Math.abs(((pixel >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 12
                        && Math.abs((pixel & 0xff) - (rgb & 0xff)) <= 12) {
                    count++;
                }
            }
        }
        return count;
    }
}
