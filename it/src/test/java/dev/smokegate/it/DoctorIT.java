package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.fixtures.GitCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code smoke:doctor} as a user runs it: a real forked {@code mvn} on the sample project {@code
 * doctor}, whose scenarios clone a repository that answers, one that is gone but whose pinned commit
 * an earlier {@code smoke:verify} cached, and one that requires an environment variable.
 */
class DoctorIT {
    private static final String TOKEN = "SMOKE_IT_DOCTOR_TOKEN";

    private static Path checkout;
    private static String liveUrl;
    private static String tagCommit;

    @BeforeAll
    static void fixtures() throws Exception {
        Path scratch = ForkedMaven.scratch("doctor");
        checkout = FixtureRepos.greeter(scratch.resolve("greeter"));
        liveUrl = FixtureRepos.bareMirror(checkout, scratch.resolve("live.git"))
                .toUri()
                .toString();
        tagCommit =
                GitCli.ok(checkout, "rev-parse", FixtureRepos.TAG + "^{commit}").strip();
    }

    /** The arguments every run gets: the fixture URLs and a clone cache of the test's own. */
    private static String[] args(Path project, String cachedUrl, String... extra) {
        List<String> all = new ArrayList<>(List.of(
                "-Dfixture.liveUrl=" + liveUrl,
                "-Dfixture.cachedUrl=" + cachedUrl,
                "-Dfixture.sha=" + tagCommit,
                "-Dsmoke.cacheDirectory=" + project.resolve("cache")));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    /** The doctor's rows and summary, with Maven's level prefix, as the user reads them. */
    private static List<String> doctorLines(ForkedMaven.Result result) {
        return result.lines().stream()
                .filter(line -> line.matches("\\[(INFO|WARNING|ERROR)] (PASS|WARN|FAIL|Doctor:) .*"))
                .toList();
    }

    @Test
    void doctor_hostWithOneFailAndOneWarn_printsTheTableFailsTheBuildAndWritesJson() throws Exception {
        assertThat(System.getenv(TOKEN))
                .as("the test needs " + TOKEN + " unset")
                .isNull();
        Path project = ForkedMaven.project("doctor", "doctor-fail-warn");
        Path cached = FixtureRepos.bareMirror(checkout, project.resolve("remotes/cached.git"));
        String cachedUrl = cached.toUri().toString();
        ForkedMaven.Result earlier =
                ForkedMaven.mvn(project, args(project, cachedUrl, "smoke:verify", "-Dsmoke.scenario=pinned"));
        assertExit(earlier, 0);
        ForkedMaven.deleteRecursively(cached);

        ForkedMaven.Result result =
                ForkedMaven.mvn(project, args(project, cachedUrl, "smoke:doctor", "-Dsmoke.doctor.format=json"));

        assertExit(result, 1);
        String mirror = project.resolve("cache").toString();
        List<String> rows = doctorLines(result);
        assertThat(rows).hasSize(9);
        assertThat(rows.get(0))
                .matches("\\[INFO] PASS java — " + Pattern.quote(System.getProperty("java.version"))
                        + " \\(.+\\) in .+");
        assertThat(rows.get(1)).matches("\\[INFO] PASS maven — \\d+\\.\\d+\\.\\d+ in .+");
        assertThat(rows.get(2)).matches("\\[INFO] PASS git — /\\S+/git \\d+\\.\\d+.*");
        assertThat(rows.get(3)).matches("\\[INFO] PASS work directory target/smoke — writable, [0-9.]+ \\S+ free");
        assertThat(rows.get(4)).matches("\\[INFO] PASS clone cache cache — writable, [0-9.]+ \\S+ free");
        assertThat(rows.subList(5, 9))
                .satisfiesExactly(
                        live -> assertThat(live)
                                .isEqualTo("[INFO] PASS repository " + liveUrl + " at v1.0 — reachable; v1.0 is "
                                        + tagCommit.substring(0, 12)),
                        pinned -> assertThat(pinned)
                                .startsWith("[WARNING] WARN repository " + cachedUrl + " at " + tagCommit
                                        + " — cannot be reached: ")
                                .contains("; the clone cache has commit " + tagCommit + " in " + mirror + "/")
                                .endsWith(".git, so clones work from it"),
                        token -> assertThat(token).isEqualTo("[ERROR] FAIL env " + TOKEN + " — not set"),
                        summary -> assertThat(summary).isEqualTo("[ERROR] Doctor: 6 passed, 1 warning, 1 failed"));
        assertThat(result.lines())
                .contains("[INFO] [smoke] doctor: checking this host for 3 of 3 scenario(s) from"
                        + " src/smoke/manifest.toml")
                .contains("[INFO] [smoke] doctor: the rows are also in target/smoke/doctor.json")
                .anySatisfy(line -> assertThat(line)
                        .startsWith("[ERROR] Failed to execute goal dev.smokegate:smoke-maven-plugin:")
                        .contains(":doctor (default-cli) on project doctor: Doctor found 1 failed check on this host:"
                                + " env " + TOKEN + " (host.requires.env: set the variable in the build's"
                                + " environment). The FAIL lines above say what was seen."));

        JsonNode json = new ObjectMapper()
                .readTree(project.resolve("target/smoke/doctor.json").toFile());
        assertThat(json.get("format").asInt()).isEqualTo(1);
        assertThat(json.get("checks")).hasSize(8);
        JsonNode pinned = json.get("checks").get(6);
        assertThat(pinned.get("check").asText()).isEqualTo("repository " + cachedUrl + " at " + tagCommit);
        assertThat(pinned.get("verdict").asText()).isEqualTo("WARN");
        assertThat(pinned.get("rule").asText()).isEqualTo("host.unreachable");
        assertThat("[WARNING] WARN " + pinned.get("check").asText() + " — "
                        + pinned.get("detail").asText())
                .isEqualTo(rows.get(6));
        JsonNode token = json.get("checks").get(7);
        assertThat(token.get("check").asText()).isEqualTo("env " + TOKEN);
        assertThat(token.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(token.get("rule").asText()).isEqualTo("host.requires.env");
        assertThat(token.get("detail").asText()).isEqualTo("not set");
        assertThat(json.get("checks").get(0).get("rule").isNull()).isTrue();
        assertThat(json.get("summary").toString()).isEqualTo("{\"passed\":6,\"warnings\":1,\"failed\":1}");
    }

    @Test
    void doctor_healthyHost_passesWithoutWritingJson() throws Exception {
        Path project = ForkedMaven.project("doctor", "doctor-pass");

        ForkedMaven.Result result = ForkedMaven.mvn(
                project,
                Map.of(TOKEN, "t0ken"),
                args(project, liveUrl, "smoke:doctor", "-Dsmoke.scenario=live,needs-token"));

        assertExit(result, 0);
        assertThat(doctorLines(result))
                .hasSize(8)
                .contains("[INFO] PASS repository " + liveUrl + " at v1.0 — reachable; v1.0 is "
                        + tagCommit.substring(0, 12))
                .contains("[INFO] PASS env " + TOKEN + " — set")
                .endsWith("[INFO] Doctor: 7 passed, 0 warnings, 0 failed");
        assertThat(result.lines())
                .contains("[INFO] [smoke] doctor: checking this host for 2 of 3 scenario(s) from"
                        + " src/smoke/manifest.toml")
                .contains("[INFO] BUILD SUCCESS");
        assertThat(project.resolve("target")).as("the doctor creates nothing").doesNotExist();
        assertThat(project.resolve("cache")).doesNotExist();
    }

    @Test
    void doctor_unknownFormat_isRejectedByMaven() throws Exception {
        Path project = ForkedMaven.project("doctor", "doctor-bad-format");

        ForkedMaven.Result result =
                ForkedMaven.mvn(project, args(project, liveUrl, "smoke:doctor", "-Dsmoke.doctor.format=xml"));

        assertExit(result, 1);
        assertThat(result.lines()).anySatisfy(line -> assertThat(line).contains("'xml'"));
        assertThat(doctorLines(result)).isEmpty();
    }

    @Test
    void doctor_skip_saysSoAndChecksNothing() throws Exception {
        Path project = ForkedMaven.project("doctor", "doctor-skip");

        ForkedMaven.Result result = ForkedMaven.mvn(project, args(project, liveUrl, "smoke:doctor", "-Dsmoke.skip"));

        assertExit(result, 0);
        assertThat(result.lines()).contains("[INFO] Skipping the smoke doctor: smoke.skip is true (-Dsmoke.skip).");
        assertThat(doctorLines(result)).isEmpty();
    }
}
