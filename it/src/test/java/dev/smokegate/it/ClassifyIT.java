package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smokegate.fixtures.FixtureRepos;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Classification as a user meets it: a real forked {@code mvn} on the sample project {@code
 * classify}, one scenario per test. Each test checks the category and the rule on the console, in
 * the JUnit XML and in the JSON summary.
 */
class ClassifyIT {
    private static Path checkout;

    @BeforeAll
    static void fixtures() throws Exception {
        checkout = FixtureRepos.greeter(ForkedMaven.scratch("classify").resolve("greeter"));
    }

    private static ForkedMaven.Result verify(Path project, String... extra) throws Exception {
        String[] args = new String[extra.length + 3];
        args[0] = "verify";
        args[1] = "-Dfixture.checkout=" + checkout;
        args[2] = "-Dfixture.java=" + Path.of(System.getProperty("java.home"), "bin", "java");
        System.arraycopy(extra, 0, args, 3, extra.length);
        return ForkedMaven.mvn(project, args);
    }

    @Test
    void verify_customHostRuleMatches_hostWithTheManifestsRuleAndNotRetriedWithoutRetries() throws Exception {
        Path project = ForkedMaven.project("classify", "custom-rule");

        ForkedMaven.Result result = verify(project, "-Dsmoke.scenario=rate-limited");

        assertExit(result, 1);
        assertThat(result.smokeLines())
                .contains("[smoke]   class:     host (rule host.registry-rate-limit (the package registry"
                        + " rate-limited this machine))")
                .contains("[smoke]   evidence:  GET https://repo.example.org/simple/lib/ -> HTTP 429 Too Many"
                        + " Requests");
        JsonNode entry = Verdicts.assertFailed(result, project, "rate-limited", "host", "host.registry-rate-limit");
        assertThat(entry.path("ruleReason").asText()).isEqualTo("the package registry rate-limited this machine");
        assertThat(entry.path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void verify_blameSource_sourceBlameNamingTheRuleItOverrode() throws Exception {
        Path project = ForkedMaven.project("classify", "blame-source");

        ForkedMaven.Result result = verify(project, "-Dsmoke.scenario=wrong-total");

        assertExit(result, 1);
        assertThat(result.smokeLines())
                .contains("[smoke]   class:     source (rule source.blame (the step sets blame = \"source\"; without"
                        + " it: runtime.exit-code))");
        JsonNode entry = Verdicts.assertFailed(result, project, "wrong-total", "source", "source.blame");
        assertThat(entry.path("evidence").asText()).isEqualTo("invoice total: 41");
    }

    @Test
    void verify_jvmOutOfMemory_runtimeOutOfMemoryWithTheErrorLine() throws Exception {
        Path project = ForkedMaven.project("classify", "out-of-memory");

        ForkedMaven.Result result = verify(project, "-Dsmoke.scenario=heap");

        assertExit(result, 1);
        JsonNode entry = Verdicts.assertFailed(result, project, "heap", "runtime", "runtime.out-of-memory");
        assertThat(entry.path("evidence").asText())
                .isEqualTo("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void verify_sigkillTheGateDidNotSend_hostKilledSayingOutOfMemoryKiller() throws Exception {
        Path project = ForkedMaven.project("classify", "killed");

        ForkedMaven.Result result = verify(project, "-Dsmoke.scenario=sigkill");

        assertExit(result, 1);
        assertThat(result.smokeLines())
                .contains("[smoke]   exit code: 137")
                .contains("[smoke]   class:     host (rule host.killed (exit 137: killed by SIGKILL, which the gate"
                        + " did not send; probably the kernel's out-of-memory killer))");
        Verdicts.assertFailed(result, project, "sigkill", "host", "host.killed");
    }

    @Test
    void verify_badRegexInClassifyRule_buildErrorAtItsLine() throws Exception {
        Path project = ForkedMaven.project("classify", "bad-rule");

        ForkedMaven.Result result = verify(project, "-Dsmoke.manifest=src/smoke/bad-rule.toml");

        assertExit(result, 1);
        assertThat(result.lines()).anySatisfy(line -> assertThat(line)
                .contains("src/smoke/bad-rule.toml:6:1: bad regex in [[classify]] 'host.registry-rate-limit'"
                        + " matches: 'HTTP (429': Unclosed group near index 9."));
        assertThat(project.resolve("target/smoke/TEST-smoke.xml")).doesNotExist();
    }
}
