package dev.smokegate.smoke.workspace;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.URIish;

/**
 * Where the cached mirrors live and who may use one: each URL's mirror is {@code
 * <cacheDirectory>/<host-and-path>-<12 hex of the URL's SHA-1>.git}, guarded by an exclusive lock
 * on {@code <mirror>.lock} ({@link FileChannel#lock()}, between processes) and an in-process lock
 * (between threads, which {@code FileChannel.lock} does not separate).
 */
final class MirrorStore {

    /** One lock per mirror within this JVM; FileChannel.lock only separates processes. */
    private static final Map<Path, ReentrantLock> MIRROR_LOCKS = new ConcurrentHashMap<>();

    private final Path cacheDirectory;

    /** @param cacheDirectory the folder holding the mirrors, absolute and normalized */
    MirrorStore(Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    /** Work done while a mirror is locked. */
    interface Locked<T> {
        T run() throws WorkspaceException;
    }

    /**
     * @param url the URL exactly as given
     * @return the mirror's folder (it may not exist yet)
     */
    Path mirrorOf(String url) {
        return cacheDirectory.resolve(mirrorName(url));
    }

    /**
     * Runs {@code action} while holding the mirror's locks, creating the cache folder first.
     *
     * @throws WorkspaceException what the action throws; IO when the lock cannot be taken
     */
    <T> T locked(Path mirror, String where, Locked<T> action) throws WorkspaceException {
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
            throw WorkspaceException.io(
                    where,
                    "cannot lock the clone cache " + lockFile,
                    e,
                    "Check that " + cacheDirectory + " is writable.");
        } finally {
            threadLock.unlock();
        }
    }

    /**
     * Moves a damaged mirror out of the way, to {@code <mirror>.corrupt-<UTC time>} (e.g. {@code
     * greeter-1f0c2a9b3d4e.git.corrupt-20261201T132501Z}, with {@code -2}, {@code -3}… when that is
     * taken), so that the next clone fetches a fresh one and the damaged copy stays for a look.
     *
     * @param mirror the mirror's folder
     * @param now the time to name it by
     * @return where it is now
     * @throws IOException when it cannot be moved
     */
    static Path moveAside(Path mirror, Instant now) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(now);
        Path aside = mirror.resolveSibling(mirror.getFileName() + ".corrupt-" + stamp);
        for (int n = 2; Files.exists(aside, LinkOption.NOFOLLOW_LINKS); n++) {
            aside = mirror.resolveSibling(mirror.getFileName() + ".corrupt-" + stamp + "-" + n);
        }
        return Files.move(mirror, aside, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Opens an existing bare mirror. */
    static Repository open(Path mirror) throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(mirror.toFile())
                .setMustExist(true)
                .build();
    }

    /**
     * Turns off automatic gc ({@code gc.auto = 0}) and keeps any gc in the foreground ({@code
     * gc.autoDetach = false}) for a repository the cache owns (a mirror, or a workspace that
     * borrows its objects); git's own documentation of {@code git gc} describes both keys.
     */
    static void withoutAutoGc(StoredConfig config) {
        config.setInt(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTO, 0);
        config.setBoolean(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTODETACH, false);
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

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    @Override
    public String toString() {
        return "MirrorStore[" + cacheDirectory + "]";
    }
}
