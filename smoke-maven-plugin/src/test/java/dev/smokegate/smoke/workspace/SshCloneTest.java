package dev.smokegate.smoke.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.fixtures.SshGitServer;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clones over {@code ssh://} from a git server this test starts on 127.0.0.1 ({@link
 * SshGitServer}: JGit's ssh test server on Apache MINA sshd) serving a bare mirror of the greeter
 * fixture. The client side is the plugin's own: {@link CloneCache} with an ssh directory holding an
 * RSA key and a {@code known_hosts} entry, as {@code -Dsmoke.sshDirectory} gives it.
 */
class SshCloneTest extends RemoteCloneContract {
    private SshGitServer server;

    @BeforeEach
    void serve() throws IOException {
        createRemote();
        server = SshGitServer.start(remote, tmp.resolve("ssh"));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Override
    String url() {
        return server.url("greeter.git");
    }

    @Override
    void stopServer() throws IOException {
        server.close();
    }

    @Override
    CloneCache cache() {
        return new CloneCache(
                tmp.resolve("cache"),
                false,
                server.sshDirectory(),
                Map.of(),
                MavenFrontEnd.INSTANCE,
                new RecordingLog());
    }

    /** The hint every ssh failure ends with. */
    private String sshHint() {
        return " Check the URL, the network and your credentials. ssh reads its keys, known_hosts and config from "
                + server.sshDirectory() + " (-Dsmoke.sshDirectory): the server's host key must be in known_hosts"
                + " (for example from ssh-keyscan), and a key the server accepts must be there without a passphrase;"
                + " the gate never prompts.";
    }

    /** Clones and expects the host key to be refused, with nothing left behind. */
    private void assertHostKeyRefused() {
        CloneCache cache = cache();

        WorkspaceException e = catchThrowableOfType(
                WorkspaceException.class, () -> cache.cloneInto(url(), FixtureRepos.TAG, tmp.resolve("ws")));

        assertThat(e.reason()).isEqualTo(WorkspaceException.Reason.UNREACHABLE);
        assertThat(e.getMessage())
                .isEqualTo("clone [" + url() + "]: the repository cannot be reached: Server key did not validate."
                        + sshHint());
        assertThat(tmp.resolve("ws")).isEmptyDirectory();
        assertThat(cache.mirrorOf(url())).doesNotExist();
    }

    @Test
    void cloneInto_hostKeyChanged_refusedWithoutPromptingAndNamesTheFix() throws Exception {
        server.distrustHostKey();

        assertHostKeyRefused();
    }

    @Test
    void cloneInto_hostKeyUnknown_refusedWithoutPromptingAndNothingLearned() throws Exception {
        server.forgetHostKeys();

        assertHostKeyRefused();

        assertThat(server.sshDirectory().resolve("known_hosts"))
                .as("nothing is added to known_hosts without asking")
                .isEmptyFile();
    }

    @Test
    void cloneInto_keyTheServerDoesNotAccept_refusedAndNamesTheFix() throws Exception {
        server.replaceUserKey();
        CloneCache cache = cache();

        WorkspaceException e = catchThrowableOfType(
                WorkspaceException.class, () -> cache.cloneInto(url(), FixtureRepos.TAG, tmp.resolve("ws")));

        assertThat(e.reason()).isEqualTo(WorkspaceException.Reason.UNREACHABLE);
        assertThat(e.getMessage())
                .contains("Cannot log in at 127.0.0.1:" + server.port())
                .contains("server refused ssh-rsa key " + server.sshDirectory().resolve("id_rsa"))
                .endsWith(sshHint());
        assertThat(cache.mirrorOf(url())).doesNotExist();
    }
}
