package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.login.SettingsLogins;
import dev.smokegate.smoke.login.SshSessions;
import dev.smokegate.smoke.login.UrlLogin;
import dev.smokegate.smoke.model.Durations;
import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.HostCheck.Verdict;
import dev.smokegate.smoke.model.Redaction;
import dev.smokegate.smoke.model.SmokeLog;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;

/**
 * Whether a clone's repository can be reached from this host, without cloning anything: {@code git
 * ls-remote} through JGit, with the logins and ssh keys a clone uses ({@link SettingsLogins}, {@link
 * SshSessions}), bounded by a timeout. When the repository cannot be reached, or the front end runs
 * offline, it looks in the clone cache for the commit the ref names: a clone works from there, so
 * that is a {@link Verdict#WARN}, not a {@link Verdict#FAIL}. It only reads the cache: it never
 * creates the cache folder, a mirror or a lock file.
 *
 * <p>Rules of the rows it returns:
 *
 * <ul>
 *   <li>{@code host.unreachable}: {@code ls-remote} failed or timed out (WARN when the cache has the
 *       commit, FAIL otherwise);
 *   <li>{@code host.offline}: offline, not checked, and the cache has the commit (WARN);
 *   <li>{@code host.offline-not-cached}: offline and the cache lacks the commit (FAIL), as a clone
 *       would fail;
 *   <li>{@code source.ref-not-found}: reachable, but no branch or tag has the ref's name (FAIL), as
 *       a clone would fail.
 * </ul>
 */
final class RemoteProbe {

    private static final int SHORT_SHA = 12;

    private final CloneSettings settings;
    private final CloneFailures failures;
    private final MirrorStore mirrors;
    private final RefResolver resolver;
    private final SmokeLog log;

    /**
     * @param settings offline mode, ssh directory, http logins and the front end's words
     * @param mirrors where the cached mirrors are
     * @param log where a plain-http login warning and debug lines go
     */
    RemoteProbe(CloneSettings settings, MirrorStore mirrors, SmokeLog log) {
        this.settings = settings;
        this.failures = new CloneFailures(settings);
        this.mirrors = mirrors;
        this.resolver = new RefResolver(settings);
        this.log = log;
    }

    /**
     * @param url the clone URL, placeholders resolved
     * @param ref a branch, tag, full ref name or full SHA, or {@code null} for the remote's HEAD
     * @param timeout how long {@code ls-remote} may take; positive
     * @return one row named {@code repository <url>} or {@code repository <url> at <ref>}
     */
    HostCheck probe(String url, String ref, Duration timeout) {
        String name = "repository " + Redaction.redact(url) + (ref == null ? "" : " at " + ref);
        Cached cached = cached(url, ref);
        if (settings.offline()) {
            String offline = settings.frontEnd().toolName() + " runs offline ("
                    + settings.frontEnd().offlineSwitch() + "), so the remote was not checked";
            Path mirror = mirrors.mirrorOf(url);
            String damage = cached == null ? MirrorDamage.of(mirror).orElse(null) : null;
            if (damage != null) {
                return new HostCheck(
                        name,
                        Verdict.FAIL,
                        "host.cache-corrupt",
                        offline + ", and the cached mirror " + mirror + " is corrupt: " + damage
                                + ". Delete the folder "
                                + mirror + " and run once without "
                                + settings.frontEnd().offlineSwitch()
                                + " to fetch a fresh one.");
            }
            return cached == null
                    ? new HostCheck(
                            name,
                            Verdict.FAIL,
                            "host.offline-not-cached",
                            offline + ", and the clone cache has no " + describe(ref) + " of it. Run once without "
                                    + settings.frontEnd().offlineSwitch() + " to fill the cache.")
                    : new HostCheck(name, Verdict.WARN, "host.offline", offline + "; " + cached.sentence(ref));
        }
        Map<String, Ref> refs;
        try {
            refs = lsRemote(url, timeout);
        } catch (Unreachable e) {
            return cached == null
                    ? new HostCheck(
                            name,
                            Verdict.FAIL,
                            "host.unreachable",
                            "cannot be reached: " + e.seen + ", and the clone cache has no " + describe(ref)
                                    + " of it. " + e.hint)
                    : new HostCheck(
                            name,
                            Verdict.WARN,
                            "host.unreachable",
                            "cannot be reached: " + e.seen + "; " + cached.sentence(ref));
        }
        return reachable(name, ref, refs, cached);
    }

    private HostCheck reachable(String name, String ref, Map<String, Ref> refs, Cached cached) {
        if (RefResolver.isFullSha(ref)) {
            return new HostCheck(
                    name,
                    Verdict.PASS,
                    null,
                    "reachable; commit " + ref
                            + (cached != null ? " is in the clone cache" : " is fetched when cloned"));
        }
        List<String> names = ref == null
                ? List.of(Constants.HEAD)
                : ref.startsWith(Constants.R_REFS)
                        ? List.of(ref)
                        : List.of(Constants.R_HEADS + ref, Constants.R_TAGS + ref);
        for (String candidate : names) {
            Ref found = refs.get(candidate);
            if (found != null && found.getObjectId() != null) {
                ObjectId commit = found.getPeeledObjectId() != null ? found.getPeeledObjectId() : found.getObjectId();
                return new HostCheck(
                        name,
                        Verdict.PASS,
                        null,
                        "reachable; " + (ref == null ? "HEAD" : ref) + " is "
                                + commit.name().substring(0, SHORT_SHA));
            }
        }
        return new HostCheck(
                name,
                Verdict.FAIL,
                "source.ref-not-found",
                "reachable, but it has no " + describe(ref) + " (" + refs.size() + " refs listed). Use a branch,"
                        + " a tag or a full 40-character commit SHA it has.");
    }

    /**
     * {@code git ls-remote url}, bounded by the timeout; every advertised ref by name. The transport
     * gets an empty in-memory repository as its local side: JGit's {@code LsRemoteCommand} has none,
     * and its "dumb" HTTP transport cannot list refs without one.
     */
    private Map<String, Ref> lsRemote(String url, Duration timeout) throws Unreachable {
        String where = "ls-remote [" + Redaction.redact(url) + "]";
        ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "smoke-ls-remote");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Map<String, Ref>> call = runner.submit(() -> advertisedRefs(url, where, timeout));
            try {
                return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                call.cancel(true);
                throw new Unreachable(
                        "no answer within " + Durations.format(timeout),
                        "Check the URL and the network, or raise the probe timeout.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.cancel(true);
                throw new Unreachable("interrupted", "Run the check again.");
            } catch (ExecutionException e) {
                Exception cause = e.getCause() instanceof Exception exception ? exception : e;
                log.debug(where + ": " + cause);
                throw new Unreachable(CloneFailures.message(cause), failures.unreachableHint(url, cause));
            }
        } finally {
            runner.shutdownNow();
        }
    }

    /**
     * @throws GitAPIException as {@code LsRemoteCommand} throws them: {@link InvalidRemoteException}
     *     for a malformed URL, {@link TransportException} when the remote cannot be listed
     */
    private Map<String, Ref> advertisedRefs(String url, String where, Duration timeout)
            throws GitAPIException, IOException {
        URIish uri;
        try {
            uri = new URIish(UrlLogin.withoutPassword(url));
        } catch (URISyntaxException e) {
            throw new InvalidRemoteException("Invalid remote: " + UrlLogin.withoutPassword(url), e);
        }
        try (Repository scratch = new InMemoryRepository.Builder()
                        .setRepositoryDescription(new DfsRepositoryDescription("smoke-ls-remote"))
                        .setFS(FS.DETECTED) // file:// transports resolve paths through it
                        .build();
                SshSessions ssh = new SshSessions(settings.sshDirectory());
                Transport transport = Transport.open(scratch, uri)) {
            transport.setTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
            ssh.configure(transport);
            if (SettingsLogins.isHttp(url) || UrlLogin.of(url).hasPassword()) {
                transport.setCredentialsProvider(UrlLogin.of(url)
                        .provider(SettingsLogins.isHttp(url) ? settings.logins().provider(where, log) : null));
            }
            try (FetchConnection connection = transport.openFetch()) {
                return Map.copyOf(connection.getRefsMap());
            }
        } catch (org.eclipse.jgit.errors.TransportException | NotSupportedException e) {
            throw new TransportException(e.getMessage(), e);
        }
    }

    /** The commit the cache holds for the ref, or null when the mirror or the ref is not there. */
    private Cached cached(String url, String ref) {
        Path mirror = mirrors.mirrorOf(UrlLogin.withoutPassword(url));
        if (!Files.isDirectory(mirror)) {
            return null;
        }
        try {
            return new Cached(
                    mirror,
                    resolver.resolve(mirror, ref, "doctor [" + url + "]").commit());
        } catch (WorkspaceException e) {
            log.debug("doctor [" + url + "]: not in the cached mirror " + mirror + ": " + e.getMessage());
            return null;
        }
    }

    private static String describe(String ref) {
        if (ref == null) {
            return "default branch (HEAD)";
        }
        return RefResolver.isFullSha(ref) ? "commit " + ref : "branch or tag '" + ref + "'";
    }

    /** A commit found in a cached mirror. */
    private record Cached(Path mirror, ObjectId commit) {
        /** "the clone cache has X at abc in /m, so clones work from it[; it may be behind the remote]" */
        String sentence(String ref) {
            boolean pinned = RefResolver.isFullSha(ref);
            return "the clone cache has "
                    + (pinned
                            ? "commit " + ref
                            : describe(ref) + " at " + commit.name().substring(0, SHORT_SHA))
                    + " in " + mirror + ", so clones work from it"
                    + (pinned ? "" : ", though it may be behind the remote");
        }
    }

    /** ls-remote failed: what was seen, and what to do. */
    private static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String seen;
        private final String hint;

        Unreachable(String seen, String hint) {
            super(seen, null, false, false);
            this.seen = seen;
            this.hint = hint;
        }
    }

    @Override
    public String toString() {
        return "RemoteProbe[" + (settings.offline() ? "offline" : "online") + "]";
    }
}
