package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static dev.smokegate.it.GateOutput.passLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.GitCli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The sample project {@code checkout-itself}: a gate over the project's own checkout ({@code
 * source.checkout = "."}) in a git repository that does not ignore {@code target/}, and the values
 * a manifest takes from Maven.
 */
class ProjectCheckoutIT {
    private static Path gitProject(String test) throws Exception {
        Path project = ForkedMaven.project("checkout-itself", test);
        GitCli.ok(project, "init", "-q", "-b", "main");
        GitCli.ok(project, "add", "pom.xml", "src");
        GitCli.ok(project, "-c", "user.name=IT", "-c", "user.email=it@example.org", "commit", "-q", "-m", "init");
        return project;
    }

    @Test
    void verify_twiceOnTheProjectsOwnCheckout_noGateFilesCopiedOrCountedAsChanges() throws Exception {
        Path project = gitProject("own-checkout");

        ForkedMaven.Result first = ForkedMaven.mvn(project, "verify", "-Dgreeting=from-the-command-line");
        ForkedMaven.Result second = ForkedMaven.mvn(project, "verify", "-Dgreeting=from-the-command-line");

        assertExit(first, 0);
        assertExit(second, 0);
        assertThat(GitCli.ok(project, "status", "--porcelain", "--", "target"))
                .as("the gate's folder is untracked and not ignored")
                .isEqualTo("?? target/\n");
        assertThat(second.smokeLines()).anySatisfy(passLine("first")).anySatisfy(passLine("second"));
        assertThat(second.summary()).isEqualTo("Smoke: 3 passed, 0 failed, 0 skipped");
        assertThat(project.resolve("target/smoke/first/01-look.log")).content().isEqualTo("CLEAN\n");
        assertThat(project.resolve("target/smoke/second/01-look.log")).content().isEqualTo("CLEAN\n");
    }

    @Test
    void verify_placeholdersFromMaven_eachPrintedWithItsValue() throws Exception {
        Path project = gitProject("placeholders");

        ForkedMaven.Result result =
                ForkedMaven.mvn(project, "verify", "-Dsmoke.scenario=placeholders", "-Dgreeting=from-the-command-line");

        assertExit(result, 0);
        String basedir = project.toAbsolutePath().toString();
        assertThat(project.resolve("target/smoke/placeholders/01-print.log"))
                .content()
                .isEqualTo(String.join(
                        "\n",
                        "project.groupId=dev.smokegate.it",
                        "project.artifactId=checkout-itself",
                        "project.version=1.0",
                        "project.basedir=" + basedir,
                        "basedir=" + basedir,
                        "project.build.directory=" + basedir + "/target",
                        "settings.localRepository=" + Path.of(System.getProperty("smoke.it.repository")),
                        "maven.home=" + Path.of(System.getProperty("maven.home")),
                        "greeting=from-the-command-line",
                        "only.pom=pom-only",
                        ""));
    }
}
