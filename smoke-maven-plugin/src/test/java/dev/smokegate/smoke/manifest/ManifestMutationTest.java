package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Valid manifests mutated at random (characters deleted, duplicated or swapped, junk bytes inserted,
 * values of another type, the file truncated): the loader either accepts the result or rejects it
 * with a {@link ManifestException} whose every problem has a {@code file:line:col} inside the file.
 * It never throws anything else, and never rejects without saying where.
 */
class ManifestMutationTest {

    /** Valid manifests that use most keys; each loads as it is (checked by the first property). */
    static final List<String> SEEDS = List.of(
            """
            format = 1
            [defaults]
            timeout = "10m"
            env = { MAVEN_OPTS = "-Xmx512m" }
            secret-env = ["API_TOKEN"]

            [[scenario]]
            name = "greeter-loop"
            description = "the loop"
            owners = ["REL-42"]
            tags = ["loop"]
            source.checkout = "."
            source.untracked = "exclude"
            env = { GREETING = "hello" }
            timeout = "30m"
            requires.commands = ["git"]
            requires.free-disk = "1GiB"

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
              expect.stdout.matches = ['Tests run: \\d+']
              expect.json = { "/status" = "UP", "/count" = 3 }

              [[scenario.step]]
              name = "export"
              export.diff = "changes.diff"
              export.files = ["target/*.jar"]
            """,
            """
            format = 1

            [[scenario]]
            name = "service"
            needs = ["build"]

              [[scenario.step]]
              name = "start"
              service.name = "app"
              service.run = "java -jar target/app.jar --port=${port.http}"
              service.ready.http = "http://127.0.0.1:${port.http}/health"
              service.ready.timeout = "30s"
              expect.log.contains = ["Started"]

              [[scenario.step]]
              name = "get"
              http.get = "http://127.0.0.1:${port.http}/greet"
              http.headers = { Accept = "application/json" }
              expect.status = 200
              expect.body.contains = ["hello"]

              [[scenario.step]]
              name = "stop"
              stop = "app"

            [[scenario]]
            name = "build"
              [[scenario.step]]
              name = "compile"
              run = "mvn -B compile"
              expect.output.contains = ["BUILD SUCCESS"]

            [[classify]]
            id = "source.flaky-greeting"
            category = "source"
            matches = "Greeting mismatch"
            reason = "the greeting changed"

            [retired]
            old-loop = "replaced by greeter-loop"
            """);

    private static Path dir;

    @BeforeContainer
    static void folder() throws IOException {
        dir = Files.createTempDirectory("manifest-mutation");
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private final ManifestLoader loader = new ManifestLoader(
            new Placeholders(Map.of("project.build.directory", "/p/target"), Map.of("HOME", "/root")),
            MavenFrontEnd.INSTANCE);

    @Property(tries = 10)
    void load_seed_isValid(@ForAll("seeds") String seed) throws Exception {
        assertThat(load(seed.getBytes(StandardCharsets.UTF_8))).isNotNull();
    }

    @Property(tries = 500)
    void load_mutatedManifest_acceptsOrNamesWhere(@ForAll("mutated") byte[] manifest) throws IOException {
        Manifest loaded;
        try {
            loaded = load(manifest);
        } catch (ManifestException e) {
            Statistics.collect("rejected");
            int lines = new String(manifest, StandardCharsets.ISO_8859_1).split("\n", -1).length;
            assertThat(e.problems())
                    .as("a rejection names at least one problem")
                    .isNotEmpty();
            for (ManifestProblem problem : e.problems()) {
                assertThat(problem.location().file()).isEqualTo("m.toml");
                assertThat(problem.location().line()).isBetween(1, lines);
                assertThat(problem.location().column()).isPositive();
                assertThat(problem.toString())
                        .startsWith(problem.location() + ": ")
                        .doesNotContain("\tat ");
            }
            return;
        }
        Statistics.collect("accepted");
        assertThat(loaded.scenarios()).isNotEmpty();
    }

    private Manifest load(byte[] manifest) throws IOException, ManifestException {
        Path file = Files.write(dir.resolve("m.toml"), manifest);
        return loader.load(file, "m.toml");
    }

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<byte[]> seed = seeds().map(text -> text.getBytes(StandardCharsets.UTF_8));
        return seed.flatMap(
                bytes -> mutation(bytes).list().ofMinSize(1).ofMaxSize(4).map(steps -> {
                    byte[] result = bytes;
                    for (Mutation step : steps) {
                        result = step.apply(result);
                    }
                    return result;
                }));
    }

    /** One change to a manifest's bytes, at a position given as a fraction of its length. */
    @FunctionalInterface
    interface Mutation {
        byte[] apply(byte[] bytes);
    }

    private static Arbitrary<Mutation> mutation(byte[] seed) {
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<byte[]> junk =
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8);
        Arbitrary<String> otherType = Arbitraries.of(
                "1",
                "-7",
                "3.5",
                "true",
                "[1, \"x\"]",
                "{ a = 1 }",
                "\"s\"",
                "1979-05-27",
                "[]",
                "{}",
                "\"${nope}\"",
                "'('",
                "\"[\"");
        return Arbitraries.oneOf(
                where.map(at -> bytes -> delete(bytes, at)),
                where.map(at -> bytes -> duplicate(bytes, at)),
                where.map(at -> bytes -> swap(bytes, at)),
                where.map(at -> bytes -> truncate(bytes, at)),
                Combinators.combine(where, junk).as((at, extra) -> bytes -> insert(bytes, at, extra)),
                Combinators.combine(where, otherType).as((at, value) -> bytes -> retype(bytes, at, value)));
    }

    private static int index(byte[] bytes, double at) {
        return Math.min(bytes.length, (int) (at * bytes.length));
    }

    private static byte[] delete(byte[] bytes, double at) {
        int i = index(bytes, at);
        return i >= bytes.length ? bytes : splice(bytes, i, i + 1, new byte[0]);
    }

    private static byte[] duplicate(byte[] bytes, double at) {
        int i = index(bytes, at);
        return i >= bytes.length ? bytes : splice(bytes, i, i, new byte[] {bytes[i]});
    }

    private static byte[] swap(byte[] bytes, double at) {
        int i = index(bytes, at);
        if (i + 1 >= bytes.length) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        copy[i] = bytes[i + 1];
        copy[i + 1] = bytes[i];
        return copy;
    }

    private static byte[] truncate(byte[] bytes, double at) {
        return splice(bytes, index(bytes, at), bytes.length, new byte[0]);
    }

    private static byte[] insert(byte[] bytes, double at, byte[] extra) {
        int i = index(bytes, at);
        return splice(bytes, i, i, extra);
    }

    /** Replaces the value after the first {@code = } at or after the position with a value of another type. */
    private static byte[] retype(byte[] bytes, double at, String value) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int equals = text.indexOf(" = ", index(bytes, at));
        if (equals < 0) {
            return bytes;
        }
        int start = equals + 3;
        int end = text.indexOf('\n', start);
        return splice(bytes, start, end < 0 ? bytes.length : end, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] with) {
        byte[] result = new byte[bytes.length - (to - from) + with.length];
        System.arraycopy(bytes, 0, result, 0, from);
        System.arraycopy(with, 0, result, from, with.length);
        System.arraycopy(bytes, to, result, from + with.length, bytes.length - to);
        return result;
    }
}
