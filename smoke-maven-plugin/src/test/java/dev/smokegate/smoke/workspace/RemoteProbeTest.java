package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.fixtures.HttpGitServer;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.HostCheck.Verdict;
import dev.smokegate.smoke.model.ServerCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CloneCache#probe}: {@code ls-remote} over http with the clones' logins, and a server that
 * never answers; the doctor's tests cover {@code file://}, the cache and offline mode.
 */
@Timeout(60)
class RemoteProbeTest {
    private static final String USER = "ci";
    private static final String PASSWORD = "s3cret";

    @TempDir
    Path tmp;

    private Path remote;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void remote() throws IOException {
        remote = FixtureRepos.bareMirror(FixtureRepos.greeter(tmp.resolve("greeter")), tmp.resolve("remote.git"));
    }

    private CloneCache cache(Map<String, ServerCredentials> servers) {
        return new CloneCache(tmp.resolve("cache"), false, null, servers, MavenFrontEnd.INSTANCE, log);
    }

    @Test
    void probe_loginNeeded_usesTheSettingsServerAndCreatesNoCache() throws Exception {
        try (HttpGitServer server = HttpGitServer.start(remote, "greeter", USER, PASSWORD)) {
            String id = server.hostAndPort();

            HostCheck row = cache(Map.of(id, new ServerCredentials(id, USER, PASSWORD)))
                    .probe(server.privateUrl(), FixtureRepos.TAG, Duration.ofSeconds(10));

            String commit =
                    ok(remote, "rev-parse", FixtureRepos.TAG + "^{commit}").strip();
            assertThat(row)
                    .isEqualTo(new HostCheck(
                            "repository " + server.privateUrl() + " at v1.0",
                            Verdict.PASS,
                            null,
                            "reachable; v1.0 is " + commit.substring(0, 12)));
            assertThat(tmp.resolve("cache")).doesNotExist();
            assertThat(log.lines()).noneSatisfy(line -> assertThat(line).contains(PASSWORD));
        }
    }

    @Test
    void probe_loginNeededAndNoServer_failsNamingTheServerIdToAdd() throws Exception {
        try (HttpGitServer server = HttpGitServer.start(remote, "greeter", USER, PASSWORD)) {

            HostCheck row = cache(Map.of()).probe(server.privateUrl(), null, Duration.ofSeconds(10));

            assertThat(row.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(row.rule()).isEqualTo("host.unreachable");
            assertThat(row.detail())
                    .startsWith("cannot be reached: ")
                    .contains("not authorized")
                    .endsWith(", and the clone cache has no default branch (HEAD) of it. Check the URL, the network"
                            + " and your credentials. A repository that needs a login takes its username and password"
                            + " from a <server> in settings.xml whose id is " + server.hostAndPort() + ".");
        }
    }

    @Test
    void probe_serverThatNeverAnswers_failsAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/greeter.git";

            HostCheck row = cache(Map.of()).probe(url, "main", Duration.ofMillis(500));

            assertThat(row)
                    .isEqualTo(new HostCheck(
                            "repository " + url + " at main",
                            Verdict.FAIL,
                            "host.unreachable",
                            "cannot be reached: no answer within 500ms, and the clone cache has no branch or tag"
                                    + " 'main' of it. Check the URL and the network, or raise the probe timeout."));
            silent.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
