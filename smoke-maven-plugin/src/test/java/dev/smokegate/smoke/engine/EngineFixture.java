package dev.smokegate.smoke.engine;

import dev.smokegate.fixtures.FixtureRepos;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.manifest.ManifestLoader;
import dev.smokegate.smoke.manifest.Placeholders;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.process.PortReservations;
import dev.smokegate.smoke.workspace.CloneCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The set-up the engine's end-to-end tests share, without Maven: under a test's {@code @TempDir},
 * a project with an empty {@code src/smoke} folder (manifest at {@code src/smoke/manifest.toml},
 * gate folder {@code target/smoke}, clone cache {@code <tmp>/cache}), optionally a greeter
 * checkout ({@link FixtureRepos#greeter}) at {@code <tmp>/greeter} and fixture patches under
 * {@code <tmp>/patches}, and a {@link RecordingLog} the {@link SmokeEngine} writes to.
 *
 * <p>Make one per test in {@code @BeforeEach}. Properties for the manifest's placeholders:
 * {@code fixture.checkout} (with {@link #greeter}), {@code fixture.patches} (after {@link
 * #withPatch}) and whatever {@link #withProperty} adds. A request gets the process environment and
 * the builder's defaults; a test that needs other threads, retries, tasks or environment changes
 * the builder through {@link #run(String, UnaryOperator)}.
 */
final class EngineFixture {
    private final Path tmp;
    private final Path checkout;
    private final Path project;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final RecordingLog log = new RecordingLog();
    private Path patches;

    private EngineFixture(Path tmp, Path checkout) throws IOException {
        this.tmp = tmp;
        this.checkout = checkout;
        this.project = Files.createDirectories(tmp.resolve("project/src/smoke"))
                .getParent()
                .getParent();
        if (checkout != null) {
            properties.put("fixture.checkout", checkout.toString());
        }
    }

    /**
     * @param tmp the test's temporary folder
     * @return a fixture with the greeter checkout at {@code <tmp>/greeter} and the project at
     *     {@code <tmp>/project}
     * @throws IOException when the folders or the checkout cannot be written
     */
    static EngineFixture greeter(Path tmp) throws IOException {
        return new EngineFixture(tmp, FixtureRepos.greeter(tmp.resolve("greeter")));
    }

    /**
     * @param tmp the test's temporary folder
     * @return a fixture with only the project at {@code <tmp>/project} and no properties
     * @throws IOException when the folders cannot be written
     */
    static EngineFixture project(Path tmp) throws IOException {
        return new EngineFixture(tmp, null);
    }

    /**
     * Writes one of {@link FixtureRepos#PATCHES} into {@code <tmp>/patches} and sets {@code
     * fixture.patches} to that folder.
     *
     * @param name the fixture patch, e.g. {@link FixtureRepos#GREETING_PATCH}
     * @param fileName the file name under {@code <tmp>/patches}
     * @return this fixture
     * @throws IOException when the patch cannot be written
     */
    EngineFixture withPatch(String name, String fileName) throws IOException {
        patches = Files.createDirectories(tmp.resolve("patches"));
        FixtureRepos.writePatch(name, patches.resolve(fileName));
        properties.put("fixture.patches", patches.toString());
        return this;
    }

    /**
     * @param key a property the manifest can use as {@code ${key}}
     * @param value its value
     * @return this fixture
     */
    EngineFixture withProperty(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** @return the greeter checkout, or null for {@link #project} */
    Path checkout() {
        return checkout;
    }

    /** @return the project folder, {@code <tmp>/project} */
    Path project() {
        return project;
    }

    /** @return the patches folder, or null before {@link #withPatch} */
    Path patches() {
        return patches;
    }

    /** @return the manifest file, {@code <project>/src/smoke/manifest.toml} */
    Path manifest() {
        return project.resolve("src/smoke/manifest.toml");
    }

    /** @return the gate folder, {@code <project>/target/smoke} */
    Path workDirectory() {
        return project.resolve("target/smoke");
    }

    /** @return the log every run of this fixture writes to */
    RecordingLog log() {
        return log;
    }

    /** @return a request for {@link #manifest()} with this fixture's folders, properties and the process environment */
    GateRequest.Builder request() {
        return GateRequest.builder(manifest(), MavenFrontEnd.INSTANCE)
                .basedir(project)
                .workDirectory(workDirectory())
                .cacheDirectory(tmp.resolve("cache"))
                .properties(Map.copyOf(properties))
                .environment(System.getenv());
    }

    /**
     * Writes {@code manifest} to {@link #manifest()} and runs the gate on the default {@link #request()}.
     *
     * @param manifest the manifest's TOML text
     * @return the gate's result
     * @throws Exception whatever {@link SmokeEngine#run} throws
     */
    GateResult run(String manifest) throws Exception {
        return run(manifest, UnaryOperator.identity());
    }

    /**
     * Writes {@code manifest} to {@link #manifest()} and runs the gate on {@link #request()} as
     * {@code options} changes it.
     *
     * @param manifest the manifest's TOML text
     * @param options changes to the request, e.g. {@code request -> request.threads(3)}
     * @return the gate's result
     * @throws Exception whatever {@link SmokeEngine#run} throws
     */
    GateResult run(String manifest, UnaryOperator<GateRequest.Builder> options) throws Exception {
        Files.writeString(manifest(), manifest, StandardCharsets.UTF_8);
        return run(options.apply(request()).build());
    }

    /**
     * Runs the gate on the manifest already at {@link #manifest()} with the default {@link #request()}.
     *
     * @return the gate's result
     * @throws Exception whatever {@link SmokeEngine#run} throws
     */
    GateResult run() throws Exception {
        return run(request().build());
    }

    /**
     * @param request the request to run
     * @return the gate's result
     * @throws Exception whatever {@link SmokeEngine#run} throws
     */
    GateResult run(GateRequest request) throws Exception {
        return new SmokeEngine(log).run(request);
    }

    /**
     * A {@link ScenarioRunner} over the manifest already at {@link #manifest()}, built from the
     * default {@link #request()} as {@link SmokeEngine} builds one, for tests that run one scenario
     * without the rest of the gate.
     *
     * @param ports the folder of the port reservations' lock files
     * @param beforeSteps what the runner calls between a scenario's workspace and its first step
     * @return the runner and the manifest it reads
     * @throws ManifestException when the manifest is invalid
     */
    Runner runner(Path ports, Runnable beforeSteps) throws ManifestException {
        GateRequest request = request().build();
        Placeholders placeholders = new Placeholders(request.properties(), request.environment());
        Manifest manifest =
                new ManifestLoader(placeholders, request.frontEnd()).load(request.manifest(), "manifest.toml");
        ScenarioRunner runner = new ScenarioRunner(
                request,
                manifest,
                placeholders,
                log,
                new CloneCache(request.cacheDirectory(), false, request.frontEnd(), log),
                new PortReservations(ports),
                beforeSteps,
                checkout -> null);
        return new Runner(runner, manifest);
    }

    /**
     * A runner and the manifest it reads.
     *
     * @param scenarios the runner
     * @param manifest the loaded manifest
     */
    record Runner(ScenarioRunner scenarios, Manifest manifest) {}
}
