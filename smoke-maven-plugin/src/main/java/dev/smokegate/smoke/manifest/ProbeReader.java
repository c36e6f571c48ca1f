package dev.smokegate.smoke.manifest;

import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.HttpCall;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.tomlj.TomlTable;

/**
 * The rules of the two probe actions of a step: an {@code http} table, which sends one request
 * ({@link Action.Http}), and a {@code tcp} table, which opens a connection and may send text ({@link
 * Action.Tcp}).
 *
 * <p>An http step sets exactly one of {@code http.get}, {@code http.post}, {@code http.put} and
 * {@code http.delete} to an {@code http(s)://} URL, at most one of {@code http.body} and {@code
 * http.body-file} (a path inside the workspace, relative to the step's {@code cwd}), {@code
 * http.headers} that Java's HTTP client accepts, and {@code http.timeout} (default {@link
 * HttpCall#DEFAULT_TIMEOUT}). A tcp step sets {@code tcp.connect} to {@code host:port}, and may set
 * {@code tcp.send} and {@code tcp.timeout} (default {@link Action.Tcp#DEFAULT_TIMEOUT}).
 */
final class ProbeReader {
    private static final List<String> METHODS = List.of("get", "post", "put", "delete");
    private static final Set<String> HTTP_KEYS =
            Set.of("get", "post", "put", "delete", "body", "body-file", "headers", "timeout");
    private static final Set<String> TCP_KEYS = Set.of("connect", "send", "timeout");

    private final TomlReader toml;
    private final ValueChecks checks;

    /**
     * @param toml the load's reader, where problems go
     * @param checks the shared value checks
     */
    ProbeReader(TomlReader toml, ValueChecks checks) {
        this.toml = toml;
        this.checks = checks;
    }

    /**
     * @param step the step table
     * @param context the step, as messages name it ({@code scenario › step})
     * @return the {@code http} action; {@code null} when it has a problem
     */
    Action http(TomlTable step, String context) {
        return toml.whole(
                step, "http", context, HTTP_KEYS, (http, httpContext) -> http(step, http, context, httpContext));
    }

    /**
     * @param step the step table
     * @param context the step, as messages name it ({@code scenario › step})
     * @return the {@code tcp} action; {@code null} when it has a problem
     */
    Action tcp(TomlTable step, String context) {
        return toml.whole(step, "tcp", context, TCP_KEYS, (tcp, tcpContext) -> tcp(step, tcp, context, tcpContext));
    }

    private Supplier<Action> http(TomlTable step, TomlTable http, String context, String httpContext) {
        String method = toml.oneOf(
                http,
                METHODS,
                "http.",
                context,
                context + " sends no request. Set one of http.get, http.post, http.put or http.delete to the URL.",
                toml.at(step, "http"),
                "A step sends one request: split it into several steps.");
        String url = method == null ? null : toml.text(http, method, httpContext);
        if (url != null) {
            checks.url(http, method, "http." + method, url, context);
        }
        String body = toml.text(http, "body", httpContext);
        String bodyFile = toml.text(http, "body-file", httpContext);
        if (body != null && bodyFile != null) {
            toml.bothSet(http, "http.", "body", "body-file", context, "the body as text, or a file that holds it");
        } else if (bodyFile != null) {
            checks.insideWorkspace(http, "body-file", bodyFile, httpContext);
        }
        Map<String, String> headers = toml.textTable(http, "headers", httpContext);
        if (http.get(List.of("headers")) instanceof TomlTable table) {
            checks.headerNames(table, "http.headers", context, true);
        }
        Duration timeout = toml.duration(http, "timeout", httpContext);
        if (url == null) {
            return null;
        }
        return () -> new Action.Http(new HttpCall(
                method.toUpperCase(Locale.ROOT),
                url,
                body,
                bodyFile,
                headers,
                timeout == null ? HttpCall.DEFAULT_TIMEOUT : timeout));
    }

    private Supplier<Action> tcp(TomlTable step, TomlTable tcp, String context, String tcpContext) {
        if (tcp.get(List.of("connect")) == null) {
            toml.problem(
                    toml.at(step, "tcp"),
                    context + " connects nowhere. Set tcp.connect = \"host:port\", e.g. \"127.0.0.1:${port.db}\".");
        }
        String address = toml.text(tcp, "connect", tcpContext);
        if (address != null) {
            checks.address(tcp, "connect", "tcp.connect", address, context);
        }
        String send = toml.text(tcp, "send", tcpContext);
        Duration timeout = toml.duration(tcp, "timeout", tcpContext);
        if (address == null) {
            return null;
        }
        return () -> new Action.Tcp(address, send, timeout == null ? Action.Tcp.DEFAULT_TIMEOUT : timeout);
    }
}
