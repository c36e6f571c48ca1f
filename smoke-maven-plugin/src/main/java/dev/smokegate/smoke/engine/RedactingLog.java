package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.Redaction;
import dev.smokegate.smoke.model.SmokeLog;
import java.util.Objects;

/**
 * A {@link SmokeLog} that passes every line, debug lines included, through the gate's {@link
 * Redaction} before the front end's log sees it. The engine wraps the front end's log in one once,
 * so every line it and its parts write is redacted; it starts with {@link Redaction#standard()} and
 * learns the manifest's secret values ({@link #use}) once the manifest is loaded.
 */
final class RedactingLog implements SmokeLog {
    private final SmokeLog log;
    private volatile Redaction redaction = Redaction.standard();

    private RedactingLog(SmokeLog log) {
        this.log = log;
    }

    /**
     * @param log the log to write to
     * @return {@code log} when it already is a redacting log, else a redacting log writing to it
     */
    static RedactingLog of(SmokeLog log) {
        Objects.requireNonNull(log, "log");
        return log instanceof RedactingLog redacting ? redacting : new RedactingLog(log);
    }

    /** @param redaction the redaction of the lines written from now on */
    void use(Redaction redaction) {
        this.redaction = Objects.requireNonNull(redaction, "redaction");
    }

    /** @return the redaction of the lines written now */
    Redaction redaction() {
        return redaction;
    }

    /** Writes the redacted line to the wrapped log. */
    @Override
    public void write(Level level, String message) {
        log.write(level, redaction.apply(message));
    }

    @Override
    public String toString() {
        return "RedactingLog[" + log + ", " + redaction + "]";
    }
}
