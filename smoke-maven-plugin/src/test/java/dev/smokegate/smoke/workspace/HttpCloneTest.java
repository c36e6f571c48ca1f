package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.smokegate.fixtures.FixtureRepos;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clone over {@code http://} from a git server this test starts on 127.0.0.1: the JDK's HTTP
 * server serving a bare repository as static files, git's "dumb" HTTP protocol (after {@code git
 * update-server-info}), which JGit's HTTP transport speaks.
 */
@Timeout(120)
class HttpCloneTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private Path remote;

    @BeforeEach
    void serve() throws IOException {
        remote = FixtureRepos.bareMirror(FixtureRepos.greeter(tmp.resolve("greeter")), tmp.resolve("remote.git"));
        ok(remote, "update-server-info");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/greeter.git/", this::file);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void file(HttpExchange exchange) throws IOException {
        String relative = exchange.getRequestURI().getPath().substring("/greeter.git/".length());
        Path file = remote.resolve(relative).normalize();
        try (exchange) {
            if (!file.startsWith(remote) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/greeter.git";
    }

    @Test
    void cloneInto_httpUrlAtTag_clonesThroughTheMirrorCache() throws Exception {
        Path workspace = tmp.resolve("ws");
        CloneCache cache = new CloneCache(tmp.resolve("cache"), false, new RecordingLog());

        CloneReport report = cache.cloneInto(url(), FixtureRepos.TAG, workspace);

        assertThat(report.fetched()).isTrue();
        assertThat(report.commit())
                .isEqualTo(
                        ok(remote, "rev-parse", FixtureRepos.TAG + "^{commit}").trim());
        assertThat(ok(workspace, "rev-parse", "HEAD").trim()).isEqualTo(report.commit());
        assertThat(ok(workspace, "config", "--get", "remote.origin.url").trim()).isEqualTo(url());
        assertThat(workspace.resolve(FixtureRepos.GREETER_SOURCE)).exists();
        assertThat(ok(workspace, "status", "--porcelain")).isEmpty();
    }

    @Test
    void cloneInto_pinnedShaAgainAfterTheServerStopped_noNetworkNeeded() throws Exception {
        CloneCache cache = new CloneCache(tmp.resolve("cache"), false, new RecordingLog());
        String sha = ok(remote, "rev-parse", "main").trim();
        cache.cloneInto(url(), sha, tmp.resolve("first"));
        server.stop(0);

        CloneReport again = cache.cloneInto(url(), sha, tmp.resolve("second"));

        assertThat(again.fetched()).isFalse();
        assertThat(again.commit()).isEqualTo(sha);
        assertThat(tmp.resolve("second").resolve(FixtureRepos.CHANGELOG)).exists();
    }
}
