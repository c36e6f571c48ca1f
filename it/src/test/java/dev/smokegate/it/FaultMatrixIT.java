package dev.smokegate.it;

import static dev.smokegate.fixtures.GitCli.ok;
import static dev.smokegate.it.GateOutput.assertExit;
import static dev.smokegate.it.GateOutput.passLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smokegate.fixtures.FixtureRepos;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The fault matrix of issue 9: one test per fault, each a real forked {@code mvn} on the sample
 * project {@code faults}. Each asserts afterwards what a release gate owes its user whatever went
 * wrong: no process of the run is alive ({@link RunMarker}), the repositories and checkout the run
 * read are byte for byte as they were ({@link TreeSnapshot}), and the failure has the expected
 * category and rule on the console, in the JUnit XML and in the JSON summary ({@link Verdicts}).
 * Later faults join as more tests here.
 */
class FaultMatrixIT {
    /** How long the processes of a finished run get to disappear before they count as survivors. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    /** What a run may write in the sample project: its reports and the build's log. */
    private static final Set<String> RUN_OUTPUT = Set.of("target", "build.log");

    private RunMarker marker;

    @BeforeEach
    void mark(TestInfo test) {
        marker = RunMarker.of(test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void killSurvivors() throws Exception {
        marker.close();
    }

    /** Runs {@code mvn -B [args…] verify} of the sample project, then checks that nothing of it survived. */
    private ForkedMaven.Result verify(Path project, String url, Path cache, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(extra));
        args.addAll(List.of("verify", "-Dfixture.url=" + url, "-Dsmoke.cacheDirectory=" + cache));
        ForkedMaven.Result result = ForkedMaven.mvn(project, marker.environment(), args.toArray(String[]::new));
        assertThat(marker.awaitNoneAlive(PATIENCE))
                .as("processes of the run still alive " + PATIENCE.toSeconds() + " s after it ended (" + result + ")")
                .isEmpty();
        return result;
    }

    @Test
    void verify_truncatedPackInTheCache_offlineHostCacheCorruptThenOnlineMovedAsideFetchedAgainAndPasses()
            throws Exception {
        Path scratch = ForkedMaven.scratch("fault-truncated-pack");
        Path remote = FixtureRepos.bareMirror(
                FixtureRepos.greeter(scratch.resolve("greeter")), scratch.resolve("greeter.git"));
        Path cache = scratch.resolve("cache");
        Path project = ForkedMaven.project("faults", "fault-truncated-pack");
        String url = remote.toUri().toString();
        TreeSnapshot checkouts = TreeSnapshot.of(scratch, Set.of("cache"));
        TreeSnapshot sample = TreeSnapshot.of(project, RUN_OUTPUT);
        assertExit(verify(project, url, cache), 0); // fills the cache
        Path mirror = onlyMirror(cache);
        truncatePacks(mirror);

        ForkedMaven.Result offline = verify(project, url, cache, "-o");

        assertExit(offline, 1);
        JsonNode entry = Verdicts.assertFailed(offline, project, "clone", "host", "host.cache-corrupt");
        assertThat(entry.path("evidence").asText())
                .startsWith("clone [" + url + "]: the cached mirror " + mirror + " is corrupt: objects/pack/pack-")
                .endsWith(". Delete the folder " + mirror + " and run the build once without -o to fetch a fresh one.");
        assertThat(mirror).isDirectory();

        ForkedMaven.Result online = verify(project, url, cache);

        assertExit(online, 0);
        assertThat(online.lines())
                .filteredOn(line -> line.contains("[smoke] clone cache: mirror "))
                .singleElement()
                .asString()
                .startsWith("[WARNING] [smoke] clone cache: mirror " + mirror + " is corrupt (objects/pack/pack-")
                .contains(" does not match its index (truncated or overwritten: ")
                .contains("; moved aside to " + mirror + ".corrupt-")
                .endsWith(", fetching a fresh one");
        assertThat(online.smokeLines()).anySatisfy(passLine("clone"));
        assertThat(TreeSnapshot.of(scratch, Set.of("cache"))).isEqualTo(checkouts);
        assertThat(TreeSnapshot.of(project, RUN_OUTPUT)).isEqualTo(sample);
    }

    @Test
    void verify_partialCloneRemote_sourceIncompleteRepositoryNamingTheMissingObject() throws Exception {
        Path scratch = ForkedMaven.scratch("fault-partial-clone");
        Path remote = FixtureRepos.bareMirror(
                FixtureRepos.greeter(scratch.resolve("greeter")), scratch.resolve("greeter.git"));
        ok(remote, "config", "uploadpack.allowFilter", "true");
        Path partial = scratch.resolve("partial.git");
        ok(
                scratch,
                "clone",
                "-q",
                "--bare",
                "--filter=blob:none",
                remote.toUri().toString(),
                partial.toString());
        Path project = ForkedMaven.project("faults", "fault-partial-clone");
        String url = partial.toUri().toString();
        TreeSnapshot checkouts = TreeSnapshot.of(scratch, Set.of("cache"));
        TreeSnapshot sample = TreeSnapshot.of(project, RUN_OUTPUT);

        ForkedMaven.Result result = verify(project, url, scratch.resolve("cache"));

        assertExit(result, 1);
        JsonNode entry = Verdicts.assertFailed(result, project, "clone", "source", "source.incomplete-repository");
        assertThat(entry.path("evidence").asText())
                .matches("clone \\[" + Pattern.quote(url) + "]: the repository lacks objects of its"
                        + " own history \\(it is a partial clone, made with git clone --filter\\): Missing blob"
                        + " [0-9a-f]{40}\\. Serve a full clone: run git fetch --refetch \\(a partial clone\\) or git"
                        + " fetch --unshallow \\(a shallow clone\\) in it, or clone its origin again with git clone"
                        + " --no-filter\\.");
        assertThat(result.smokeLines()).noneMatch(line -> line.contains("internal server error"));
        assertThat(TreeSnapshot.of(scratch, Set.of("cache"))).isEqualTo(checkouts);
        assertThat(TreeSnapshot.of(project, RUN_OUTPUT)).isEqualTo(sample);
    }

    /** The one mirror in a clone cache: the folder ending in {@code .git}. */
    private static Path onlyMirror(Path cache) throws IOException {
        List<Path> mirrors = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(cache, "*.git")) {
            found.forEach(mirrors::add);
        }
        assertThat(mirrors).as("mirrors in " + cache).hasSize(1);
        return mirrors.get(0);
    }

    /** Cuts each pack of the mirror in half, as a full disk or a killed copy would leave it. */
    private static void truncatePacks(Path mirror) throws IOException {
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
