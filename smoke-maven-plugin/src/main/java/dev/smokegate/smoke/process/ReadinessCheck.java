package dev.smokegate.smoke.process;

import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.Readiness;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** One kind of readiness probe, polled again and again by {@link ReadinessPoller}. */
interface ReadinessCheck {

    /** Characters of a seen line (log line, first body line) kept in a result, at most. */
    int SEEN_CHARS = 120;

    /**
     * What one poll saw.
     *
     * @param passed whether the service counts as ready
     * @param seen when passed, what passed ({@code http 200 from /healthz}); otherwise what was seen
     *     instead ({@code http 503: {"status":"STARTING"}}, {@code connection refused})
     * @param answered whether the service answered without being ready (an HTTP status it does not
     *     accept yet): only then does the poller back off, since polling a port that refuses
     *     connections costs next to nothing and the service should be seen ready as soon as it
     *     listens
     */
    record Poll(boolean passed, String seen, boolean answered) {
        /** A poll that passed, or one the service did not answer. */
        Poll(boolean passed, String seen) {
            this(passed, seen, false);
        }
    }

    /**
     * Polls once. Never throws for what the service does: a connection error is a failed poll.
     *
     * @param timeout how long this poll may take at most
     * @return what it saw
     */
    Poll poll(Duration timeout);

    /**
     * The check of a resolved probe (placeholders already replaced).
     *
     * @param probe the probe
     * @param combinedLog the service's combined log, which a {@link Readiness.Log} probe follows
     * @return a check ready to poll
     * @throws IllegalArgumentException if the probe's URL, address or regex is malformed; the message
     *     names it
     */
    static ReadinessCheck of(Readiness.Probe probe, Path combinedLog) {
        if (probe instanceof Readiness.Http http) {
            return new HttpCheck(http);
        }
        if (probe instanceof Readiness.Tcp tcp) {
            return new TcpCheck(tcp);
        }
        return new LogCheck((Readiness.Log) probe, combinedLog);
    }

    /**
     * A connection error as a poll shows it: {@code connection refused}, {@code no connection within
     * 2s}, {@code no answer within 5s}, {@code unknown host db.invalid}, or the exception's own
     * message.
     *
     * @param e what the connection attempt or the request threw
     * @param timeout the timeout it had
     * @return the error, in lower case where it is ours
     */
    static String connectionError(IOException e, Duration timeout) {
        String message = e.getMessage();
        if (e instanceof ConnectException
                && (message == null || message.toLowerCase(Locale.ROOT).contains("refused"))) {
            return "connection refused";
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof SocketTimeoutException) {
            return "no connection within " + Durations.format(timeout);
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + Durations.format(timeout);
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + message;
        }
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
