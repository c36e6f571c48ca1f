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
