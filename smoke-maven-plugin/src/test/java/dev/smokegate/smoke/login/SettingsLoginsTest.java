package dev.smokegate.smoke.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.ServerCredentials;
import java.util.Map;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

class SettingsLoginsTest {
    private static final ServerCredentials EXACT = new ServerCredentials("git.example.org:8443", "a", "x");
    private static final ServerCredentials HOST = new ServerCredentials("Git.Example.org", "b", "y");

    private final SettingsLogins logins =
            new SettingsLogins(Map.of(EXACT.serverId(), EXACT, HOST.serverId(), HOST), MavenFrontEnd.INSTANCE);

    @Test
    void forUrl_hostAndPortBeforeHost_httpOnly_caseInsensitiveHost() {
        assertThat(logins.forUrl("https://git.example.org:8443/team/app.git")).isEqualTo(EXACT);
        assertThat(logins.forUrl("https://git.example.org/team/app.git")).isEqualTo(HOST);
        assertThat(logins.forUrl("https://GIT.EXAMPLE.ORG/team/app.git")).isEqualTo(HOST);
        assertThat(logins.forUrl("http://git.example.org:8080/team/app.git")).isEqualTo(HOST);
        assertThat(logins.forUrl("https://other.example.org/team/app.git")).isNull();
        assertThat(logins.forUrl("ssh://git.example.org/team/app.git")).isNull();
        assertThat(logins.forUrl("git@git.example.org:team/app.git")).isNull();
        assertThat(logins.forUrl("file:///srv/app.git")).isNull();
    }

    @Test
    void forUrl_ipv6Host_idIsBracketedAddressAndPort() {
        ServerCredentials loopback = new ServerCredentials("[::1]:8080", "c", "z");

        assertThat(new SettingsLogins(Map.of(loopback.serverId(), loopback), MavenFrontEnd.INSTANCE)
                        .forUrl("http://[::1]:8080/app.git"))
                .isEqualTo(loopback);
        assertThat(new SettingsLogins(Map.of(), MavenFrontEnd.INSTANCE).hint("http://[::1]:8080/app.git"))
                .endsWith("whose id is [::1]:8080.");
    }

    @Test
    void provider_answersOnlyForTheHostItsServerNames_andNeverPrompts() throws Exception {
        CredentialsProvider provider = logins.provider("clone [x]", new RecordingLog());
        CredentialItem.Username user = new CredentialItem.Username();
        CredentialItem.Password password = new CredentialItem.Password();

        assertThat(provider.isInteractive()).isFalse();
        assertThat(provider.supports(user, password)).isTrue();
        assertThat(provider.supports(new CredentialItem.YesNoType("trust?"))).isFalse();
        assertThat(provider.get(new URIish("https://elsewhere.example.org/app.git"), user, password))
                .isFalse();
        assertThat(user.getValue()).isNull();
        assertThat(provider.get(new URIish("https://git.example.org:8443/app.git"), user, password))
                .isTrue();
        assertThat(user.getValue()).isEqualTo("a");
        assertThat(password.getValue()).containsExactly('x');
    }

    @Test
    void hint_namesTheServerUsedOrTheIdToAdd_nullForOtherSchemes() {
        assertThat(logins.hint("https://git.example.org/app.git"))
                .isEqualTo("The username and password came from <server> Git.Example.org in settings.xml.");
        assertThat(logins.hint("https://new.example.org:9443/app.git"))
                .isEqualTo("A repository that needs a login takes its username and password from a <server> in"
                        + " settings.xml whose id is new.example.org:9443.");
        assertThat(logins.hint("file:///srv/app.git")).isNull();
    }

    @Test
    void serverCredentials_toString_hidesThePassword() {
        assertThat(new ServerCredentials("git.example.org", "ci", "s3cret"))
                .hasToString("ServerCredentials[git.example.org, username=ci, password=***]");
    }
}
