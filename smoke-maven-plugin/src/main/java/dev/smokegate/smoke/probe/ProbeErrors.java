package dev.smokegate.smoke.probe;

import dev.smokegate.smoke.model.Durations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;

/**
 * Words why a probe got no answer, the same way for HTTP and TCP: {@code connection refused},
 * {@code connect timed out after 10s}, {@code unknown host db.internal}. The JDK often throws these
 * without a message (a {@link ConnectException} from {@code HttpClient} has none), so the kind of
 * exception decides the words.
 */
final class ProbeErrors {

    private ProbeErrors() {}

    /**
     * @param e what connecting or exchanging threw
     * @param host the host that was asked, for an unknown host
     * @param timeout the probe's timeout, for a time-out
     * @return the words, lower case, without a final period
     */
    static String describe(IOException e, String host, Duration timeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + Durations.format(timeout);
        }
        if (e instanceof HttpTimeoutException || e instanceof SocketTimeoutException) {
            return (e.getMessage() != null
                                    && e.getMessage().toLowerCase(Locale.ROOT).contains("connect")
                            ? "connect timed out after "
                            : "timed out after ")
                    + Durations.format(timeout);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "unknown host " + host;
            }
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host " + host;
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
