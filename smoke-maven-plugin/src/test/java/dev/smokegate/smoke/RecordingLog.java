package dev.smokegate.smoke;

import dev.smokegate.smoke.model.SmokeLog;
import java.util.ArrayList;
import java.util.List;

/** A {@link SmokeLog} for tests: keeps every message with its level, in order; thread-safe. */
public final class RecordingLog implements SmokeLog {

    /** One logged message. */
    public record Line(String level, String message) {}

    private final List<Line> entries = new ArrayList<>();

    @Override
    public synchronized void write(Level level, String message) {
        entries.add(new Line(level.name(), message));
    }

    /** @return every message with its level */
    public synchronized List<Line> entries() {
        return List.copyOf(entries);
    }

    /** @return every message as {@code "LEVEL message"} */
    public synchronized List<String> lines() {
        return entries.stream().map(line -> line.level() + " " + line.message()).toList();
    }

    /** @return every message, without its level */
    public synchronized List<String> messages() {
        return entries.stream().map(Line::message).toList();
    }

    /** @return the messages of everything but debug, as the user sees them without {@code -X} */
    public synchronized List<String> visible() {
        return entries.stream()
                .filter(line -> !line.level().equals("DEBUG"))
                .map(Line::message)
                .toList();
    }

    /** @return the messages logged at one level ({@code DEBUG}, {@code INFO}, {@code WARN}, {@code ERROR}) */
    public synchronized List<String> at(String level) {
        return entries.stream()
                .filter(line -> line.level().equals(level))
                .map(Line::message)
                .toList();
    }

    /** @return the levels used, in order of first use */
    public synchronized List<String> levels() {
        return entries.stream().map(Line::level).distinct().toList();
    }

    /** @return the last message with its level */
    public synchronized Line last() {
        return entries.get(entries.size() - 1);
    }
}
