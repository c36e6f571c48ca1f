package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Step;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The rules of a {@code [[scenario.step]]} table ({@link StepReader}), read through {@link ManifestLoader}. */
class StepReaderTest extends ManifestTestSupport {
    @Test
    void load_typoInAssertion_isRejectedNotIgnored() throws Exception {
        assertThat(
                        problems(
                                HEAD
                                        + "  run = \"echo hi\"\n  expect.stdout.contain = [\"hi\"]\n  expect.stderr.contains = [\"x\"]\n"))
                .containsExactly("m.toml:9:3: unknown key 'contain' in [[scenario]] 'a' › s expect.stdout."
                        + " Did you mean 'contains'?");
    }

    @Test
    void load_duplicateStepNames_pointAtTheFirst() throws Exception {
        assertThat(problems(HEAD + ECHO + STEP + "  run = \"echo\"\n"))
                .containsExactly(
                        "m.toml:11:3: duplicate step name 's'; it is first used at m.toml:7:3. Rename one of them.");
    }

    @Test
    void load_unknownPlaceholder_isAnErrorNotAnEmptyString() throws Exception {
        assertThat(problems(HEAD
                        + "  run = \"echo ${project.buildDirectory}\"\n  expect.stdout.contains = [\"${env.NOPE}\"]\n"))
                .containsExactly(
                        "m.toml:8:3: unknown placeholder ${project.buildDirectory} in 'run' of [[scenario]] 'a' › s."
                                + " Use a Maven project property, ${env.NAME} for a set environment variable, or one of"
                                + " ${smoke.export}, ${smoke.logs}, ${smoke.scenario}, ${smoke.workspace}; write $${ for a literal ${.",
                        "m.toml:9:29: unknown placeholder ${env.NOPE} in 'contains' of [[scenario]] 'a' › s expect.stdout."
                                + " Use a Maven project property, ${env.NAME} for a set environment variable, or one of"
                                + " ${smoke.export}, ${smoke.logs}, ${smoke.scenario}, ${smoke.workspace}; write $${ for a literal ${.");
    }

    @Test
    void load_knownPlaceholdersAndEscapes_areAccepted() throws Exception {
        Manifest manifest =
                load(HEAD + "  run = \"echo ${project.build.directory} ${env.HOME} ${smoke.workspace} $${HOME}\"\n"
                        + "  expect.stdout.contains = [\"/p/target\"]\n");

        assertThat(manifest.scenarios()).hasSize(1);
    }

    @Test
    void load_pathsLeavingTheWorkspace_areRejected() throws Exception {
        assertThat(problems(HEAD + "  run = \"echo\"\n  cwd = \"../elsewhere\"\n  expect.stdout.contains = [\"x\"]\n"
                        + "  [[scenario.step]]\n  name = \"e\"\n  export.diff = \"/tmp/changes.diff\"\n"
                        + "  export.files = [\"../*.jar\"]\n"))
                .containsExactly(
                        "m.toml:9:3: 'cwd' in [[scenario]] 'a' › s leaves the workspace: ../elsewhere."
                                + " Use a path relative to the workspace root, without leading '..'.",
                        "m.toml:13:3: 'diff' in [[scenario]] 'a' › e export leaves the workspace: /tmp/changes.diff."
                                + " Use a path relative to the workspace root, without leading '..'.",
                        "m.toml:14:3: export.files glob '../*.jar' in [[scenario]] 'a' › e leaves the workspace."
                                + " Use a glob relative to the workspace root, without '..'.");
    }

    @Test
    void load_badRegex_namesItAndSuggestsContains() throws Exception {
        assertThat(problems(HEAD + "  run = \"echo\"\n  expect.stdout.matches = [\"Tests run: (4\"]\n"))
                .containsExactly(
                        "m.toml:9:28: bad regex in [[scenario]] 'a' › s expect.stdout.matches: 'Tests run: (4':"
                                + " Unclosed group near index 13. Fix it (java.util.regex syntax), or use 'contains' for literal text.");
    }

    @Test
    void load_badJsonPointer_isRejected() throws Exception {
        assertThat(problems(HEAD + "  run = \"echo\"\n  expect.json = { \"status\" = \"UP\" }\n"))
                .contains("m.toml:9:19: 'status' in [[scenario]] 'a' › s expect.json is not a JSON Pointer (RFC 6901)."
                        + " Write it like \"/status\" or \"/items/0/name\".");
    }

    @Test
    void load_stepDoingTwoThings_isSplit() throws Exception {
        Files.writeString(dir.resolve("p.diff"), "");
        assertThat(problems(HEAD + "  run = \"echo\"\n  patch = \"p.diff\"\n  expect.stdout.contains = [\"x\"]\n"))
                .containsExactly("m.toml:9:3: [[scenario]] 'a' › s sets run and patch. A step does one thing: split it"
                        + " into several steps.");
    }

    @Test
    void load_stepDoingNothing_isRejected() throws Exception {
        assertThat(problems(HEAD + "  expect.stdout.contains = [\"x\"]\n"))
                .containsExactly(
                        "m.toml:6:3: [[scenario]] 'a' › s does nothing. Give it one of run, args, patch, export, service,"
                                + " http, tcp or stop.");
    }

    @Test
    void load_exitOnPatchStep_isRejected() throws Exception {
        Files.writeString(dir.resolve("p.diff"), "");
        assertThat(problems(HEAD + "  patch = \"p.diff\"\n  expect.exit = 0\n  expect.stdout.contains = [\"x\"]\n"))
                .containsExactly("m.toml:9:3: expect.exit in [[scenario]] 'a' › s applies only to run and stop steps;"
                        + " this is a patch step. Remove it: a patch step has no exit code.");
    }

    @Test
    void load_missingPatchFile_namesWhereItLooked() throws Exception {
        assertThat(problems(HEAD + "  patch = \"patches/none.diff\"\n  expect.stdout.contains = [\"x\"]\n"))
                .containsExactly(
                        "m.toml:8:3: patch file not found for [[scenario]] 'a' › s: patches/none.diff (resolved"
                                + " against the manifest's folder to "
                                + dir.toAbsolutePath().resolve("patches/none.diff")
                                + "). Fix the path or add the file.");
    }

    @Test
    void load_blameSourceAndRuntime_readIntoTheSteps() throws Exception {
        Manifest manifest = load(HEAD + "  blame = \"source\"\n" + ECHO + "  [[scenario.step]]\n  name = \"t\"\n"
                + "  blame = \"runtime\"\n" + ECHO + "  [[scenario.step]]\n  name = \"u\"\n" + ECHO);

        assertThat(manifest.scenarios().get(0).steps())
                .extracting(Step::blame)
                .containsExactly(FailureCategory.SOURCE, FailureCategory.RUNTIME, null);
    }

    @Test
    void load_blameHost_isRejectedWithTheWayToBlameTheHost() throws Exception {
        assertThat(problems(HEAD + "  blame = \"host\"\n" + ECHO))
                .containsExactly("m.toml:8:3: 'blame' in [[scenario]] 'a' › s must be \"source\" or \"runtime\";"
                        + " found \"host\". Only host rules blame the machine: add a [[classify]] rule with category"
                        + " = \"host\" that matches the line.");
    }

    @Test
    void load_blameUnknownValue_namesTheAllowedValues() throws Exception {
        assertThat(problems(HEAD + "  blame = \"sauce\"\n" + ECHO))
                .containsExactly("m.toml:8:3: 'blame' in [[scenario]] 'a' › s must be \"source\" or \"runtime\";"
                        + " found \"sauce\". Write blame = \"source\" or blame = \"runtime\", or remove it.");
    }

    @Test
    void load_blameNotAString_isAWrongType() throws Exception {
        assertThat(problems(HEAD + "  blame = true\n" + ECHO))
                .containsExactly("m.toml:8:3: 'blame' in [[scenario]] 'a' › s must be a string; found boolean true.");
    }

    @Test
    void load_blameTypo_suggestsBlame() throws Exception {
        assertThat(problems(HEAD + "  blam = \"source\"\n" + ECHO))
                .containsExactly("m.toml:8:3: unknown key 'blam' in [[scenario.step]]. Did you mean 'blame'?");
    }
}
