package dev.smokegate.smoke.workspace;

import static dev.smokegate.fixtures.GitCli.lines;
import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class CloneCacheTest {

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
    void cloneInto_branch_checksOutTheBranchWithOriginalUrl() throws Exception {
        Path workspace = tmp.resolve("ws");

        CloneReport report =
                new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log).cloneInto(url, "main", workspace);

        assertThat(report.commit()).isEqualTo(rev("main"));
        assertThat(report.fetched()).isTrue();
        assertThat(report.mirror())
                .isEqualTo(new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log).mirrorOf(url))
                .exists();
        assertThat(ok(workspace, "rev-parse", "--abbrev-ref", "HEAD").trim()).isEqualTo("main");
        assertThat(ok(workspace, "config", "--get", "remote.origin.url").trim()).isEqualTo(url);
        assertThat(ok(workspace, "status", "--porcelain")).isEmpty();
        assertThat(lines(workspace, "ls-files")).containsExactlyElementsOf(FixtureRepos.TRACKED);
        assertThat(Files.isExecutable(workspace.resolve(FixtureRepos.EXECUTABLE_SCRIPT)))
                .isTrue();
        assertThat(Files.isSymbolicLink(workspace.resolve(FixtureRepos.TRACKED_SYMLINK)))
                .isTrue();
        assertThat(workspace.resolve(FixtureRepos.UNTRACKED_FILE)).doesNotExist();
    }

    @Test
    void cloneInto_workspace_borrowsTheMirrorsObjectsAndPassesFsck() throws Exception {
        Path workspace = tmp.resolve("ws");

        CloneReport report =
                new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log).cloneInto(url, FixtureRepos.TAG, workspace);

        assertThat(workspace.resolve(".git/objects/info/alternates"))
                .hasContent(report.mirror().resolve("objects").toAbsolutePath().toString());
        ok(workspace, "fsck", "--no-progress");
        assertThat(lines(workspace, "tag")).containsExactly(FixtureRepos.TAG);
        assertThat(lines(workspace, "for-each-ref", "--format=%(refname)", "refs/remotes"))
                .containsExactly("refs/remotes/origin/main");
        assertThat(ok(workspace, "config", "--get", "gc.auto").trim()).isEqualTo("0");
    }

    @Test
    void cloneInto_tag_detachedAtTheTaggedCommit() throws Exception {
        Path workspace = tmp.resolve("ws");

        CloneReport report =
                new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log).cloneInto(url, FixtureRepos.TAG, workspace);

        assertThat(report.commit()).isEqualTo(rev(FixtureRepos.TAG + "^{commit}"));
        assertThat(ok(workspace, "rev-parse", "--abbrev-ref", "HEAD").trim()).isEqualTo("HEAD");
        assertThat(ok(workspace, "rev-parse", "HEAD").trim()).isEqualTo(report.commit());
        assertThat(workspace.resolve(FixtureRepos.CHANGELOG)).doesNotExist();
        assertThat(ok(workspace, "status", "--porcelain")).isEmpty();
    }

    @Test
    void cloneInto_fullSha_detachedAtThatCommit() throws Exception {
        Path workspace = tmp.resolve("ws");
        String sha = rev("main~2");

        CloneReport report = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log).cloneInto(url, sha, workspace);

        assertThat(report.commit()).isEqualTo(sha);
        assertThat(ok(workspace, "rev-parse", "HEAD").trim()).isEqualTo(sha);
        assertThat(ok(workspace, "rev-parse", "--abbrev-ref", "HEAD").trim()).isEqualTo("HEAD");
        assertThat(workspace.resolve("docs")).doesNotExist();
    }

    @Test
    void cloneInto_noRef_remoteDefaultBranch() throws Exception {
        Path workspace = tmp.resolve("ws");

        CloneReport report = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log).cloneInto(url, null, workspace);

        assertThat(report.commit()).isEqualTo(rev("HEAD"));
        assertThat(ok(workspace, "rev-parse", "--abbrev-ref", "HEAD").trim()).isEqualTo("main");
    }

    @Test
    void cloneInto_cachedFullSha_doesNotFetchEvenWithoutTheRemote() throws Exception {
        CloneCache clones = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log);
        clones.cloneInto(url, "main", tmp.resolve("first"));
        String sha = rev(FixtureRepos.TAG + "^{commit}");
        Files.move(remote, tmp.resolve("remote-moved-away.git"));

        CloneReport report = clones.cloneInto(url, sha, tmp.resolve("second"));

        assertThat(report.fetched()).isFalse();
        assertThat(report.commit()).isEqualTo(sha);
        assertThat(ok(tmp.resolve("second"), "rev-parse", "HEAD").trim()).isEqualTo(sha);
        assertThat(log.at("DEBUG"))
                .contains("clone [" + url + "]: commit " + sha + " is already in the cached mirror " + report.mirror()
                        + "; not fetching");
    }

    @Test
    void cloneInto_branchAgain_fetchesTheNewCommit() throws Exception {
        CloneCache clones = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log);
        clones.cloneInto(url, "main", tmp.resolve("first"));
        Path work = tmp.resolve("work");
        ok(tmp, "clone", "-q", remote.toString(), work.toString());
        Files.writeString(work.resolve("NEW.md"), "new\n");
        ok(work, "add", "NEW.md");
        ok(work, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "new");
        ok(work, "push", "-q", "origin", "main");

        CloneReport report = clones.cloneInto(url, "main", tmp.resolve("second"));

        assertThat(report.fetched()).isTrue();
        assertThat(report.commit()).isEqualTo(rev("main"));
        assertThat(tmp.resolve("second/NEW.md")).exists();
        assertThat(log.at("INFO"))
                .containsExactly(
                        "clone [" + url + "]: creating the cached mirror " + report.mirror(),
                        "clone [" + url + "]: fetching into the cached mirror " + report.mirror());
    }

    @Test
    void cloneInto_offlineWithoutCache_failsOfflineNotCached() {
        Path mirror = new CloneCache(cache, true, MavenFrontEnd.INSTANCE, log).mirrorOf(url);

        assertThatThrownBy(() -> new CloneCache(cache, true, MavenFrontEnd.INSTANCE, log)
                        .cloneInto(url, "main", tmp.resolve("ws")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OFFLINE_NOT_CACHED))
                .hasMessage("clone [" + url + "]: offline (-o) and the clone cache has no mirror of it at " + mirror
                        + ". Run the build once without -o to fill the cache.");
        assertThat(mirror).doesNotExist();
    }

    @Test
    void cloneInto_offlineWithCache_usesTheMirrorWithoutTheRemote() throws Exception {
        new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log).cloneInto(url, "main", tmp.resolve("first"));
        Files.move(remote, tmp.resolve("remote-moved-away.git"));
        RecordingLog offlineLog = new RecordingLog();

        CloneReport report = new CloneCache(cache, true, MavenFrontEnd.INSTANCE, offlineLog)
                .cloneInto(url, FixtureRepos.TAG, tmp.resolve("second"));

        assertThat(report.fetched()).isFalse();
        assertThat(offlineLog.at("INFO")).containsExactly("offline: using cached mirror " + report.mirror());
    }

    @Test
    void cloneInto_offlineUnknownCommit_failsOfflineNotCached() throws Exception {
        new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log).cloneInto(url, "main", tmp.resolve("first"));
        String unknown = "0123456789abcdef0123456789abcdef01234567";
        Path mirror = new CloneCache(cache, true, MavenFrontEnd.INSTANCE, log).mirrorOf(url);

        assertThatThrownBy(() -> new CloneCache(cache, true, MavenFrontEnd.INSTANCE, log)
                        .cloneInto(url, unknown, tmp.resolve("ws")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OFFLINE_NOT_CACHED))
                .hasMessage("clone [" + url + "]: offline (-o) and the cached mirror " + mirror + " has no commit "
                        + unknown + ". Run the build once without -o to fetch it.");
    }

    @Test
    void cloneInto_unreachableUrl_failsUnreachableWithTheCause() {
        String missing = tmp.resolve("no-such-repo.git").toUri().toString();

        assertThatThrownBy(() -> new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log)
                        .cloneInto(missing, "main", tmp.resolve("ws")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
                .hasMessage("clone [" + missing + "]: the repository cannot be reached: not found. Check the URL, the"
                        + " network and your credentials.");
        assertThat(tmp.resolve("cache")).isDirectory();
        assertThat(new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log).mirrorOf(missing))
                .doesNotExist();
        assertThat(tmp.resolve("ws")).isEmptyDirectory();
    }

    @Test
    void cloneInto_refusedHttpUrl_failsUnreachableWithoutStackTrace() {
        String refused = "http://127.0.0.1:1/acme/greeter.git";

        assertThatThrownBy(() -> new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log)
                        .cloneInto(refused, "main", tmp.resolve("ws")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
                .hasMessageStartingWith("clone [" + refused + "]: the repository cannot be reached: ")
                .hasMessageContaining("refused")
                .hasMessageEndingWith(". Check the URL, the network and your credentials. A repository that needs a"
                        + " login takes its username and password from a <server> in settings.xml whose id is"
                        + " 127.0.0.1:1.");
    }

    @Test
    void cloneInto_unknownRef_failsRefNotFoundListingRefs() {
        assertThatThrownBy(() -> new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log)
                        .cloneInto(url, "nope", tmp.resolve("ws")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REF_NOT_FOUND))
                .hasMessage(
                        "clone [" + url + "]: no branch, tag or commit 'nope'; branches: main; tags: v1.0. Use one of"
                                + " them or a full 40-character commit SHA.");
    }

    @Test
    void cloneInto_unknownFullSha_failsRefNotFoundAfterFetching() throws Exception {
        String unknown = "0123456789abcdef0123456789abcdef01234567";

        assertThatThrownBy(() -> new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log)
                        .cloneInto(url, unknown, tmp.resolve("ws")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REF_NOT_FOUND))
                .hasMessage("clone [" + url + "]: no branch, tag or commit '" + unknown
                        + "'; branches: main; tags: v1.0." + " Use one of them or a full 40-character commit SHA.");
    }

    @Test
    void cloneInto_targetNotEmpty_failsIo() throws Exception {
        Path workspace = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(workspace.resolve("x"), "x");

        assertThatThrownBy(() ->
                        new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log).cloneInto(url, "main", workspace))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.IO))
                .hasMessage("clone [" + workspace + "]: the workspace folder is not empty. Use a new or empty folder.");
    }

    @Test
    void cloneInto_concurrentClonesOfOneUrl_allSucceed() throws Exception {
        CloneCache clones = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CloneReport>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Path workspace = tmp.resolve("ws" + i);
                futures.add(pool.submit(() -> clones.cloneInto(url, "main", workspace)));
            }
            for (Future<CloneReport> future : futures) {
                assertThat(future.get().commit()).isEqualTo(rev("main"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(log.at("INFO"))
                .filteredOn(line -> line.contains("creating the cached mirror"))
                .hasSize(1);
    }

    @Test
    void mirrorOf_urls_namedAfterHostAndPathWithUrlHash() {
        CloneCache clones = new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log);

        assertThat(clones.mirrorOf("https://github.com/acme/greeter.git")
                        .getFileName()
                        .toString())
                .matches("github\\.com-acme-greeter-[0-9a-f]{12}\\.git");
        assertThat(clones.mirrorOf("git@github.com:acme/greeter.git")
                        .getFileName()
                        .toString())
                .matches("github\\.com-acme-greeter-[0-9a-f]{12}\\.git");
        assertThat(clones.mirrorOf("https://github.com/acme/greeter.git"))
                .isNotEqualTo(clones.mirrorOf("https://github.com/acme/greeter"));
        assertThat(clones.mirrorOf(url).getParent()).isEqualTo(cache);
    }

    private String rev(String revision) {
        return ok(remote, "rev-parse", revision).trim();
    }
}
