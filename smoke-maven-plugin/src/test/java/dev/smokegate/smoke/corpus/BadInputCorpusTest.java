package dev.smokegate.smoke.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.corpus.BadInputCorpus.Case;
import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.manifest.ManifestLoader;
import dev.smokegate.smoke.manifest.Placeholders;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.UntrackedMode;
import dev.smokegate.smoke.workspace.CheckoutCopier;
import dev.smokegate.smoke.workspace.CloneCache;
import dev.smokegate.smoke.workspace.WorkspaceException;
import dev.smokegate.smoke.workspace.WorkspacePatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every input of the bad-input corpus ({@link BadInputCorpus}) through the code that reads
 * it for real, and asserts what a user must get: the exact message of its {@code .expected} file,
 * with a location, without a stack trace or a secret, nothing written outside the case's {@code
 * target/} and the clone cache, and the user's checkout unchanged.
 *
 * <p>Record mode, to write the {@code .expected} files of new cases: {@code
 * -Dsmoke.corpus.record=<absolute path of src/test/resources/bad-inputs>}. Read every recorded
 * message before committing it.
 */
@Timeout(120)
class BadInputCorpusTest {

    /** Every secret in the corpus holds this text; no message or log line may. */
    static final String SECRET = "s3cret";

    /** Absolute paths that corpus inputs aim at; none may exist after a case. */
    private static final List<Path> ABSOLUTE_TARGETS = List.of(
            Path.of("/tmp/smoke-corpus-absolute.txt"),
            Path.of("/tmp/README.md"),
            Path.of("/tmp/changes.diff"),
            Path.of("/etc/hooks"));

    private static final Pattern STACK_TRACE =
            Pattern.compile("\tat |\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.[A-Z]\\w*(Exception|Error)\\b|Exception:");

    private static final String RECORD = System.getProperty("smoke.corpus.record", "");

    @TempDir
    static Path shared;

    private static Path checkout;
    private static Path remote;

    @TempDir
    Path root;

    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void fixtures() throws IOException {
        checkout = FixtureRepos.greeter(shared.resolve("checkout"));
        remote = FixtureRepos.bareMirror(checkout, shared.resolve("remote.git"));
    }

    static Stream<Case> cases() {
        return BadInputCorpus.cases().stream();
    }

    @Test
    void corpus_everyFolder_holdsCasesAndTwoHundredInAll() {
        Map<String, Integer> counts = BadInputCorpus.countsByFolder();

        assertThat(counts.keySet()).containsExactlyElementsOf(BadInputCorpus.FOLDERS);
        assertThat(counts.values()).allMatch(count -> count >= 10);
        assertThat(BadInputCorpus.count()).isGreaterThanOrEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void run_badInput_cleanMessageWithLocationAndNoHarm(Case input) throws Exception {
        Path in = Files.createDirectories(root.resolve("in"));
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("victim.txt"), "outside\n");
        FixtureRepos.writePatch(FixtureRepos.GREETING_PATCH, outside.resolve("victim.diff"));
        Files.writeString(outside.resolve("golden.txt"), "hi\n");
        Files.writeString(outside.resolve("body.json"), "{}\n");
        FixtureRepos.writePatch(
                FixtureRepos.GREETING_PATCH,
                Files.createDirectories(in.resolve("patches")).resolve("ok.diff"));
        Files.createSymbolicLink(in.resolve("linked-dir"), outside);
        Path file = Files.copy(input.input(), in.resolve(input.fileName()));
        Path target = root.resolve("target");
        Path cache = shared.resolve("cache");
        TreeState before = TreeState.of(root, target).and(TreeState.of(shared, cache));

        String message = normalize(run(input, file, target, cache));

        assertThat(TreeState.of(root, target).and(TreeState.of(shared, cache)).changesFrom(before))
                .as("files written outside target/ and the cache, or the checkout changed")
                .isEmpty();
        assertThat(ABSOLUTE_TARGETS).noneMatch(Files::exists);
        assertThat(STACK_TRACE.matcher(message).find())
                .as("a stack trace or exception class in: %s", message)
                .isFalse();
        assertThat(message).doesNotContain(SECRET);
        assertThat(String.join("\n", log.messages())).doesNotContain(SECRET);
        assertThat(message.lines().toList())
                .as("every line names where")
                .allMatch(
                        line -> location(input).matcher(line).lookingAt(),
                        location(input).pattern());
        if (!RECORD.isEmpty()) {
            Files.writeString(
                    Path.of(RECORD, input.folder(), input.fileName() + BadInputCorpus.EXPECTED),
                    message + "\n",
                    StandardCharsets.UTF_8);
            return;
        }
        String expected =
                Files.readString(input.expected(), StandardCharsets.UTF_8).stripTrailing();
        if (expected.startsWith("regex:")) {
            assertThat(message).matches(Pattern.compile(expected.substring("regex:".length()), Pattern.DOTALL));
        } else {
            assertThat(message).isEqualTo(expected);
        }
    }

    /** Runs the input through its real code path and returns the message it fails with. */
    private String run(Case input, Path file, Path target, Path cache) throws Exception {
        try {
            switch (input.folder()) {
                case "manifests", "paths" -> new ManifestLoader(
                                new Placeholders(
                                        Map.of(
                                                "project.build.directory",
                                                "/p/target",
                                                "fixture.repo",
                                                "/repos/greeter"),
                                        Map.of("HOME", "/root")),
                                MavenFrontEnd.INSTANCE)
                        .load(file, input.fileName());
                case "patches" -> {
                    Path workspace = target.resolve("ws");
                    new CheckoutCopier(log, MavenFrontEnd.INSTANCE).copy(checkout, workspace, UntrackedMode.INCLUDE);
                    Files.createSymbolicLink(workspace.resolve("linked-dir"), root.resolve("outside"));
                    WorkspacePatch.apply(workspace, file);
                }
                case "urls" -> new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log)
                        .cloneInto(text(file).replace("<tmp>", root.toString()), null, target.resolve("ws"));
                case "refs" -> new CloneCache(cache, false, MavenFrontEnd.INSTANCE, log)
                        .cloneInto(remote.toUri().toString(), text(file), target.resolve("ws"));
                default -> throw new IllegalArgumentException(input.folder());
            }
        } catch (ManifestException | WorkspaceException e) {
            return e.getMessage();
        }
        return fail("%s was accepted; a bad input must be rejected", input);
    }

    /** Where a message of each folder starts: the manifest's line and column, the patch, the clone. */
    private static Pattern location(Case input) {
        return switch (input.folder()) {
            case "manifests", "paths" -> Pattern.compile(Pattern.quote(input.fileName()) + ":\\d+:\\d+: ");
            case "patches" -> Pattern.compile("patch <tmp>/in/" + Pattern.quote(input.fileName()) + " ");
            default -> Pattern.compile("clone \\[");
        };
    }

    private static String text(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** The message with the temporary folders written as {@code <tmp>} and {@code <shared>}. */
    private String normalize(String message) {
        return message.replace(root.toString(), "<tmp>").replace(shared.toString(), "<shared>");
    }
}
