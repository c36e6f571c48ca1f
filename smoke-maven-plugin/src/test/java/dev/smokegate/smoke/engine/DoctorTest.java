package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.fixtures.GitCli;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.HostCheck.Verdict;
import dev.smokegate.smoke.workspace.CloneCache;
import dev.smokegate.smoke.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The doctor end to end, without Maven: real fixture repositories, a real clone cache. */
@Timeout(120)
class DoctorTest {
    private static final String MAVEN = "3.9.9 in /opt/maven";

    @TempDir
    Path tmp;

    private Path project;
    private Path remote;
    private String url;
    private String tagCommit;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void fixtures() throws IOException {
        Path greeter = FixtureRepos.greeter(tmp.resolve("greeter"));
        remote = FixtureRepos.bareMirror(greeter, tmp.resolve("remote.git"));
        url = remote.toUri().toString();
        tagCommit =
                GitCli.ok(remote, "rev-parse", FixtureRepos.TAG + "^{commit}").strip();
        project = Files.createDirectories(tmp.resolve("project/src/smoke"))
                .getParent()
                .getParent();
    }

    private Doctor.Result run(String manifest) throws Exception {
        return run(manifest, UnaryOperator.identity(), false);
    }

    private Doctor.Result run(String manifest, UnaryOperator<GateRequest.Builder> settings, boolean json)
            throws Exception {
        Files.writeString(project.resolve("src/smoke/manifest.toml"), manifest, StandardCharsets.UTF_8);
        return new Doctor(log).run(settings.apply(builder()).build(), MAVEN, json);
    }

    private GateRequest.Builder builder() {
        return GateRequest.builder(project.resolve("src/smoke/manifest.toml"), MavenFrontEnd.INSTANCE)
                .basedir(project)
                .workDirectory(project.resolve("target/smoke"))
                .cacheDirectory(tmp.resolve("cache"))
                .properties(Map.of("fixture.url", url, "fixture.sha", tagCommit))
                .environment(System.getenv())
                .probeTimeout(Duration.ofSeconds(10));
    }

    private static String clone(String name, String url, String ref) {
        return "[[scenario]]\nname = \"" + name + "\"\nsource.repo-url = \"" + url + "\"\n"
                + (ref == null ? "" : "source.ref = \"" + ref + "\"\n")
                + "  [[scenario.step]]\n  name = \"head\"\n  args = [\"git\", \"rev-parse\", \"HEAD\"]\n"
                + "  expect.stdout.matches = ['^[0-9a-f]{40}$']\n";
    }

    private static HostCheck row(Doctor.Result result, String name) {
        return result.checks().stream()
                .filter(check -> check.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name + " in " + result.checks()));
    }

    /** Fills the clone cache with the remote's mirror, as an earlier clone would have. */
    private void fillCache() throws WorkspaceException {
        new CloneCache(tmp.resolve("cache"), false, MavenFrontEnd.INSTANCE, new RecordingLog())
                .cloneInto(url, FixtureRepos.TAG, tmp.resolve("earlier-clone"));
    }

    @Test
    void run_reachableRepository_everyRowPassesInOrder() throws Exception {
        Doctor.Result result = run("format = 1\n" + clone("tagged", "${fixture.url}", FixtureRepos.TAG));

        assertThat(result.failed()).isFalse();
        assertThat(result.checks())
                .extracting(HostCheck::name)
                .containsExactly(
                        "java",
                        "maven",
                        "git",
                        "work directory target/smoke",
                        "clone cache " + tmp.resolve("cache"),
                        "repository " + url + " at v1.0");
        assertThat(result.checks()).extracting(HostCheck::verdict).containsOnly(Verdict.PASS);
        assertThat(row(result, "repository " + url + " at v1.0").detail())
                .isEqualTo("reachable; v1.0 is " + tagCommit.substring(0, 12));
        assertThat(row(result, "maven").detail()).isEqualTo(MAVEN);
        assertThat(row(result, "java").detail()).startsWith(System.getProperty("java.version") + " (");
        assertThat(row(result, "git").detail()).matches("/\\S+/git \\d+\\.\\d+.*");
        assertThat(log.messages())
                .startsWith("[smoke] doctor: checking this host for 1 of 1 scenario(s) from src/smoke/manifest.toml")
                .endsWith("Doctor: 6 passed, 0 warnings, 0 failed");
        assertThat(log.at("INFO"))
                .contains("PASS repository " + url + " at v1.0 — reachable; v1.0 is " + tagCommit.substring(0, 12));
    }

    @Test
    void run_foldersNotCreatedYet_probesTheNearestFolderAboveAndCreatesNothing() throws Exception {
        Doctor.Result result = run("format = 1\n" + clone("tagged", "${fixture.url}", null));

        assertThat(row(result, "work directory target/smoke").detail())
                .matches("not created yet; " + java.util.regex.Pattern.quote(project.toString())
                        + ", the nearest folder above it, is writable, [0-9.]+ [KMGTPE]?i?B(ytes)? free");
        assertThat(row(result, "clone cache " + tmp.resolve("cache")).detail())
                .startsWith("not created yet; " + tmp + ", the nearest folder above it, is writable, ");
        assertThat(project.resolve("target")).doesNotExist();
        assertThat(tmp.resolve("cache")).doesNotExist();
        try (var left = Files.list(project)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactly("src");
        }
        assertThat(row(result, "repository " + url).detail()).isEqualTo("reachable; HEAD is " + headCommit());
    }

    @Test
    void run_workDirectoryBlockedByAFile_failsHostIo() throws Exception {
        Files.writeString(project.resolve("target"), "not a folder");

        Doctor.Result result = run("format = 1\n" + clone("tagged", "${fixture.url}", FixtureRepos.TAG));

        assertThat(row(result, "work directory target/smoke"))
                .isEqualTo(new HostCheck(
                        "work directory target/smoke",
                        Verdict.FAIL,
                        "host.io",
                        "not created yet; target, the nearest folder above it, is a file, so the folder cannot be"
                                + " created"));
        assertThat(result.failed()).isTrue();
    }

    @Test
    void run_missingRepository_failsHostUnreachableSayingWhatToDo() throws Exception {
        String missing = tmp.resolve("missing.git").toUri().toString();

        Doctor.Result result = run("format = 1\n" + clone("gone", missing, "main"));

        HostCheck row = row(result, "repository " + missing + " at main");
        assertThat(row.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(row.rule()).isEqualTo("host.unreachable");
        assertThat(row.detail())
                .startsWith("cannot be reached: ")
                .endsWith(", and the clone cache has no branch or tag 'main' of it. Check the URL, the network and"
                        + " your credentials.");
        assertThat(result.failed()).isTrue();
        assertThat(Doctor.failureMessage(builder().build(), result))
                .isEqualTo("Doctor found 1 failed check on this host: repository " + missing + " at main"
                        + " (host.unreachable: check the URL, the network and the logins, or fill the clone cache)."
                        + " The FAIL lines above say what was seen.");
        assertThat(log.at("ERROR")).containsExactly(row.toString(), "Doctor: 5 passed, 0 warnings, 1 failed");
    }

    @Test
    void run_unreachableButPinnedCommitCached_warnsHostUnreachable() throws Exception {
        fillCache();
        FileUtils.delete(remote.toFile(), FileUtils.RECURSIVE);
        Path mirror = new CloneCache(tmp.resolve("cache"), false, MavenFrontEnd.INSTANCE, log).mirrorOf(url);

        Doctor.Result result = run("format = 1\n" + clone("pinned", "${fixture.url}", "${fixture.sha}"));

        HostCheck row = row(result, "repository " + url + " at " + tagCommit);
        assertThat(row.verdict()).isEqualTo(Verdict.WARN);
        assertThat(row.rule()).isEqualTo("host.unreachable");
        assertThat(row.detail())
                .startsWith("cannot be reached: ")
                .endsWith("; the clone cache has commit " + tagCommit + " in " + mirror + ", so clones work from it");
        assertThat(result.failed()).isFalse();
        assertThat(log.last().message()).isEqualTo("Doctor: 5 passed, 1 warning, 0 failed");
        assertThat(log.last().level()).isEqualTo("WARN");
    }

    @Test
    void run_offlineWithTheTagCached_warnsHostOfflineAndSaysItMayBeBehind() throws Exception {
        fillCache();
        Path mirror = new CloneCache(tmp.resolve("cache"), false, MavenFrontEnd.INSTANCE, log).mirrorOf(url);

        Doctor.Result result = run(
                "format = 1\n" + clone("tagged", "${fixture.url}", FixtureRepos.TAG),
                builder -> builder.offline(true),
                false);

        assertThat(row(result, "repository " + url + " at v1.0"))
                .isEqualTo(new HostCheck(
                        "repository " + url + " at v1.0",
                        Verdict.WARN,
                        "host.offline",
                        "Maven runs offline (-o), so the remote was not checked; the clone cache has branch or tag"
                                + " 'v1.0' at " + tagCommit.substring(0, 12) + " in " + mirror
                                + ", so clones work from it, though it may be behind the remote"));
        assertThat(log.messages())
                .first()
                .isEqualTo("[smoke] doctor: checking this host for 1 of 1 scenario(s) from src/smoke/manifest.toml"
                        + " (offline: repositories are looked up in the clone cache only)");
    }

    @Test
    void run_offlineWithEmptyCache_failsHostOfflineNotCached() throws Exception {
        Doctor.Result result = run(
                "format = 1\n" + clone("pinned", "${fixture.url}", "${fixture.sha}"),
                builder -> builder.offline(true),
                false);

        assertThat(row(result, "repository " + url + " at " + tagCommit))
                .isEqualTo(new HostCheck(
                        "repository " + url + " at " + tagCommit,
                        Verdict.FAIL,
                        "host.offline-not-cached",
                        "Maven runs offline (-o), so the remote was not checked, and the clone cache has no commit "
                                + tagCommit + " of it. Run once without -o to fill the cache."));
    }

    @Test
    void run_reachableWithoutTheBranch_failsSourceRefNotFound() throws Exception {
        Doctor.Result result = run("format = 1\n" + clone("typo", "${fixture.url}", "mian"));

        HostCheck row = row(result, "repository " + url + " at mian");
        assertThat(row.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(row.rule()).isEqualTo("source.ref-not-found");
        assertThat(row.detail())
                .matches("reachable, but it has no branch or tag 'mian' \\(\\d+ refs listed\\)\\. Use a branch, a tag"
                        + " or a full 40-character commit SHA it has\\.");
    }

    @Test
    void run_selection_checksOnlyTheSelectedScenariosRepositories() throws Exception {
        String missing = tmp.resolve("missing.git").toUri().toString();

        Doctor.Result result = run(
                "format = 1\n" + clone("tagged", "${fixture.url}", FixtureRepos.TAG) + clone("gone", missing, null),
                builder -> builder.scenarioGlobs(List.of("tag*")),
                false);

        assertThat(result.checks()).extracting(HostCheck::name).noneMatch(name -> name.contains(missing));
        assertThat(result.failed()).isFalse();
        assertThat(log.messages()).first().asString().contains("1 of 2 scenario(s)");
    }

    @Test
    void run_repoUrlInsteadOfCheckout_probesTheRepoUrlAtItsRef() throws Exception {
        Doctor.Result result = run(
                """
                format = 1
                [[scenario]]
                name = "local"
                source.checkout = "."
                  [[scenario.step]]
                  name = "x"
                  run = "echo ok"
                  expect.stdout.contains = ["ok"]
                """,
                builder -> builder.repoUrl(url).ref(FixtureRepos.TAG),
                false);

        assertThat(row(result, "repository " + url + " at v1.0").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void run_noClone_anUnwritableCacheOnlyWarns() throws Exception {
        Files.writeString(tmp.resolve("cache"), "not a folder");

        Doctor.Result result = run(
                """
                format = 1
                [[scenario]]
                name = "local"
                source.checkout = "."
                  [[scenario.step]]
                  name = "x"
                  run = "echo ok"
                  expect.stdout.contains = ["ok"]
                """);

        assertThat(row(result, "clone cache " + tmp.resolve("cache")))
                .isEqualTo(new HostCheck(
                        "clone cache " + tmp.resolve("cache"),
                        Verdict.WARN,
                        "host.io",
                        "is a file, not a folder; no selected scenario clones, so this gate does not use it"));
    }

    @Test
    void run_json_writesTheSameRowsToDoctorJson() throws Exception {
        String missing = tmp.resolve("missing.git").toUri().toString();

        Doctor.Result result = run(
                "format = 1\n" + clone("tagged", "${fixture.url}", FixtureRepos.TAG) + clone("gone", missing, null),
                UnaryOperator.identity(),
                true);

        Path json = project.resolve("target/smoke/doctor.json");
        assertThat(result.json()).isEqualTo(json);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("format").asInt()).isEqualTo(1);
        assertThat(root.get("checks")).hasSize(result.checks().size());
        for (int i = 0; i < result.checks().size(); i++) {
            HostCheck check = result.checks().get(i);
            JsonNode row = root.get("checks").get(i);
            assertThat(row.get("check").asText()).isEqualTo(check.name());
            assertThat(row.get("verdict").asText()).isEqualTo(check.verdict().name());
            assertThat(row.get("rule").isNull() ? null : row.get("rule").asText())
                    .isEqualTo(check.rule());
            assertThat(row.get("detail").asText()).isEqualTo(check.detail());
        }
        assertThat(root.get("summary").toString()).isEqualTo("{\"passed\":6,\"warnings\":0,\"failed\":1}");
        assertThat(log.messages()).contains("[smoke] doctor: the rows are also in target/smoke/doctor.json");
    }

    @Test
    void run_requires_checksEachRequirementOfTheSelectedScenariosOnce() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.remove("SMOKE_DOCTOR_TOKEN");
        environment.put("SMOKE_DOCTOR_SET", "yes");
        String requires =
                "requires.commands = [\"git\"]\nrequires.env = [\"SMOKE_DOCTOR_TOKEN\", \"SMOKE_DOCTOR_SET\"]\n";

        Doctor.Result result = run(
                "format = 1\n"
                        + clone("first", "${fixture.url}", FixtureRepos.TAG)
                                .replace("source.ref", requires + "source.ref")
                        + clone("second", "${fixture.url}", FixtureRepos.TAG)
                                .replace("source.ref", requires + "source.ref"),
                builder -> builder.environment(environment),
                false);

        assertThat(result.checks())
                .extracting(HostCheck::name)
                .containsExactly(
                        "java",
                        "maven",
                        "git",
                        "work directory target/smoke",
                        "clone cache " + tmp.resolve("cache"),
                        "repository " + url + " at v1.0",
                        "command git",
                        "env SMOKE_DOCTOR_TOKEN",
                        "env SMOKE_DOCTOR_SET");
        assertThat(row(result, "env SMOKE_DOCTOR_TOKEN"))
                .isEqualTo(new HostCheck("env SMOKE_DOCTOR_TOKEN", Verdict.FAIL, "host.requires.env", "not set"));
        assertThat(row(result, "env SMOKE_DOCTOR_SET").verdict()).isEqualTo(Verdict.PASS);
        assertThat(row(result, "command git").detail())
                .isEqualTo(row(result, "git").detail());
        assertThat(Doctor.failureMessage(builder().build(), result))
                .isEqualTo("Doctor found 1 failed check on this host: env SMOKE_DOCTOR_TOKEN (host.requires.env: set"
                        + " the variable in the build's environment). The FAIL lines above say what was seen.");
    }

    @Test
    void run_gitNotOnPath_onlyWarnsBecauseTheGateClonesWithJGit() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.put("PATH", tmp.resolve("empty-path").toString());

        Doctor.Result result = run(
                "format = 1\n" + clone("tagged", "${fixture.url}", FixtureRepos.TAG),
                builder -> builder.environment(environment),
                false);

        assertThat(row(result, "git"))
                .isEqualTo(new HostCheck(
                        "git",
                        Verdict.WARN,
                        "host.command-not-found",
                        "not found on PATH; the gate clones with JGit and does not need it, but a step that runs git"
                                + " does"));
        assertThat(row(result, "repository " + url + " at v1.0").verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.failed()).isFalse();
    }

    @Test
    void run_refWithoutRepoUrl_failsBeforeChecking() {
        assertThatThrownBy(() -> run(
                        "format = 1\n" + clone("tagged", "${fixture.url}", FixtureRepos.TAG),
                        builder -> builder.ref("v1.0"),
                        false))
                .isInstanceOf(GateConfigurationException.class)
                .hasMessage("-Dsmoke.ref=v1.0 is set without -Dsmoke.repoUrl. Set -Dsmoke.repoUrl to the repository"
                        + " to clone, or give the ref in the manifest as source.ref.");
        assertThat(log.messages()).isEmpty();
    }

    private String headCommit() {
        return GitCli.ok(remote, "rev-parse", "HEAD").strip().substring(0, 12);
    }
}
