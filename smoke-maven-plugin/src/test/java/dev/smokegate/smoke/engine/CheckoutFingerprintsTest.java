package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.workspace.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fingerprints before the gate are taken while the first workspaces are prepared, and no step
 * runs before they are complete.
 */
class CheckoutFingerprintsTest {
    @TempDir
    Path tmp;

    @Test
    void await_checkoutAndAPlainFolder_givesTheCheckoutsFingerprintOnly() throws Exception {
        Path checkout = FixtureRepos.greeter(tmp.resolve("greeter"));
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        RecordingLog log = new RecordingLog();

        CheckoutFingerprints fingerprints = CheckoutFingerprints.start(
                List.of(checkout, plain), Files.createDirectories(tmp.resolve("gate")), Path::toString, log);
        Map<Path, Fingerprint> taken = fingerprints.await();

        assertThat(taken).containsOnlyKeys(checkout);
        assertThat(taken.get(checkout).changedPaths(Fingerprint.of(checkout, tmp.resolve("gate"))))
                .isEmpty();
        assertThat(log.at("DEBUG"))
                .anyMatch(line -> line.startsWith("[smoke] timing: fingerprint before the gate of " + checkout + ": "))
                .anyMatch(line -> line.startsWith("[smoke] no fingerprint for " + plain + ": "));
    }

    @Test
    void await_noCheckouts_returnsAtOnceWithNothing() {
        CheckoutFingerprints fingerprints =
                CheckoutFingerprints.start(List.of(), tmp, Path::toString, new RecordingLog());

        fingerprints.awaitBeforeSteps();
        assertThat(fingerprints.await()).isEmpty();
    }

    @Test
    void claim_copyHandsItsFingerprintOver_awaitGivesThatOneAndTheOthersTaken() throws Exception {
        Path first = FixtureRepos.greeter(tmp.resolve("first"));
        Path second = FixtureRepos.greeter(tmp.resolve("second"));
        Path gate = Files.createDirectories(tmp.resolve("gate"));
        Fingerprint copied = Fingerprint.of(first, gate);
        RecordingLog log = new RecordingLog();
        CheckoutFingerprints fingerprints =
                CheckoutFingerprints.start(List.of(first, second), first, gate, Path::toString, log);

        Consumer<Fingerprint> claim = fingerprints.claim(first);
        assertThat(fingerprints.claim(first)).as("claimed once").isNull();
        assertThat(fingerprints.claim(second)).as("not the claimable one").isNull();
        claim.accept(copied);
        claim.accept(null); // the preparer's finally: ignored after the fingerprint
        Map<Path, Fingerprint> taken = fingerprints.await();

        assertThat(taken).containsOnlyKeys(first, second);
        assertThat(List.copyOf(taken.keySet())).containsExactly(first, second);
        assertThat(taken.get(first)).isSameAs(copied);
        assertThat(log.at("DEBUG"))
                .anyMatch(line -> line.startsWith(
                        "[smoke] timing: fingerprint before the gate of " + first + " (recorded by its copy's walk): "))
                .anyMatch(line -> line.startsWith("[smoke] timing: fingerprint before the gate of " + second + ": "));
    }

    @Test
    void claim_copyHandsNothingOver_theBackgroundThreadTakesIt() throws Exception {
        Path checkout = FixtureRepos.greeter(tmp.resolve("greeter"));
        Path gate = Files.createDirectories(tmp.resolve("gate"));
        RecordingLog log = new RecordingLog();
        CheckoutFingerprints fingerprints =
                CheckoutFingerprints.start(List.of(checkout), checkout, gate, Path::toString, log);

        fingerprints.claim(checkout).accept(null);
        Map<Path, Fingerprint> taken = fingerprints.await();

        assertThat(taken.get(checkout)).isEqualTo(Fingerprint.of(checkout, gate));
        assertThat(log.at("DEBUG"))
                .anyMatch(line -> line.startsWith("[smoke] timing: fingerprint before the gate of " + checkout + ": "));
    }

    @Test
    void awaitBeforeSteps_whileAClaimedCopyRuns_waitsForItsFingerprint() throws Exception {
        Path checkout = FixtureRepos.greeter(tmp.resolve("greeter"));
        Path gate = Files.createDirectories(tmp.resolve("gate"));
        Fingerprint copied = Fingerprint.of(checkout, gate);
        CheckoutFingerprints fingerprints =
                CheckoutFingerprints.start(List.of(checkout), checkout, gate, Path::toString, new RecordingLog());
        Consumer<Fingerprint> claim = fingerprints.claim(checkout);
        CountDownLatch returned = new CountDownLatch(1);
        Thread otherScenario = new Thread(() -> {
            fingerprints.awaitBeforeSteps();
            returned.countDown();
        });

        otherScenario.start();
        // Had it returned, another scenario's step could change the checkout before the copy saw it.
        assertThat(returned.await(300, TimeUnit.MILLISECONDS))
                .as("returned before the copy")
                .isFalse();
        claim.accept(copied);

        assertThat(returned.await(30, TimeUnit.SECONDS))
                .as("returned after the copy")
                .isTrue();
        otherScenario.join();
        assertThat(fingerprints.await().get(checkout)).isSameAs(copied);
    }

    @Test
    void release_runEndsBeforeAnyClaim_theBackgroundThreadTakesItAndEnds() throws Exception {
        Path checkout = FixtureRepos.greeter(tmp.resolve("greeter"));
        Path gate = Files.createDirectories(tmp.resolve("gate"));
        CheckoutFingerprints fingerprints =
                CheckoutFingerprints.start(List.of(checkout), checkout, gate, Path::toString, new RecordingLog());

        fingerprints.release(); // the engine's finally, when the run throws before any scenario ran

        assertThat(fingerprints.claim(checkout)).isNull();
        assertThat(fingerprints.await().get(checkout)).isEqualTo(Fingerprint.of(checkout, gate));
        assertThat(fingerprints.toString()).contains("done=true");
    }

    @Test
    void claim_afterAScenarioReachedItsSteps_refusedAndTheFingerprintTakenBeforeTheSteps() throws Exception {
        Path checkout = FixtureRepos.greeter(tmp.resolve("greeter"));
        Path gate = Files.createDirectories(tmp.resolve("gate"));
        CheckoutFingerprints fingerprints =
                CheckoutFingerprints.start(List.of(checkout), checkout, gate, Path::toString, new RecordingLog());

        fingerprints.awaitBeforeSteps(); // another scenario's first step: returns once it is taken
        assertThat(fingerprints.toString()).contains("done=true").contains("taken=[" + checkout + "]");
        assertThat(fingerprints.claim(checkout)).isNull();
        assertThat(fingerprints.await().get(checkout)).isEqualTo(Fingerprint.of(checkout, gate));
    }

    @Test
    void run_scenario_waitsAfterItsWorkspaceIsReadyAndBeforeItsFirstStep() throws Exception {
        EngineFixture fixture = EngineFixture.greeter(tmp);
        Path marker = tmp.resolve("first-step-ran");
        fixture.withProperty("fixture.marker", marker.toString());
        Files.writeString(
                fixture.manifest(),
                """
                format = 1
                [[scenario]]
                name = "ordered"
                source.checkout = "${fixture.checkout}"
                  [[scenario.step]]
                  name = "first"
                  run = "touch ${fixture.marker}; echo ran"
                  expect.stdout.contains = ["ran"]
                """,
                StandardCharsets.UTF_8);
        Path workspace = fixture.workDirectory().resolve("ordered/workspace");
        List<String> seen = new ArrayList<>();
        EngineFixture.Runner runner = fixture.runner(
                tmp.resolve("ports"),
                () -> seen.add("workspace has pom.xml: " + Files.exists(workspace.resolve("pom.xml"))
                        + ", first step ran: " + Files.exists(marker)));
        Scenario scenario = runner.manifest().scenarios().get(0);

        ScenarioResult result = runner.scenarios().run(scenario, scenario.source());

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(seen).containsExactly("workspace has pom.xml: true, first step ran: false");
        assertThat(marker).exists();
    }
}
