package dev.smokegate.smoke.engine;

import static dev.smokegate.fixtures.GitCli.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.workspace.CloneCache;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged clone cache and an incomplete remote, end to end through the engine: the scenario's
 * verdict names the cache ({@code host.cache-corrupt}) or the repository ({@code
 * source.incomplete-repository}), with the innermost cause as its evidence.
 */
@Timeout(120)
class CloneFaultsEngineTest {
    private static final String MANIFEST =
            """
            format = 1
            [[scenario]]
            name = "clone"
            source.repo-url = "${fixture.url}"
            source.ref = "main"
              [[scenario.step]]
              name = "head"
              args = ["git", "log", "--format=%s"]
              expect.stdout.contains = ["Add greeter library"]
            """;

    @TempDir
    Path tmp;

    private Path remote;
    private EngineFixture fixture;

    @BeforeEach
    void fixtures() throws IOException {
        remote = FixtureRepos.bareMirror(FixtureRepos.greeter(tmp.resolve("greeter")), tmp.resolve("remote.git"));
        fixture = EngineFixture.project(tmp)
                .withProperty("fixture.url", remote.toUri().toString());
    }

    private static StepFailure failure(GateResult result) {
        ScenarioResult scenario = result.scenarios().get(0);
        assertThat(scenario.status()).as(String.valueOf(scenario)).isEqualTo(Status.FAIL);
        return scenario.failure();
    }

    @Test
    void run_partialCloneRemote_sourceIncompleteRepositoryWithTheMissingBlobAsEvidence() throws Exception {
        ok(remote, "config", "uploadpack.allowFilter", "true");
        Path partial = tmp.resolve("partial.git");
        ok(tmp, "clone", "-q", "--bare", "--filter=blob:none", remote.toUri().toString(), partial.toString());
        fixture.withProperty("fixture.url", partial.toUri().toString());

        StepFailure failure = failure(fixture.run(MANIFEST));

        assertThat(failure.step()).isEqualTo("prepare");
        assertThat(failure.classification().category()).isEqualTo(FailureCategory.SOURCE);
        assertThat(failure.classification().ruleId()).isEqualTo("source.incomplete-repository");
        assertThat(failure.classification().evidence())
                .isEqualTo(failure.seen())
                .matches("clone \\[file:/.*partial\\.git/?]: the repository lacks objects of its own history \\(it is"
                        + " a partial clone, made with git clone --filter\\): Missing blob [0-9a-f]{40}\\. Serve a full"
                        + " clone: .*")
                .doesNotContain("cannot be reached");
    }

    @Test
    void run_truncatedPackInTheCacheOffline_hostCacheCorruptNamingTheFolderToDelete() throws Exception {
        assertThat(fixture.run(MANIFEST).scenarios().get(0).status()).isEqualTo(Status.PASS);
        Path mirror = mirror();
        truncatePack(mirror);

        StepFailure failure = failure(fixture.run(MANIFEST, request -> request.offline(true)));

        assertThat(failure.classification().category()).isEqualTo(FailureCategory.HOST);
        assertThat(failure.classification().ruleId()).isEqualTo("host.cache-corrupt");
        assertThat(failure.classification().evidence())
                .isEqualTo(failure.seen())
                .contains(" is corrupt: objects/pack/pack-")
                .endsWith(". Delete the folder " + mirror + " and run the build once without -o to fetch a fresh one.");
    }

    @Test
    void run_truncatedPackInTheCacheOnline_passesAfterAFreshFetchAndWarnsOnce() throws Exception {
        fixture.run(MANIFEST);
        Path mirror = mirror();
        truncatePack(mirror);

        GateResult result = fixture.run(MANIFEST);

        assertThat(result.scenarios().get(0).status()).isEqualTo(Status.PASS);
        assertThat(fixture.log().at("WARN"))
                .filteredOn(line -> line.contains("clone cache"))
                .singleElement()
                .asString()
                .startsWith("[smoke] clone cache: mirror " + mirror + " is corrupt (objects/pack/pack-")
                .contains("; moved aside to " + mirror + ".corrupt-")
                .endsWith(", fetching a fresh one");
    }

    private Path mirror() {
        return new CloneCache(tmp.resolve("cache"), false, MavenFrontEnd.INSTANCE, SmokeLog.silent())
                .mirrorOf(remote.toUri().toString());
    }

    private static void truncatePack(Path mirror) throws IOException {
        try (DirectoryStream<Path> packs = Files.newDirectoryStream(mirror.resolve("objects/pack"), "pack-*.pack")) {
            for (Path pack : packs) {
                pack.toFile().setWritable(true);
                try (FileChannel channel = FileChannel.open(pack, StandardOpenOption.WRITE)) {
                    channel.truncate(channel.size() / 2);
                }
            }
        }
    }
}
