package dev.smokegate.smoke.report;

import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.report.GateView.FailureView;
import dev.smokegate.smoke.report.GateView.ScenarioView;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a gate's last run as one standalone page, {@code index.html} beside {@code
 * smoke-summary.json}: no script, no font or style from the network (the CSS is inline). It holds the
 * summary line, a table of the scenarios (status, category, rule, duration, owners), a timeline (one
 * bar per scenario, as long as its duration against the longest; its steps as segments as long as
 * theirs, coloured by result: the failing step red, preparation grey, the slowest step of the run
 * outlined), each failure (evidence, expected against seen, the log tail, links to the full logs)
 * and each skip with its reason.
 *
 * <p>The page is XHTML written with StAX ({@link XMLStreamWriter}), so every text from a log or a
 * manifest is escaped; characters XML cannot hold (control characters other than tab and line
 * breaks, e.g. a terminal's escape) are shown as U+FFFD. It is written atomically (a temporary file
 * moved into place). Numbers are formatted with {@link Locale#ROOT}.
 */
public final class HtmlReport {
    /** The page's title and first heading. */
    public static final String TITLE = "Smoke gate";

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final String CSS = String.join(
            "\n",
            "body{font-family:system-ui,sans-serif;margin:1.5em;color:#1c1c1c;max-width:75em}",
            "h1{margin-bottom:.2em}",
            ".summary{font-size:1.2em;font-weight:bold;padding:.4em .6em;border-radius:4px}",
            ".summary.passed{background:#e8f5e9}.summary.failed{background:#ffebee}",
            ".meta{color:#555}",
            "table{border-collapse:collapse;margin:.5em 0}",
            "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}",
            "th{background:#f3f3f3}",
            ".status{font-weight:bold;padding:0 .3em;border-radius:3px;color:#fff}",
            ".status.PASS{background:#2e7d32}.status.FAIL{background:#c62828}.status.SKIP{background:#b26a00}",
            ".timeline{margin:.5em 0}",
            ".lane{display:flex;align-items:center;margin:3px 0}",
            ".lane-name{width:12em;flex:none;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}",
            ".lane-track{flex:1;min-width:10em}",
            ".bar{display:flex;height:1.4em;min-width:4px}",
            ".seg{box-sizing:border-box;min-width:2px;height:100%;overflow:hidden;white-space:nowrap;"
                    + "font-size:.8em;line-height:1.75em;color:#fff;padding:0 2px;border-right:1px solid #fff}",
            ".seg.pass{background:#43a047}.seg.fail{background:#d32f2f}",
            ".seg.prepare{background:#b0bec5;color:#263238}",
            ".seg.skip{background:repeating-linear-gradient(45deg,#ffe0b2,#ffe0b2 4px,#fff3e0 4px,#fff3e0 8px);"
                    + "color:#6d4c00;min-width:5em}",
            ".seg.slowest{outline:2px solid #1c1c1c;outline-offset:-2px}",
            ".lane-time{width:6em;flex:none;text-align:right;color:#555}",
            ".legend span{display:inline-block;padding:0 .4em;margin-right:.5em}",
            ".failure{border-left:4px solid #c62828;padding:.2em .8em;margin:1em 0;background:#fffafa}",
            "dt{font-weight:bold;float:left;clear:left;width:8em}dd{margin-left:9em}",
            ".evidence{font-family:monospace;background:#fff3cd}",
            "pre{background:#f6f6f6;border:1px solid #ddd;padding:.5em;overflow-x:auto}",
            ".skip-item{margin:.3em 0}");

    private HtmlReport() {}

    /**
     * Writes the page atomically.
     *
     * @param view the run to show
     * @param file the page, e.g. {@code target/smoke/index.html}; its links to step logs are relative
     *     to its folder
     * @param basedir the project folder, which the view's relative paths start from
     * @throws IOException when it cannot be written
     */
    public static void write(GateView view, Path file, Path basedir) throws IOException {
        Path folder = file.toAbsolutePath().normalize().getParent();
        Path base = basedir.toAbsolutePath().normalize();
        String page = render(view, shown -> link(folder, base.resolve(shown).normalize()));
        ReportFiles.replace(file, out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param view the run to show
     * @param href turns a path as the view shows it into a link from the page
     * @return the page's text
     */
    static String render(GateView view, Function<String, String> href) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(text);
            new Page(xml, href).write(view);
            xml.close();
        } catch (XMLStreamException e) {
            // A StringWriter does not fail; StAX only fails here on a misuse of its own calls.
            throw new IllegalStateException("cannot write the HTML report: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /** A relative link from {@code folder} to {@code target}, each segment percent-encoded. */
    static String link(Path folder, Path target) {
        String relative = folder.relativize(target).toString().replace('\\', '/');
        int slash = relative.indexOf('/');
        // A first segment with a colon would read as a URI scheme.
        if ((slash < 0 ? relative : relative.substring(0, slash)).contains(":")) {
            relative = "./" + relative;
        }
        try {
            return new URI(null, null, relative, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + relative, e);
        }
    }

    /** Replaces the characters XML 1.0 cannot hold with U+FFFD. */
    static String xmlSafe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || c >= 0xE000;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (safe != null) {
                    safe.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (allowed && c != 0xFFFE && c != 0xFFFF) {
                if (safe != null) {
                    safe.append(c);
                }
            } else {
                if (safe == null) {
                    safe = new StringBuilder(text.substring(0, i));
                }
                safe.append('\uFFFD');
            }
        }
        return safe == null ? text : safe.toString();
    }

    /** One page being written. */
    private static final class Page {
        private final XMLStreamWriter xml;
        private final Function<String, String> href;

        Page(XMLStreamWriter xml, Function<String, String> href) {
            this.xml = xml;
            this.href = Objects.requireNonNull(href, "href");
        }

        void write(GateView view) throws XMLStreamException {
            xml.writeDTD("<!DOCTYPE html>");
            xml.writeCharacters("\n");
            xml.writeStartElement("html");
            xml.writeDefaultNamespace(XHTML);
            xml.writeAttribute("lang", "en");
            xml.writeStartElement("head");
            xml.writeEmptyElement("meta");
            xml.writeAttribute("charset", "UTF-8");
            xml.writeEmptyElement("meta");
            xml.writeAttribute("name", "viewport");
            xml.writeAttribute("content", "width=device-width, initial-scale=1");
            element("title", TITLE + " — " + view.summaryLine());
            xml.writeStartElement("style");
            xml.writeCharacters(CSS);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("body");
            element("h1", TITLE);
            start(
                    "p",
                    "summary "
                            + (view.failed() == 0
                                            && view.skipped() == 0
                                            && view.checkoutChanges().isEmpty()
                                    ? "passed"
                                    : "failed"));
            xml.writeAttribute("id", "summary");
            text(view.summaryLine());
            xml.writeEndElement();
            start("p", "meta");
            text("Manifest " + view.manifest() + " · started " + view.started() + " · ended " + view.ended());
            xml.writeEndElement();
            if (!view.checkoutChanges().isEmpty()) {
                element("h2", "Checkout changed");
                start("ul", "changes");
                for (String change : view.checkoutChanges()) {
                    element("li", change);
                }
                xml.writeEndElement();
            }
            table(view);
            timeline(view);
            failures(view);
            skips(view);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }

        private void table(GateView view) throws XMLStreamException {
            heading("h2", "scenarios", "Scenarios");
            start("table", "scenarios");
            xml.writeAttribute("id", "scenario-table");
            xml.writeStartElement("thead");
            xml.writeStartElement("tr");
            for (String header : List.of("Scenario", "Status", "Category", "Rule", "Duration", "Owners")) {
                element("th", header);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("tbody");
            for (ScenarioView scenario : view.scenarios()) {
                start("tr", scenario.status().name());
                xml.writeStartElement("td");
                if (scenario.status() == Status.PASS) {
                    text(scenario.name());
                } else {
                    xml.writeStartElement("a");
                    xml.writeAttribute("href", "#" + anchor(scenario));
                    text(scenario.name());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeStartElement("td");
                element(
                        "span",
                        "status " + scenario.status().name(),
                        scenario.status().name());
                xml.writeEndElement();
                element("td", orDash(scenario.category()));
                element("td", orDash(scenario.rule()));
                element(
                        "td",
                        Durations.elapsed(scenario.duration())
                                + (scenario.attempts() > 1 ? " (" + scenario.attempts() + " attempts)" : ""));
                element("td", scenario.owners().isEmpty() ? "—" : String.join(", ", scenario.owners()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }

        private void timeline(GateView view) throws XMLStreamException {
            heading("h2", "timeline", "Timeline");
            start("div", "timeline");
            for (Timeline.Lane lane : Timeline.of(view).lanes()) {
                start("div", "lane " + lane.status().name());
                xml.writeAttribute("id", "lane-" + lane.scenario());
                element("div", "lane-name", lane.scenario());
                start("div", "lane-track");
                start("div", "bar");
                if (lane.width() != null) {
                    xml.writeAttribute("style", "width:" + lane.width());
                }
                for (Timeline.Segment segment : lane.segments()) {
                    start("div", "seg " + segment.kind().cssClass() + (segment.slowest() ? " slowest" : ""));
                    if (segment.width() != null) {
                        xml.writeAttribute("style", "width:" + segment.width());
                    }
                    xml.writeAttribute("title", xmlSafe(segment.title()));
                    text(segment.label());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeEndElement();
                element("div", "lane-time", lane.time());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            start("p", "legend");
            element("span", "seg pass", "step passed");
            element("span", "seg fail", "step failed");
            element("span", "seg prepare", "workspace and checks");
            element("span", "seg skip", "skipped");
            text("Each bar is as long as its scenario took, against the longest; the slowest step is outlined.");
            xml.writeEndElement();
        }

        private void failures(GateView view) throws XMLStreamException {
            heading("h2", "failures", "Failures");
            List<ScenarioView> failed = view.withStatus(Status.FAIL);
            if (failed.isEmpty()) {
                element("p", "No scenario failed.");
            }
            for (ScenarioView scenario : failed) {
                FailureView failure = scenario.failure();
                start("section", "failure");
                xml.writeAttribute("id", anchor(scenario));
                element("h3", scenario.name() + (failure == null ? "" : " › " + failure.step()));
                xml.writeStartElement("dl");
                term(
                        "Class",
                        scenario.category() + " (rule " + scenario.rule()
                                + (scenario.ruleReason() == null ? "" : ": " + scenario.ruleReason()) + ")");
                element("dt", "Evidence");
                start("dd", "evidence");
                text(orDash(scenario.evidence()));
                xml.writeEndElement();
                if (scenario.evidenceLog() != null) {
                    element("dt", "Where");
                    xml.writeStartElement("dd");
                    if (scenario.evidenceLine() != null) {
                        text("line " + scenario.evidenceLine() + " of ");
                    }
                    logLink(scenario.evidenceLog());
                    xml.writeEndElement();
                }
                if (failure != null) {
                    if (failure.command() != null) {
                        term("Command", failure.command());
                    }
                    if (failure.exitCode() != null) {
                        term("Exit code", String.valueOf(failure.exitCode()));
                    }
                    term("Expected", failure.expected());
                    term("Seen", failure.seen());
                }
                xml.writeEndElement();
                if (failure != null && !failure.tail().isEmpty()) {
                    xml.writeStartElement("p");
                    text("Last " + failure.tail().size() + " lines" + (failure.log() == null ? ":" : " of "));
                    if (failure.log() != null) {
                        logLink(failure.log());
                        text(":");
                    }
                    xml.writeEndElement();
                    start("pre", "tail");
                    text(String.join("\n", failure.tail()));
                    xml.writeEndElement();
                }
                List<String> logs = logs(scenario);
                if (!logs.isEmpty()) {
                    start("p", "logs");
                    text("Full logs:");
                    for (String log : logs) {
                        text(" ");
                        logLink(log);
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
        }

        private void skips(GateView view) throws XMLStreamException {
            heading("h2", "skips", "Skips");
            List<ScenarioView> skipped = view.withStatus(Status.SKIP);
            if (skipped.isEmpty()) {
                element("p", "No scenario was skipped.");
                return;
            }
            start("ul", "skips");
            for (ScenarioView scenario : skipped) {
                start("li", "skip-item");
                xml.writeAttribute("id", anchor(scenario));
                element("strong", scenario.name());
                text(": " + orDash(scenario.skipReason()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }

        /** The logs of the failing step, or of every step when none failed (a failure at prepare). */
        private static List<String> logs(ScenarioView scenario) {
            List<String> logs = new ArrayList<>();
            scenario.steps().stream().filter(step -> !step.passed()).forEach(step -> logs.addAll(step.logs()));
            if (scenario.evidenceLog() != null && !logs.contains(scenario.evidenceLog())) {
                logs.add(0, scenario.evidenceLog());
            }
            return logs;
        }

        private void logLink(String shown) throws XMLStreamException {
            xml.writeStartElement("a");
            xml.writeAttribute("href", xmlSafe(href.apply(shown)));
            text(shown);
            xml.writeEndElement();
        }

        private void term(String term, String definition) throws XMLStreamException {
            element("dt", term);
            element("dd", definition);
        }

        private void heading(String level, String id, String title) throws XMLStreamException {
            xml.writeStartElement(level);
            xml.writeAttribute("id", id);
            text(title);
            xml.writeEndElement();
        }

        private void start(String name, String classes) throws XMLStreamException {
            xml.writeStartElement(name);
            xml.writeAttribute("class", classes);
        }

        private void element(String name, String text) throws XMLStreamException {
            xml.writeStartElement(name);
            text(text);
            xml.writeEndElement();
        }

        private void element(String name, String classes, String text) throws XMLStreamException {
            start(name, classes);
            text(text);
            xml.writeEndElement();
        }

        private void text(String text) throws XMLStreamException {
            xml.writeCharacters(xmlSafe(text));
        }
    }

    /** The id of a failed or skipped scenario's details: {@code failure-<name>} or {@code skip-<name>}. */
    static String anchor(ScenarioView scenario) {
        return (scenario.status() == Status.SKIP ? "skip-" : "failure-") + scenario.name();
    }

    private static String orDash(String text) {
        return text == null ? "—" : text;
    }
}
