package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.smokegate.smoke.CliFrontEnd;
import dev.smokegate.smoke.model.Action;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Step;
import dev.smokegate.smoke.model.UntrackedMode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifest as a whole: every key read, the top level, scenarios and their source, and the file itself. */
class ManifestLoaderTest extends ManifestTestSupport {
    @Test
    void load_issueExample_readsEveryKey() throws Exception {
        Files.createDirectories(dir.resolve("patches"));
        Files.writeString(dir.resolve("patches/greeting.diff"), "diff --git a/x b/x\n");
        Manifest manifest = load(
                """
                format = 1
                [defaults]
                timeout = "10m"
                env = { MAVEN_OPTS = "-Xmx512m" }

                [[scenario]]
                name = "greeter-local-loop"
                description = "the loop"
                owners = ["REL-42"]
                tags = ["loop"]
                source.checkout = "."
                source.untracked = "exclude"
                env = { GREETING = "hello" }
                timeout = "30m"

                  [[scenario.step]]
                  name = "install"
                  run = "mvn -B -q install -DskipTests"
                  cwd = "."
                  timeout = "5m"
                  expect.exit = 0
                  expect.files.exist = ["target/*.jar"]

                  [[scenario.step]]
                  name = "test"
                  args = ["mvn", "-B", "test"]
                  expect.stdout.contains = ["Tests run: 4, Failures: 0"]
                  expect.json = { "/status" = "UP", "/count" = 3 }

                  [[scenario.step]]
                  name = "patch"
                  patch = "patches/greeting.diff"

                  [[scenario.step]]
                  name = "rerun"
                  run = "mvn -B test"
                  expect.exit = 1
                  expect.stdout.matches = ['Tests run: 4, Failures: 1']
                  expect.stderr.not-contains = ["OutOfMemoryError"]
                  expect.files.contains = { "target/report.txt" = ["FAIL"] }
                  expect.files.json = { "target/report.json" = { "/failed" = 1 } }

                  [[scenario.step]]
                  name = "export"
                  export.diff = "changes.diff"
                  export.files = ["target/*.jar"]
                """);

        assertThat(manifest.defaultTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(manifest.defaultEnv()).containsEntry("MAVEN_OPTS", "-Xmx512m");
        Scenario scenario = manifest.scenarios().get(0);
        assertThat(scenario.name()).isEqualTo("greeter-local-loop");
        assertThat(scenario.owners()).containsExactly("REL-42");
        assertThat(scenario.source()).isEqualTo(new Source.Checkout(".", UntrackedMode.EXCLUDE));
        assertThat(scenario.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(scenario.location().toString()).isEqualTo("m.toml:6:1");
        List<Step> steps = scenario.steps();
        assertThat(steps).extracting(Step::name).containsExactly("install", "test", "patch", "rerun", "export");
        assertThat(steps.get(0).action()).isEqualTo(new Action.Run("mvn -B -q install -DskipTests", null));
        assertThat(steps.get(0).timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(steps.get(0).logName()).isEqualTo("01-install.log");
        assertThat(steps.get(1).action()).isEqualTo(new Action.Run(null, List.of("mvn", "-B", "test")));
        assertThat(steps.get(1).expect().json()).containsEntry("/status", TextNode.valueOf("UP"));
        assertThat(steps.get(1).expect().json().get("/count").asInt()).isEqualTo(3);
        assertThat(steps.get(2).action()).isEqualTo(new Action.Patch("patches/greeting.diff"));
        assertThat(steps.get(3).expect().exit()).isEqualTo(1);
        assertThat(steps.get(3).expect().stdout().matches()).containsExactly("Tests run: 4, Failures: 1");
        assertThat(steps.get(3).expect().stderr().notContains()).containsExactly("OutOfMemoryError");
        assertThat(steps.get(3).expect().filesContain()).containsEntry("target/report.txt", List.of("FAIL"));
        assertThat(steps.get(3)
                        .expect()
                        .filesJson()
                        .get("target/report.json")
                        .get("/failed")
                        .intValue())
                .isEqualTo(1);
        assertThat(steps.get(4).action()).isEqualTo(new Action.Export("changes.diff", List.of("target/*.jar")));
    }

    @Test
    void load_defaults_areTheDocumentedOnes() throws Exception {
        Manifest manifest = load(HEAD + "  run = \"echo hi\"\n  expect.stdout.contains = [\"hi\"]\n");

        Scenario scenario = manifest.scenarios().get(0);
        assertThat(manifest.defaultTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(scenario.source()).isEqualTo(new Source.Checkout(".", UntrackedMode.INCLUDE));
        assertThat(scenario.timeout()).isNull();
        assertThat(scenario.steps().get(0).cwd()).isEqualTo(".");
        assertThat(scenario.steps().get(0).expect().exitOr(0)).isZero();
    }

    @Test
    void load_repoUrlSource_keepsUrlAndRef() throws Exception {
        Manifest manifest = load(
                """
                format = 1
                [[scenario]]
                name = "clone"
                source.repo-url = "file://${fixture.repo}.git"
                source.ref = "v1.0"
                  [[scenario.step]]
                  name = "s"
                  run = "git log -1"
                  expect.stdout.contains = ["commit"]
                """);

        assertThat(manifest.scenarios().get(0).source())
                .isEqualTo(new Source.Clone("file://${fixture.repo}.git", "v1.0"));
    }

    @Test
    void load_typoInStepKey_namesLocationAndSuggestion() throws Exception {
        assertThat(problems(HEAD + "  run = \"echo hi\"\n  timout = \"5m\"\n  expect.stdout.contains = [\"hi\"]\n"))
                .containsExactly("m.toml:9:3: unknown key 'timout' in [[scenario.step]]. Did you mean 'timeout'?");
    }

    @Test
    void load_unknownKeyWithoutNearMatch_listsAllowedKeys() throws Exception {
        assertThat(problems("format = 1\ncolour = \"red\"\n[[scenario]]\nname = \"a\"\n" + STEP + ECHO))
                .containsExactly("m.toml:2:1: unknown key 'colour' in the top level of the manifest."
                        + " Allowed keys: classify, defaults, format, retired, scenario.");
    }

    @Test
    void load_wrongTypes_sayWhatWasExpectedAndFound() throws Exception {
        assertThat(problems(HEAD + "  run = [\"echo\"]\n  timeout = 30\n  expect.stdout.contains = \"hi\"\n"))
                .containsExactly(
                        "m.toml:8:3: 'run' in [[scenario]] 'a' › s must be a string; found an array of strings.",
                        "m.toml:9:3: bad duration for 'timeout' in [[scenario]] 'a' › s: integer 30."
                                + " Write a positive duration such as \"500ms\", \"30s\", \"10m\" or \"1h\".",
                        "m.toml:10:3: 'contains' in [[scenario]] 'a' › s expect.stdout must be an array of strings,"
                                + " e.g. [\"text\"]; found string \"hi\".");
    }

    @Test
    void load_badDuration_isRejected() throws Exception {
        assertThat(problems(
                        HEAD + "  run = \"echo\"\n  timeout = \"10 minutes\"\n  expect.stdout.contains = [\"x\"]\n"))
                .containsExactly(
                        "m.toml:9:3: bad duration for 'timeout' in [[scenario]] 'a' › s: string \"10 minutes\"."
                                + " Write a positive duration such as \"500ms\", \"30s\", \"10m\" or \"1h\".");
    }

    @Test
    void load_duplicateScenarioNames_pointAtTheFirst() throws Exception {
        String scenario = "[[scenario]]\nname = \"a\"\n" + STEP + ECHO;
        assertThat(problems("format = 1\n" + scenario + scenario))
                .containsExactly(
                        "m.toml:9:1: duplicate scenario name 'a'; it is first used at m.toml:3:1. Rename one of them.");
    }

    @Test
    void load_badScenarioName_explainsTheRule() throws Exception {
        assertThat(problems("format = 1\n[[scenario]]\nname = \"Greeter Loop\"\n" + STEP + ECHO))
                .containsExactly("m.toml:3:1: scenario name 'Greeter Loop' must match [a-z0-9][a-z0-9._-]* (it names a"
                        + " folder and a log file). Use lower case, digits, '.', '_' and '-'.");
    }

    @Test
    void load_missingFormat_saysWhatToAdd() throws Exception {
        assertThat(problems("[[scenario]]\nname = \"a\"\n" + STEP + ECHO))
                .containsExactly("m.toml:1:1: missing key 'format'. Add `format = 1` as the first line.");
    }

    @Test
    void load_otherFormat_isUnsupported() throws Exception {
        assertThat(problems(HEAD.replace("format = 1", "format = 2") + ECHO))
                .containsExactly(
                        "m.toml:1:1: unsupported format integer 2; this plugin reads format = 1. Set `format = 1`.");
    }

    @Test
    void load_invalidToml_reportsTomljPosition() throws Exception {
        List<String> problems = problems("format = 1\n[[scenario]\nname = \"a\"\n");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0))
                .startsWith("m.toml:2:")
                .contains("not valid TOML: ")
                .endsWith(". Fix the syntax (TOML 1.0).");
    }

    @Test
    void load_missingFile_namesThePathAndWhatToDo() {
        ManifestException e = catchThrowableOfType(
                ManifestException.class, () -> loader.load(dir.resolve("absent.toml"), "src/smoke/manifest.toml"));

        assertThat(e)
                .hasMessage("Smoke manifest not found: src/smoke/manifest.toml. Create it (see the usage page),"
                        + " point -Dsmoke.manifest at it, or set -Dsmoke.skip=true.");
    }

    @Test
    void load_missingFile_namesTheSettingsInTheFrontEndsWords() {
        ManifestLoader cliLoader = new ManifestLoader(new Placeholders(Map.of(), Map.of()), CliFrontEnd.INSTANCE);

        ManifestException e = catchThrowableOfType(
                ManifestException.class, () -> cliLoader.load(dir.resolve("absent.toml"), "m.toml"));

        assertThat(e)
                .hasMessage("Smoke manifest not found: m.toml. Create it (see the usage page),"
                        + " point --manifest at it, or set --skip=true.");
    }

    @Test
    void load_onlyExitCode_isAnEyeballGate() throws Exception {
        assertThat(problems(HEAD + "  run = \"mvn test\"\n  expect.exit = 0\n"))
                .containsExactly(
                        "m.toml:3:1: scenario 'a' has no positive assertion on output: nothing checks what it"
                                + " printed or wrote. Add expect.stdout.contains, expect.stdout.matches, expect.json or"
                                + " expect.files.contains to a step; exit codes, files.exist and not-contains alone do not count.");
    }

    @Test
    void load_onlyFilesExistAndNotContains_isAnEyeballGate() throws Exception {
        assertThat(problems(HEAD + "  run = \"mvn package\"\n  expect.files.exist = [\"target/*.jar\"]\n"
                        + "  expect.output.not-contains = [\"ERROR\"]\n"))
                .singleElement()
                .asString()
                .startsWith("m.toml:3:1: scenario 'a' has no positive assertion on output");
    }

    @Test
    void load_positiveAssertionKinds_eachCount() throws Exception {
        for (String expect : List.of(
                "expect.stdout.contains = [\"x\"]",
                "expect.stderr.matches = [\"x+\"]",
                "expect.output.contains = [\"x\"]",
                "expect.json = { \"/a\" = 1 }",
                "expect.files.contains = { \"a.txt\" = [\"x\"] }",
                "expect.files.json = { \"a.json\" = { \"/a\" = true } }")) {
            assertThat(load(HEAD + "  run = \"echo\"\n  " + expect + "\n").scenarios())
                    .as(expect)
                    .hasSize(1);
        }
    }

    @Test
    void load_sourceConflicts_areExplained() throws Exception {
        String step = STEP + ECHO;
        assertThat(problems(
                        "format = 1\n[[scenario]]\nname = \"a\"\nsource.checkout = \".\"\nsource.repo-url = \"file:///r\"\n"
                                + step))
                .containsExactly("m.toml:5:1: source.checkout and source.repo-url are both set in [[scenario]] 'a'."
                        + " Keep one: a local checkout or a clone of a URL.");
        assertThat(problems("format = 1\n[[scenario]]\nname = \"a\"\nsource.ref = \"v1\"\nsource.untracked = \"all\"\n"
                        + step))
                .containsExactly(
                        "m.toml:4:1: source.ref applies only to source.repo-url in [[scenario]] 'a'."
                                + " Remove it, or clone with source.repo-url.",
                        "m.toml:5:1: source.untracked in [[scenario]] 'a' must be \"include\" or \"exclude\"; found \"all\".");
    }

    @Test
    void load_noScenario_saysWhatToAdd() throws Exception {
        assertThat(problems("format = 1\n"))
                .containsExactly(
                        "m.toml:1:1: no scenario. Add at least one [[scenario]] table with [[scenario.step]] tables.");
    }

    @Test
    void load_severalProblems_areAllReportedInOneRun() throws Exception {
        assertThat(
                        problems(
                                HEAD
                                        + "  run = \"echo\"\n  timout = \"1m\"\n  cwd = \"/abs\"\n  expect.stdout.contains = [\"x\"]\n"))
                .hasSize(2);
    }
}
