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

class UrlLoginTest {

    @Test
    void of_httpUrlWithPassword_splitsItOffAndKeepsTheUser() {
        UrlLogin login = UrlLogin.of("http://user:s3cretpw@127.0.0.1:1/x.git");

        assertThat(login.url()).isEqualTo("http://user@127.0.0.1:1/x.git");
        assertThat(login.username()).isEqualTo("user");
        assertThat(login.password()).isEqualTo("s3cretpw");
        assertThat(login.toString()).isEqualTo("UrlLogin[http://user@127.0.0.1:1/x.git, password=***]");
    }

    @Test
    void of_percentEncodedPasswordWithPlus_decodedForTheLogin() {
        UrlLogin login = UrlLogin.of("https://ci%2Bbot:p%40ss+w%3Ard@host/team/app.git?x=1");

        assertThat(login.url()).isEqualTo("https://ci%2Bbot@host/team/app.git?x=1");
        assertThat(login.username()).isEqualTo("ci+bot");
        assertThat(login.password()).isEqualTo("p@ss+w:rd");
    }

    @Test
    void of_tokenWithoutUser_dropsTheUserinfo() {
        UrlLogin login = UrlLogin.of("https://:tok-12345@host/x.git");

        assertThat(login.url()).isEqualTo("https://host/x.git");
        assertThat(login.username()).isNull();
        assertThat(login.password()).isEqualTo("tok-12345");
    }

    @Test
    void of_sshAndScpLikeWithPassword_splitsItOff() {
        assertThat(UrlLogin.of("ssh://git:hunter22@host:2222/r.git").url()).isEqualTo("ssh://git@host:2222/r.git");
        UrlLogin scp = UrlLogin.of("git:hunter22@host:team/r.git");
        assertThat(scp.url()).isEqualTo("git@host:team/r.git");
        assertThat(scp.password()).isEqualTo("hunter22");
    }

    @Test
    void of_urlsWithoutPassword_keptExactly() {
        for (String url : new String[] {
            "https://ci@host/x.git",
            "git@host:team/r.git",
            "file:///tmp/a@b/r.git",
            "/tmp/repos/r.git",
            "https://host:8443/@scope/r.git"
        }) {
            UrlLogin login = UrlLogin.of(url);
            assertThat(login.url()).as(url).isEqualTo(url);
            assertThat(login.hasPassword()).as(url).isFalse();
        }
    }

    @Test
    void provider_urlsOwnHost_answersWithItsLogin() throws Exception {
        CredentialsProvider provider =
                UrlLogin.of("http://user:s3cretpw@127.0.0.1:8080/x.git").provider(null);
        CredentialItem.Username user = new CredentialItem.Username();
        CredentialItem.Password password = new CredentialItem.Password();

        assertThat(provider.get(new URIish("http://user@127.0.0.1:8080/x.git"), user, password))
                .isTrue();
        assertThat(user.getValue()).isEqualTo("user");
        assertThat(new String(password.getValue())).isEqualTo("s3cretpw");
        assertThat(provider.isInteractive()).isFalse();
    }

    @Test
    void provider_anotherHostOrPort_asksTheOthersOnly() throws Exception {
        SettingsLogins settings = new SettingsLogins(
                Map.of("other.example.org", new ServerCredentials("other.example.org", "bot", "settings-pw")),
                MavenFrontEnd.INSTANCE);
        CredentialsProvider provider = UrlLogin.of("https://user:s3cretpw@git.example.org/x.git")
                .provider(settings.provider("clone [x]", new RecordingLog()));
        CredentialItem.Username user = new CredentialItem.Username();
        CredentialItem.Password password = new CredentialItem.Password();

        assertThat(provider.get(new URIish("https://git.example.org:8443/x.git"), user, password))
                .as("another port is another server")
                .isFalse();
        assertThat(provider.get(new URIish("https://other.example.org/x.git"), user, password))
                .isTrue();
        assertThat(user.getValue()).isEqualTo("bot");
        assertThat(new String(password.getValue())).isEqualTo("settings-pw");
    }

    @Test
    void provider_noPassword_isTheOthers() {
        CredentialsProvider others =
                new SettingsLogins(Map.of(), MavenFrontEnd.INSTANCE).provider("clone [x]", new RecordingLog());

        assertThat(UrlLogin.of("https://ci@host/x.git").provider(others)).isSameAs(others);
        assertThat(UrlLogin.of("https://host/x.git").provider(null)).isNull();
    }
}
