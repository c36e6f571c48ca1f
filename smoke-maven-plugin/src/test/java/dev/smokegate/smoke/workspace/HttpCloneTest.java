package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.fixtures.HttpGitServer;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.ServerCredentials;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clones over {@code http://} from a git server this test starts on 127.0.0.1 ({@link
 * HttpGitServer}: git's "dumb" HTTP protocol from the JDK's HTTP server), openly and behind HTTP
 * Basic authentication, with the login taken from a settings.xml {@code <server>}.
 */
class HttpCloneTest extends RemoteCloneContract {
    private static final String USER = "ci";
    private static final String PASSWORD = "s3cret";

    private HttpGitServer server;

    @BeforeEach
    void serve() throws IOException {
        createRemote();
        server = HttpGitServer.start(remote, "greeter", USER, PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    String url() {
        return server.url();
    }

    @Override
    CloneCache cache() {
        return cacheWith(Map.of());
    }

    @Override
    void stopServer() {
        server.close();
    }

    private String privateUrl() {
        return server.privateUrl();
    }

    private String hostAndPort() {
        return server.hostAndPort();
    }

    private final RecordingLog log = new RecordingLog();

    private CloneCache cacheWith(Map<String, ServerCredentials> servers) {
        return new CloneCache(tmp.resolve("cache"), false, null, servers, MavenFrontEnd.INSTANCE, log);
    }

    @Test
    void cloneInto_loginNeeded_usesTheSettingsServerNamedHostAndPort() throws Exception {
        String id = hostAndPort();
        CloneCache cache = cacheWith(Map.of(id, new ServerCredentials(id, USER, PASSWORD)));

        CloneReport report = cache.cloneInto(privateUrl(), FixtureRepos.TAG, tmp.resolve("ws"));

        assertThat(report.fetched()).isTrue();
        assertThat(report.commit())
                .isEqualTo(
                        ok(remote, "rev-parse", FixtureRepos.TAG + "^{commit}").trim());
        assertThat(tmp.resolve("ws").resolve(FixtureRepos.GREETER_SOURCE)).exists();
        assertThat(ok(tmp.resolve("ws"), "config", "--list"))
                .as("the password is never written into the workspace or the mirror")
                .doesNotContain(PASSWORD);
        assertThat(ok(cache.mirrorOf(privateUrl()), "config", "--list")).doesNotContain(PASSWORD);
        assertThat(log.at("WARN"))
                .containsExactly("clone [" + privateUrl() + "]: sending the login of <server> " + id + " to " + id
                        + " over plain http://, readable by anyone on the way. Use https:// for repositories that"
                        + " need a login.");
        assertThat(log.lines()).noneSatisfy(line -> assertThat(line).contains(PASSWORD));
    }

    @Test
    void cloneInto_redirectToAnotherHost_neverSendsThisHostsLoginThere() throws Exception {
        try (HttpGitServer moved = HttpGitServer.start(remote, "moved", USER, PASSWORD)) {
            // this server redirects to the other one's login-protected path; the other accepts the
            // same username and password, so the clone could only pass if they were sent there
            String redirecting = server.redirect("old", moved.privateUrl());
            String id = server.hostAndPort();
            CloneCache cache = cacheWith(Map.of(id, new ServerCredentials(id, USER, PASSWORD)));

            WorkspaceException e = catchThrowableOfType(
                    WorkspaceException.class, () -> cache.cloneInto(redirecting, FixtureRepos.TAG, tmp.resolve("ws")));

            assertThat(e.reason()).isEqualTo(WorkspaceException.Reason.UNREACHABLE);
            assertThat(log.lines()).noneSatisfy(line -> assertThat(line).contains("sending the login"));
        }
    }

    @Test
    void cloneInto_redirectToAnotherHostWithItsOwnServer_logsInThereWithThatServer() throws Exception {
        try (HttpGitServer moved = HttpGitServer.start(remote, "moved", USER, PASSWORD)) {
            String redirecting = server.redirect("old", moved.privateUrl());
            String id = moved.hostAndPort();
            CloneCache cache = cacheWith(Map.of(id, new ServerCredentials(id, USER, PASSWORD)));

            CloneReport report = cache.cloneInto(redirecting, FixtureRepos.TAG, tmp.resolve("ws"));

            assertThat(report.commit())
                    .isEqualTo(ok(remote, "rev-parse", FixtureRepos.TAG + "^{commit}")
                            .trim());
            assertThat(log.at("WARN")).singleElement().asString().contains("<server> " + id + " to " + id);
        }
    }

    @Test
    void cloneInto_serverWhosePasswordCannotBeDecrypted_sendsNoLoginAndSaysWhy() {
        String id = hostAndPort();
        CloneCache cache = cacheWith(
                Map.of(id, new ServerCredentials(id, USER, "", "Failed to decrypt password for server " + id)));

        WorkspaceException e = catchThrowableOfType(
                WorkspaceException.class, () -> cache.cloneInto(privateUrl(), FixtureRepos.TAG, tmp.resolve("ws")));

        assertThat(e.reason()).isEqualTo(WorkspaceException.Reason.UNREACHABLE);
        assertThat(e.getMessage())
                .endsWith(" The password of <server> " + id + " in settings.xml cannot be decrypted (Failed to decrypt"
                        + " password for server " + id + "), so no login was sent; fix the password or"
                        + " settings-security.xml.");
    }

    @Test
    void cloneInto_loginNeededAndNoServer_unreachableNamingTheServerIdToAdd() {
        CloneCache cache = cacheWith(Map.of());

        WorkspaceException e = catchThrowableOfType(
                WorkspaceException.class, () -> cache.cloneInto(privateUrl(), FixtureRepos.TAG, tmp.resolve("ws")));

        assertThat(e.reason()).isEqualTo(WorkspaceException.Reason.UNREACHABLE);
        assertThat(e.getMessage())
                .startsWith("clone [" + privateUrl() + "]: the repository cannot be reached: ")
                .contains("not authorized")
                .endsWith(" A repository that needs a login takes its username and password from a <server> in"
                        + " settings.xml whose id is " + hostAndPort() + ".");
    }

    @Test
    void cloneInto_wrongPassword_unreachableNamingTheServerUsed() {
        CloneCache cache = cacheWith(Map.of("127.0.0.1", new ServerCredentials("127.0.0.1", USER, "wrong")));

        WorkspaceException e = catchThrowableOfType(
                WorkspaceException.class, () -> cache.cloneInto(privateUrl(), FixtureRepos.TAG, tmp.resolve("ws")));

        assertThat(e.reason()).isEqualTo(WorkspaceException.Reason.UNREACHABLE);
        assertThat(e.getMessage())
                .contains("not authorized")
                .endsWith(" The username and password came from <server> 127.0.0.1 in settings.xml.")
                .doesNotContain("wrong");
    }
}
