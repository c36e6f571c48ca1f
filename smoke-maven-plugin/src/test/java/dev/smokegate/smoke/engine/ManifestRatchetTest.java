package dev.smokegate.smoke.engine;

import static dev.smokegate.smoke.ratchet.HistoryRepo.manifest;
import static dev.smokegate.smoke.ratchet.HistoryRepo.shortId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smokegate.smoke.CliFrontEnd;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.ratchet.HistoryRepo;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ratchet as the gate runs it ({@link ManifestRatchet}): the project is a git repository made
 * with JGit, its manifest at {@code src/smoke/manifest.toml} with a history; each test asserts the
 * lines and the message a user reads.
 */
class ManifestRatchetTest {
    private static final String MANIFEST = "src/smoke/manifest.toml";
    private static final String NL = System.lineSeparator();

    @TempDir
    Path tmp;

    private EngineFixture fixture;
    private HistoryRepo repo;

    @BeforeEach
    void project() throws Exception {
        fixture = EngineFixture.project(tmp);
        repo = HistoryRepo.init(fixture.project());
        repo.write(".gitignore", "target/\n");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    /** Runs the gate on the manifest as the work tree has it now and returns its failure. */
    private GateConfigurationException failure() {
        GateConfigurationException e = catchThrowableOfType(GateConfigurationException.class, () -> fixture.run());
        assertThat(e).as("the gate must fail; log: %s", fixture.log().lines()).isNotNull();
        return e;
    }

    @Test
    void run_scenarioRemovedAndNotRetired_failsBeforeAnythingRunsAndSaysHowToRetireIt() throws Exception {
        RevCommit head = repo.commit(MANIFEST, manifest("greet", "checkout-old"));
        repo.write(MANIFEST, manifest("greet"));

        GateConfigurationException e = failure();

        assertThat(e.getMessage())
                .isEqualTo("Scenario removed from the manifest [src/smoke/manifest.toml]: checkout-old (last seen in"
                        + " commit " + shortId(head) + "). A scenario name that was ever committed stays in the"
                        + " manifest or is retired with a reason; a renamed scenario counts as removed. Restore it, or"
                        + " retire it by adding to the end of src/smoke/manifest.toml, each with its reason:" + NL
                        + NL + "[retired]" + NL + "checkout-old = \"why it was removed\"" + NL + NL
                        + "Set -Dsmoke.ratchet=false only to bootstrap a manifest whose history predates the"
                        + " ratchet.");
        assertThat(fixture.workDirectory().resolve("greet"))
                .as("no scenario ran")
                .doesNotExist();
        assertThat(fixture.log().messages()).noneMatch(line -> line.contains("scenario(s) selected"));
    }

    @Test
    void run_twoRemovedWithARetiredTableAlready_entriesToAddUnderItNamesWithDotsQuoted() throws Exception {
        repo.commit(MANIFEST, manifest("greet", "api.v1", "old-a"));
        RevCommit second = repo.commit(MANIFEST, manifest("greet", "api.v1", "other"));
        repo.commit(MANIFEST, manifest("greet") + "\n[retired]\nold-a = \"folded into greet\"\n");
        repo.write(MANIFEST, manifest("greet", "renamed") + "\n[retired]\nold-a = \"folded into greet\"\n");

        GateConfigurationException e = failure();

        String seen = " (last seen in commit " + shortId(second) + ")";
        assertThat(e.getMessage())
                .isEqualTo("Scenarios removed from the manifest [src/smoke/manifest.toml]: api.v1" + seen + ", other"
                        + seen + ". A scenario name that was ever committed stays in the manifest or is retired with a"
                        + " reason; a renamed scenario counts as removed. Restore them, or retire them by adding under"
                        + " the [retired] table of src/smoke/manifest.toml, each with its reason:" + NL + NL
                        + "\"api.v1\" = \"why it was removed\"" + NL + "other = \"why it was removed\"" + NL + NL
                        + "Set -Dsmoke.ratchet=false only to bootstrap a manifest whose history predates the"
                        + " ratchet.");
    }

    @Test
    void run_removedScenarioRetired_passesAndSaysWhatItChecked() throws Exception {
        repo.commit(MANIFEST, manifest("greet", "checkout-old"));
        repo.write(MANIFEST, manifest("greet") + "\n[retired]\ncheckout-old = \"replaced by greet in REL-77\"\n");

        GateResult result = fixture.run();

        assertThat(result.scenarios()).extracting(ScenarioResult::status).containsExactly(Status.PASS);
        assertThat(fixture.log().at("INFO"))
                .contains("[smoke] ratchet: checked 2 scenario names from 1 version of src/smoke/manifest.toml"
                        + " (0 from cache)");
    }

    @Test
    void run_secondRun_versionsComeFromTheCache() throws Exception {
        repo.commit(MANIFEST, manifest("greet"));
        repo.commit(MANIFEST, manifest("greet", "other"));

        fixture.run();
        fixture.run();

        assertThat(fixture.log().at("INFO"))
                .containsSubsequence(
                        "[smoke] ratchet: checked 2 scenario names from 2 versions of src/smoke/manifest.toml"
                                + " (0 from cache)",
                        "[smoke] ratchet: checked 2 scenario names from 2 versions of src/smoke/manifest.toml"
                                + " (2 from cache)");
    }

    @Test
    void run_manifestMovedInHistory_followsItAndNamesTheOldPath() throws Exception {
        repo.commit("smoke/manifest.toml", manifest("greet", "b"));
        repo.move("smoke/manifest.toml", MANIFEST);
        RevCommit moved = repo.commitAll("move the manifest");
        repo.write(MANIFEST, manifest("greet"));

        GateConfigurationException e = failure();

        assertThat(fixture.log().at("INFO"))
                .contains("[smoke] ratchet: followed src/smoke/manifest.toml back to its old path smoke/manifest.toml"
                        + " (renamed in commit " + shortId(moved) + ")");
        assertThat(e.getMessage()).contains(": b (last seen in commit " + shortId(moved) + ").");
    }

    @Test
    void run_versionThatIsNotToml_reportedAsSkippedWithItsCommit() throws Exception {
        RevCommit broken = repo.commit(MANIFEST, "format = 1\n[[scenario]\n");
        repo.commit(MANIFEST, manifest("greet"));

        fixture.run();

        assertThat(fixture.log().at("INFO"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("[smoke] ratchet: skipped the version of commit " + shortId(broken)
                                + ", which cannot be read: src/smoke/manifest.toml:2:")
                        .contains(": not valid TOML: "))
                .contains("[smoke] ratchet: checked 1 scenario name from 2 versions of src/smoke/manifest.toml"
                        + " (0 from cache)");
    }

    @Test
    void run_manifestNeverCommitted_saysSoAndRuns() throws Exception {
        repo.commit("README.md", "a project\n");

        GateResult result = fixture.run(manifest("greet"));

        assertThat(result.passed()).isTrue();
        assertThat(fixture.log().at("INFO"))
                .contains("[smoke] ratchet: src/smoke/manifest.toml was never committed; no history to check");
    }

    @Test
    void run_ratchetOff_warnsThatItIsOffAndRuns() throws Exception {
        repo.commit(MANIFEST, manifest("greet", "gone"));

        GateResult result = fixture.run(manifest("greet"), request -> request.ratchet(false));

        assertThat(result.passed()).isTrue();
        assertThat(fixture.log().at("WARN"))
                .contains("[smoke] ratchet off (-Dsmoke.ratchet=false): scenarios removed from"
                        + " src/smoke/manifest.toml are not looked for. Use it only to bootstrap a manifest whose"
                        + " history predates the ratchet.");
    }

    @Test
    void run_otherFrontEnd_namesItsOwnSetting() throws Exception {
        repo.commit(MANIFEST, manifest("greet", "gone"));
        repo.write(MANIFEST, manifest("greet"));

        GateConfigurationException e = catchThrowableOfType(
                GateConfigurationException.class,
                () -> fixture.run(GateRequest.builder(fixture.manifest(), CliFrontEnd.INSTANCE)
                        .basedir(fixture.project())
                        .workDirectory(fixture.workDirectory())
                        .cacheDirectory(tmp.resolve("cache"))
                        .build()));

        assertThat(e.getMessage())
                .endsWith("Set --ratchet=false only to bootstrap a manifest whose history" + " predates the ratchet.");
    }

    @Test
    void run_notInAGitWorkTree_saysSoAndRuns(@TempDir Path elsewhere) throws Exception {
        EngineFixture plain = EngineFixture.project(elsewhere);

        GateResult result = plain.run(manifest("greet"));

        assertThat(result.scenarios())
                .as("the gate went on to run the scenario (which fails: the project is no git checkout to copy)")
                .hasSize(1);
        assertThat(plain.log().at("INFO"))
                .contains("[smoke] ratchet: src/smoke/manifest.toml is not in a git work tree; no history to check");
        assertThat(plain.workDirectory().resolve("ratchet-cache.json")).doesNotExist();
    }
}
