package dev.smokegate.smoke.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.ScenarioSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTableTest {
    private static final List<ScenarioTable.Row> ROWS = List.of(
            new ScenarioTable.Row(
                    "use-token",
                    List.of("REL-7", "REL-9"),
                    List.of("fast"),
                    new ScenarioSource(ScenarioSource.Kind.CHECKOUT, "../greeter", null, null),
                    2,
                    List.of("make-token"),
                    Duration.ofMillis(1540)),
            new ScenarioTable.Row(
                    "make-token",
                    List.of(),
                    List.of(),
                    new ScenarioSource(ScenarioSource.Kind.CLONE, "https://git.example.org/app.git", "v1.4.0", null),
                    1,
                    List.of(),
                    null));

    @Test
    void text_twoScenarios_headerAndAlignedColumnsWithDashForNone() {
        assertThat(ScenarioTable.text(ROWS))
                .containsExactly(
                        "scenario    owners       tags  source                                           steps  needs       last duration",
                        "use-token   REL-7,REL-9  fast  checkout ../greeter                              2      make-token  1.5 s",
                        "make-token  -            -     clone https://git.example.org/app.git at v1.4.0  1      -           -");
    }

    @Test
    void text_noScenario_headerOnly() {
        assertThat(ScenarioTable.text(List.of()))
                .containsExactly("scenario  owners  tags  source  steps  needs  last duration");
    }

    @Test
    void json_twoScenarios_formatManifestAndOneObjectEach() {
        assertThat(ScenarioTable.json("src/smoke/manifest.toml", ROWS))
                .isEqualTo(
                        """
                        {
                          "format" : 1,
                          "manifest" : "src/smoke/manifest.toml",
                          "scenarios" : [ {
                            "name" : "use-token",
                            "owners" : [ "REL-7", "REL-9" ],
                            "tags" : [ "fast" ],
                            "source" : {
                              "kind" : "checkout",
                              "location" : "../greeter",
                              "ref" : null
                            },
                            "steps" : 2,
                            "needs" : [ "make-token" ],
                            "lastDurationMs" : 1540
                          }, {
                            "name" : "make-token",
                            "owners" : [ ],
                            "tags" : [ ],
                            "source" : {
                              "kind" : "clone",
                              "location" : "https://git.example.org/app.git",
                              "ref" : "v1.4.0"
                            },
                            "steps" : 1,
                            "needs" : [ ],
                            "lastDurationMs" : null
                          } ]
                        }"""
                                .replace("\n", System.lineSeparator()));
    }
}
