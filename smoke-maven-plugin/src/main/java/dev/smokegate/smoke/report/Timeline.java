package dev.smokegate.smoke.report;

import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.report.GateView.ScenarioView;
import dev.smokegate.smoke.report.GateView.StepView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The timeline of a run, as both HTML reports draw it: one lane per scenario, its bar as long as the
 * scenario took against the longest one, its steps as segments as long as each took against the
 * scenario. The time not spent in a step (workspace preparation, host checks) is a {@link
 * Kind#PREPARE} segment first. A skipped scenario, which ran nothing, gets one fixed-width {@link
 * Kind#SKIP} segment. The slowest step of the whole run is marked. Widths are CSS percentages with
 * two decimals, formatted with {@link Locale#ROOT}.
 *
 * @param lanes one per scenario, in manifest order
 */
public record Timeline(List<Lane> lanes) {
    public Timeline {
        lanes = List.copyOf(lanes);
    }

    /** What a segment stands for, and so its colour. */
    public enum Kind {
        /** A step whose checks held. */
        PASS,
        /** The step that failed, or a preparation that failed. */
        FAIL,
        /** Time outside the steps: workspace preparation and checks. */
        PREPARE,
        /** A scenario that did not run. */
        SKIP;

        /** @return the kind's CSS class: {@code pass}, {@code fail}, {@code prepare}, {@code skip} */
        public String cssClass() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param scenario the scenario's name
     * @param status its result
     * @param width the bar's width against the longest scenario, e.g. {@code 42.50%}; {@code null} for a skip
     * @param time its duration in the elapsed form, e.g. {@code 1.2 s}
     * @param segments its segments, in order
     */
    public record Lane(String scenario, Status status, String width, String time, List<Segment> segments) {
        public Lane {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(time, "time");
            segments = List.copyOf(segments);
        }
    }

    /**
     * @param kind what it stands for
     * @param slowest whether it is the slowest step of the run
     * @param width its width within the bar, e.g. {@code 12.00%}; {@code null} for a skip (drawn at a
     *     fixed width)
     * @param title what a tooltip says: {@code 2 run: FAIL, 0.3 s}
     * @param label the text on it: the step's name, {@code skipped}, or empty for preparation
     */
    public record Segment(Kind kind, boolean slowest, String width, String title, String label) {
        public Segment {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * @param view the run
     * @return its timeline
     */
    public static Timeline of(GateView view) {
        long longest = view.scenarios().stream()
                .mapToLong(scenario -> scenario.duration().toMillis())
                .max()
                .orElse(0);
        StepView slowest = view.scenarios().stream()
                .flatMap(scenario -> scenario.steps().stream())
                .filter(step -> !step.duration().isZero())
                .max(Comparator.comparing(StepView::duration))
                .orElse(null);
        List<Lane> lanes = new ArrayList<>();
        for (ScenarioView scenario : view.scenarios()) {
            String time = Durations.elapsed(scenario.duration());
            if (scenario.status() == Status.SKIP) {
                String reason = scenario.skipReason() == null ? "" : ": " + scenario.skipReason();
                lanes.add(new Lane(
                        scenario.name(),
                        Status.SKIP,
                        null,
                        time,
                        List.of(new Segment(Kind.SKIP, false, null, "skipped" + reason, "skipped"))));
                continue;
            }
            long total = scenario.duration().toMillis();
            List<Segment> segments = new ArrayList<>();
            Duration preparation = scenario.preparation();
            if (!preparation.isZero() || scenario.steps().isEmpty()) {
                boolean failed =
                        scenario.failure() != null && scenario.failure().step().equals("prepare");
                segments.add(new Segment(
                        failed ? Kind.FAIL : Kind.PREPARE,
                        false,
                        scenario.steps().isEmpty() ? "100.00%" : percent(preparation.toMillis(), total),
                        "prepare: " + (failed ? "FAIL" : "workspace and checks") + ", "
                                + Durations.elapsed(preparation),
                        failed ? "prepare" : ""));
            }
            for (StepView step : scenario.steps()) {
                segments.add(new Segment(
                        step.passed() ? Kind.PASS : Kind.FAIL,
                        step == slowest,
                        percent(step.duration().toMillis(), total),
                        step.number() + " " + step.name() + ": " + (step.passed() ? "PASS" : "FAIL") + ", "
                                + Durations.elapsed(step.duration()),
                        step.name()));
            }
            lanes.add(new Lane(scenario.name(), scenario.status(), percent(total, longest), time, segments));
        }
        return new Timeline(lanes);
    }

    /**
     * @param part a share
     * @param whole the whole
     * @return {@code part} against {@code whole} as a CSS percentage, {@code 12.50%}, at most {@code
     *     100.00%}; {@code 0.00%} when the whole is zero
     */
    static String percent(long part, long whole) {
        double share = whole <= 0 ? 0 : Math.min(100.0, 100.0 * part / whole);
        return String.format(Locale.ROOT, "%.2f%%", share);
    }
}
