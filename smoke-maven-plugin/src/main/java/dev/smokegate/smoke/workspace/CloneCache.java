package dev.smokegate.smoke.workspace;

import dev.smokegate.smoke.model.ServerCredentials;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;

/**
 * Clean clones through a cache of bare mirrors, one per URL, at {@code
 * <cacheDirectory>/<host-and-path>-<12 hex of the URL's SHA-1>.git}.
 *
 * <ul>
 *   <li>First use of a URL: {@code git clone --mirror} (JGit, bare, {@code +refs/*:refs/*}).
 *   <li>Later uses: a full 40-hex commit SHA already in the mirror needs no network at all;
 *       anything else (a branch, a tag, the default branch) is fetched first ({@code +refs/*:refs/*},
 *       pruning deleted refs), since a branch may have moved.
 *   <li>Offline: the network is never used; a missing mirror or commit is an error that says to
 *       run once online.
 * </ul>
 *
 * <p>The workspace is then a real JGit clone of the mirror, checked out at the resolved commit: on
 * the branch when a branch (or the default branch) was asked for, detached for a tag or a SHA. Its
 * {@code remote.origin.url} is the original URL, not the cache.
 *
 * <p>Several builds may share a cache: each mirror is guarded by an exclusive lock on {@code
 * <mirror>.lock} ({@link FileChannel#lock()}, between processes) and an in-process lock (between
 * threads, which {@code FileChannel.lock} does not separate) for as long as it is created, fetched
 * and cloned from.
 */
public final class CloneCache {

    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}");

    private static final int LISTED_REFS = 10;

    /** "file:///x: " or "https://host/x.git: " at the start of a JGit message. */
    private static final Pattern URL_PREFIX = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://\\S*?:\\s+");

    /** One lock per mirror within this JVM; FileChannel.lock only separates processes. */
    private static final Map<Path, ReentrantLock> MIRROR_LOCKS = new ConcurrentHashMap<>();

    private final Path cacheDirectory;
    private final boolean offline;
    private final Path sshDirectory;
    private final SettingsLogins logins;
    private final SmokeLog log;

    /**
     * A cache whose ssh clones read {@code ~/.ssh}.
     *
     * @param cacheDirectory the folder holding the mirrors; created when needed
     * @param offline never use the network ({@code mvn -o})
     * @param log progress (info) and cache decisions (debug)
     */
    public CloneCache(Path cacheDirectory, boolean offline, SmokeLog log) {
        this(cacheDirectory, offline, null, Map.of(), log);
    }

    /**
     * @param cacheDirectory the folder holding the mirrors; created when needed
     * @param offline never use the network ({@code mvn -o})
     * @param sshDirectory where ssh clones read identities, {@code known_hosts} and {@code config}
     *     (see {@link SshSessions}); {@code null} for {@code ~/.ssh}
     * @param servers credentials for {@code http(s)://} clones by {@code <server><id>}: {@code
     *     host:port} or {@code host} (see {@link SettingsLogins})
     * @param log progress (info) and cache decisions (debug)
     */
    public CloneCache(
            Path cacheDirectory,
            boolean offline,
            Path sshDirectory,
            Map<String, ServerCredentials> servers,
            SmokeLog log) {
        this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory")
                .toAbsolutePath()
                .normalize();
        this.offline = offline;
        this.sshDirectory =
                sshDirectory == null ? null : sshDirectory.toAbsolutePath().normalize();
        this.logins = new SettingsLogins(servers);
        this.log = Objects.requireNonNull(log, "log");
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
     *     no repository there); REF_NOT_FOUND when ref does not exist; OFFLINE_NOT_CACHED when
     *     offline and the mirror or the commit is not cached; IO when the cache or the workspace
     *     cannot be written
     */
    public CloneReport cloneInto(String url, String ref, Path target) throws WorkspaceException {
        Objects.requireNonNull(url, "url");
        String where = "clone [" + url + "]";
        Path workspace = Workspaces.prepareEmpty(target, "clone");
        Path mirror = mirrorOf(url);
        try {
            return locked(mirror, where, () -> {
                boolean fetched = updateMirror(url, ref, mirror, where);
                Target wanted;
                try (Repository repository = openMirror(mirror)) {
                    wanted = resolve(repository, ref, where);
                    if (wanted == null) {
                        throw offline
                                ? new WorkspaceException(
                                        Reason.OFFLINE_NOT_CACHED,
                                        where + ": offline (-o) and the cached mirror " + mirror + " has no "
                                                + describe(ref) + ". Run the build once without -o to fetch it.")
                                : notFound(repository, ref, where);
                    }
                } catch (IOException e) {
                    throw cacheFailure(mirror, where, e);
                }
                cloneWorkspace(url, mirror, wanted, workspace, where);
                return new CloneReport(wanted.commit().name(), fetched, mirror);
            });
        } catch (WorkspaceException e) {
            Workspaces.deleteQuietly(workspace);
            throw e;
        }
    }

    /**
     * Where the mirror of a URL is cached: {@code <cacheDirectory>/<host-and-path>-<12 hex>.git}.
     *
     * @param url the URL exactly as given to {@link #cloneInto}
     * @return the mirror's folder (it may not exist yet)
     */
    public Path mirrorOf(String url) {
        return cacheDirectory.resolve(mirrorName(url));
    }

    @Override
    public String toString() {
        return "CloneCache[" + cacheDirectory + (offline ? ", offline" : "") + "]";
    }

    static String mirrorName(String url) {
        String hostAndPath;
        try {
            URIish uri = new URIish(url);
            hostAndPath =
                    (uri.getHost() == null ? "" : uri.getHost()) + "/" + (uri.getPath() == null ? "" : uri.getPath());
        } catch (URISyntaxException e) {
            hostAndPath = url;
        }
        String name = hostAndPath.replaceAll("[^A-Za-z0-9._]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (name.toLowerCase(Locale.ROOT).endsWith(".git")) {
            name = name.substring(0, name.length() - 4);
        }
        if (name.length() > 80) {
            name = name.substring(name.length() - 80).replaceAll("^[-.]+", "");
        }
        return (name.isEmpty() ? "repository" : name) + "-" + sha1(url).substring(0, 12) + ".git";
    }

    /** Creates or fetches the mirror as needed; true when the network was used. */
    private boolean updateMirror(String url, String ref, Path mirror, String where) throws WorkspaceException {
        boolean exists = Files.isDirectory(mirror);
        if (offline) {
            if (!exists) {
                throw new WorkspaceException(
                        Reason.OFFLINE_NOT_CACHED,
                        where + ": offline (-o) and the clone cache has no mirror of it at " + mirror
                                + ". Run the build once without -o to fill the cache.");
            }
            log.info("offline: using cached mirror " + mirror);
            return false;
        }
        if (!exists) {
            createMirror(url, mirror, where);
            return true;
        }
        if (ref != null && FULL_SHA.matcher(ref).matches()) {
            try (Repository repository = openMirror(mirror)) {
                if (repository.getObjectDatabase().has(ObjectId.fromString(ref))) {
                    log.debug(where + ": commit " + ref + " is already in the cached mirror " + mirror
                            + "; not fetching");
                    return false;
                }
            } catch (IOException e) {
                throw cacheFailure(mirror, where, e);
            }
        }
        fetch(url, mirror, where);
        return true;
    }

    private void createMirror(String url, Path mirror, String where) throws WorkspaceException {
        log.info(where + ": creating the cached mirror " + mirror);
        Path partial = mirror.resolveSibling(mirror.getFileName() + ".partial");
        try {
            Workspaces.deleteQuietly(partial);
            Files.deleteIfExists(partial);
            // git clone --mirror, as init + config + fetch, so that automatic gc is off before the
            // first fetch: JGit runs it after every fetch, in a background thread by default, which
            // would still hold files in the folder when it is renamed below.
            try (Git git =
                    Git.init().setBare(true).setDirectory(partial.toFile()).call()) {
                StoredConfig config = git.getRepository().getConfig();
                withoutAutoGc(config);
                config.setString(
                        ConfigConstants.CONFIG_REMOTE_SECTION,
                        Constants.DEFAULT_REMOTE_NAME,
                        ConfigConstants.CONFIG_KEY_URL,
                        url);
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
            Workspaces.deleteQuietly(partial);
            throw unreachable(url, where, e);
        } catch (WorkspaceException e) {
            Workspaces.deleteQuietly(partial);
            throw e;
        } catch (IOException e) {
            Workspaces.deleteQuietly(partial);
            throw cacheFailure(mirror, where, e);
        }
    }

    /**
     * Turns off automatic gc ({@code gc.auto = 0}) and keeps any gc in the foreground ({@code
     * gc.autoDetach = false}) for a repository the cache owns; git's own documentation of {@code
     * git gc} describes both keys.
     */
    private static void withoutAutoGc(StoredConfig config) {
        config.setInt(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTO, 0);
        config.setBoolean(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTODETACH, false);
    }

    private void fetch(String url, Path mirror, String where) throws WorkspaceException {
        log.info(where + ": fetching into the cached mirror " + mirror);
        download(url, mirror, where);
    }

    /** Fetches every ref of {@code url} into the bare repository {@code mirror}, pruning the rest. */
    private void download(String url, Path mirror, String where) throws WorkspaceException {
        try (Repository repository = openMirror(mirror);
                Git git = Git.wrap(repository);
                SshSessions ssh = new SshSessions(sshDirectory)) {
            StoredConfig config = repository.getConfig();
            if (config.getInt(ConfigConstants.CONFIG_GC_SECTION, ConfigConstants.CONFIG_KEY_AUTO, -1) != 0) {
                withoutAutoGc(config);
                config.save();
            }
            FetchCommand fetch = git.fetch()
                    .setRemote(url)
                    .setRefSpecs(new RefSpec("+refs/*:refs/*"))
                    .setRemoveDeletedRefs(true)
                    .setTransportConfigCallback(ssh);
            if (SettingsLogins.httpHost(url) != null) {
                // ssh gets none: without a provider, JGit's ssh client refuses unknown host keys
                // and skips keys that need a passphrase instead of asking.
                fetch.setCredentialsProvider(logins.provider(where, log));
            }
            FetchResult result = fetch.call();
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
            throw unreachable(url, where, e);
        } catch (IOException e) {
            throw cacheFailure(mirror, where, e);
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

    /** What to check out: a branch (checked out as such) or a detached commit. */
    private record Target(String branch, RevCommit commit) {}

    private static Target resolve(Repository repository, String ref, String where) throws WorkspaceException {
        try (RevWalk walk = new RevWalk(repository)) {
            if (ref == null) {
                Ref head = repository.exactRef(Constants.HEAD);
                if (head == null || head.getObjectId() == null) {
                    return null;
                }
                String target = head.getTarget().getName();
                return new Target(
                        target.startsWith(Constants.R_HEADS) ? target.substring(Constants.R_HEADS.length()) : null,
                        walk.parseCommit(head.getObjectId()));
            }
            if (FULL_SHA.matcher(ref).matches()) {
                ObjectId id = ObjectId.fromString(ref);
                return repository.getObjectDatabase().has(id) ? new Target(null, walk.parseCommit(id)) : null;
            }
            for (String name : ref.startsWith(Constants.R_REFS)
                    ? List.of(ref)
                    : List.of(Constants.R_HEADS + ref, Constants.R_TAGS + ref)) {
                Ref found = repository.exactRef(name);
                if (found != null && found.getObjectId() != null) {
                    RevCommit commit = walk.parseCommit(found.getObjectId()); // peels annotated tags
                    return new Target(
                            name.startsWith(Constants.R_HEADS) ? name.substring(Constants.R_HEADS.length()) : null,
                            commit);
                }
            }
            return null;
        } catch (IOException | JGitInternalException e) {
            throw new WorkspaceException(
                    Reason.REF_NOT_FOUND,
                    where + ": " + describe(ref) + " is not a commit: " + e.getMessage()
                            + ". Use a branch, a tag or a full 40-character commit SHA.",
                    e);
        }
    }

    private void cloneWorkspace(String url, Path mirror, Target wanted, Path workspace, String where)
            throws WorkspaceException {
        // git clone --shared from the mirror: the workspace borrows the mirror's objects through
        // objects/info/alternates instead of copying them (the cache never runs gc on a mirror),
        // and gets the mirror's branches as origin/* and its tags. Automatic gc is off first (see
        // createMirror).
        try (Git git = Git.init().setDirectory(workspace.toFile()).call();
                Repository source = openMirror(mirror)) {
            StoredConfig initial = git.getRepository().getConfig();
            withoutAutoGc(initial);
            initial.setString(
                    ConfigConstants.CONFIG_REMOTE_SECTION,
                    Constants.DEFAULT_REMOTE_NAME,
                    "fetch",
                    "+refs/heads/*:refs/remotes/origin/*");
            initial.save();
            Path alternates = workspace
                    .resolve(Constants.DOT_GIT)
                    .resolve(Constants.OBJECTS)
                    .resolve("info")
                    .resolve("alternates");
            Files.createDirectories(alternates.getParent());
            Files.writeString(
                    alternates,
                    source.getDirectory().toPath().resolve(Constants.OBJECTS).toAbsolutePath() + "\n",
                    StandardCharsets.UTF_8);
            copyRefs(source, git.getRepository());
            Repository repository = git.getRepository();
            StoredConfig config = repository.getConfig();
            config.setString(
                    ConfigConstants.CONFIG_REMOTE_SECTION,
                    Constants.DEFAULT_REMOTE_NAME,
                    ConfigConstants.CONFIG_KEY_URL,
                    url);
            if (wanted.branch() != null) {
                String branch = Constants.R_HEADS + wanted.branch();
                RefUpdate update = repository.updateRef(branch);
                update.setNewObjectId(wanted.commit());
                update.setRefLogMessage("smoke: clone " + url, false);
                check(update.forceUpdate(), branch);
                check(repository.updateRef(Constants.HEAD).link(branch), Constants.HEAD);
                config.setString(
                        ConfigConstants.CONFIG_BRANCH_SECTION,
                        wanted.branch(),
                        ConfigConstants.CONFIG_KEY_REMOTE,
                        Constants.DEFAULT_REMOTE_NAME);
                config.setString(
                        ConfigConstants.CONFIG_BRANCH_SECTION,
                        wanted.branch(),
                        ConfigConstants.CONFIG_KEY_MERGE,
                        branch);
            } else {
                RefUpdate update = repository.updateRef(Constants.HEAD, true);
                update.setNewObjectId(wanted.commit());
                update.setRefLogMessage("smoke: clone " + url, false);
                check(update.forceUpdate(), Constants.HEAD);
            }
            config.save();
            git.reset().setMode(ResetCommand.ResetType.HARD).call();
        } catch (GitAPIException | IOException | JGitInternalException e) {
            throw new WorkspaceException(
                    Reason.IO,
                    where + ": cannot clone the cached mirror " + mirror + " into " + workspace + ": " + message(e)
                            + ". Check free disk space and permissions.",
                    e);
        }
    }

    /** The mirror's branches as {@code refs/remotes/origin/*} and its tags, in one batch. */
    private static void copyRefs(Repository mirror, Repository workspace) throws IOException {
        BatchRefUpdate batch = workspace.getRefDatabase().newBatchUpdate();
        batch.setAllowNonFastForwards(true);
        for (Ref ref : mirror.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
            if (ref.getObjectId() != null) {
                batch.addCommand(new ReceiveCommand(
                        ObjectId.zeroId(),
                        ref.getObjectId(),
                        Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/"
                                + ref.getName().substring(Constants.R_HEADS.length())));
            }
        }
        for (Ref ref : mirror.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            if (ref.getObjectId() != null) {
                batch.addCommand(new ReceiveCommand(ObjectId.zeroId(), ref.getObjectId(), ref.getName()));
            }
        }
        try (RevWalk walk = new RevWalk(workspace)) {
            batch.execute(walk, NullProgressMonitor.INSTANCE);
        }
        for (ReceiveCommand command : batch.getCommands()) {
            if (command.getResult() != ReceiveCommand.Result.OK) {
                throw new IOException("cannot create " + command.getRefName() + ": " + command.getResult());
            }
        }
    }

    private static void check(RefUpdate.Result result, String ref) throws IOException {
        switch (result) {
            case NEW, FORCED, NO_CHANGE, FAST_FORWARD -> {}
            default -> throw new IOException("cannot set " + ref + ": " + result);
        }
    }

    private static Repository openMirror(Path mirror) throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(mirror.toFile())
                .setMustExist(true)
                .build();
    }

    private static WorkspaceException notFound(Repository repository, String ref, String where) {
        if (ref == null) {
            return new WorkspaceException(
                    Reason.REF_NOT_FOUND,
                    where + ": the repository has no default branch (HEAD)" + available(repository)
                            + ". Set the scenario's ref to one of them.");
        }
        return new WorkspaceException(
                Reason.REF_NOT_FOUND,
                where + ": no branch, tag or commit '" + ref + "'" + available(repository)
                        + ". Use one of them or a full 40-character commit SHA.");
    }

    /** "; branches: a, b; tags: v1" with at most 10 of each, or "" when the repository has none. */
    private static String available(Repository repository) {
        try {
            String branches = names(repository, Constants.R_HEADS);
            String tags = names(repository, Constants.R_TAGS);
            return (branches.isEmpty() ? "" : "; branches: " + branches) + (tags.isEmpty() ? "" : "; tags: " + tags);
        } catch (IOException e) {
            return "";
        }
    }

    private static String names(Repository repository, String prefix) throws IOException {
        List<Ref> refs = repository.getRefDatabase().getRefsByPrefix(prefix);
        List<String> names = refs.stream()
                .map(r -> r.getName().substring(prefix.length()))
                .sorted()
                .toList();
        return names.stream().limit(LISTED_REFS).collect(Collectors.joining(", "))
                + (names.size() > LISTED_REFS ? " (and " + (names.size() - LISTED_REFS) + " more)" : "");
    }

    private static String describe(String ref) {
        if (ref == null) {
            return "default branch (HEAD)";
        }
        return FULL_SHA.matcher(ref).matches() ? "commit " + ref : "branch or tag '" + ref + "'";
    }

    private WorkspaceException unreachable(String url, String where, Exception e) {
        String hint = e instanceof TransportException || e instanceof InvalidRemoteException
                ? "Check the URL, the network and your credentials."
                : "Check the URL and that a git repository is there.";
        String login = logins.hint(url);
        if (login != null) {
            hint += " " + login;
        } else if (isSsh(url)) {
            Path dir = sshDirectory != null ? sshDirectory : SshSessions.defaultDirectory();
            hint += " ssh reads its keys, known_hosts and config from " + dir
                    + " (-Dsmoke.sshDirectory): the server's host key must be in known_hosts (for example"
                    + " from ssh-keyscan), and a key the server accepts must be there without a passphrase;"
                    + " the gate never prompts.";
        }
        return new WorkspaceException(
                Reason.UNREACHABLE, where + ": the repository cannot be reached: " + message(e) + ". " + hint, e);
    }

    /** ssh://, git+ssh://, ssh+git:// or scp-like user@host:path, as JGit's transports see them. */
    static boolean isSsh(String url) {
        try {
            URIish uri = new URIish(url);
            String scheme = uri.getScheme();
            if (scheme != null) {
                return scheme.toLowerCase(Locale.ROOT).contains("ssh");
            }
            return uri.getHost() != null && !url.startsWith("/") && !url.startsWith("\\");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static WorkspaceException cacheFailure(Path mirror, String where, IOException e) {
        return new WorkspaceException(
                Reason.IO,
                where + ": cannot use the cached mirror " + mirror + ": " + message(e)
                        + ". Delete it to have it cloned again, and check free disk space and permissions.",
                e);
    }

    /**
     * The messages of an exception and its causes, without repeats, URL prefixes or final periods:
     * JGit nests the useful part ("Invalid remote: origin" around "file:///x: not found.").
     */
    static String message(Throwable e) {
        Set<String> parts = new LinkedHashSet<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidRemoteException && t.getCause() != null) {
                continue; // its message only names the remote
            }
            String text = t.getMessage() == null
                    ? t.getClass().getSimpleName()
                    : t.getMessage().strip();
            if (t instanceof UnknownHostException) {
                text = "unknown host " + text;
            }
            text = URL_PREFIX.matcher(text).replaceFirst("");
            while (text.endsWith(".")) {
                text = text.substring(0, text.length() - 1);
            }
            String part = text;
            if (!part.isEmpty() && parts.stream().noneMatch(p -> p.contains(part))) {
                parts.removeIf(part::contains);
                parts.add(part);
            }
        }
        return String.join(": ", new ArrayList<>(parts));
    }

    private interface Locked<T> {
        T run() throws WorkspaceException;
    }

    private <T> T locked(Path mirror, String where, Locked<T> action) throws WorkspaceException {
        Path lockFile = mirror.resolveSibling(mirror.getFileName() + ".lock");
        ReentrantLock threadLock = MIRROR_LOCKS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        threadLock.lock();
        try {
            Files.createDirectories(cacheDirectory);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                return action.run();
            }
        } catch (IOException e) {
            throw new WorkspaceException(
                    Reason.IO,
                    where + ": cannot lock the clone cache " + lockFile + ": " + e.getMessage() + ". Check that "
                            + cacheDirectory + " is writable.",
                    e);
        } finally {
            threadLock.unlock();
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
