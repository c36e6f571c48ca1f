package dev.smokegate.smoke.ratchet;

import static dev.smokegate.smoke.ratchet.HistoryRepo.manifest;
import static dev.smokegate.smoke.ratchet.HistoryRepo.shortId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.ratchet.RatchetResult.History;
import dev.smokegate.smoke.ratchet.RatchetResult.Missing;
import dev.smokegate.smoke.ratchet.RatchetResult.Rename;
import dev.smokegate.smoke.ratchet.RatchetResult.Skipped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ratchet over real git repositories made with JGit: which names the history holds, which are
 * missing, and the cache of versions read.
 */
class RatchetTest {
    private static final String MANIFEST = "src/smoke/manifest.toml";

    @TempDir
    Path tmp;

    private HistoryRepo repo;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void repository() throws Exception {
        repo = HistoryRepo.init(tmp.resolve("repo"));
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private Path cacheFile() {
        return tmp.resolve("work/" + Ratchet.CACHE_FILE);
    }

    private RatchetResult check(Path manifest, List<String> present, List<String> retired) throws Exception {
        return new Ratchet(cacheFile(), log).check(manifest, present, retired);
    }

    private RatchetResult check(List<String> present, List<String> retired) throws Exception {
        return check(repo.root().resolve(MANIFEST), present, retired);
    }

    @Test
    void check_noRepository_noWorkTreeAndNothingMissing() throws Exception {
        Path manifest = Files.createDirectories(tmp.resolve("plain/src/smoke")).resolve("manifest.toml");
        Files.writeString(manifest, manifest("a"), StandardCharsets.UTF_8);

        RatchetResult result = check(manifest, List.of("a"), List.of());

        assertThat(result.history()).isEqualTo(History.NO_WORK_TREE);
        assertThat(result.passed()).isTrue();
        assertThat(cacheFile()).doesNotExist();
    }

    @Test
    void check_repositoryWithoutCommits_neverCommitted() throws Exception {
        repo.write(MANIFEST, manifest("a"));

        RatchetResult result = check(List.of("a"), List.of());

        assertThat(result.history()).isEqualTo(History.NEVER_COMMITTED);
        assertThat(result.path()).isEqualTo(MANIFEST);
        assertThat(result.passed()).isTrue();
    }

    @Test
    void check_manifestNotCommittedInARepositoryWithHistory_neverCommitted() throws Exception {
        repo.commit("README.md", "a project\n");
        repo.write(MANIFEST, manifest("a"));

        RatchetResult result = check(List.of("a"), List.of());

        assertThat(result.history()).isEqualTo(History.NEVER_COMMITTED);
        assertThat(result.passed()).isTrue();
    }

    @Test
    void check_scenarioRemovedInAnEarlierCommit_missingWithTheCommitItWasLastSeenIn() throws Exception {
        repo.commit(MANIFEST, manifest("a", "b"));
        RevCommit second = repo.commit(MANIFEST, manifest("a", "b", "c"));
        repo.commit(MANIFEST, manifest("a", "c"));

        RatchetResult result = check(List.of("a", "c"), List.of());

        assertThat(result.history()).isEqualTo(History.CHECKED);
        assertThat(result.missing()).containsExactly(new Missing("b", shortId(second)));
        assertThat(result.names()).isEqualTo(3);
        assertThat(result.versions()).isEqualTo(3);
        assertThat(result.passed()).isFalse();
    }

    @Test
    void check_scenarioRenamed_theOldNameCountsAsRemoved() throws Exception {
        RevCommit first = repo.commit(MANIFEST, manifest("a", "checkout-old"));
        repo.commit(MANIFEST, manifest("a", "checkout-new"));

        RatchetResult result = check(List.of("a", "checkout-new"), List.of());

        assertThat(result.missing()).containsExactly(new Missing("checkout-old", shortId(first)));
    }

    @Test
    void check_removedNameRetired_passes() throws Exception {
        repo.commit(MANIFEST, manifest("a", "checkout-old"));
        repo.commit(MANIFEST, manifest("a", "checkout-new"));

        RatchetResult result = check(List.of("a", "checkout-new"), List.of("checkout-old"));

        assertThat(result.missing()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(result.names()).isEqualTo(3);
    }

    @Test
    void check_scenarioDeletedInTheWorkTreeOnly_missingBeforeItIsCommitted() throws Exception {
        RevCommit head = repo.commit(MANIFEST, manifest("a", "b"));
        repo.write(MANIFEST, manifest("a"));

        RatchetResult result = check(List.of("a"), List.of());

        assertThat(result.missing()).containsExactly(new Missing("b", shortId(head)));
    }

    @Test
    void check_versionThatIsNotToml_skippedWithItsCommitAndTheRestChecked() throws Exception {
        repo.commit(MANIFEST, manifest("a", "gone"));
        RevCommit broken = repo.commit(MANIFEST, "format = 1\n[[scenario]\nname = \"a\"\n");
        repo.commit(MANIFEST, manifest("a", "b"));

        RatchetResult result = check(List.of("a", "b"), List.of());

        assertThat(result.skipped()).hasSize(1);
        Skipped skipped = result.skipped().get(0);
        assertThat(skipped.commit()).isEqualTo(shortId(broken));
        assertThat(skipped.path()).isEqualTo(MANIFEST);
        assertThat(skipped.reason()).startsWith(MANIFEST + ":2:").contains(": not valid TOML: ");
        assertThat(result.missing()).extracting(Missing::name).containsExactly("gone");
        assertThat(result.versions()).isEqualTo(3);
    }

    @Test
    void check_manifestFileMoved_followsTheRenameToTheOldPath() throws Exception {
        repo.commit("smoke/manifest.toml", manifest("a", "b", "c"));
        repo.move("smoke/manifest.toml", MANIFEST);
        RevCommit moved = repo.commitAll("move the manifest");
        repo.commit(MANIFEST, manifest("a", "c"));

        RatchetResult result = check(List.of("a", "c"), List.of());

        assertThat(result.renames()).containsExactly(new Rename("smoke/manifest.toml", MANIFEST, shortId(moved)));
        assertThat(result.missing()).containsExactly(new Missing("b", shortId(moved)));
        assertThat(result.versions())
                .as("the move kept the blob: two distinct versions")
                .isEqualTo(2);
    }

    @Test
    void check_nameOnlyOnAMergedBranch_isInTheHistoryToo() throws Exception {
        repo.commit(MANIFEST, manifest("a"));
        repo.git().branchCreate().setName("side").call();
        repo.commit(MANIFEST, manifest("a", "main-only"));
        repo.git().checkout().setName("side").call();
        RevCommit side = repo.commit(MANIFEST, manifest("a", "side-only"));
        repo.git().checkout().setName("main").call();
        repo.git().merge().include(side).setCommit(false).call(); // a conflict in the manifest
        repo.write(MANIFEST, manifest("a", "main-only", "side-only"));
        RevCommit merge = repo.commitAll("merge side");
        repo.commit(MANIFEST, manifest("a", "main-only"));
        assertThat(merge.getParentCount()).isEqualTo(2);

        RatchetResult result = check(List.of("a", "main-only"), List.of());

        assertThat(result.missing()).extracting(Missing::name).containsExactly("side-only");
        assertThat(result.names()).isEqualTo(3);
    }

    @Test
    void check_projectInASubfolderOfTheRepository_pathFromTheWorkTreeRoot() throws Exception {
        String nested = "modules/app/" + MANIFEST;
        repo.commit(nested, manifest("a", "b"));
        repo.write(nested, manifest("a"));

        RatchetResult result = check(repo.root().resolve(nested), List.of("a"), List.of());

        assertThat(result.path()).isEqualTo(nested);
        assertThat(result.missing()).extracting(Missing::name).containsExactly("b");
    }

    @Test
    void check_secondRun_everyVersionFromTheCacheAndOnlyNewOnesParsed() throws Exception {
        repo.commit(MANIFEST, manifest("a"));
        repo.commit(MANIFEST, "not toml [");
        repo.commit(MANIFEST, manifest("a", "b"));

        RatchetResult first = check(List.of("a", "b"), List.of());
        RatchetResult second = check(List.of("a", "b"), List.of());
        repo.commit(MANIFEST, manifest("a", "b", "c"));
        RatchetResult third = check(List.of("a", "b", "c"), List.of());

        assertThat(List.of(first.parsed(), first.fromCache())).containsExactly(3, 0);
        assertThat(List.of(second.parsed(), second.fromCache())).containsExactly(0, 3);
        assertThat(List.of(third.parsed(), third.fromCache())).containsExactly(1, 3);
        assertThat(second.skipped())
                .as("a skipped version is cached as skipped")
                .isEqualTo(first.skipped());
        assertThat(third.names()).isEqualTo(3);
    }

    @Test
    void check_cacheFileIsNotJson_ignoredAndWrittenAnew() throws Exception {
        repo.commit(MANIFEST, manifest("a"));
        repo.commit(MANIFEST, manifest("a", "b"));
        Files.createDirectories(cacheFile().getParent());
        Files.writeString(cacheFile(), "{\"format\": 1, \"versions\": {\"oops\"", StandardCharsets.UTF_8);

        RatchetResult first = check(List.of("a", "b"), List.of());
        RatchetResult second = check(List.of("a", "b"), List.of());

        assertThat(first.passed()).isTrue();
        assertThat(first.fromCache()).isZero();
        assertThat(log.at("DEBUG")).anySatisfy(line -> assertThat(line)
                .startsWith("[smoke] ratchet: the cache " + cacheFile() + " is not a ratchet cache (")
                .endsWith("); it is written anew"));
        assertThat(second.fromCache()).isEqualTo(2);
        assertThat(new ObjectMapper()
                        .readTree(cacheFile().toFile())
                        .path("format")
                        .asInt())
                .isEqualTo(NameCache.FORMAT);
    }

    @Test
    void check_cacheOfAnotherFormat_ignored() throws Exception {
        repo.commit(MANIFEST, manifest("a"));
        ObjectId blob = repo.git().getRepository().resolve("HEAD:" + MANIFEST);
        Files.createDirectories(cacheFile().getParent());
        Files.writeString(
                cacheFile(),
                "{\"format\": 99, \"versions\": {\"" + blob.name() + "\": {\"names\": [\"x\"]}}}",
                StandardCharsets.UTF_8);

        RatchetResult result = check(List.of("a"), List.of());

        assertThat(result.fromCache()).isZero();
        assertThat(result.missing()).isEmpty();
    }

    @Test
    void check_cacheCannotBeWritten_stillChecks() throws Exception {
        repo.commit(MANIFEST, manifest("a", "b"));
        Files.createDirectories(tmp.resolve("work"));
        Files.writeString(tmp.resolve("work/blocker"), "a file where the cache's folder should be");

        RatchetResult result = new Ratchet(tmp.resolve("work/blocker/" + Ratchet.CACHE_FILE), log)
                .check(repo.root().resolve(MANIFEST), List.of("a"), List.of());

        assertThat(result.missing()).extracting(Missing::name).containsExactly("b");
        assertThat(log.at("DEBUG"))
                .anySatisfy(line -> assertThat(line).startsWith("[smoke] ratchet: cannot write the cache "));
    }
}
