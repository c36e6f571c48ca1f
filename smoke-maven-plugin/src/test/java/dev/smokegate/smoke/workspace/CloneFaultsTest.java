package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.lines;
import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clones that meet a damaged cache or an incomplete repository, made for real with the git CLI: a
 * truncated pack and a broken HEAD in a cached mirror (the cache's fault: {@code
 * CACHE_CORRUPT}, or moved aside and fetched again), and a partial or shallow repository as a {@code
 * file://} remote (the repository's fault: {@code INCOMPLETE_REPOSITORY}, naming the missing object).
 */
@Timeout(120)
class CloneFaultsTest {

    private static final String FULL_CLONE_ADVICE = ". Serve a full clone: run git fetch --refetch (a partial clone) or"
            + " git fetch --unshallow (a shallow clone) in it, or clone its origin again with git clone --no-filter.";

    @TempDir
    Path tmp;

    private Path remote;
    private String url;
    private Path cache;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void remote() throws IOException {
        Path greeter = FixtureRepos.greeter(tmp.resolve("greeter"));
        remote = FixtureRepos.bareMirror(greeter, tmp.resolve("remote.git"));
        url = remote.toUri().toString();
        cache = tmp.resolve("cache");
    }

    @Test
    void cloneInto_truncatedPackOnline_movesTheMirrorAsideFetchesAFreshOneAndSaysSo() throws Exception {
        CloneCache clones = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log);
        Path mirror = clones.cloneInto(url, "main", tmp.resolve("first")).mirror();
        String damage = truncatePack(mirror);

        CloneReport report = clones.cloneInto(url, "main", tmp.resolve("second"));

        assertThat(report.commit()).isEqualTo(rev("main"));
        assertThat(report.fetched()).isTrue();
        assertThat(report.mirror()).isEqualTo(mirror);
        ok(tmp.resolve("second"), "fsck", "--no-progress");
        Path aside = onlyCorruptCopy(mirror);
        assertThat(aside.getFileName().toString())
                .matches(Pattern.quote(mirror.getFileName().toString()) + "\\.corrupt-\\d{8}T\\d{6}Z");
        assertThat(log.at("WARN"))
                .containsExactly("[smoke] clone cache: mirror " + mirror + " is corrupt (" + damage
                        + "); moved aside to " + aside + ", fetching a fresh one");
    }

    @Test
    void cloneInto_truncatedPackOffline_failsCacheCorruptNamingTheFolderToDelete() throws Exception {
        Path mirror = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log)
                .cloneInto(url, "main", tmp.resolve("first"))
                .mirror();
        String damage = truncatePack(mirror);
        Path workspace = tmp.resolve("ws");

        assertThatThrownBy(() ->
                        new CloneCache(cache, true, MavenFrontEnd.INSTANCE, log).cloneInto(url, "main", workspace))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CACHE_CORRUPT))
                .hasMessage("clone [" + url + "]: the cached mirror " + mirror + " is corrupt: " + damage
                        + ". Delete the folder " + mirror + " and run the build once without -o to fetch a fresh one.");
        assertThat(mirror).isDirectory();
        assertThat(corruptCopies(mirror)).isEmpty();
        assertThat(workspace).isEmptyDirectory();
        assertThat(log.at("WARN")).isEmpty();
    }

    @Test
    void cloneInto_truncatedPackAndTheFreshFetchFailsToo_reportedOnceNotRetried() throws Exception {
        CloneCache clones = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log);
        Path mirror = clones.cloneInto(url, "main", tmp.resolve("first")).mirror();
        truncatePack(mirror);
        Files.move(remote, tmp.resolve("remote-moved-away.git"));

        Throwable thrown = catchThrowable(() -> clones.cloneInto(url, "main", tmp.resolve("second")));

        Path aside = onlyCorruptCopy(mirror);
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
                .hasMessage("clone [" + url + "]: the repository cannot be reached: not found. Check the URL, the"
                        + " network and your credentials. (The corrupt mirror was moved aside to " + aside
                        + " first.)");
        assertThat(log.at("WARN")).hasSize(1);
        assertThat(log.at("INFO").stream().filter(line -> line.contains("creating the cached mirror")))
                .hasSize(2);
        assertThat(mirror).doesNotExist();
    }

    @Test
    void probe_offlineTruncatedPack_failsHostCacheCorruptNotOfflineNotCached() throws Exception {
        Path mirror = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log)
                .cloneInto(url, "main", tmp.resolve("first"))
                .mirror();
        String damage = truncatePack(mirror);

        HostCheck row =
                new CloneCache(cache, true, MavenFrontEnd.INSTANCE, log).probe(url, "main", Duration.ofSeconds(5));

        assertThat(row)
                .isEqualTo(new HostCheck(
                        "repository " + url + " at main",
                        HostCheck.Verdict.FAIL,
                        "host.cache-corrupt",
                        "Maven runs offline (-o), so the remote was not checked, and the cached mirror " + mirror
                                + " is corrupt: " + damage + ". Delete the folder " + mirror
                                + " and run once without -o to fetch a fresh one."));
    }

    @Test
    void cloneInto_brokenHeadOffline_failsCacheCorruptNotRefNotFound() throws Exception {
        Path mirror = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log)
                .cloneInto(url, null, tmp.resolve("first"))
                .mirror();
        Files.writeString(mirror.resolve("HEAD"), "garbage\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new CloneCache(cache, true, MavenFrontEnd.INSTANCE, log)
                        .cloneInto(url, null, tmp.resolve("ws")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CACHE_CORRUPT))
                .hasMessage("clone [" + url + "]: the cached mirror " + mirror + " is corrupt: HEAD is neither a ref"
                        + " nor a commit: 'garbage'. Delete the folder " + mirror
                        + " and run the build once without -o to fetch a fresh one.");
    }

    @Test
    void cloneInto_missingLooseObjectOffline_failsCacheCorruptNamingTheObject() throws Exception {
        Path mirror = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log)
                .cloneInto(url, "main", tmp.resolve("first"))
                .mirror();
        unpackLoose(mirror);
        String blob = ok(mirror, "rev-parse", "main:README.md").trim();
        Files.delete(mirror.resolve("objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));
        forgetOpenPacks();

        assertThatThrownBy(() -> new CloneCache(cache, true, MavenFrontEnd.INSTANCE, log)
                        .cloneInto(url, "main", tmp.resolve("ws")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CACHE_CORRUPT))
                .hasMessage("clone [" + url + "]: the cached mirror " + mirror + " is corrupt: Missing blob " + blob
                        + ". Delete the folder " + mirror + " and run the build once without -o to fetch a fresh one.");
    }

    @Test
    void cloneInto_brokenPackedRefsLineOffline_failsCacheCorruptNotAnUncaughtException() throws Exception {
        Path mirror = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log)
                .cloneInto(url, "main", tmp.resolve("first"))
                .mirror();
        breakPackedRefs(mirror);

        assertThatThrownBy(() -> new CloneCache(cache, true, MavenFrontEnd.INSTANCE, log)
                        .cloneInto(url, "main", tmp.resolve("ws")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CACHE_CORRUPT))
                .hasMessage("clone [" + url + "]: the cached mirror " + mirror + " is corrupt: its refs cannot be read:"
                        + " Cannot read file " + mirror.resolve("packed-refs")
                        + ": Invalid id: not-a-sha. Delete the folder " + mirror
                        + " and run the build once without -o to fetch a fresh one.");
    }

    @Test
    void cloneInto_brokenPackedRefsLineOnline_movesTheMirrorAsideAndFetchesAFreshOne() throws Exception {
        CloneCache clones = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log);
        Path mirror = clones.cloneInto(url, "main", tmp.resolve("first")).mirror();
        breakPackedRefs(mirror);

        CloneReport report = clones.cloneInto(url, "main", tmp.resolve("second"));

        assertThat(report.commit()).isEqualTo(rev("main"));
        Path aside = onlyCorruptCopy(mirror);
        assertThat(log.at("WARN"))
                .containsExactly("[smoke] clone cache: mirror " + mirror + " is corrupt (its refs cannot be read:"
                        + " Cannot read file " + mirror.resolve("packed-refs") + ": Invalid id: not-a-sha); moved"
                        + " aside to " + aside + ", fetching a fresh one");
    }

    @Test
    void probe_brokenPackedRefsLine_offlineFailsHostCacheCorruptOnlinePasses() throws Exception {
        Path mirror = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log)
                .cloneInto(url, "main", tmp.resolve("first"))
                .mirror();
        breakPackedRefs(mirror);

        HostCheck offline =
                new CloneCache(cache, true, MavenFrontEnd.INSTANCE, log).probe(url, "main", Duration.ofSeconds(5));
        HostCheck online =
                new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log).probe(url, "main", Duration.ofSeconds(5));

        assertThat(offline)
                .isEqualTo(new HostCheck(
                        "repository " + url + " at main",
                        HostCheck.Verdict.FAIL,
                        "host.cache-corrupt",
                        "Maven runs offline (-o), so the remote was not checked, and the cached mirror " + mirror
                                + " is corrupt: its refs cannot be read: Cannot read file "
                                + mirror.resolve("packed-refs") + ": Invalid id: not-a-sha. Delete the folder "
                                + mirror + " and run once without -o to fetch a fresh one."));
        assertThat(online.verdict())
                .as("online the remote decides; the clone moves the mirror aside: " + online)
                .isEqualTo(HostCheck.Verdict.PASS);
    }

    @Test
    void cloneInto_brokenLooseRefOnline_movesTheMirrorAsideAndFetchesAFreshOne() throws Exception {
        CloneCache clones = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log);
        Path mirror = clones.cloneInto(url, "main", tmp.resolve("first")).mirror();
        Files.createDirectories(mirror.resolve("refs/heads"));
        Files.writeString(mirror.resolve("refs/heads/main"), "z".repeat(40) + "\n", StandardCharsets.UTF_8);

        CloneReport report = clones.cloneInto(url, "v1.0", tmp.resolve("second"));

        assertThat(report.commit()).isEqualTo(rev("v1.0^{commit}"));
        Path aside = onlyCorruptCopy(mirror);
        assertThat(log.at("WARN"))
                .containsExactly("[smoke] clone cache: mirror " + mirror + " is corrupt (refs/heads/main is neither a"
                        + " ref nor a commit: '" + "z".repeat(40) + "'); moved aside to " + aside
                        + ", fetching a fresh one");
    }

    @Test
    void cloneInto_brokenLooseRefOfTheDefaultBranchOffline_failsCacheCorruptNamingTheRef() throws Exception {
        Path mirror = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log)
                .cloneInto(url, "main", tmp.resolve("first"))
                .mirror();
        Files.createDirectories(mirror.resolve("refs/heads"));
        Files.writeString(mirror.resolve("refs/heads/main"), "z".repeat(40) + "\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new CloneCache(cache, true, MavenFrontEnd.INSTANCE, log)
                        .cloneInto(url, null, tmp.resolve("ws")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CACHE_CORRUPT))
                .hasMessage("clone [" + url + "]: the cached mirror " + mirror + " is corrupt: refs/heads/main is"
                        + " neither a ref nor a commit: '" + "z".repeat(40) + "'. Delete the folder " + mirror
                        + " and run the build once without -o to fetch a fresh one.");
    }

    @Test
    void cloneInto_unknownRefInAWholeMirror_staysRefNotFound() throws Exception {
        CloneCache clones = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log);
        Path mirror = clones.cloneInto(url, "main", tmp.resolve("first")).mirror();

        assertThatThrownBy(() -> clones.cloneInto(url, "nope", tmp.resolve("ws")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REF_NOT_FOUND));
        assertThat(corruptCopies(mirror)).isEmpty();
        assertThat(log.at("WARN")).isEmpty();
    }

    @Test
    void cloneInto_partialCloneRemote_incompleteRepositoryNamingTheMissingBlob() throws Exception {
        ok(remote, "config", "uploadpack.allowFilter", "true");
        Path partial = tmp.resolve("partial.git");
        ok(tmp, "clone", "-q", "--bare", "--filter=blob:none", url, partial.toString());
        List<String> missing = missingObjects(partial);
        assertThat(missing).as("the partial clone lacks blobs").isNotEmpty();
        String partialUrl = partial.toUri().toString();
        CloneCache clones = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log);

        Throwable thrown = catchThrowable(() -> clones.cloneInto(partialUrl, "main", tmp.resolve("ws")));

        assertThat(thrown).isInstanceOfSatisfying(WorkspaceException.class, e -> assertThat(e.reason())
                .isEqualTo(Reason.INCOMPLETE_REPOSITORY));
        String blob = objectIn(thrown.getMessage(), "Missing blob ([0-9a-f]{40})");
        assertThat(missing).contains(blob);
        assertThat(thrown)
                .hasMessage("clone [" + partialUrl + "]: the repository lacks objects of its own history (it is a"
                        + " partial clone, made with git clone --filter): Missing blob " + blob + FULL_CLONE_ADVICE);
        assertThat(thrown.getMessage()).doesNotContain("internal server error");
        assertThat(clones.mirrorOf(partialUrl)).doesNotExist();
        assertThat(tmp.resolve("ws")).isEmptyDirectory();
    }

    @Test
    void cloneInto_shallowRemote_incompleteRepositoryNamingTheMissingParent() throws Exception {
        Path shallow = tmp.resolve("shallow.git");
        ok(tmp, "clone", "-q", "--bare", "--depth", "1", url, shallow.toString());
        String parent = rev("main~1");
        String shallowUrl = shallow.toUri().toString();
        CloneCache clones = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log);

        assertThatThrownBy(() -> clones.cloneInto(shallowUrl, "main", tmp.resolve("ws")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INCOMPLETE_REPOSITORY))
                .hasMessage("clone [" + shallowUrl + "]: the repository lacks objects of its own history (it is a"
                        + " shallow clone): Missing commit " + parent + FULL_CLONE_ADVICE);
        assertThat(clones.mirrorOf(shallowUrl)).doesNotExist();
    }

    @Test
    void cloneInto_shallowRemoteIntoAnExistingMirror_refsSetBackAndNextRunFailsAgain() throws Exception {
        // The mirror of the URL first holds the full history; then the URL serves a shallow
        // repository two commits ahead, whose boundary's parent the mirror lacks.
        Path served = tmp.resolve("served.git");
        ok(tmp, "clone", "-q", "--bare", url, served.toString());
        String servedUrl = served.toUri().toString();
        CloneCache clones = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log);
        Path mirror = clones.cloneInto(servedUrl, "main", tmp.resolve("first")).mirror();
        String before = ok(mirror, "rev-parse", "main").trim();
        Path work = tmp.resolve("work");
        ok(tmp, "clone", "-q", url, work.toString());
        for (String name : List.of("NEW.md", "NEWER.md")) {
            Files.writeString(work.resolve(name), name + "\n");
            ok(work, "add", name);
            ok(work, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", name);
        }
        Deletion.deleteRecursively(served);
        ok(tmp, "clone", "-q", "--bare", "--depth", "1", work.toUri().toString(), served.toString());
        String parent = ok(work, "rev-parse", "HEAD~1").trim();

        assertThatThrownBy(() -> clones.cloneInto(servedUrl, "main", tmp.resolve("second")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INCOMPLETE_REPOSITORY))
                .hasMessageContaining("Missing commit " + parent);
        assertThat(ok(mirror, "rev-parse", "main").trim()).isEqualTo(before);
        assertThat(corruptCopies(mirror)).isEmpty();
    }

    /** Turns the mirror's packs into loose objects, as a mirror that was never repacked holds them. */
    private static void unpackLoose(Path mirror) throws IOException {
        Path pack = onlyPack(mirror);
        Path aside = Files.move(pack, mirror.resolve("unpacked.pack"));
        Files.delete(pack.resolveSibling(pack.getFileName().toString().replace(".pack", ".idx")));
        Files.deleteIfExists(pack.resolveSibling(pack.getFileName().toString().replace(".pack", ".rev")));
        Process unpack = new ProcessBuilder("git", "unpack-objects", "-q")
                .directory(mirror.toFile())
                .redirectInput(aside.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(unpack.waitFor())
                    .as(new String(unpack.getInputStream().readAllBytes()))
                    .isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Files.delete(aside);
    }

    /**
     * Makes JGit forget the packs this JVM has open, as a new build's JVM starts without them: an open
     * pack still serves the objects that {@link #unpackLoose} moved out of it.
     */
    private static void forgetOpenPacks() {
        RepositoryCache.clear();
        new WindowCacheConfig().install();
    }

    /** Cuts the mirror's only pack in half; returns the damage {@link MirrorDamage} names. */
    private static String truncatePack(Path mirror) throws IOException {
        Path pack = onlyPack(mirror);
        pack.toFile().setWritable(true);
        long size;
        try (FileChannel channel = FileChannel.open(pack, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
            size = channel.size();
        }
        return "objects/pack/" + pack.getFileName() + " does not match its index (truncated or overwritten: " + size
                + " bytes)";
    }

    private static Path onlyPack(Path mirror) throws IOException {
        List<Path> packs = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(mirror.resolve("objects/pack"), "pack-*.pack")) {
            found.forEach(packs::add);
        }
        assertThat(packs).as("packs of " + mirror).hasSize(1);
        return packs.get(0);
    }

    private static List<Path> corruptCopies(Path mirror) throws IOException {
        List<Path> copies = new ArrayList<>();
        try (DirectoryStream<Path> found =
                Files.newDirectoryStream(mirror.getParent(), mirror.getFileName() + ".corrupt-*")) {
            found.forEach(copies::add);
        }
        return copies;
    }

    private static Path onlyCorruptCopy(Path mirror) throws IOException {
        List<Path> copies = corruptCopies(mirror);
        assertThat(copies).as("moved-aside copies of " + mirror).hasSize(1);
        return copies.get(0);
    }

    /** The objects a partial clone lacks, as {@code git rev-list --missing=print} lists them. */
    private static List<String> missingObjects(Path repository) {
        return lines(repository, "rev-list", "--objects", "--missing=print", "--all").stream()
                .filter(line -> line.startsWith("?"))
                .map(line -> line.substring(1))
                .toList();
    }

    private static String objectIn(String message, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(message);
        assertThat(matcher.find()).as(message).isTrue();
        return matcher.group(1);
    }

    private String rev(String revision) {
        return ok(remote, "rev-parse", revision).trim();
    }

    /** Writes a {@code packed-refs} whose one ref line has no SHA, as a cut-off write would leave it. */
    private static void breakPackedRefs(Path mirror) throws IOException {
        Files.writeString(
                mirror.resolve("packed-refs"),
                "# pack-refs with: peeled fully-peeled sorted\nnot-a-sha refs/heads/broken\n",
                StandardCharsets.UTF_8);
    }
}
