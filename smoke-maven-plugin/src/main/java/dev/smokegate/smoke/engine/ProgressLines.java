package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.Service;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The live progress lines, which show in a CI log that the gate is alive while a scenario runs:
 *
 * <ul>
 *   <li>one line when a step starts, naming what it does: {@code [smoke] loop › test (2/5): mvn -B
 *       test};
 *   <li>a heartbeat while a step runs, with the last line it wrote: {@code [smoke] loop › test still
 *       running (1m 30s): Tests run: 412, Failures: 0}.
 * </ul>
 *
 * Both are written at info level, so a front end's quiet mode hides them.
 */
final class ProgressLines {
    /** Characters of output a heartbeat line shows, at most. */
    static final int OUTPUT_CHARS = 120;

    /** The folder a command's display is built with; a display never shows its folder. */
    private static final Path ANY_FOLDER = Path.of(".");

    private ProgressLines() {}

    /**
     * The line printed when a step starts.
     *
     * @param where the step as messages name it, {@code <scenario> › <step>}
     * @param number the step's 1-based position in its scenario
     * @param total how many steps the scenario has
     * @param what what the step does, as {@link #what} says it
     * @return for example {@code [smoke] loop › test (2/5): mvn -B test}
     */
    static String stepStart(String where, int number, int total, String what) {
        return "[smoke] " + where + " (" + number + "/" + total + "): " + what;
    }

    /**
     * What a step does, in a few words, with the manifest's placeholders resolved: the command of a
     * {@code run} step ({@code mvn -B test}), {@code patch <file>} (the file as written, not made
     * absolute), {@code export <diff>, <glob>…}, {@code service <name>: <command>}, {@code <METHOD>
     * <url>}, {@code tcp <address>} and {@code stop <name>}.
     *
     * @param action the step's action
     * @param resolve replaces the placeholders of a manifest string
     * @return the words
     */
    static String what(Action action, Function<String, String> resolve) {
        if (action instanceof Action.Run run) {
            return display(run.shell(), run.args(), resolve);
        }
        if (action instanceof Action.Patch patch) {
            return "patch " + resolve.apply(patch.file());
        }
        if (action instanceof Action.Export export) {
            List<String> parts = new ArrayList<>();
            if (export.diff() != null) {
                parts.add(resolve.apply(export.diff()));
            }
            export.files().stream().map(resolve).forEach(parts::add);
            return "export " + String.join(", ", parts);
        }
        if (action instanceof Action.Serve serve) {
            Service service = serve.service();
            return "service " + service.name() + ": " + display(service.shell(), service.args(), resolve);
        }
        if (action instanceof Action.Http http) {
            return http.call().method() + " " + resolve.apply(http.call().url());
        }
        if (action instanceof Action.Tcp tcp) {
            return "tcp " + resolve.apply(tcp.address());
        }
        return "stop " + ((Action.Stop) action).service();
    }

    /**
     * The heartbeat line of a step that is still running.
     *
     * @param where the step as messages name it, {@code <scenario> › <step>}
     * @param running how long the step has been running, shown in {@link Durations#running} form
     * @param recentOutput the step's latest output, or {@code null} when it wrote none yet; its last
     *     line that is not blank (lines end at LF, CR LF or a lone CR, as a progress bar redraws
     *     itself) is shown without ANSI escapes or surrounding blanks and cut to {@value
     *     #OUTPUT_CHARS} characters, the last of them an ellipsis
     * @return for example {@code [smoke] loop › test still running (1m 30s): Tests run: 412}, or
     *     without the colon and output when there is no line to show
     */
    static String heartbeat(String where, Duration running, String recentOutput) {
        String line = "[smoke] " + where + " still running (" + Durations.running(running) + ")";
        String last = lastLine(recentOutput);
        return last.isEmpty() ? line : line + ": " + last;
    }

    private static String lastLine(String output) {
        if (output == null) {
            return "";
        }
        String[] lines = output.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = StepFailures.plain(lines[i]).strip();
            if (!line.isEmpty()) {
                return cut(line);
            }
        }
        return "";
    }

    private static String cut(String line) {
        if (line.codePointCount(0, line.length()) <= OUTPUT_CHARS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, OUTPUT_CHARS - 1)) + "…";
    }

    private static String display(String shell, List<String> args, Function<String, String> resolve) {
        return CommandStep.command(shell, args, resolve, ANY_FOLDER, Map.of()).display();
    }
}
