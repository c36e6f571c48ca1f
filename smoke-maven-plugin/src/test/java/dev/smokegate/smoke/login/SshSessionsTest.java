package dev.smokegate.smoke.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.maven.MavenFrontEnd;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SshSessionsTest {

    @Test
    void isSsh_recognisesSshAndScpLikeUrlsOnly() {
        assertThat(SshSessions.isSsh("ssh://git@example.org/x.git")).isTrue();
        assertThat(SshSessions.isSsh("git+ssh://example.org/x.git")).isTrue();
        assertThat(SshSessions.isSsh("git@example.org:team/x.git")).isTrue();
        assertThat(SshSessions.isSsh("file:///srv/x.git")).isFalse();
        assertThat(SshSessions.isSsh("https://example.org/x.git")).isFalse();
        assertThat(SshSessions.isSsh("/srv/x.git")).isFalse();
    }

    @Test
    void hint_namesTheDirectoryAndTheFrontEndsSetting() {
        assertThat(SshSessions.hint(Path.of("/keys"), MavenFrontEnd.INSTANCE))
                .isEqualTo("ssh reads its keys, known_hosts and config from /keys (-Dsmoke.sshDirectory): the"
                        + " server's host key must be in known_hosts (for example from ssh-keyscan), and a key the"
                        + " server accepts must be there without a passphrase; the gate never prompts.");
    }
}
