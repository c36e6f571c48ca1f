package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.StepFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a failure's evidence is in its log: the 1-based number of the last line that holds
 * the evidence (ANSI escapes ignored), so a CI script can link to it. Evidence that is a fact rather
 * than a line of output ({@code exit 127}, a harness message) is found nowhere.
 */
final class EvidenceLines {
    /** A check's evidence names its line first: {@code line 12: [ERROR] boom}. */
    private static final Pattern NUMBERED = Pattern.compile("line \\d+: (.+)", Pattern.DOTALL);

    private EvidenceLines() {}

    /**
     * @param results the scenarios' results
     * @return the line of each failed scenario's evidence in its failure's log, by scenario name;
     *     scenarios whose evidence is not in the log are missing
     */
    static Map<String, Integer> of(List<ScenarioResult> results) {
        Map<String, Integer> lines = new HashMap<>();
        for (ScenarioResult result : results) {
            StepFailure failure = result.failure();
            if (failure != null && failure.log() != null) {
                Integer line = find(failure.log(), failure.classification().evidence());
                if (line != null) {
                    lines.put(result.name(), line);
                }
            }
        }
        return lines;
    }

    /**
     * Reads the log as a stream, so a large log costs no more memory than its longest line; bytes that
     * are not UTF-8 read as U+FFFD.
     *
     * @param log the log file
     * @param evidence the evidence line; a leading {@code line N: } is not part of the search
     * @return the 1-based number of the last line containing it, or {@code null} when none does or
     *     the log cannot be read
     */
    static Integer find(Path log, String evidence) {
        Matcher numbered = NUMBERED.matcher(evidence);
        String text = (numbered.matches() ? numbered.group(1) : evidence).strip();
        if (text.isEmpty()) {
            return null;
        }
        Integer found = null;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (StepFailures.plain(line).contains(text)) {
                    found = number;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return found;
    }
}
