package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.fixtures.HttpGitServer;
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

    private CloneCache cacheWith(Map<String, ServerCredentials> servers) {
        return new CloneCache(tmp.resolve("cache"), false, null, servers, new RecordingLog());
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
    }

    @Test
    void cloneInto_loginNeededAndNoServer_unreachableNamingTheServerIdToAdd() {
        CloneCache cache = cacheWith(Map.of());

        WorkspaceException e = catchThrowableOfType(
                WorkspaceException.class, () -> cache.cloneInto(privateUrl(), FixtureRepos.TAG, tmp.resolve("ws")));

        assertThat(e.reason()).isEqualTo(WorkspaceException.Reason.UNREACHABLE);
        assertThat(e.getMessage())
                .startsWith("clone [" + privateUrl() + "]: the repository cannot be reached: ")
                .contains("Authentication is required")
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

    @Test
    void credentialsFor_hostAndPortBeforeHost_httpOnly() {
        ServerCredentials exact = new ServerCredentials("git.example.org:8443", "a", "x");
        ServerCredentials host = new ServerCredentials("git.example.org", "b", "y");
        CloneCache cache = cacheWith(Map.of(exact.serverId(), exact, host.serverId(), host));

        assertThat(cache.credentialsFor("https://git.example.org:8443/team/app.git"))
                .isEqualTo(exact);
        assertThat(cache.credentialsFor("https://git.example.org/team/app.git")).isEqualTo(host);
        assertThat(cache.credentialsFor("http://git.example.org:8080/team/app.git"))
                .isEqualTo(host);
        assertThat(cache.credentialsFor("https://other.example.org/team/app.git"))
                .isNull();
        assertThat(cache.credentialsFor("ssh://git.example.org/team/app.git")).isNull();
        assertThat(cache.credentialsFor("file:///srv/app.git")).isNull();
    }

    @Test
    void serverCredentials_toString_hidesThePassword() {
        assertThat(new ServerCredentials("git.example.org", "ci", "s3cret"))
                .hasToString("ServerCredentials[git.example.org, username=ci, password=***]");
    }
}
