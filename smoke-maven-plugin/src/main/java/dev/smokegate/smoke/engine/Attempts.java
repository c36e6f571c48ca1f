package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.Interruption;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.ServiceTail;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Source;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import dev.smokegate.smoke.workspace.Deletion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs a scenario, and runs it again from a fresh workspace while its failure is classified
 * {@link FailureCategory#HOST host}, up to {@code retries} more times ({@code smoke.retries}). A
 * source or runtime failure is never retried: a flaky product is a product bug. Nor is a scenario
 * whose thread was interrupted (the gate is being stopped).
 *
 * <p>Every attempt is kept. Each attempt runs where a scenario always runs, in {@code <work
 * directory>/<scenario>/} (so its {@code ${smoke.workspace}} and {@code ${smoke.logs}} are the usual
 * ones), and the last attempt's files stay there, where the reports point. Before the next attempt
 * empties that folder, an attempt that is retried is moved aside (a rename, within the work
 * directory) to {@code <work directory>/.<scenario>.attempt-N}; once the last attempt has ended, each
 * moves to {@code <work directory>/<scenario>/attempt-N/} (N = 1 for the first), and the paths its
 * result records (its failure's log and its services' logs) are rewritten to point there. A folder
 * set aside by a gate that was killed is deleted by the next run of that scenario.
 *
 * <p>The console says {@code [smoke] RETRY <scenario> (<rule>, attempt 2 of 3)} at warning level
 * before each retry, and, when a retry passed, that the scenario passed only then. The result is the
 * last attempt's, with the earlier ones in {@link ScenarioResult#earlierAttempts()}, oldest first. If
 * an attempt's folder cannot be moved aside, it is not retried: its files would be lost, and the
 * result says what failed.
 *
 * <p>Safe to call from several threads at once: each call touches only its scenario's folders.
 */
final class Attempts {
    /** Runs one attempt of a scenario in {@code <work directory>/<scenario>/}. */
    @FunctionalInterface
    interface Attempt {
        /**
         * @param scenario the scenario
         * @param source where its workspace comes from
         * @return the attempt's result
         */
        ScenarioResult run(Scenario scenario, Source source);
    }

    private final Attempt attempt;
    private final int retries;
    private final Path workDirectory;
    private final SmokeLog log;
    private final Function<Path, String> display;

    /**
     * @param attempt runs one attempt
     * @param retries how many times a host failure is run again; 0 for never
     * @param workDirectory the gate's work directory, which holds each scenario's folder
     * @param log where the RETRY lines go
     * @param display how messages show a path (relative to the project)
     */
    Attempts(Attempt attempt, int retries, Path workDirectory, SmokeLog log, Function<Path, String> display) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries is 0 or more, got " + retries);
        }
        this.attempt = attempt;
        this.retries = retries;
        this.workDirectory = workDirectory;
        this.log = log;
        this.display = display;
    }

    /**
     * The folder an earlier attempt is kept in once the scenario has ended.
     *
     * @param workDirectory the gate's work directory
     * @param scenario the scenario name
     * @param attempt the attempt's 1-based number
     * @return {@code <work directory>/<scenario>/attempt-<attempt>}
     */
    static Path folder(Path workDirectory, String scenario, int attempt) {
        return workDirectory.resolve(scenario).resolve("attempt-" + attempt);
    }

    /**
     * @param scenario the scenario
     * @param source where its workspace comes from
     * @return the last attempt's result, with the earlier attempts (their paths in their {@code
     *     attempt-N} folders)
     */
    ScenarioResult run(Scenario scenario, Source source) {
        Path folder = workDirectory.resolve(scenario.name());
        int total = retries + 1;
        List<ScenarioResult> earlier = new ArrayList<>();
        List<Path> asides = new ArrayList<>();
        deleteAsides(scenario.name());
        ScenarioResult result = attempt.run(scenario, source);
        while (retried(result)
                && earlier.size() < retries
                && !Thread.currentThread().isInterrupted()) {
            int number = earlier.size() + 1;
            Path aside = aside(scenario.name(), number);
            try {
                if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(folder, aside, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException | UnsupportedOperationException e) {
                log.warn("[smoke] " + scenario.name() + " is not retried: its folder " + display.apply(folder)
                        + " cannot be moved aside to keep attempt " + number + " (" + e.getMessage()
                        + "). Check the permissions of " + display.apply(workDirectory) + ".");
                break;
            }
            earlier.add(result);
            asides.add(aside);
            log.warn("[smoke] RETRY " + scenario.name() + " ("
                    + result.failure().classification().ruleId() + ", attempt " + (number + 1) + " of " + total + ")");
            result = attempt.run(scenario, source);
        }
        if (earlier.isEmpty()) {
            return result;
        }
        List<ScenarioResult> kept = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            kept.add(keep(earlier.get(i), folder, asides.get(i), folder(workDirectory, scenario.name(), i + 1)));
        }
        if (result.status() == Status.PASS) {
            log.warn("[smoke] " + scenario.name() + " passed only on attempt " + (kept.size() + 1) + " of " + total
                    + ": " + (kept.size() == 1 ? "attempt 1" : "attempts 1 to " + kept.size()) + " failed on the host ("
                    + String.join(
                            ", ",
                            kept.stream()
                                    .map(k -> k.failure().classification().ruleId())
                                    .distinct()
                                    .toList())
                    + "). Their files are in " + display.apply(folder(workDirectory, scenario.name(), 1))
                    + (kept.size() == 1 ? "" : " to attempt-" + kept.size()) + ".");
        }
        return result.withEarlierAttempts(kept);
    }

    /** Whether a result is retried: a failure classified host. */
    private static boolean retried(ScenarioResult result) {
        return result.status() == Status.FAIL
                && result.failure().classification().category() == FailureCategory.HOST
                && !Interruption.of(result);
    }

    /** Where attempt {@code n} waits while later ones run: a name no scenario can have (it starts with '.'). */
    private Path aside(String scenario, int n) {
        return workDirectory.resolve("." + scenario + ".attempt-" + n);
    }

    /**
     * Moves an attempt set aside to its {@code attempt-N} folder and points its result there; if the
     * move fails, the files stay aside and the result points there.
     */
    private ScenarioResult keep(ScenarioResult result, Path ranIn, Path aside, Path kept) {
        if (!Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
            return result; // the attempt failed before it had a folder
        }
        Path where = aside;
        try {
            Files.createDirectories(kept.getParent());
            Files.move(aside, kept, StandardCopyOption.ATOMIC_MOVE);
            where = kept;
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("[smoke] attempt folder " + display.apply(aside) + " cannot be moved to " + display.apply(kept)
                    + " (" + e.getMessage() + "); its files stay where they are.");
        }
        return rebase(result, ranIn, where);
    }

    /**
     * The result with every path it records under {@code from} moved under {@code to}: each step's
     * logs, the failure's log and the log of each service in its post-mortem. (Texts such as what
     * was seen keep the paths they were written with.)
     *
     * @param result an attempt's result
     * @param from the folder it ran in
     * @param to the folder its files are in now
     * @return the result pointing at its files
     */
    static ScenarioResult rebase(ScenarioResult result, Path from, Path to) {
        List<StepRecord> steps = result.steps().stream()
                .map(step -> new StepRecord(
                        step.name(),
                        step.number(),
                        step.elapsed(),
                        step.passed(),
                        step.exitCode(),
                        step.checks(),
                        step.logs().stream().map(log -> moved(log, from, to)).toList()))
                .toList();
        StepFailure failure = result.failure();
        if (failure == null) {
            return new ScenarioResult(
                    result.name(),
                    result.status(),
                    result.elapsed(),
                    steps,
                    null,
                    result.skip(),
                    result.earlierAttempts());
        }
        List<ServiceTail> services = failure.services().stream()
                .map(tail -> new ServiceTail(tail.service(), moved(tail.log(), from, to), tail.lines()))
                .toList();
        StepFailure moved = new StepFailure(
                failure.step(),
                failure.command(),
                failure.exitCode(),
                failure.expectation(),
                failure.seen(),
                moved(failure.log(), from, to),
                failure.tail(),
                failure.classification(),
                services);
        return new ScenarioResult(
                result.name(),
                result.status(),
                result.elapsed(),
                steps,
                moved,
                result.skip(),
                result.earlierAttempts());
    }

    private static Path moved(Path path, Path from, Path to) {
        return path != null && path.startsWith(from) ? to.resolve(from.relativize(path)) : path;
    }

    /** Deletes the folders a gate that was killed set aside for this scenario. */
    private void deleteAsides(String scenario) {
        String prefix = "." + scenario + ".attempt-";
        if (!Files.isDirectory(workDirectory)) {
            return;
        }
        try (Stream<Path> children = Files.list(workDirectory)) {
            for (Path stale : children.filter(
                            child -> child.getFileName().toString().startsWith(prefix))
                    .toList()) {
                Deletion.deleteRecursively(stale);
            }
        } catch (IOException e) {
            log.debug("[smoke] cannot delete the attempt folders of " + scenario + " left by an earlier gate: "
                    + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "Attempts[retries " + retries + ", in " + workDirectory + "]";
    }
}
