package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.model.ServerCredentials;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The {@code <servers>} of {@code settings.xml} that carry a username, decrypted the way Maven
 * decrypts them for its own downloads ({@code settings-security.xml}, Maven's password
 * encryption), as {@link ServerCredentials} by server id.
 *
 * <p>Each server is decrypted on its own, so that a password that cannot be decrypted marks only
 * its server ({@link ServerCredentials#problem()}); such a server is never used to log in, and
 * the clone that would have used it says why. Servers that no clone uses cost nothing, so a broken
 * deploy server elsewhere in settings.xml does not warn on every build.
 */
final class SettingsServers {
    private SettingsServers() {}

    static Map<String, ServerCredentials> of(Settings settings, SettingsDecrypter decrypter) {
        Map<String, ServerCredentials> servers = new HashMap<>();
        if (settings == null) {
            return servers;
        }
        for (Server server : settings.getServers()) {
            if (server.getId() == null || server.getUsername() == null) {
                continue;
            }
            SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            List<SettingsProblem> problems = decrypted.getProblems();
            Server plain = decrypted.getServer() != null ? decrypted.getServer() : server;
            servers.put(
                    server.getId(),
                    problems.isEmpty()
                            ? new ServerCredentials(server.getId(), plain.getUsername(), plain.getPassword())
                            : new ServerCredentials(
                                    server.getId(),
                                    server.getUsername(),
                                    "",
                                    problems.stream()
                                            .map(SettingsProblem::getMessage)
                                            .collect(Collectors.joining("; "))));
        }
        return servers;
    }
}
