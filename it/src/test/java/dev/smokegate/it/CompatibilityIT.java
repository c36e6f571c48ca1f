package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static dev.smokegate.it.GateOutput.passLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core of the compatibility matrix (see the site's compatibility page): the forked {@code mvn} and
 * JDK are the ones asked for ({@code -Dsmoke.it.mavenVersion}, {@code -Dsmoke.it.jdk}), and on them the
 * gate passes, fails and clones as it does on the build's own Maven, without a plugin-validation
 * warning about the plugin (Maven 3.9 and 4 print one for plugins that use deprecated APIs).
 */
class CompatibilityIT {
    private static Path checkout;
    private static Path mirror;
    private static Path patches;

    @BeforeAll
    static void fixtures() throws Exception {
        Path scratch = ForkedMaven.scratch("compatibility");
        checkout = FixtureRepos.greeter(scratch.resolve("greeter"));
        mirror = FixtureRepos.bareMirror(checkout, scratch.resolve("greeter.git"));
        patches = Files.createDirectories(scratch.resolve("patches"));
        FixtureRepos.writePatch(FixtureRepos.GREETING_PATCH, patches.resolve("greeting.diff"));
    }

    private static ForkedMaven.Result mvn(Path project, String... extra) throws Exception {
        String[] args = new String[extra.length + 3];
        args[0] = "-Dfixture.checkout=" + checkout;
        args[1] = "-Dfixture.patches=" + patches;
        // Maven 3.9+: list every validation issue of every plugin; older Mavens ignore the property.
        args[2] = "-Dmaven.plugin.validation=VERBOSE";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return ForkedMaven.mvn(project, args);
    }

    /** The warnings a Maven printed about this plugin: plugin validation and deprecation lines. */
    private static java.util.List<String> pluginWarnings(ForkedMaven.Result result) {
        return result.lines().stream()
                .filter(line -> line.startsWith("[WARNING]"))
                .filter(line -> line.contains("smoke-maven-plugin") || line.contains("dev.smokegate"))
                .toList();
    }

    @Test
    void version_forkedBuild_usesTheMavenAndJdkAskedFor() throws Exception {
        Path project = ForkedMaven.project("gate", "compatibility-version");

        ForkedMaven.Result result = ForkedMaven.mvn(project, "-v");

        assertExit(result, 0);
        String maven = System.getProperty("smoke.it.mavenVersion", "");
        if (!maven.isBlank()) {
            assertThat(result.lines()).anySatisfy(line -> assertThat(line).startsWith("Apache Maven " + maven + " "));
        }
        assertThat(result.lines())
                .anySatisfy(line -> assertThat(line).startsWith("Maven home: " + ForkedMaven.mavenHome()));
        ForkedMaven.javaHome().ifPresent(home -> assertThat(result.lines())
                .anySatisfy(line -> assertThat(line).contains("runtime: " + home)));
    }

    @Test
    void verify_localLoop_passesWithoutAPluginWarning() throws Exception {
        Path project = ForkedMaven.project("gate", "compatibility-local");

        ForkedMaven.Result result = mvn(project, "verify");

        assertExit(result, 0);
        assertThat(result.smokeLines()).anySatisfy(passLine("greeter-loop")).anySatisfy(passLine("greeter-sandbox"));
        assertThat(result.summary()).isEqualTo("Smoke: 2 passed, 0 failed, 0 skipped");
        assertThat(pluginWarnings(result)).as(result.toString()).isEmpty();
    }

    @Test
    void verify_repoUrl_clonesAndPasses() throws Exception {
        Path project = ForkedMaven.project("gate", "compatibility-clone");

        ForkedMaven.Result result = mvn(
                project,
                "verify",
                "-Dsmoke.repoUrl=" + mirror.toUri(),
                "-Dsmoke.ref=" + FixtureRepos.TAG,
                "-Dsmoke.scenario=greeter-loop");

        assertExit(result, 0);
        assertThat(result.summary()).isEqualTo("Smoke: 1 passed, 0 failed, 0 skipped");
        assertThat(pluginWarnings(result)).as(result.toString()).isEmpty();
    }

    @Test
    void verify_failingExpectation_failsTheBuild() throws Exception {
        Path project = ForkedMaven.project("gate", "compatibility-failing");

        ForkedMaven.Result result = mvn(project, "verify", "-Dsmoke.manifest=src/smoke/failing.toml");

        assertExit(result, 1);
        assertThat(result.smokeLines())
                .contains("[smoke] FAIL greeter-loop › rerun: expected stdout to match 'Tests run: 4, Failures: 2'"
                        + " — log: target/smoke/greeter-loop/03-rerun.log");
        assertThat(result.summary()).isEqualTo("Smoke: 0 passed, 1 failed, 0 skipped");
        assertThat(pluginWarnings(result)).as(result.toString()).isEmpty();
    }
}
