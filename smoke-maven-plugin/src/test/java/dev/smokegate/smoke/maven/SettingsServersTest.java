package dev.smokegate.smoke.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.ServerCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

/**
 * The mapping from settings.xml servers to logins, with a decrypter that stands in for Maven's:
 * it turns {@code {enc}} into {@code plain} and fails on {@code {broken}}, as Maven's {@code
 * DefaultSettingsDecrypter} does (the server comes back with its password unchanged, plus a
 * problem). The real decryption is exercised by the forked-Maven IT.
 */
class SettingsServersTest {

    private final List<String> decrypted = new ArrayList<>();

    private final SettingsDecrypter decrypter = request -> {
        List<Server> servers = new ArrayList<>();
        List<SettingsProblem> problems = new ArrayList<>();
        for (Server server : request.getServers()) {
            decrypted.add(server.getId());
            Server copy = server.clone();
            if ("{enc}".equals(server.getPassword())) {
                copy.setPassword("plain");
            } else if ("{broken}".equals(server.getPassword())) {
                problems.add(new DefaultSettingsProblem(
                        "Failed to decrypt password for server " + server.getId() + ": bad master password",
                        SettingsProblem.Severity.ERROR,
                        "server: " + server.getId(),
                        -1,
                        -1,
                        null));
            }
            servers.add(copy);
        }
        return result(servers, problems);
    };

    private static Server server(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        return server;
    }

    @Test
    void of_serversWithUsernames_decryptedEachOnItsOwn() {
        Settings settings = new Settings();
        settings.addServer(server("git.example.org", "ci", "{enc}"));
        settings.addServer(server("deploy", "ci", "{broken}"));
        settings.addServer(server("plain.example.org", "bot", "pw"));
        settings.addServer(server("token-only", null, "x"));

        Map<String, ServerCredentials> servers = SettingsServers.of(settings, decrypter);

        assertThat(servers)
                .containsOnlyKeys("git.example.org", "deploy", "plain.example.org")
                .containsEntry("git.example.org", new ServerCredentials("git.example.org", "ci", "plain"))
                .containsEntry("plain.example.org", new ServerCredentials("plain.example.org", "bot", "pw"))
                .containsEntry(
                        "deploy",
                        new ServerCredentials(
                                "deploy",
                                "ci",
                                "",
                                "Failed to decrypt password for server deploy: bad master password"));
        assertThat(decrypted).containsExactly("git.example.org", "deploy", "plain.example.org");
    }

    @Test
    void of_noSettings_empty() {
        assertThat(SettingsServers.of(null, decrypter)).isEmpty();
        assertThat(SettingsServers.of(new Settings(), decrypter)).isEmpty();
    }

    private static SettingsDecryptionResult result(List<Server> servers, List<SettingsProblem> problems) {
        return new SettingsDecryptionResult() {
            @Override
            public Server getServer() {
                return servers.isEmpty() ? null : servers.get(0);
            }

            @Override
            public List<Server> getServers() {
                return servers;
            }

            @Override
            public Proxy getProxy() {
                return null;
            }

            @Override
            public List<Proxy> getProxies() {
                return List.of();
            }

            @Override
            public List<SettingsProblem> getProblems() {
                return problems;
            }
        };
    }
}
