package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.login.CloneUrls;
import dev.smokegate.smoke.login.SettingsLogins;
import dev.smokegate.smoke.login.UrlLogin;
import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.Redaction;
import dev.smokegate.smoke.model.ServerCredentials;
import dev.smokegate.smoke.model.SmokeLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Clean clones through a cache of bare mirrors, one per URL, at {@code
 * <cacheDirectory>/<host-and-path>-<12 hex of the URL's SHA-1>.git}. A façade over the classes that
 * do the work:
 *
 * <ul>
 *   <li>{@link MirrorStore} names and locks the mirrors: several builds may share a cache;
 *   <li>{@link MirrorFetcher} creates a mirror on first use of a URL ({@code git clone --mirror}),
 *       later fetches it unless a full 40-hex commit SHA is already there, and never uses the
 *       network offline;
 *   <li>{@link RefResolver} finds the commit the ref names;
 *   <li>{@link WorkspaceCloner} makes the workspace, a real JGit clone of the mirror checked out at
 *       that commit whose {@code remote.origin.url} is the original URL;
 *   <li>{@link MirrorRecovery} moves a damaged mirror aside and fetches a fresh one, once ({@link
 *       MirrorDamage} says whether it is damaged);
 *   <li>{@link CloneFailures} words the failures, with the front end's words;
 *   <li>{@link RemoteProbe} checks, without cloning, that a URL can be reached or its commit is
 *       cached ({@code smoke:doctor}).
 * </ul>
 */
public final class CloneCache {

    private final Path cacheDirectory;
    private final boolean offline;
    private final MirrorStore mirrors;
    private final MirrorFetcher fetcher;
    private final RefResolver resolver;
    private final RemoteProbe probe;
    private final MirrorRecovery recovery;

    /**
     * A cache whose ssh clones read {@code ~/.ssh} and whose http clones send no login.
     *
     * @param cacheDirectory the folder holding the mirrors; created when needed
     * @param offline never use the network (the front end's {@link FrontEnd#offlineSwitch()})
     * @param frontEnd the front end's words for messages
     * @param log progress (info) and cache decisions (debug)
     */
    public CloneCache(Path cacheDirectory, boolean offline, FrontEnd frontEnd, SmokeLog log) {
        this(cacheDirectory, offline, null, Map.of(), frontEnd, log);
    }

    /**
     * @param cacheDirectory the folder holding the mirrors; created when needed
     * @param offline never use the network (the front end's {@link FrontEnd#offlineSwitch()})
     * @param sshDirectory where ssh clones read identities, {@code known_hosts} and {@code config}
     *     (see {@link dev.smokegate.smoke.login.SshSessions}); {@code null} for {@code ~/.ssh}
     * @param servers credentials for {@code http(s)://} clones by {@code <server><id>}: {@code
     *     host:port} or {@code host} (see {@link SettingsLogins})
     * @param frontEnd the front end's words for messages: offline switch, ssh directory setting,
     *     login file
     * @param log progress (info) and cache decisions (debug)
     */
    public CloneCache(
            Path cacheDirectory,
            boolean offline,
            Path sshDirectory,
            Map<String, ServerCredentials> servers,
            FrontEnd frontEnd,
            SmokeLog log) {
        this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory")
                .toAbsolutePath()
                .normalize();
        this.offline = offline;
        Objects.requireNonNull(frontEnd, "frontEnd");
        Objects.requireNonNull(log, "log");
        CloneSettings settings = new CloneSettings(
                offline,
                sshDirectory == null ? null : sshDirectory.toAbsolutePath().normalize(),
                new SettingsLogins(servers, frontEnd),
                frontEnd);
        this.mirrors = new MirrorStore(this.cacheDirectory);
        this.fetcher = new MirrorFetcher(settings, log);
        this.resolver = new RefResolver(settings);
        this.probe = new RemoteProbe(settings, mirrors, log);
        this.recovery = new MirrorRecovery(settings, log, Clock.systemUTC());
    }

    /**
     * Whether a clone of url at ref would work from this host, without cloning: {@code git
     * ls-remote} with the clones' logins, bounded by timeout, or, when that fails or the cache is
     * offline, whether this cache already holds the commit (see {@link RemoteProbe} for the rules).
     * It only reads the cache; it creates nothing.
     *
     * @param url the clone URL
     * @param ref a branch, tag, full ref name or full commit SHA, or {@code null} for the remote's HEAD
     * @param timeout how long {@code ls-remote} may take; positive
     * @return a PASS, WARN or FAIL row named {@code repository <url>[ at <ref>]}
     */
    public HostCheck probe(String url, String ref, Duration timeout) {
        Objects.requireNonNull(url, "url");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
        return probe.probe(url, ref, timeout);
    }

    /**
     * Clean clone of url at ref (branch, tag, full SHA; null = remote HEAD) into target, through a
     * cached bare mirror.
     *
     * @param url any URL JGit can fetch: {@code file://}, {@code http(s)://}, {@code ssh://} or a path
     * @param ref a branch or tag name (or a full ref name such as {@code refs/heads/main}), a full
     *     40-hex commit SHA, or {@code null} for the remote's default branch
     * @param target the workspace folder; must not exist or be empty
     * @return the checked-out commit, whether the network was used, and the mirror's path
     * @throws WorkspaceException UNREACHABLE when the URL cannot be fetched (network, authentication,
     *     no repository there); INCOMPLETE_REPOSITORY when the repository lacks objects of its own
     *     history (a partial or shallow clone); CACHE_CORRUPT when the cached mirror is damaged offline,
     *     or again after a fresh fetch; REF_NOT_FOUND when ref does not exist; OFFLINE_NOT_CACHED when
     *     offline and the mirror or the commit is not cached; IO when the cache or the workspace
     *     cannot be written
     */
    public CloneReport cloneInto(String url, String ref, Path target) throws WorkspaceException {
        Objects.requireNonNull(url, "url");
        String where = "clone [" + Redaction.redact(url) + "]";
        Optional<String> badUrl = CloneUrls.problem(url);
        if (badUrl.isPresent()) {
            throw new WorkspaceException(WorkspaceException.Reason.UNREACHABLE, where + ": " + badUrl.get());
        }
        Path workspace = Workspaces.prepareEmpty(target, "clone");
        Path mirror = mirrorOf(url);
        try {
            return mirrors.locked(mirror, where, () -> {
                boolean cached = Files.isDirectory(mirror);
                MirrorStore.Locked<CloneReport> clone = () -> {
                    boolean fetched = fetcher.update(url, ref, mirror, where);
                    RefResolver.Target wanted = resolver.resolve(mirror, ref, where);
                    WorkspaceCloner.build(UrlLogin.withoutPassword(url), mirror, wanted, workspace, where);
                    return new CloneReport(wanted.commit().name(), fetched, mirror);
                };
                try {
                    return clone.run();
                } catch (WorkspaceException e) {
                    if (!cached) {
                        throw e;
                    }
                    return recovery.recover(e, mirror, workspace, where, clone);
                }
            });
        } catch (WorkspaceException e) {
            Deletion.deleteContentsQuietly(workspace);
            throw e;
        }
    }

    /**
     * Where the mirror of a URL is cached: {@code <cacheDirectory>/<host-and-path>-<12 hex>.git},
     * named after the URL without its password ({@link UrlLogin}), which the cache never stores.
     *
     * @param url the URL exactly as given to {@link #cloneInto}
     * @return the mirror's folder (it may not exist yet)
     */
    public Path mirrorOf(String url) {
        return mirrors.mirrorOf(UrlLogin.withoutPassword(url));
    }

    @Override
    public String toString() {
        return "CloneCache[" + cacheDirectory + (offline ? ", offline" : "") + "]";
    }
}
