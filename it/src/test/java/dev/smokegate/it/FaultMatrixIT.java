package dev.smokegate.it;

import static dev.smokegate.fixtures.GitCli.ok;
import static dev.smokegate.it.GateOutput.assertExit;
import static dev.smokegate.it.GateOutput.passLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smokegate.fixtures.FixtureRepos;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The fault matrix of issue 9: one test per fault, each a real forked {@code mvn} on the sample
 * project {@code faults}. Each asserts afterwards what a release gate owes its user whatever went
 * wrong: no process of the run is alive ({@link RunMarker}), the repositories and checkout the run
 * read are byte for byte as they were ({@link TreeSnapshot}), and the failure has the expected
 * category and rule on the console, in the JUnit XML and in the JSON summary ({@link Verdicts}).
 * Checkouts and a bare remote that no test changes are made once ({@link #fixtures()}); each test
 * has its own copy of the sample project and its own clone cache. The tests of a small disk mount a
 * tmpfs and skip, saying why, where mounting is not allowed.
 */
class FaultMatrixIT {
    /** How long the processes of a finished run get to disappear before they count as survivors. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    /** What a run may write in the sample project: its reports and the build's log. */
    private static final Set<String> RUN_OUTPUT = Set.of("target", "build.log");

    /** Selects the scenario that clones {@code fixture.url}. */
    private static final String CLONE = "-Dsmoke.scenario=clone";

    /** The shared checkouts, under {@link #shared}. */
    private static final String CHECKOUT = "greeter";

    private static final String REMOTE = "greeter.git";
    private static final String SPECIAL = "special";
    private static final String FIFO_TRACKED = "fifo-tracked";
    /** The mount point of the small disk of {@link #verify_stepFillsASmallDisk_hostDiskFull}. */
    private static final String DISK = "disk";

    /** Checkouts and a bare remote that the tests only read, made once. */
    private static Path shared;
    /** An http URL on 127.0.0.1 where nothing listens. */
    private static String unreachable;

    private RunMarker marker;
    /** This test's row of the fault matrix: the category and rule it must give. */
    private FaultMatrix.Row expected;
    /** Small file systems a test mounted, unmounted after it. */
    private final List<Path> mounts = new ArrayList<>();

    @BeforeAll
    static void fixtures() throws Exception {
        shared = ForkedMaven.scratch("fault-shared");
        Path checkout = FixtureRepos.greeter(shared.resolve(CHECKOUT));
        FixtureRepos.bareMirror(checkout, shared.resolve(REMOTE));
        Path special = FixtureRepos.greeter(shared.resolve(SPECIAL));
        Files.writeString(special.resolve("locked-tracked.txt"), "tracked secret\n");
        ok(special, "add", "locked-tracked.txt");
        ok(special, "commit", "-q", "-m", "Add a file only its owner may read");
        Files.setPosixFilePermissions(special.resolve("locked-tracked.txt"), Set.of());
        Files.writeString(special.resolve("locked-untracked.txt"), "untracked secret\n");
        Files.setPosixFilePermissions(special.resolve("locked-untracked.txt"), Set.of());
        mkfifo(special.resolve("pipe"));
        Path fifoTracked = FixtureRepos.greeter(shared.resolve(FIFO_TRACKED));
        Files.delete(fifoTracked.resolve("CHANGELOG.md"));
        mkfifo(fifoTracked.resolve("CHANGELOG.md"));
        Files.createDirectories(shared.resolve(DISK));
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            unreachable = "http://127.0.0.1:" + socket.getLocalPort() + "/greeter.git";
        }
    }

    @BeforeEach
    void mark(TestInfo test) {
        String method = test.getTestMethod().orElseThrow().getName();
        marker = RunMarker.of(method);
        expected = FaultMatrix.row(method);
    }

    @AfterEach
    void killSurvivorsAndUnmount() throws Exception {
        marker.close();
        for (Path mount : mounts) {
            run("umount", mount.toString());
        }
    }

    /** Runs {@code mvn -B [args…] verify} of the sample project, then checks that nothing of it survived. */
    private ForkedMaven.Result verify(Path project, String url, Path cache, String... extra) throws Exception {
        return verify(project, Map.of(), url, cache, extra);
    }

    /**
     * Runs {@code mvn -B [args…] verify} of the sample project with {@code environment} added, then checks
     * that nothing of it survived. Every {@code fixture.*} property the manifest names is set.
     */
    private ForkedMaven.Result verify(
            Path project, Map<String, String> environment, String url, Path cache, String... extra) throws Exception {
        Map<String, String> env = new HashMap<>(marker.environment());
        env.putAll(environment);
        ForkedMaven.Result result = ForkedMaven.mvn(project, env, args(project, url, cache, extra));
        assertNoneAlive(result);
        return result;
    }

    private void assertNoneAlive(ForkedMaven.Result result) throws IOException, InterruptedException {
        assertThat(marker.awaitNoneAlive(PATIENCE))
                .as("processes of the run still alive " + PATIENCE.toSeconds() + " s after it ended (" + result + ")")
                .isEmpty();
    }

    private static String[] args(Path project, String url, Path cache, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "verify",
                "-Dfixture.url=" + url,
                "-Dsmoke.cacheDirectory=" + cache,
                "-Dfixture.checkout=" + shared.resolve(CHECKOUT),
                "-Dfixture.special=" + shared.resolve(SPECIAL),
                "-Dfixture.fifoTracked=" + shared.resolve(FIFO_TRACKED),
                "-Dfixture.unreachable=" + unreachable,
                "-Dfixture.disk=" + shared.resolve(DISK),
                "-Dfixture.java=" + Path.of(System.getProperty("java.home"), "bin", "java"),
                "-Dfixture.crash=" + project.resolve("src/smoke/Crash.java")));
        args.addAll(List.of(extra)); // after the defaults, so that a -D here wins
        return args.toArray(String[]::new);
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
        assertExit(verify(project, url, cache, CLONE), 0); // fills the cache
        Path mirror = onlyMirror(cache);
        truncatePacks(mirror);

        ForkedMaven.Result offline = verify(project, url, cache, CLONE, "-o");

        assertExit(offline, 1);
        JsonNode entry = Verdicts.assertFailed(offline, project, "clone", expected.category(), expected.rule());
        assertThat(entry.path("evidence").asText())
                .startsWith("clone [" + url + "]: the cached mirror " + mirror + " is corrupt: objects/pack/pack-")
                .endsWith(". Delete the folder " + mirror + " and run the build once without -o to fetch a fresh one.");
        assertThat(mirror).isDirectory();

        ForkedMaven.Result online = verify(project, url, cache, CLONE);

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

        ForkedMaven.Result result = verify(project, url, scratch.resolve("cache"), CLONE);

        assertExit(result, 1);
        JsonNode entry = Verdicts.assertFailed(result, project, "clone", expected.category(), expected.rule());
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

    @Test
    void verify_stepPastItsTimeout_runtimeTimeoutAndItsBackgroundSleepKilled() throws Exception {
        ForkedMaven.Result result = runScenario("hung", "fault-hung", Map.of());

        assertExit(result, 1);
        Verdicts.assertFailed(result, project("fault-hung"), "hung", expected.category(), expected.rule());
        assertThat(result.smokeLines())
                .contains("[smoke]   expected:  the step to finish within 2s")
                .anySatisfy(line -> assertThat(line).matches("\\[smoke]   seen:      killed after \\d+\\.\\d s"));
    }

    @Test
    void verify_jvmCrashesInAStep_runtimeCrashNamingTheHsErrReport() throws Exception {
        ForkedMaven.Result result = runScenario("crash", "fault-crash", Map.of());

        assertExit(result, 1);
        JsonNode entry =
                Verdicts.assertFailed(result, project("fault-crash"), "crash", expected.category(), expected.rule());
        assertThat(entry.path("evidence").asText()).matches("# /\\S+/crash/workspace/hs_err_pid\\d+\\.log");
        assertThat(result.smokeLines())
                .contains("[smoke]   | # A fatal error has been detected by the Java Runtime Environment:");
    }

    @Test
    void verify_stepKillsItselfWithSigsegv_runtimeSignalNamingTheSignal() throws Exception {
        ForkedMaven.Result result = runScenario("signal", "fault-signal", Map.of());

        assertExit(result, 1);
        JsonNode entry =
                Verdicts.assertFailed(result, project("fault-signal"), "signal", expected.category(), expected.rule());
        assertThat(entry.path("evidence").asText()).isEqualTo("going");
        assertThat(result.smokeLines()).contains("[smoke]   seen:      exit code 139 (128+11: killed by SIGSEGV)");
    }

    @Test
    void verify_stepFillsASmallDisk_hostDiskFull() throws Exception {
        mountSmallDisk(shared.resolve(DISK), "size=8m");

        ForkedMaven.Result result = runScenario("disk-full", "fault-disk-full", Map.of());

        assertExit(result, 1);
        JsonNode entry = Verdicts.assertFailed(
                result, project("fault-disk-full"), "disk-full", expected.category(), expected.rule());
        assertThat(entry.path("evidence").asText()).endsWith("No space left on device");
    }

    @Test
    void verify_workDirectoryOnASmallDiskThatAStepFills_hostDiskFullOnTheConsoleAndTheReportsCannotBeWritten()
            throws Exception {
        Path project = ForkedMaven.project("faults", "fault-full-work-directory");
        Path work = Files.createDirectories(project.resolve("target/smoke"));
        mountSmallDisk(work, "size=8m");
        TreeSnapshot checkouts = TreeSnapshot.of(shared, Set.of(DISK));
        TreeSnapshot sample = TreeSnapshot.of(project, RUN_OUTPUT);

        ForkedMaven.Result result = verify(
                project,
                remoteUrl(),
                scratch("fault-full-work-directory").resolve("cache"),
                "-Dsmoke.scenario=disk-full",
                "-Dfixture.disk=" + work.resolve("disk-full/workspace"));

        assertExit(result, 1);
        assertThat(result.smokeLines())
                .contains("[smoke] FAIL disk-full › fill: expected the gate to read and write its files")
                .contains("[smoke]   class:     host (rule host.disk-full (the file system is full))")
                .anySatisfy(line -> assertThat(line)
                        .startsWith("[smoke]   seen:      cannot write the logs of disk-full › fill under"
                                + " target/smoke/disk-full: No space left on device"));
        assertThat(result.lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("[ERROR] Failed to execute goal ")
                        .contains(": Cannot write the JUnit report target/smoke/TEST-smoke.xml: ")
                        .contains("No space left on device"))
                .noneMatch(line -> line.startsWith("\tat "));
        assertThat(TreeSnapshot.of(shared, Set.of(DISK))).isEqualTo(checkouts);
        assertThat(TreeSnapshot.of(project, RUN_OUTPUT)).isEqualTo(sample);
    }

    @Test
    void verify_repositoryOnAClosedLocalPort_hostUnreachable() throws Exception {
        ForkedMaven.Result result = runScenario("unreachable", "fault-unreachable", Map.of());

        assertExit(result, 1);
        JsonNode entry = Verdicts.assertFailed(
                result, project("fault-unreachable"), "unreachable", expected.category(), expected.rule());
        assertThat(entry.path("evidence").asText())
                .startsWith("clone [" + unreachable + "]: the repository cannot be reached: connection failed:"
                        + " Connection refused")
                .contains(". Check the URL, the network and your credentials.");
    }

    @Test
    void verify_unknownRef_sourceRefNotFoundListingTheBranches() throws Exception {
        ForkedMaven.Result result = runScenario("unknown-ref", "fault-unknown-ref", Map.of());

        assertExit(result, 1);
        JsonNode entry = Verdicts.assertFailed(
                result, project("fault-unknown-ref"), "unknown-ref", expected.category(), expected.rule());
        assertThat(entry.path("evidence").asText())
                .startsWith("clone [" + remoteUrl() + "]: no branch, tag or commit 'no-such-branch'; branches: ")
                .endsWith(". Use one of them or a full 40-character commit SHA.");
    }

    @Test
    void verify_twoGatesOnOneCacheAtOnce_bothPassWithOneMirror() throws Exception {
        Path cache = scratch("fault-concurrent").resolve("cache");
        Path first = ForkedMaven.project("faults", "fault-concurrent-1");
        Path second = ForkedMaven.project("faults", "fault-concurrent-2");
        TreeSnapshot checkouts = TreeSnapshot.of(shared, Set.of(DISK));

        ForkedMaven.Running one =
                ForkedMaven.start(first, marker.environment(), args(first, remoteUrl(), cache, CLONE));
        ForkedMaven.Running two =
                ForkedMaven.start(second, marker.environment(), args(second, remoteUrl(), cache, CLONE));
        ForkedMaven.Result firstResult = one.await();
        ForkedMaven.Result secondResult = two.await();
        assertNoneAlive(secondResult);

        assertExit(firstResult, 0);
        assertExit(secondResult, 0);
        assertThat(firstResult.smokeLines()).anySatisfy(passLine("clone"));
        assertThat(secondResult.smokeLines()).anySatisfy(passLine("clone"));
        assertThat(Stream.concat(firstResult.lines().stream(), secondResult.lines().stream()))
                .as("one build creates the mirror, the other waits for its lock and uses it")
                .filteredOn(line -> line.contains("]: creating the cached mirror "))
                .hasSize(1);
        Path mirror = onlyMirror(cache);
        try (DirectoryStream<Path> others = Files.newDirectoryStream(cache)) {
            assertThat(others)
                    .map(path -> path.getFileName().toString())
                    .allMatch(name -> name.equals(mirror.getFileName().toString())
                            || name.equals(mirror.getFileName() + ".lock"));
        }
        assertThat(TreeSnapshot.of(shared, Set.of(DISK))).isEqualTo(checkouts);
    }

    @Test
    void verify_stepLeavesABackgroundProcess_killedAndRuntimeLeftoverProcess() throws Exception {
        ForkedMaven.Result result = runScenario("daemon", "fault-daemon", Map.of());

        assertExit(result, 1);
        Path project = project("fault-daemon");
        JsonNode entry = Verdicts.assertFailed(result, project, "daemon", expected.category(), expected.rule());
        assertThat(entry.path("evidence").asText()).matches("pid \\d+: (/\\S+/)?sleep 600");
        assertThat(Files.readAllLines(project.resolve("target/smoke/daemon/01-fork.log")))
                .anySatisfy(line -> assertThat(line)
                        .matches("\\[smoke] killed 1 background process still running when the step ended: \\d+"
                                + " \\((/\\S+/)?sleep 600\\)"));
    }

    @Test
    void verify_fifoAndModeZeroFilesInTheCheckout_untrackedSkippedAndReportedTrackedFifoSourceUnreadableTracked()
            throws Exception {
        ForkedMaven.Result result = runScenario("special,fifo-tracked", "fault-special", Map.of());

        assertExit(result, 1);
        assertThat(result.smokeLines()).anySatisfy(passLine("special")).anySatisfy(line -> assertThat(line)
                .startsWith("[smoke] special: workspace from checkout ")
                .endsWith("; skipped 2 unreadable or special path(s): notes/pipe.fifo (FIFO), pipe (FIFO)"));
        JsonNode entry = Verdicts.assertFailed(
                result, project("fault-special"), "fifo-tracked", expected.category(), expected.rule());
        assertThat(entry.path("evidence").asText())
                .isEqualTo("checkout copy [" + shared.resolve(FIFO_TRACKED) + "]: tracked path 'CHANGELOG.md' is a"
                        + " FIFO, not a regular file or symlink. Restore it with 'git checkout -- CHANGELOG.md', or"
                        + " remove it from the index with 'git rm --cached CHANGELOG.md'.");
    }

    @Test
    void verify_gigabyteOfOutputWithoutALineBreak_runtimeOutputWithBoundedLinesInA256MiBMaven() throws Exception {
        ForkedMaven.Result result = runScenario("flood", "fault-flood", Map.of("MAVEN_OPTS", "-Xmx256m"));

        assertExit(result, 1);
        Path project = project("fault-flood");
        JsonNode entry = Verdicts.assertFailed(result, project, "flood", expected.category(), expected.rule());
        assertThat(result.smokeLines())
                .contains("[smoke]   seen:      not found in 1 line (1,073,741,824 bytes) of stdout")
                .allSatisfy(line -> assertThat(line.length()).isLessThan(1_000));
        assertThat(result.lines()).noneMatch(line -> line.contains("OutOfMemoryError"));
        assertThat(entry.path("evidence").asText()).hasSizeLessThan(1_000).startsWith("[...] xxx");
        assertThat(project.resolve("target/smoke/flood/01-print.stdout.log")).hasSize(1L << 30);
        deleteLogs(project.resolve("target/smoke/flood")); // 2 GiB
    }

    @Test
    void verify_workDirectoryUnderAFile_stopsBeforeAnyScenarioNamingTheParameter() throws Exception {
        Path scratch = scratch("fault-work-directory");
        Path file = Files.writeString(scratch.resolve("a-file"), "not a folder\n");
        Path project = ForkedMaven.project("faults", "fault-work-directory");
        TreeSnapshot sample = TreeSnapshot.of(project, RUN_OUTPUT);

        ForkedMaven.Result result = verify(
                project,
                remoteUrl(),
                scratch.resolve("cache"),
                "-Dsmoke.scenario=signal",
                "-Dsmoke.workDirectory=" + file.resolve("smoke"));

        assertExit(result, 1);
        assertThat(result.lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("[ERROR] Failed to execute goal ")
                        .endsWith(": Cannot create the work directory [-Dsmoke.workDirectory] " + file.resolve("smoke")
                                + ": " + file + " is a file, not a folder. Set -Dsmoke.workDirectory to a folder"
                                + " this user can create and write. -> [Help 1]"))
                .noneMatch(line -> line.startsWith("\tat "));
        assertThat(result.smokeLines()).noneMatch(line -> line.startsWith("[smoke] FAIL"));
        assertThat(file).hasContent("not a folder");
        assertThat(TreeSnapshot.of(project, RUN_OUTPUT)).isEqualTo(sample);
        assertThat(project.resolve("target")).doesNotExist();
    }

    /**
     * Runs the scenarios {@code scenarios} of the sample project, copied as {@code test}, against the
     * shared fixtures, and checks that the checkouts and the sample project are as they were.
     */
    private ForkedMaven.Result runScenario(String scenarios, String test, Map<String, String> environment)
            throws Exception {
        Path project = ForkedMaven.project("faults", test);
        TreeSnapshot checkouts = TreeSnapshot.of(shared, Set.of(DISK));
        TreeSnapshot sample = TreeSnapshot.of(project, RUN_OUTPUT);

        ForkedMaven.Result result = verify(
                project, environment, remoteUrl(), scratch(test).resolve("cache"), "-Dsmoke.scenario=" + scenarios);

        assertThat(TreeSnapshot.of(shared, Set.of(DISK))).isEqualTo(checkouts);
        assertThat(TreeSnapshot.of(project, RUN_OUTPUT)).isEqualTo(sample);
        return result;
    }

    /** The copy of the sample project that test {@code test} ran in. */
    private static Path project(String test) {
        return Path.of(System.getProperty("smoke.it.work")).resolve(test);
    }

    private static String remoteUrl() {
        return shared.resolve(REMOTE).toUri().toString();
    }

    private static Path scratch(String test) throws IOException {
        return ForkedMaven.scratch(test);
    }

    /**
     * Mounts a small tmpfs at {@code folder} for this test, or skips the test saying why: mounting
     * needs root (CAP_SYS_ADMIN), which a CI container may not give.
     */
    private void mountSmallDisk(Path folder, String options) throws Exception {
        Files.createDirectories(folder);
        Command mount = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString());
        Assumptions.assumeTrue(
                mount.exitCode() == 0,
                () -> "cannot mount a small tmpfs (mount -t tmpfs -o " + options + ") at " + folder
                        + ", which needs root with CAP_SYS_ADMIN: exit " + mount.exitCode() + ": " + mount.output());
        mounts.add(folder);
    }

    /** A finished command: its exit code and its output. */
    private record Command(int exitCode, String output) {}

    private static Command run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Command(process.waitFor(), output);
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Command mkfifo = run("mkfifo", path.toString());
        assertThat(mkfifo.exitCode())
                .as("mkfifo " + path + ": " + mkfifo.output())
                .isZero();
    }

    /** Deletes the step logs in {@code folder}, so a large one does not stay on the build machine. */
    private static void deleteLogs(Path folder) throws IOException {
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(folder, "*.log")) {
            for (Path log : logs) {
                Files.delete(log);
            }
        }
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
