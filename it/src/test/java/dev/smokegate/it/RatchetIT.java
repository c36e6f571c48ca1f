package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static dev.smokegate.it.GateOutput.passLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.GitCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

/**
 * The ratchet as a user meets it: the sample project {@code ratchet}, made a git repository in its
 * copy with two commits (both scenarios, then {@code farewell} removed), and a real forked {@code
 * mvn verify}.
 */
class RatchetIT {
    private static final String MANIFEST = "src/smoke/manifest.toml";

    /** A copy of the project whose history holds both scenarios and then only {@code greet}. */
    private static Path farewellRemoved(String test) throws Exception {
        Path project = ForkedMaven.project("ratchet", test);
        Files.writeString(project.resolve(".gitignore"), "target/\nbuild.log\nit-settings.xml\n");
        GitCli.ok(project, "init", "-q", "-b", "main");
        commit(project, "greet and farewell");
        String manifest = Files.readString(project.resolve(MANIFEST), StandardCharsets.UTF_8);
        Files.writeString(
                project.resolve(MANIFEST),
                manifest.substring(0, manifest.indexOf("[[scenario]]\nname = \"farewell\"")),
                StandardCharsets.UTF_8);
        commit(project, "drop farewell");
        return project;
    }

    private static void commit(Path project, String message) {
        GitCli.ok(project, "add", "-A");
        GitCli.ok(project, "-c", "user.name=IT", "-c", "user.email=it@example.org", "commit", "-q", "-m", message);
    }

    @Test
    void verify_scenarioRemovedFromTheCommittedManifest_failsBeforeAnyStepNamingItAndHowToRetireIt() throws Exception {
        Path project = farewellRemoved("ratchet-removed");
        String firstCommit =
                GitCli.ok(project, "rev-parse", "--short=7", "HEAD~1").strip();

        ForkedMaven.Result result = ForkedMaven.mvn(project, "verify");

        assertExit(result, 1);
        assertThat(result.smokeLines())
                .contains("[smoke] ratchet: checked 2 scenario names from 2 versions of src/smoke/manifest.toml"
                        + " (0 from cache)")
                .noneSatisfy(line -> assertThat(line).startsWith("[smoke] PASS"));
        assertThat(result.lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("[ERROR] Failed to execute goal dev.smokegate:smoke-maven-plugin:")
                        .endsWith(": Scenario removed from the manifest [src/smoke/manifest.toml]: farewell (last seen"
                                + " in commit " + firstCommit + "). A scenario name that was ever committed stays in"
                                + " the manifest or is retired with a reason; a renamed scenario counts as removed."
                                + " Restore it, or retire it by adding to the end of src/smoke/manifest.toml, each"
                                + " with its reason:"))
                .containsSubsequence(
                        "[ERROR] [retired]",
                        "[ERROR] farewell = \"why it was removed\"",
                        "[ERROR] Set -Dsmoke.ratchet=false only to bootstrap a manifest whose history predates the"
                                + " ratchet.");
        assertThat(project.resolve("target/smoke/greet")).as("no scenario ran").doesNotExist();
    }

    @Test
    void verify_removedScenarioRetired_passes() throws Exception {
        Path project = farewellRemoved("ratchet-retired");
        Files.writeString(
                project.resolve(MANIFEST),
                "\n[retired]\nfarewell = \"folded into greet (RatchetIT)\"\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        commit(project, "retire farewell");

        ForkedMaven.Result result = ForkedMaven.mvn(project, "verify");

        assertExit(result, 0);
        assertThat(result.smokeLines())
                .contains("[smoke] ratchet: checked 2 scenario names from 3 versions of src/smoke/manifest.toml"
                        + " (0 from cache)")
                .anySatisfy(passLine("greet"));
        assertThat(result.summary()).isEqualTo("Smoke: 1 passed, 0 failed, 0 skipped");
    }

    /**
     * The ITs' project copies live under {@code it/target/it-work}, which this repository's git
     * ignores: inside a clone of it they are in a work tree but were never committed, so the ratchet
     * passes; outside any clone (a source archive) they are in no work tree. Either way the gate runs
     * and says why nothing was checked.
     */
    @Test
    void verify_projectCopyWithoutAHistoryOfItsOwn_passesSayingThereIsNoHistory() throws Exception {
        Path project = ForkedMaven.project("ratchet", "ratchet-no-history");
        Path checkout = ForkedMaven.scratch("ratchet-no-history");
        Files.writeString(checkout.resolve("README.md"), "a checkout to copy\n");
        GitCli.ok(checkout, "init", "-q", "-b", "main");
        commit(checkout, "a checkout");
        GitCli.Result inside = GitCli.run(project, "rev-parse", "--show-prefix");

        ForkedMaven.Result result = ForkedMaven.mvn(project, "verify", "-Dratchet.checkout=" + checkout);

        assertExit(result, 0);
        assertThat(result.smokeLines())
                .contains(
                        inside.exitCode() == 0
                                ? "[smoke] ratchet: " + inside.stdout().strip() + MANIFEST
                                        + " was never committed; no history to check"
                                : "[smoke] ratchet: " + MANIFEST + " is not in a git work tree; no history to check")
                .anySatisfy(passLine("greet"))
                .anySatisfy(passLine("farewell"));
    }
}
