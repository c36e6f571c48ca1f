package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.StepFailure;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
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
    /** How many characters of one line are searched: a longer line is searched in its start only. */
    static final int MAX_LINE_CHARS = 64 * 1024;

    private static final int BUFFER_CHARS = 8 * 1024;

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
     * Reads the log as a stream, so a large log costs no more memory than {@value #MAX_LINE_CHARS}
     * characters, however long its lines: only the first {@value #MAX_LINE_CHARS} characters of a
     * line are searched (a 1 GiB line without a line break included). Lines end at {@code \n}, as
     * {@link dev.smokegate.smoke.process.LogTail} counts them; bytes that are not UTF-8 read as
     * U+FFFD.
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
        try (Reader reader = new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            boolean open = false;
            int number = 0;
            char[] buffer = new char[BUFFER_CHARS];
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        number++;
                        found = holds(line, text) ? Integer.valueOf(number) : found;
                        line.setLength(0);
                        open = false;
                    } else {
                        open = true;
                        if (line.length() < MAX_LINE_CHARS) {
                            line.append(buffer[i]);
                        }
                    }
                }
            }
            if (open && holds(line, text)) {
                found = number + 1;
            }
        } catch (IOException e) {
            return null;
        }
        return found;
    }

    private static boolean holds(StringBuilder line, String text) {
        return StepFailures.plain(line.toString()).contains(text);
    }
}
