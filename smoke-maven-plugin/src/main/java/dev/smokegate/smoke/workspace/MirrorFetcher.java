package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.login.SettingsLogins;
import dev.smokegate.smoke.login.SshSessions;
import dev.smokegate.smoke.login.UrlLogin;
import dev.smokegate.smoke.model.SmokeLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;

/**
 * Brings a mirror up to date with its URL: {@code git clone --mirror} the first time, {@code git
 * fetch} ({@code +refs/*:refs/*}, pruning deleted refs) later unless the wanted full SHA is already
 * there, never the network when offline; what a fetch brought is checked for missing objects ({@link
 * MissingObjects}). http(s) fetches log in with the {@link SettingsLogins};
 * ssh fetches go through {@link SshSessions}.
 */
final class MirrorFetcher {

    private final CloneSettings settings;
    private final CloneFailures failures;
    private final SmokeLog log;

    /**
     * @param settings offline mode, ssh directory, http logins and the front end's words
     * @param log progress (info) and cache decisions (debug)
     */
    MirrorFetcher(CloneSettings settings, SmokeLog log) {
        this.settings = settings;
        this.failures = new CloneFailures(settings);
        this.log = log;
    }

    /**
     * Creates or fetches the mirror as needed.
     *
     * @return true when the network was used
     * @throws WorkspaceException OFFLINE_NOT_CACHED when offline without a mirror; UNREACHABLE when
     *     the URL cannot be fetched; IO when the mirror cannot be written
     */
    boolean update(String url, String ref, Path mirror, String where) throws WorkspaceException {
        boolean exists = Files.isDirectory(mirror);
        if (settings.offline()) {
            if (!exists) {
                throw failures.offlineWithoutMirror(where, mirror);
            }
            log.info("offline: using cached mirror " + mirror);
            return false;
        }
        if (!exists) {
            create(url, mirror, where);
            return true;
        }
        if (RefResolver.isFullSha(ref)) {
            try (Repository repository = MirrorStore.open(mirror)) {
                if (repository.getObjectDatabase().has(ObjectId.fromString(ref))) {
                    log.debug(where + ": commit " + ref + " is already in the cached mirror " + mirror
                            + "; not fetching");
                    return false;
                }
            } catch (IOException e) {
                throw CloneFailures.cacheFailure(mirror, where, e);
            }
        }
        log.info(where + ": fetching into the cached mirror " + mirror);
        download(url, mirror, where);
        return true;
    }

    private void create(String url, Path mirror, String where) throws WorkspaceException {
        log.info(where + ": creating the cached mirror " + mirror);
        Path partial = mirror.resolveSibling(mirror.getFileName() + ".partial");
        try {
            Deletion.deleteRecursively(partial);
            // git clone --mirror, as init + config + fetch, so that automatic gc is off before the
            // first fetch: JGit runs it after every fetch, in a background thread by default, which
            // would still hold files in the folder when it is renamed below.
            try (Git git =
                    Git.init().setBare(true).setDirectory(partial.toFile()).call()) {
                StoredConfig config = git.getRepository().getConfig();
                MirrorStore.withoutAutoGc(config);
                config.setString(
                        ConfigConstants.CONFIG_REMOTE_SECTION,
                        Constants.DEFAULT_REMOTE_NAME,
                        ConfigConstants.CONFIG_KEY_URL,
                        UrlLogin.withoutPassword(url));
                config.setString(
                        ConfigConstants.CONFIG_REMOTE_SECTION,
                        Constants.DEFAULT_REMOTE_NAME,
                        "fetch",
                        "+refs/*:refs/*");
                config.setBoolean(ConfigConstants.CONFIG_REMOTE_SECTION, Constants.DEFAULT_REMOTE_NAME, "mirror", true);
                config.save();
            }
            download(url, partial, where);
            Files.move(partial, mirror, StandardCopyOption.ATOMIC_MOVE);
        } catch (GitAPIException | JGitInternalException e) {
            Deletion.deleteContentsQuietly(partial);
            throw failures.unreachable(url, where, e);
        } catch (WorkspaceException e) {
            Deletion.deleteContentsQuietly(partial);
            throw e;
        } catch (IOException e) {
            Deletion.deleteContentsQuietly(partial);
            throw CloneFailures.cacheFailure(mirror, where, e);
        }
    }

    /** Fetches every ref of {@code url} into the bare repository {@code mirror}, pruning the rest. */
    private void download(String url, Path mirror, String where) throws WorkspaceException {
        try (Repository repository = MirrorStore.open(mirror);
                Git git = Git.wrap(repository);
                SshSessions ssh = new SshSessions(settings.sshDirectory())) {
            StoredConfig config = repository.getConfig();
            if (config.getInt(ConfigConstants.CONFIG_GC_SECTION, ConfigConstants.CONFIG_KEY_AUTO, -1) != 0) {
                MirrorStore.withoutAutoGc(config);
                config.save();
            }
            UrlLogin login = UrlLogin.of(url); // the password goes to JGit as a login, never in a URL
            FetchCommand fetch = git.fetch()
                    .setRemote(login.url())
                    .setRefSpecs(new RefSpec("+refs/*:refs/*"))
                    .setRemoveDeletedRefs(true)
                    .setTransportConfigCallback(ssh);
            if (SettingsLogins.isHttp(url) || login.hasPassword()) {
                // ssh gets none unless its URL has a password: without a provider, JGit's ssh client
                // refuses unknown host keys and skips keys that need a passphrase instead of asking.
                fetch.setCredentialsProvider(login.provider(
                        SettingsLogins.isHttp(url) ? settings.logins().provider(where, log) : null));
            }
            FetchResult result = fetch.call();
            String missing = MissingObjects.afterFetch(repository, result).orElse(null);
            if (missing != null) {
                throw CloneFailures.incomplete(
                        where, MissingObjects.ofLocal(url).orElse(new MissingObjects.Gap(missing, null)), null);
            }
            Ref head = result.getAdvertisedRef(Constants.HEAD);
            if (head != null && head.isSymbolic()) {
                // Follow the remote's default branch, as git clone --mirror does.
                repository.updateRef(Constants.HEAD).link(head.getTarget().getName());
            } else if (head != null && head.getObjectId() != null) {
                // No symref advertised: take a branch at HEAD's commit, preferring main and master.
                String branch = branchAt(repository, head.getObjectId());
                if (branch != null) {
                    repository.updateRef(Constants.HEAD).link(branch);
                }
            }
        } catch (GitAPIException | JGitInternalException e) {
            throw failures.fetchFailed(url, where, e);
        } catch (IOException e) {
            throw CloneFailures.cacheFailure(mirror, where, e);
        }
    }

    private static String branchAt(Repository repository, ObjectId commit) throws IOException {
        String found = null;
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
            if (commit.equals(ref.getObjectId())) {
                if (ref.getName().equals(Constants.R_HEADS + "main")
                        || ref.getName().equals(Constants.R_HEADS + "master")) {
                    return ref.getName();
                }
                found = found == null ? ref.getName() : found;
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "MirrorFetcher[" + (settings.offline() ? "offline" : "online") + "]";
    }
}
