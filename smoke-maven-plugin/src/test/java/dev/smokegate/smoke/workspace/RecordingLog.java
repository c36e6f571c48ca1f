package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.model.SmokeLog;
import java.util.ArrayList;
import java.util.List;

/** Collects log lines as "LEVEL message". */
final class RecordingLog implements SmokeLog {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public synchronized void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public synchronized void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public synchronized void error(String message) {
        lines.add("ERROR " + message);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized List<String> at(String level) {
        return lines.stream()
                .filter(line -> line.startsWith(level + " "))
                .map(line -> line.substring(level.length() + 1))
                .toList();
    }
}
