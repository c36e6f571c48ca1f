package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.workspace.ServerCredentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one gate run needs, already translated from Maven parameters.
 *
 * @param manifest the manifest file
 * @param basedir the project folder: relative checkouts resolve against it and paths are shown
 *     relative to it
 * @param workDirectory where scenario folders (logs, workspace, export) and reports are written
 * @param cacheDirectory the cache of bare mirrors used for clones
 * @param sshDirectory where ssh clones read identities, {@code known_hosts} and {@code config}
 *     ({@code -Dsmoke.sshDirectory}), or {@code null} for {@code ~/.ssh}
 * @param servers credentials for {@code http(s)://} clones from settings.xml's {@code <servers>},
 *     by server id ({@code host:port} or {@code host})
 * @param tasks task IDs to select by owner ({@code -Dsmoke.task}); empty for all
 * @param scenarioGlobs name globs, {@code !glob} excludes ({@code -Dsmoke.scenario}); empty for all
 * @param repoUrl when set, every checkout scenario clones this URL instead ({@code -Dsmoke.repoUrl});
 *     blank means {@code null}
 * @param ref the ref to clone with {@code repoUrl} ({@code -Dsmoke.ref}), or {@code null}; blank
 *     means {@code null}
 * @param offline whether Maven runs offline: clones come from the cache only
 * @param properties values for {@code ${…}} placeholders (Maven project properties)
 * @param environment the environment for {@code ${env.NAME}} and for the commands run
 */
public record GateRequest(
        Path manifest,
        Path basedir,
        Path workDirectory,
        Path cacheDirectory,
        Path sshDirectory,
        Map<String, ServerCredentials> servers,
        List<String> tasks,
        List<String> scenarioGlobs,
        String repoUrl,
        String ref,
        boolean offline,
        Map<String, String> properties,
        Map<String, String> environment) {
    public GateRequest {
        Objects.requireNonNull(manifest, "manifest");
        basedir = basedir.toAbsolutePath().normalize();
        workDirectory = workDirectory.toAbsolutePath().normalize();
        cacheDirectory = cacheDirectory.toAbsolutePath().normalize();
        sshDirectory =
                sshDirectory == null ? null : sshDirectory.toAbsolutePath().normalize();
        servers = Map.copyOf(servers);
        repoUrl = repoUrl == null || repoUrl.isBlank() ? null : repoUrl.strip();
        ref = ref == null || ref.isBlank() ? null : ref.strip();
        tasks = List.copyOf(tasks);
        scenarioGlobs = List.copyOf(scenarioGlobs);
        properties = Map.copyOf(properties);
        environment = Map.copyOf(environment);
    }

    /** A path as the user should read it: relative to the project folder when inside it. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(basedir) && !absolute.equals(basedir)
                ? basedir.relativize(absolute).toString()
                : absolute.toString();
    }
}
