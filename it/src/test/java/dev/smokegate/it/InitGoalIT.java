package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static dev.smokegate.it.GateOutput.passLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code smoke:init} as a new user runs it, in a project that does not declare the plugin: it drafts
 * {@code src/smoke/manifest.toml} from one run of the project's build, and {@code smoke:verify} passes
 * with that manifest as written. On the greeter fixture and on a real project, maven-shared-utils
 * imported from its source release.
 */
class InitGoalIT {
    private static String goal(String name) {
        return "dev.smokegate:smoke-maven-plugin:" + System.getProperty("smoke.it.pluginVersion") + ":" + name;
    }

    @Test
    void init_greeter_writesAManifestThatVerifyPasses() throws Exception {
        Path checkout = FixtureRepos.greeter(ForkedMaven.scratch("init-greeter").resolve("greeter"));

        ForkedMaven.Result init = ForkedMaven.mvn(checkout, goal("init"));

        assertExit(init, 0);
        Path manifest = checkout.resolve("src/smoke/manifest.toml");
        assertThat(manifest)
                .content()
                .contains("name = \"greeter-local\"")
                .contains("expect.stdout.contains = [\"Tests run: 4, Failures: 0, Errors: 0, Skipped: 0\", \"BUILD"
                        + " SUCCESS\"]")
                .contains("# source.repo-url = ");
        assertThat(init.smokeLines())
                .contains("[smoke] init: wrote src/smoke/manifest.toml: scenario greeter-local with 3 checks, a"
                        + " commented clone scenario, and how to add patch, rerun and export steps. Run it with mvn"
                        + " smoke:verify.");

        ForkedMaven.Result verify = ForkedMaven.mvn(checkout, goal("verify"));

        assertExit(verify, 0);
        assertThat(verify.smokeLines()).anySatisfy(passLine("greeter-local"));
        assertThat(verify.summary()).isEqualTo("Smoke: 1 passed, 0 failed, 0 skipped");

        ForkedMaven.Result again = ForkedMaven.mvn(checkout, goal("init"));

        assertExit(again, 1);
        assertThat(again.lines()).anySatisfy(line -> assertThat(line)
                .contains("Cannot write the manifest [src/smoke/manifest.toml]: it already exists, and"
                        + " smoke:init never overwrites a manifest. Move it away, or draft the new one into"
                        + " another file with -Dsmoke.manifest=<file>."));
    }

    @Test
    void init_mavenSharedUtilsSourceRelease_writesAManifestThatVerifyPasses() throws Exception {
        Path checkout = FixtureRepos.importSourceRelease(
                Path.of(System.getProperty("smoke.it.mavenSharedUtils")),
                ForkedMaven.scratch("init-msu").resolve("maven-shared-utils"),
                System.getProperty("smoke.it.mavenSharedUtilsTag"));
        // As in the demo: the project's own builds use a local repository of their own, so the released
        // maven-shared-utils in the user's repository is never overwritten by mvn install. And its
        // apache-rat-plugin rejects every file without the Apache licence header, the new manifest too
        // (a user of an Apache project adds the header, or an exclude); the IT skips that check.
        Path userRepository = Path.of(System.getProperty("smoke.it.userRepository"));
        Map<String, String> environment = Map.of(
                "MAVEN_OPTS",
                "-Dmaven.repo.local=" + userRepository.resolveSibling("smoke-demo-repository") + " -Drat.skip=true");

        ForkedMaven.Result init = ForkedMaven.mvn(checkout, environment, goal("init"));

        assertExit(init, 0);
        assertThat(checkout.resolve("src/smoke/manifest.toml"))
                .content()
                .contains("name = \"maven-shared-utils-local\"")
                .contains("\"Tests run: 774, Failures: 0, Errors: 0, Skipped: 19\", \"BUILD SUCCESS\"");

        ForkedMaven.Result verify = ForkedMaven.mvn(checkout, environment, goal("verify"));

        assertExit(verify, 0);
        assertThat(verify.smokeLines()).anySatisfy(passLine("maven-shared-utils-local"));
        assertThat(verify.summary()).isEqualTo("Smoke: 1 passed, 0 failed, 0 skipped");
        assertThat(Files.readString(checkout.resolve("src/smoke/manifest.toml")))
                .as("the manifest is the user's from now on")
                .startsWith("# The smoke gate of maven-shared-utils, drafted by smoke:init");
    }
}
