package dev.smokegate.smoke.ratchet;

import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.manifest.ScenarioNames;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.ratchet.NameCache.VersionNames;
import dev.smokegate.smoke.ratchet.RatchetResult.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The grow-only rule of the manifest: every scenario name that any committed version of the manifest
 * held must still be in it, or be listed under {@code [retired]}. A renamed scenario counts as a
 * removal of its old name.
 *
 * <p>The versions are those of {@link ManifestHistory} (from {@code HEAD} back, following renames of
 * the file). Each distinct version (blob) is parsed once for its scenario names ({@link
 * ScenarioNames}); the names are kept by blob id in a {@link NameCache}, so a later run parses only
 * the versions committed since. A version that cannot be read (not valid TOML, …) is left out and
 * reported as skipped; it never breaks the check. The manifest as it is now, committed or not, is
 * what the history is compared with: a scenario deleted locally is missed before it is committed.
 */
public final class Ratchet {
    /** The cache's file name inside the gate's work directory. */
    public static final String CACHE_FILE = "ratchet-cache.json";

    /** Below this many versions to parse, parsing on several threads is not worth it. */
    private static final int PARALLEL_FROM = 8;

    private final Path cacheFile;
    private final SmokeLog log;

    /**
     * @param cacheFile where the names of the versions read are kept (usually {@link #CACHE_FILE} in
     *     the work directory); it need not exist
     * @param log where timings and cache problems go, at debug level
     */
    public Ratchet(Path cacheFile, SmokeLog log) {
        this.cacheFile = Objects.requireNonNull(cacheFile, "cacheFile");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param manifest the manifest file, which exists
     * @param present the names of its scenarios now
     * @param retired the names under its {@code [retired]} now
     * @return the names of the history, and those missing; {@link History#NO_WORK_TREE} or {@link
     *     History#NEVER_COMMITTED} when there is no history to check
     * @throws RatchetException when a repository holds the manifest but cannot be read
     */
    public RatchetResult check(Path manifest, Collection<String> present, Collection<String> retired)
            throws RatchetException {
        Optional<ManifestHistory> opened;
        try {
            opened = ManifestHistory.open(manifest);
        } catch (IOException | RuntimeException e) {
            throw new RatchetException(
                    "Cannot open the git repository that holds " + manifest + ": " + e.getMessage(), e);
        }
        if (opened.isEmpty()) {
            return RatchetResult.nothingToCheck(History.NO_WORK_TREE, manifest.toString());
        }
        try (ManifestHistory history = opened.get()) {
            return check(history, present, retired);
        } catch (IOException | RuntimeException e) {
            throw new RatchetException(
                    "Cannot read the git history of " + opened.get().path() + ": " + e.getMessage(), e);
        }
    }

    private RatchetResult check(ManifestHistory history, Collection<String> present, Collection<String> retired)
            throws IOException {
        long start = System.nanoTime();
        List<ManifestHistory.Version> versions = history.versions();
        if (versions.isEmpty()) {
            return RatchetResult.nothingToCheck(History.NEVER_COMMITTED, history.path());
        }
        long walked = System.nanoTime();

        Map<String, ManifestHistory.Version> newest = new LinkedHashMap<>();
        versions.forEach(version -> newest.putIfAbsent(version.blob(), version));
        NameCache cache = NameCache.load(cacheFile);
        cache.problem()
                .ifPresent(problem ->
                        log.debug("[smoke] ratchet: the cache " + cacheFile + " " + problem + "; it is written anew"));
        Map<String, VersionNames> names = new LinkedHashMap<>();
        List<ManifestHistory.Version> unread = new ArrayList<>();
        for (ManifestHistory.Version version : newest.values()) {
            cache.get(version.blob())
                    .ifPresentOrElse(cached -> names.put(version.blob(), cached), () -> unread.add(version));
        }
        int fromCache = names.size();
        IntStream indexes = IntStream.range(0, unread.size());
        List<VersionNames> parsed;
        try {
            // Each version is read (inflated from the pack) and parsed on the same thread: JGit's
            // Repository is thread-safe and content() opens an ObjectReader of its own.
            parsed = (unread.size() >= PARALLEL_FROM ? indexes.parallel() : indexes)
                    .mapToObj(i ->
                            parse(text(history, unread.get(i)), unread.get(i).path()))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (int i = 0; i < unread.size(); i++) {
            names.put(unread.get(i).blob(), parsed.get(i));
        }
        long read = System.nanoTime();
        if (!unread.isEmpty() || cache.problem().isPresent() || cache.size() != names.size()) {
            Map<String, VersionNames> inOrder = new LinkedHashMap<>();
            newest.keySet().forEach(blob -> inOrder.put(blob, names.get(blob)));
            cache.save(inOrder)
                    .ifPresent(problem -> log.debug("[smoke] ratchet: cannot write the cache " + cacheFile + " ("
                            + problem + "); the next" + " run parses every version again"));
        }

        Set<String> now = new HashSet<>(present);
        now.addAll(retired);
        Map<String, String> lastSeen = new LinkedHashMap<>();
        for (ManifestHistory.Version version : versions) {
            for (String name : names.get(version.blob()).names()) {
                lastSeen.putIfAbsent(name, abbreviate(version.commit()));
            }
        }
        List<RatchetResult.Missing> missing = new ArrayList<>();
        lastSeen.forEach((name, commit) -> {
            if (!now.contains(name)) {
                missing.add(new RatchetResult.Missing(name, commit));
            }
        });
        List<RatchetResult.Skipped> skipped = new ArrayList<>();
        newest.values().forEach(version -> {
            String reason = names.get(version.blob()).skipped();
            if (reason != null) {
                skipped.add(new RatchetResult.Skipped(abbreviate(version.commit()), version.path(), reason));
            }
        });
        log.debug("[smoke] timing: ratchet walked " + versions.size() + " commits of " + history.path() + " in "
                + millis(walked - start) + " ms, read " + unread.size() + " versions and "
                + fromCache + " from the cache in " + millis(read - walked) + " ms");
        return new RatchetResult(
                History.CHECKED,
                history.path(),
                lastSeen.size(),
                newest.size(),
                fromCache,
                missing,
                skipped,
                history.renames(),
                history.shallow());
    }

    /** The text of one version, as UTF-8. */
    private static String text(ManifestHistory history, ManifestHistory.Version version) {
        try {
            return new String(history.content(version), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of one version, or why it was skipped. */
    private static VersionNames parse(String text, String path) {
        try {
            return VersionNames.of(ScenarioNames.of(text, path));
        } catch (ManifestException e) {
            return VersionNames.skipped(e.getMessage());
        } catch (RuntimeException e) {
            return VersionNames.skipped("cannot be parsed: " + e);
        }
    }

    private static String abbreviate(String commit) {
        return commit.substring(0, 7);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
