package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.fixtures.HttpGitServer;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clone URL with a password ({@code http://ci:pw@host/…}) against a server that needs it: the
 * password reaches the server as a login, and no file of the cache or the workspace holds it.
 */
class UrlPasswordCloneTest {
    private static final String USER = "ci";
    private static final String PASSWORD = "s3cretpw";

    @TempDir
    Path tmp;

    private Path remote;
    private HttpGitServer server;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void serve() throws IOException {
        remote = FixtureRepos.bareMirror(FixtureRepos.greeter(tmp.resolve("greeter")), tmp.resolve("remote.git"));
        server = HttpGitServer.start(remote, "greeter", USER, PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String urlWithPassword() {
        return server.privateUrl().replace("http://", "http://" + USER + ":" + PASSWORD + "@");
    }

    private CloneCache cache() {
        return new CloneCache(tmp.resolve("cache"), false, null, Map.of(), MavenFrontEnd.INSTANCE, log);
    }

    @Test
    void cloneInto_passwordInUrl_logsInAndStoresNoPassword() throws Exception {
        CloneCache cache = cache();

        CloneReport report = cache.cloneInto(urlWithPassword(), FixtureRepos.TAG, tmp.resolve("ws"));

        assertThat(report.commit())
                .isEqualTo(
                        ok(remote, "rev-parse", FixtureRepos.TAG + "^{commit}").trim());
        String withUser = server.privateUrl().replace("http://", "http://" + USER + "@");
        assertThat(ok(report.mirror(), "config", "remote.origin.url").trim()).isEqualTo(withUser);
        assertThat(ok(tmp.resolve("ws"), "config", "remote.origin.url").trim()).isEqualTo(withUser);
        assertThat(report.mirror().getFileName().toString()).doesNotContain(PASSWORD);
        assertThat(cache.mirrorOf(urlWithPassword())).isEqualTo(cache.mirrorOf(withUser));
        assertThat(filesContaining(tmp.resolve("cache"), PASSWORD)).isEmpty();
        assertThat(filesContaining(tmp.resolve("ws"), PASSWORD)).isEmpty();
        assertThat(log.lines()).noneSatisfy(line -> assertThat(line).contains(PASSWORD));
    }

    @Test
    void cloneInto_wrongPasswordInUrl_failsNamingTheUrlWithoutIt() throws Exception {
        String wrong = server.privateUrl().replace("http://", "http://" + USER + ":wrong-pw@");

        WorkspaceException e = catchThrowableOfType(
                WorkspaceException.class, () -> cache().cloneInto(wrong, FixtureRepos.TAG, tmp.resolve("ws")));

        assertThat(e.reason()).isEqualTo(WorkspaceException.Reason.UNREACHABLE);
        assertThat(e.getMessage())
                .startsWith("clone [" + server.privateUrl().replace("http://", "http://" + USER + ":***@") + "]: ")
                .doesNotContain("wrong-pw");
        assertThat(filesContaining(tmp.resolve("cache"), "wrong-pw")).isEmpty();
    }

    /** Every regular file under {@code root} whose bytes or name contain {@code secret}. */
    static List<Path> filesContaining(Path root, String secret) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.exists(root)) {
            return found;
        }
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.toList()) {
                if (file.toString().contains(secret)) {
                    found.add(file);
                } else if (Files.isRegularFile(file) && indexOf(Files.readAllBytes(file), needle) >= 0) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
