package dev.smokegate.smoke.maven;

import dev.smokegate.smoke.workspace.ServerCredentials;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;
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
 */
final class SettingsServers {
    private SettingsServers() {}

    static Map<String, ServerCredentials> of(Settings settings, SettingsDecrypter decrypter, Log log) {
        if (settings == null || settings.getServers().isEmpty()) {
            return Map.of();
        }
        SettingsDecryptionResult decrypted =
                decrypter.decrypt(new DefaultSettingsDecryptionRequest().setServers(settings.getServers()));
        for (SettingsProblem problem : decrypted.getProblems()) {
            log.warn("settings.xml: " + problem.getMessage() + " (" + problem.getLocation()
                    + "). Clones from that server's host go without its password; fix the password or"
                    + " settings-security.xml.");
        }
        Map<String, ServerCredentials> servers = new HashMap<>();
        for (Server server : decrypted.getServers()) {
            if (server.getId() != null && server.getUsername() != null) {
                servers.put(
                        server.getId(),
                        new ServerCredentials(server.getId(), server.getUsername(), server.getPassword()));
            }
        }
        return servers;
    }
}
