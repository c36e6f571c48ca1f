package dev.smokegate.smoke.init;

import dev.smokegate.smoke.engine.GateConfigurationException;
import dev.smokegate.smoke.engine.GateRequest;
import dev.smokegate.smoke.engine.SmokeEngine;
import dev.smokegate.smoke.manifest.ManifestException;
import dev.smokegate.smoke.manifest.ManifestLoader;
import dev.smokegate.smoke.manifest.Placeholders;
import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.process.StepLogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * Drafts a project's first manifest from a run of its own build: writes a sample manifest (the
 * checkout scenario, each step checking only {@value ManifestDraft#BUILD_SUCCESS}) into the sample
 * request's work directory, runs it with the {@link SmokeEngine} (so the build runs once, on a copy of
 * the checkout, exactly as the gate will run it), reads the test step's results lines from its log
 * and writes {@link ManifestDraft#manifest} to the requested file, after loading it back with the
 * {@link ManifestLoader}.
 *
 * <p>Never overwrites: a manifest that exists before the run, or appears during it, is left as it is
 * and reported as an {@link InitException}.
 */
public final class ManifestInit {
    /** The sample manifest's file name, in the sample request's work directory. */
    public static final String DRAFT_FILE = "manifest.toml";

    private final SmokeLog log;

    /** @param log where the engine's lines and the init's own go */
    public ManifestInit(SmokeLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * What was written.
     *
     * @param manifest the manifest file
     * @param scenario the checkout scenario's name
     * @param testLines the test results lines it checks; empty when the build ran no tests
     */
    public record Written(Path manifest, String scenario, List<String> testLines) {}

    /**
     * @param workDirectory the sample run's work directory
     * @return where the sample manifest goes: {@value #DRAFT_FILE} in {@code workDirectory}
     */
    public static Path draftFile(Path workDirectory) {
        return workDirectory.resolve(DRAFT_FILE);
    }

    /**
     * Runs the build once and writes the manifest.
     *
     * @param request the target file, the build's commands and the sample run's gate request
     * @return what was written
     * @throws InitException when the manifest exists, the build failed, or a file cannot be written;
     *     the message names the file or the logs and what to do
     * @throws ManifestException when the drafted manifest does not load (a bug of the draft)
     * @throws GateConfigurationException when the sample request is not valid
     */
    public Written run(InitRequest request) throws InitException, ManifestException, GateConfigurationException {
        GateRequest sample = request.sample();
        Path target = request.manifest();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(request);
        }
        String scenario = ManifestDraft.scenarioName(request.scenario()) + "-local";
        write(sample.manifest(), ManifestDraft.sample(request));
        log.info("[smoke] init: running the project's build once, on a copy of its checkout, to see what it prints: "
                + request.installCommand() + ", then " + request.testCommand());
        GateResult result = new SmokeEngine(log).run(sample);
        if (!result.passed()) {
            throw new InitException("Cannot draft a manifest ["
                    + sample.display(sample.workDirectory().resolve(scenario))
                    + "]: the project's own build failed on a copy of its checkout. Read the [smoke] FAIL line above and"
                    + " the step logs there, make '" + request.installCommand() + "' and '" + request.testCommand()
                    + "' pass, then run it again.");
        }
        Path testLog = StepLogs.in(sample.workDirectory().resolve(scenario), "02-test.log")
                .stdout();
        List<String> testLines;
        try {
            testLines = ManifestDraft.testSummaries(Files.readAllLines(testLog, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InitException(
                    "Cannot read the test step's output [" + sample.display(testLog) + "]: " + e.getMessage() + ".", e);
        }
        String text = ManifestDraft.manifest(request, testLines);
        write(sample.manifest(), text);
        new ManifestLoader(new Placeholders(sample.properties(), sample.environment()), sample.frontEnd())
                .load(sample.manifest(), sample.display(sample.manifest()));
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw exists(request);
        } catch (IOException e) {
            throw new InitException(
                    "Cannot write the manifest [" + sample.display(target) + "]: " + e.getMessage()
                            + ". Check that its folder is writable.",
                    e);
        }
        if (testLines.isEmpty()) {
            log.warn("[smoke] init: the build ran no tests, so the test step checks only " + ManifestDraft.BUILD_SUCCESS
                    + ".");
        }
        log.info("[smoke] init: wrote " + sample.display(target) + ": scenario " + scenario + " with "
                + (testLines.size() + 2) + " checks, a commented clone scenario, and how to add patch, rerun and"
                + " export steps. Run it with " + request.verifyCommand() + ".");
        return new Written(target, scenario, testLines);
    }

    private static InitException exists(InitRequest request) {
        GateRequest sample = request.sample();
        return new InitException("Cannot write the manifest [" + sample.display(request.manifest())
                + "]: it already exists, and smoke:init never overwrites a manifest. Move it away, or draft the new one"
                + " into another file with " + sample.frontEnd().setting(FrontEnd.Setting.MANIFEST) + "=<file>.");
    }

    private static void write(Path file, String text) throws InitException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InitException("Cannot write the sample manifest [" + file + "]: " + e.getMessage() + ".", e);
        }
    }
}
