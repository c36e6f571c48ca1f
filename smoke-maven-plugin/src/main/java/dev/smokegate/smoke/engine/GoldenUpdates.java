package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.GoldenFile;
import dev.smokegate.smoke.model.SmokeLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The golden files that update mode rewrites. They are gathered while the scenarios run (from any
 * thread) and written only by {@link #write}, which the engine calls after it has fingerprinted the
 * checkouts a second time: golden files usually live in the checkout the gate smokes, and a gate
 * that wrote to it during the run would report its own rewrite as a change to the checkout.
 *
 * <p>Each file is written at most once: when two steps give one golden file different texts, the
 * first kept wins and a warning names both. A file whose golden check matched is never written, so
 * it stays byte for byte as it was. When a scenario is run again ({@code smoke.retries}), the
 * rewrites of its earlier attempt are forgotten ({@link #forget}): only the last attempt's output may
 * become a golden file.
 */
final class GoldenUpdates {
    private final boolean enabled;
    private final String updateSetting;
    private final Map<Path, Update> updates = new TreeMap<>();

    /**
     * One rewrite.
     *
     * @param golden the golden file
     * @param text its new text
     * @param changed how many of its lines change
     * @param where the step whose output it is, as {@code scenario › step}
     */
    record Update(GoldenFile golden, String text, int changed, String where) {}

    /**
     * @param enabled whether the gate runs in update mode; when not, nothing is gathered
     * @param updateSetting how a user turns update mode on, such as {@code -Dsmoke.update}
     */
    GoldenUpdates(boolean enabled, String updateSetting) {
        this.enabled = enabled;
        this.updateSetting = Objects.requireNonNull(updateSetting, "updateSetting");
    }

    /** @return whether the gate runs in update mode */
    boolean enabled() {
        return enabled;
    }

    /**
     * Keeps a rewrite for {@link #write}.
     *
     * @param update the rewrite
     * @param log where a conflict with an earlier rewrite of the same file is warned about
     */
    synchronized void add(Update update, SmokeLog log) {
        if (!enabled) {
            return;
        }
        Update earlier = updates.putIfAbsent(update.golden().file(), update);
        if (earlier != null && !earlier.text().equals(update.text())) {
            log.warn("[smoke] golden file " + update.golden().shown() + " would get another text from "
                    + update.where() + " than from " + earlier.where() + "; it gets the one of " + earlier.where()
                    + ". Give each a golden file of its own.");
        }
    }

    /**
     * Forgets the rewrites that a scenario's earlier attempt kept, before it runs again.
     *
     * @param scenario the scenario's name
     */
    synchronized void forget(String scenario) {
        updates.values().removeIf(update -> update.where().startsWith(scenario + " › "));
    }

    /**
     * Writes every rewrite kept, in the order of the files' paths, and says so for each: {@code
     * [smoke] updated src/smoke/expected/greet.txt (2 lines changed); review the diff and rerun without
     * -Dsmoke.update}, or {@code [smoke] created …} for a golden file that did not exist.
     *
     * @param log where each line goes (at warn level: a run that rewrote anything does not pass)
     * @return the golden files written, as shown; empty when none
     */
    synchronized List<String> write(SmokeLog log) {
        List<String> written = new ArrayList<>();
        for (Update update : updates.values()) {
            Path file = update.golden().file();
            boolean existed = Files.exists(file);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, update.text(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                log.error("[smoke] cannot write golden file " + update.golden().shown() + ": " + e
                        + ". Check the permissions of the file and its folder.");
                continue;
            }
            written.add(update.golden().shown());
            log.warn("[smoke] " + (existed ? "updated " : "created ")
                    + update.golden().shown() + " ("
                    + update.changed() + (update.changed() == 1 ? " line" : " lines")
                    + (existed ? " changed" : "") + "); review the diff and rerun without " + updateSetting);
        }
        updates.clear();
        return written;
    }

    /**
     * The sentence a failed gate's message ends with when update mode rewrote golden files.
     *
     * @param written the golden files written, as shown
     * @param updateSetting how a user turns update mode on, such as {@code -Dsmoke.update}
     * @return e.g. {@code  -Dsmoke.update=true rewrote 1 golden file: src/smoke/expected/greet.txt. Review
     *     the diff, then rerun without -Dsmoke.update.}; empty when none was written
     */
    static String sentence(List<String> written, String updateSetting) {
        if (written.isEmpty()) {
            return "";
        }
        return " " + updateSetting + "=true rewrote " + written.size()
                + (written.size() == 1 ? " golden file: " : " golden files: ") + String.join(", ", written)
                + ". Review the diff, then rerun without " + updateSetting + ".";
    }
}
