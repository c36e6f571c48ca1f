package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static dev.smokegate.it.GateOutput.passLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.fixtures.HttpGitServer;
import dev.smokegate.fixtures.SshGitServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code smoke:verify} as a user runs it: a real forked {@code mvn} on the sample project {@code
 * gate}, whose manifests smoke the greeter fixture repository. Each test asserts the lines the user
 * reads.
 */
class VerifyGoalIT {
    private static Path checkout;
    private static Path mirror;
    private static Path patches;
    private static String statusBefore;

    @BeforeAll
    static void fixtures() throws Exception {
        Path scratch = ForkedMaven.scratch("fixtures");
        checkout = FixtureRepos.greeter(scratch.resolve("greeter"));
        mirror = FixtureRepos.bareMirror(checkout, scratch.resolve("greeter.git"));
        patches = Files.createDirectories(scratch.resolve("patches"));
        FixtureRepos.writePatch(FixtureRepos.GREETING_PATCH, patches.resolve("greeting.diff"));
        statusBefore = gitStatus(checkout);
    }

    private static String[] args(String... extra) {
        List<String> all =
                new java.util.ArrayList<>(List.of("-Dfixture.checkout=" + checkout, "-Dfixture.patches=" + patches));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    /** Runs {@code mvn -B} in {@code project} with the fixture properties and then {@code extra}. */
    private static ForkedMaven.Result mvn(Path project, String... extra) throws Exception {
        return ForkedMaven.mvn(project, args(extra));
    }

    /** A line that contains {@code text}. */
    private static ThrowingConsumer<String> containing(String text) {
        return line -> assertThat(line).contains(text);
    }

    /** A line that starts with {@code prefix}. */
    private static ThrowingConsumer<String> startsWith(String prefix) {
        return line -> assertThat(line).startsWith(prefix);
    }

    /**
     * A line of a stack trace on stdout or stderr: a frame, or the first line that a dying thread
     * prints (a thread of the gate that outlived a gate which stopped early, for example).
     */
    private static boolean stackTraceLine(String line) {
        return line.startsWith("\tat ") || line.contains("Exception in thread ");
    }

    @Test
    void verify_localCheckoutLoop_passesAndLeavesCheckoutUntouched() throws Exception {
        Path project = ForkedMaven.project("gate", "local-loop");

        ForkedMaven.Result result = mvn(project, "verify");

        assertExit(result, 0);
        assertThat(result.smokeLines())
                .anySatisfy(passLine("greeter-loop"))
                .anySatisfy(passLine("greeter-sandbox"))
                .anySatisfy(startsWith("[smoke] greeter-loop: workspace from checkout " + checkout + " at "));
        assertThat(result.summary()).isEqualTo("Smoke: 2 passed, 0 failed, 0 skipped");
        Path scenario = project.resolve("target/smoke/greeter-loop");
        assertThat(scenario.resolve("04-rerun.log")).content().contains("Tests run: 4, Failures: 1");
        assertThat(scenario.resolve("export/changes.diff"))
                .content()
                .contains("diff --git a/" + FixtureRepos.GREETER_SOURCE);
        assertThat(project.resolve("target/smoke/TEST-smoke.xml"))
                .content()
                .contains("<testsuite name=\"smoke\" tests=\"6\" failures=\"0\" errors=\"0\" skipped=\"0\"");
        assertThat(gitStatus(checkout)).isEqualTo(statusBefore);
    }

    @Test
    void verify_secondRun_updatesTheWorkspaceInPlaceAndTheLoopPassesAgain() throws Exception {
        // The greeter and 120 untracked notes: a workspace of 100 files or more is kept for the next run.
        Path big = FixtureRepos.greeter(ForkedMaven.scratch("second-run").resolve("greeter"));
        for (int i = 0; i < 120; i++) {
            Files.writeString(big.resolve("notes/note-" + i + ".txt"), "note " + i + "\n");
        }
        String before = gitStatus(big);
        Path project = ForkedMaven.project("gate", "second-run");
        String[] args = {
            "-Dfixture.checkout=" + big, "-Dfixture.patches=" + patches, "-Dsmoke.scenario=greeter-loop", "verify"
        };

        ForkedMaven.Result first = ForkedMaven.mvn(project, args);
        ForkedMaven.Result second = ForkedMaven.mvn(project, args);

        assertExit(first, 0);
        assertExit(second, 0);
        String prefix = "[smoke] greeter-loop: workspace from checkout " + big + " at ";
        assertThat(first.smokeLines())
                .anySatisfy(line -> assertThat(line).startsWith(prefix).doesNotContain("kept"));
        // The first run's install, test, patch and rerun changed the workspace: the patched source was
        // written again (the patch applies a second time), target/ was removed, the rest kept. The files
        // the first copy wrote last, within the file system's timestamp resolution of its end, are
        // racily clean and written again too, so the count depends on the machine (exact counts:
        // CheckoutCopierUpdateTest).
        Pattern kept = Pattern.compile(" \\((\\d+) files unchanged since the previous run, kept\\)");
        assertThat(second.smokeLines()).anySatisfy(line -> {
            assertThat(line).startsWith(prefix);
            Matcher count = kept.matcher(line);
            assertThat(count.find()).as(line).isTrue();
            assertThat(Integer.parseInt(count.group(1))).isBetween(1, 133);
        });
        assertThat(second.smokeLines()).anySatisfy(passLine("greeter-loop"));
        assertThat(project.resolve("target/smoke/greeter-loop/04-rerun.log"))
                .content()
                .contains("Tests run: 4, Failures: 1");
        assertThat(gitStatus(big)).isEqualTo(before);
    }

    @Test
    void verify_repoUrl_clonesTheTagInsteadOfTheCheckout() throws Exception {
        Path project = ForkedMaven.project("gate", "repo-url-loop");

        ForkedMaven.Result result = mvn(
                project,
                "verify",
                "-Dsmoke.repoUrl=" + mirror.toUri(),
                "-Dsmoke.ref=" + FixtureRepos.TAG,
                "-Dsmoke.scenario=greeter-loop");

        assertExit(result, 0);
        assertThat(result.smokeLines())
                .anySatisfy(startsWith("[smoke] greeter-loop: workspace cloned from " + mirror.toUri() + " at v1.0"))
                .anySatisfy(passLine("greeter-loop"));
        assertThat(result.summary()).isEqualTo("Smoke: 1 passed, 0 failed, 0 skipped");
        assertThat(project.resolve("target/smoke/greeter-loop/workspace/" + FixtureRepos.CHANGELOG))
                .as("the tag predates the changelog commit")
                .doesNotExist();
    }

    @Test
    void verify_sshRepoUrl_clonesThroughJGitsSshTransport() throws Exception {
        Path project = ForkedMaven.project("gate", "ssh-repo-url-loop");
        try (SshGitServer server = SshGitServer.start(mirror, project.resolve("ssh"))) {
            String url = server.url("greeter.git");

            ForkedMaven.Result result = mvn(
                    project,
                    "verify",
                    "-Dsmoke.repoUrl=" + url,
                    "-Dsmoke.ref=" + FixtureRepos.TAG,
                    "-Dsmoke.sshDirectory=" + server.sshDirectory(),
                    "-Dsmoke.scenario=greeter-loop");

            assertExit(result, 0);
            assertThat(result.smokeLines())
                    .anySatisfy(startsWith("[smoke] greeter-loop: workspace cloned from " + url + " at v1.0"))
                    .anySatisfy(passLine("greeter-loop"));
            assertThat(result.summary()).isEqualTo("Smoke: 1 passed, 0 failed, 0 skipped");
        }
    }

    @Test
    void verify_httpRepoUrlNeedingLogin_usesTheSettingsServerWithAnEncryptedPassword() throws Exception {
        Path project = ForkedMaven.project("gate", "http-login-loop");
        Path security = project.resolve("settings-security.xml");
        String master = encrypted(ForkedMaven.mvn(project, "--encrypt-master-password", "smoke-master"));
        Files.writeString(
                security,
                "<settingsSecurity><master>" + master + "</master></settingsSecurity>\n",
                StandardCharsets.UTF_8);
        String password =
                encrypted(ForkedMaven.mvn(project, "--encrypt-password", "s3cret", "-Dsettings.security=" + security));
        try (HttpGitServer server = HttpGitServer.start(mirror, "greeter", "ci", "s3cret")) {
            String servers = "<server><id>" + server.hostAndPort() + "</id><username>ci</username><password>" + password
                    + "</password></server>";

            ForkedMaven.Result result = ForkedMaven.mvnWithServers(
                    project,
                    servers,
                    args(
                            "-X",
                            "verify",
                            "-Dsettings.security=" + security,
                            "-Dsmoke.repoUrl=" + server.privateUrl(),
                            "-Dsmoke.ref=" + FixtureRepos.TAG,
                            "-Dsmoke.scenario=greeter-loop"));

            assertExit(result, 0);
            assertThat(result.smokeLines())
                    .anySatisfy(startsWith(
                            "[smoke] greeter-loop: workspace cloned from " + server.privateUrl() + " at v1.0"))
                    .anySatisfy(passLine("greeter-loop"));
            assertThat(result.lines())
                    .as("not even -X shows the password")
                    .noneSatisfy(line -> assertThat(line).contains("s3cret"))
                    .contains("[WARNING] clone [" + server.privateUrl() + "]: sending the login of <server> "
                            + server.hostAndPort() + " to " + server.hostAndPort() + " over plain http://, readable"
                            + " by anyone on the way. Use https:// for repositories that need a login.");
        }
    }

    @Test
    void verify_httpRepoUrlNeedingLoginWithoutServer_failsAsHostNamingTheServerId() throws Exception {
        Path project = ForkedMaven.project("gate", "http-no-login");
        try (HttpGitServer server = HttpGitServer.start(mirror, "greeter", "ci", "s3cret")) {

            ForkedMaven.Result result =
                    mvn(project, "verify", "-Dsmoke.repoUrl=" + server.privateUrl(), "-Dsmoke.scenario=greeter-loop");

            assertExit(result, 1);
            assertThat(result.smokeLines())
                    .contains("[smoke] FAIL greeter-loop › prepare: expected a clean clone of the repository")
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("[smoke]   seen:      ")
                            .contains("not authorized")
                            .contains("a <server> in settings.xml whose id is " + server.hostAndPort()))
                    .anySatisfy(startsWith("[smoke]   class:     host (rule host.unreachable"));
            assertThat(result.summary()).isEqualTo("Smoke: 0 passed, 1 failed, 0 skipped");
        }
    }

    /** The {@code {…}} that {@code mvn --encrypt-master-password} or {@code --encrypt-password} printed. */
    private static String encrypted(ForkedMaven.Result result) {
        assertExit(result, 0);
        return result.lines().stream()
                .map(String::strip)
                .filter(line -> line.matches("\\{[A-Za-z0-9+/=]+}"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no {…} in " + result));
    }

    @Test
    void verify_rerunExpectationFails_failsTheBuildWithDetails() throws Exception {
        Path project = ForkedMaven.project("gate", "failing-rerun");

        ForkedMaven.Result result = mvn(project, "verify", "-Dsmoke.manifest=src/smoke/failing.toml");

        assertExit(result, 1);
        assertThat(result.smokeLines())
                .contains(
                        "[smoke] FAIL greeter-loop › rerun: expected stdout to match 'Tests run: 4, Failures: 2'"
                                + " — log: target/smoke/greeter-loop/03-rerun.log",
                        "[smoke]   command:   mvn -B test",
                        "[smoke]   exit code: 1",
                        "[smoke]   expected:  stdout to match 'Tests run: 4, Failures: 2'",
                        "[smoke]   last 20 lines of target/smoke/greeter-loop/03-rerun.log:");
        assertThat(result.smokeLines())
                .anySatisfy(startsWith("[smoke]   class:     runtime (rule runtime.output"))
                .anySatisfy(startsWith("[smoke]   seen:      no match in "))
                .contains("[smoke]   evidence:  [ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0");
        assertThat(result.summary()).isEqualTo("Smoke: 0 passed, 1 failed, 0 skipped");
        assertThat(result.lines())
                .anySatisfy(containing(
                        "Smoke gate failed: 1 of 1 scenarios (runtime 1). Read the [smoke] FAIL and SKIP lines"
                                + " above"));
        assertThat(project.resolve("target/smoke/TEST-smoke.xml"))
                .content()
                .contains("failures=\"1\"")
                .contains("<failure message=\"runtime.output: expected stdout to match 'Tests run: 4, Failures: 2'");
    }

    @Test
    void verify_task_runsOnlyTheScenariosThatProtectIt() throws Exception {
        Path project = ForkedMaven.project("gate", "task-selection");

        ForkedMaven.Result result = mvn(project, "smoke:verify", "-Dsmoke.task=REL-7");

        assertExit(result, 0);
        assertThat(result.smokeLines())
                .anySatisfy(startsWith("[smoke] 1 of 2 scenario(s) selected from src/smoke/manifest.toml"))
                .anySatisfy(startsWith("[smoke] PASS greeter-sandbox"))
                .noneSatisfy(line -> assertThat(line).contains("greeter-loop"));
        assertThat(result.summary()).isEqualTo("Smoke: 1 passed, 0 failed, 0 skipped");
    }

    @Test
    void verify_unknownTask_failsAndListsTheOwners() throws Exception {
        Path project = ForkedMaven.project("gate", "unknown-task");

        ForkedMaven.Result result = mvn(project, "smoke:verify", "-Dsmoke.task=REL-4");

        assertExit(result, 1);
        assertThat(result.lines())
                .anySatisfy(containing(
                        "No scenario protects task REL-4 [-Dsmoke.task=REL-4]. Owner IDs in the manifest: REL-42, REL-7."
                                + " Fix the ID, or add it to the owners of the scenarios that protect it."))
                .noneMatch(VerifyGoalIT::stackTraceLine);
        assertThat(project.resolve("target/smoke")).doesNotExist();
    }

    @Test
    void verify_missingManifest_failsNamingThePath() throws Exception {
        Path project = ForkedMaven.project("gate", "missing-manifest");

        ForkedMaven.Result result = mvn(project, "verify", "-Dsmoke.manifest=src/smoke/absent.toml");

        assertExit(result, 1);
        assertThat(result.lines())
                .anySatisfy(
                        containing("Smoke manifest not found: src/smoke/absent.toml. Create it (see the usage page),"
                                + " point -Dsmoke.manifest at it, or set -Dsmoke.skip=true."))
                .noneMatch(VerifyGoalIT::stackTraceLine);
    }

    @Test
    void verify_malformedManifest_failsWithFileLineAndColumn() throws Exception {
        Path project = ForkedMaven.project("gate", "malformed-manifest");
        Path earlier = Files.createDirectories(project.resolve("target/smoke"));
        Files.writeString(earlier.resolve("TEST-smoke.xml"), "<earlier/>", StandardCharsets.UTF_8);

        ForkedMaven.Result result = mvn(project, "verify", "-Dsmoke.manifest=src/smoke/malformed.toml");

        assertExit(result, 1);
        assertThat(result.lines())
                .anySatisfy(
                        containing(
                                "src/smoke/malformed.toml:9:3: unknown key 'timout' in [[scenario.step]]. Did you mean 'timeout'?"))
                .noneMatch(VerifyGoalIT::stackTraceLine);
        assertThat(earlier.resolve("TEST-smoke.xml"))
                .as("an earlier report stays intact")
                .hasContent("<earlier/>");
    }

    @Test
    void verify_skip_saysWhyAndRunsNothing() throws Exception {
        Path project = ForkedMaven.project("gate", "skip");

        ForkedMaven.Result result = mvn(project, "verify", "-Dsmoke.skip=true");

        assertExit(result, 0);
        assertThat(result.lines()).anySatisfy(line -> assertThat(line)
                .isEqualTo("[INFO] Skipping the smoke gate: smoke.skip is true (-Dsmoke.skip)."));
        assertThat(project.resolve("target/smoke")).doesNotExist();
    }

    @Test
    void verify_offline_clonesAPinnedCommitFromTheCacheAndSaysSo() throws Exception {
        Path project = ForkedMaven.project("gate", "offline");
        Path cache = ForkedMaven.scratch("offline-cache");
        assertThat(mvn(project, pinnedClone(cache)).exitCode())
                .as("the online run fills the cache")
                .isZero();

        ForkedMaven.Result result = mvn(project, offline(pinnedClone(cache)));

        assertExit(result, 0);
        assertThat(result.smokeLines())
                .anySatisfy(line -> assertThat(line)
                        .isEqualTo("[smoke] 1 of 1 scenario(s) selected from"
                                + " src/smoke/clone.toml (offline: clones come from the cache only)"))
                .anySatisfy(line -> assertThat(line).endsWith(" (from cache, no fetch)"))
                .anySatisfy(startsWith("[smoke] PASS pinned-clone"));
    }

    @Test
    void verify_offlineWithEmptyCache_failsAsHostNamingTheCacheAndTheFix() throws Exception {
        Path project = ForkedMaven.project("gate", "offline-empty");
        Path cache = ForkedMaven.scratch("offline-empty-cache");
        assertThat(mvn(project, "verify", "-Dsmoke.skip=true").exitCode())
                .as("an online build first resolves the plugin, as a user's first build does")
                .isZero();

        ForkedMaven.Result result = mvn(project, offline(pinnedClone(cache)));

        assertExit(result, 1);
        assertThat(result.smokeLines())
                .contains("[smoke] FAIL pinned-clone › prepare: expected a clean clone of the repository")
                .anySatisfy(line -> assertThat(line)
                        .startsWith("[smoke]   seen:      ")
                        .contains(cache.toString())
                        .contains("without -o"))
                .anySatisfy(startsWith("[smoke]   class:     host (rule host.offline-not-cached"));
        assertThat(result.summary()).isEqualTo("Smoke: 0 passed, 1 failed, 0 skipped");
    }

    /** {@code verify} of {@code clone.toml}, which clones the mirror at its head commit, with its clone cache in {@code cache}. */
    private static String[] pinnedClone(Path cache) throws Exception {
        return new String[] {
            "verify",
            "-Dsmoke.manifest=src/smoke/clone.toml",
            "-Dfixture.mirrorUrl=" + mirror.toUri(),
            "-Dfixture.sha=" + head(mirror),
            "-Dsmoke.cacheDirectory=" + cache
        };
    }

    /** {@code args} with Maven's offline switch first. */
    private static String[] offline(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("-o"));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    private static String head(Path repository) throws Exception {
        Process git = new ProcessBuilder("git", "rev-parse", "main")
                .directory(repository.toFile())
                .start();
        String sha = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return sha;
    }

    private static String gitStatus(Path repo) throws Exception {
        Process git = new ProcessBuilder("git", "status", "--porcelain", "--ignored", "--untracked-files=all")
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
