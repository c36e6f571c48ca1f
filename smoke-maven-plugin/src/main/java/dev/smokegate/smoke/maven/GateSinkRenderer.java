package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.report.GateView;
import dev.smokegate.smoke.report.GateView.FailureView;
import dev.smokegate.smoke.report.GateView.ScenarioView;
import dev.smokegate.smoke.report.HtmlReport;
import dev.smokegate.smoke.report.Timeline;
import java.util.List;
import java.util.Map;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkEventAttributes;
import org.apache.maven.doxia.sink.impl.SinkEventAttributeSet;

/**
 * Renders a {@link GateView} through a Doxia {@link Sink}: the {@code smoke:report} page. The same
 * view and {@link Timeline} as {@code index.html}, in the site's skin: the summary line, the table of
 * scenarios, the timeline (inline styles, since the skin has no classes for it), each failure and
 * each skip. Every text goes through {@link Sink#text(String)}, which escapes it; nothing is parsed
 * as a link pattern or written raw.
 */
final class GateSinkRenderer {
    /** The page's title and its name in the site's menu. */
    static final String TITLE = HtmlReport.TITLE;

    private static final Map<Timeline.Kind, String> COLOURS = Map.of(
            Timeline.Kind.PASS, "background:#43a047;color:#fff",
            Timeline.Kind.FAIL, "background:#d32f2f;color:#fff",
            Timeline.Kind.PREPARE, "background:#b0bec5;color:#263238",
            Timeline.Kind.SKIP, "background:#ffe0b2;color:#6d4c00;width:6em");

    private final Sink sink;

    /** @param sink where the page goes; the caller closes it */
    GateSinkRenderer(Sink sink) {
        this.sink = sink;
    }

    /**
     * The page of a run.
     *
     * @param view the run
     */
    void render(GateView view) {
        open();
        paragraph(view.summaryLine(), "summary");
        paragraph("Manifest " + view.manifest() + " · started " + view.started() + " · ended " + view.ended(), null);
        for (String change : view.checkoutChanges()) {
            paragraph("Checkout changed: " + change, null);
        }

        section("Scenarios", "scenarios");
        sink.table();
        sink.tableRows();
        row(true, "Scenario", "Status", "Category", "Rule", "Duration", "Owners");
        for (ScenarioView scenario : view.scenarios()) {
            row(
                    false,
                    scenario.name(),
                    scenario.status().name(),
                    orDash(scenario.category()),
                    orDash(scenario.rule()),
                    Durations.elapsed(scenario.duration())
                            + (scenario.attempts() > 1 ? " (" + scenario.attempts() + " attempts)" : ""),
                    scenario.owners().isEmpty() ? "—" : String.join(", ", scenario.owners()));
        }
        sink.tableRows_();
        sink.table_();
        sink.section2_();

        section("Timeline", "timeline");
        timeline(Timeline.of(view));
        sink.section2_();

        section("Failures", "failures");
        List<ScenarioView> failed = view.withStatus(Status.FAIL);
        if (failed.isEmpty()) {
            paragraph("No scenario failed.", null);
        }
        failed.forEach(this::failure);
        sink.section2_();

        section("Skips", "skips");
        List<ScenarioView> skipped = view.withStatus(Status.SKIP);
        if (skipped.isEmpty()) {
            paragraph("No scenario was skipped.", null);
        } else {
            sink.list();
            for (ScenarioView scenario : skipped) {
                sink.listItem(new SinkEventAttributeSet(SinkEventAttributes.ID, "skip-" + scenario.name()));
                sink.bold();
                sink.text(scenario.name());
                sink.bold_();
                sink.text(": " + orDash(scenario.skipReason()));
                sink.listItem_();
            }
            sink.list_();
        }
        sink.section2_();
        close();
    }

    /**
     * The page when the gate has not run: where the summary was looked for and how to make it.
     *
     * @param summary the summary file as shown, e.g. {@code target/smoke/smoke-summary.json}
     */
    void renderMissing(String summary) {
        open();
        paragraph(
                "No gate run to show: " + summary + " does not exist. Run the gate before the site, e.g. mvn verify"
                        + " site, or mvn verify smoke:report.",
                "summary");
        close();
    }

    private void open() {
        sink.head();
        sink.title();
        sink.text(TITLE);
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text(TITLE);
        sink.sectionTitle1_();
    }

    private void close() {
        sink.section1_();
        sink.body_();
        sink.flush();
    }

    private void timeline(Timeline timeline) {
        for (Timeline.Lane lane : timeline.lanes()) {
            sink.division(attributes("display:flex;align-items:center;margin:2px 0", null, "lane-" + lane.scenario()));
            sink.division(attributes("width:12em;flex:none;overflow:hidden", null, null));
            sink.text(lane.scenario());
            sink.division_();
            sink.division(attributes("flex:1", null, null));
            sink.division(attributes(
                    "display:flex;height:1.4em;min-width:4px" + (lane.width() == null ? "" : ";width:" + lane.width()),
                    null,
                    null));
            for (Timeline.Segment segment : lane.segments()) {
                sink.division(attributes(
                        COLOURS.get(segment.kind())
                                + ";box-sizing:border-box;min-width:2px;overflow:hidden;white-space:nowrap;"
                                + "font-size:.8em;padding:0 2px;border-right:1px solid #fff"
                                + (segment.width() == null ? "" : ";width:" + segment.width())
                                + (segment.slowest() ? ";outline:2px solid #1c1c1c;outline-offset:-2px" : ""),
                        segment.title(),
                        null));
                sink.text(segment.label());
                sink.division_();
            }
            sink.division_();
            sink.division_();
            sink.division(attributes("width:6em;flex:none;text-align:right", null, null));
            sink.text(lane.time());
            sink.division_();
            sink.division_();
        }
    }

    private void failure(ScenarioView scenario) {
        FailureView failure = scenario.failure();
        sink.section3();
        sink.sectionTitle3();
        sink.anchor("failure-" + scenario.name());
        sink.text(scenario.name() + (failure == null ? "" : " › " + failure.step()));
        sink.anchor_();
        sink.sectionTitle3_();
        sink.definitionList();
        term(
                "Class",
                scenario.category() + " (rule " + scenario.rule()
                        + (scenario.ruleReason() == null ? "" : ": " + scenario.ruleReason()) + ")");
        term("Evidence", orDash(scenario.evidence()));
        if (scenario.evidenceLog() != null) {
            term(
                    "Where",
                    (scenario.evidenceLine() == null ? "" : "line " + scenario.evidenceLine() + " of ")
                            + scenario.evidenceLog());
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
        sink.definitionList_();
        if (failure != null && !failure.tail().isEmpty()) {
            paragraph(
                    "Last " + failure.tail().size() + " lines"
                            + (failure.log() == null ? ":" : " of " + failure.log() + ":"),
                    null);
            sink.verbatim();
            sink.text(String.join("\n", failure.tail()));
            sink.verbatim_();
        }
        sink.section3_();
    }

    private void section(String title, String anchor) {
        sink.section2();
        sink.sectionTitle2();
        sink.anchor(anchor);
        sink.text(title);
        sink.anchor_();
        sink.sectionTitle2_();
    }

    private void row(boolean header, String... cells) {
        sink.tableRow();
        for (String cell : cells) {
            if (header) {
                sink.tableHeaderCell();
                sink.text(cell);
                sink.tableHeaderCell_();
            } else {
                sink.tableCell();
                sink.text(cell);
                sink.tableCell_();
            }
        }
        sink.tableRow_();
    }

    private void term(String term, String definition) {
        sink.definitionListItem();
        sink.definedTerm();
        sink.text(term);
        sink.definedTerm_();
        sink.definition();
        sink.text(definition);
        sink.definition_();
        sink.definitionListItem_();
    }

    private void paragraph(String text, String id) {
        sink.paragraph(id == null ? null : new SinkEventAttributeSet(SinkEventAttributes.ID, id));
        sink.text(text);
        sink.paragraph_();
    }

    private static SinkEventAttributes attributes(String style, String title, String id) {
        SinkEventAttributeSet set = new SinkEventAttributeSet();
        set.addAttribute(SinkEventAttributes.STYLE, style);
        if (title != null) {
            set.addAttribute(SinkEventAttributes.TITLE, title);
        }
        if (id != null) {
            set.addAttribute(SinkEventAttributes.ID, id);
        }
        return set;
    }

    private static String orDash(String text) {
        return text == null ? "—" : text;
    }
}
