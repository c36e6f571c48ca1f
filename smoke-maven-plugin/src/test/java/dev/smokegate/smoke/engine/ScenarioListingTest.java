package dev.smokegate.smoke.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smoke:list} without Maven: the selection a gate would run, its table and JSON; nothing runs. */
class ScenarioListingTest {
    private static final String MANIFEST =
            """
            format = 1
            [[scenario]]
            name = "use-token"
            owners = ["T-1"]
            tags = ["fast", "token"]
            needs = ["make-token"]
            source.checkout = "${module}"
              [[scenario.step]]
              name = "use"
              run = "cat '${smoke.export.make-token}/token.txt'"
              expect.stdout.contains = ["token-42"]
              [[scenario.step]]
              name = "again"
              run = "echo again"
              expect.stdout.contains = ["again"]

            [[scenario]]
            name = "make-token"
            source.repo-url = "file:///repos/app.git"
            source.ref = "v1.0"
              [[scenario.step]]
              name = "make"
              run = "echo made"
              expect.stdout.contains = ["made"]

            [[scenario]]
            name = "other"
            owners = ["T-2"]
              [[scenario.step]]
              name = "hello"
              run = "echo hello; sleep 100"
              expect.stdout.contains = ["hello"]
            """;

    @TempDir
    Path tmp;

    private EngineFixture fixture;

    @BeforeEach
    void fixtures() throws Exception {
        fixture = EngineFixture.project(tmp).withProperty("module", "modules/app");
        Files.writeString(fixture.manifest(), MANIFEST, StandardCharsets.UTF_8);
    }

    private ScenarioListing list(GateRequest.Builder request) throws Exception {
        return ScenarioListing.of(request.build(), fixture.log());
    }

    private void lastRun(String scenarios) throws Exception {
        Files.createDirectories(fixture.workDirectory());
        Files.writeString(
                fixture.workDirectory().resolve("smoke-summary.json"),
                "{ \"format\": 1, \"scenarios\": [" + scenarios + "] }",
                StandardCharsets.UTF_8);
    }

    @Test
    void text_taskOfAScenarioThatNeedsAnother_bothWithTheLastDurationsInManifestOrder() throws Exception {
        lastRun("{ \"name\": \"use-token\", \"status\": \"PASS\", \"durationMs\": 2340 },"
                + " { \"name\": \"other\", \"status\": \"PASS\", \"durationMs\": 100000 }");

        List<String> text = list(fixture.request().tasks(List.of("T-1"))).text();

        assertThat(text)
                .containsExactly(
                        "scenario    owners  tags        source                               steps  needs       last duration",
                        "use-token   T-1     fast,token  checkout modules/app                 2      make-token  2.3 s",
                        "make-token  -       -           clone file:///repos/app.git at v1.0  1      -           -");
        assertThat(fixture.log().lines())
                .containsExactly(
                        "INFO [smoke] also selected make-token: needed by use-token",
                        "INFO [smoke] list: 2 of 3 scenario(s) from src/smoke/manifest.toml");
    }

    @Test
    void json_everyScenario_oneObjectEachInManifestOrder() throws Exception {
        lastRun("{ \"name\": \"make-token\", \"status\": \"FAIL\", \"durationMs\": 812 }");

        String json = list(fixture.request()).json();

        assertThat(json)
                .isEqualTo(
                        """
                        {
                          "format" : 1,
                          "manifest" : "src/smoke/manifest.toml",
                          "scenarios" : [ {
                            "name" : "use-token",
                            "owners" : [ "T-1" ],
                            "tags" : [ "fast", "token" ],
                            "source" : {
                              "kind" : "checkout",
                              "location" : "modules/app",
                              "ref" : null
                            },
                            "steps" : 2,
                            "needs" : [ "make-token" ],
                            "lastDurationMs" : null
                          }, {
                            "name" : "make-token",
                            "owners" : [ ],
                            "tags" : [ ],
                            "source" : {
                              "kind" : "clone",
                              "location" : "file:///repos/app.git",
                              "ref" : "v1.0"
                            },
                            "steps" : 1,
                            "needs" : [ ],
                            "lastDurationMs" : 812
                          }, {
                            "name" : "other",
                            "owners" : [ "T-2" ],
                            "tags" : [ ],
                            "source" : {
                              "kind" : "checkout",
                              "location" : "%s",
                              "ref" : null
                            },
                            "steps" : 1,
                            "needs" : [ ],
                            "lastDurationMs" : null
                          } ]
                        }"""
                                .formatted(fixture.project())
                                .replace("\n", System.lineSeparator()));
    }

    @Test
    void text_repoUrlGiven_checkoutsListedAsThatClone() throws Exception {
        List<String> text = list(fixture.request()
                        .scenarioGlobs(List.of("other"))
                        .repoUrl("https://git.example.org/app.git")
                        .ref("main"))
                .text();

        assertThat(text)
                .containsExactly(
                        "scenario  owners  tags  source                                         steps  needs  last duration",
                        "other     T-2     -     clone https://git.example.org/app.git at main  1      -      -");
    }

    @Test
    void of_taskNoScenarioOwns_failsAsTheGateDoes() {
        GateConfigurationException e = catchThrowableOfType(
                () -> list(fixture.request().tasks(List.of("T-9"))), GateConfigurationException.class);

        assertThat(e)
                .hasMessage("No scenario protects task T-9 [-Dsmoke.task=T-9]. Owner IDs in the manifest: T-1, T-2."
                        + " Fix the ID, or add it to the owners of the scenarios that protect it.");
    }

    @Test
    void of_anyListing_runsAndWritesNothing() throws Exception {
        list(fixture.request()).text();

        assertThat(fixture.workDirectory()).doesNotExist();
        assertThat(fixture.log().messages()).noneMatch(line -> line.contains("›"));
    }
}
