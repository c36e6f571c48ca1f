package dev.smokegate.smoke.engine;

import dev.smokegate.smoke.model.FrontEnd;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Shard;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.report.ConsoleReport;
import dev.smokegate.smoke.report.MergedReports;
import dev.smokegate.smoke.report.ShardReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Combines the reports of a gate's N shards ({@code -Dsmoke.shard=K/N}), each a copy of a shard's
 * work directory, into the reports of the whole gate in the work directory ({@link MergedReports}),
 * then prints the whole gate's summary as the gate does ({@link ConsoleReport#summary}).
 *
 * <p>Before anything is written, every input is checked, and every problem found is reported at
 * once: an input that is not a folder, is the work directory itself (which the merge writes), has
 * no {@code smoke-summary.json} or {@code TEST-smoke.xml}, or holds a summary that cannot be read or
 * is not a shard's; shards of different N; a shard K given twice or missing from 1..N; shards planned
 * from different inputs (their {@code shardPlan} digests differ); a scenario in two shards; fewer
 * scenarios than the plan selected. A shard that failed is a result: the reports are written and
 * {@link Result#passed()} is false.
 */
public final class ShardMerge {
    /**
     * The merged gate.
     *
     * @param result every shard's scenarios, in shard order
     * @param shards the shards' reports, in shard order
     */
    public record Result(GateResult result, List<ShardReport> shards) {
        public Result {
            Objects.requireNonNull(result, "result");
            shards = List.copyOf(shards);
        }

        /** @return whether every shard passed */
        public boolean passed() {
            return failedShards().isEmpty();
        }

        /** @return the shards that did not pass, in shard order */
        public List<ShardReport> failedShards() {
            return shards.stream().filter(shard -> !shard.result().passed()).toList();
        }
    }

    private final SmokeLog log;
    private final FrontEnd frontEnd;

    /**
     * @param log where the merge's lines and the summary go
     * @param frontEnd the words that name the inputs' setting in messages
     */
    public ShardMerge(SmokeLog log, FrontEnd frontEnd) {
        this.log = SerialLog.of(log);
        this.frontEnd = Objects.requireNonNull(frontEnd, "frontEnd");
    }

    /**
     * Checks the inputs, writes the merged reports and prints the summary.
     *
     * @param inputs the shards' report folders, in any order
     * @param workDirectory where the merged {@code smoke-summary.json} and {@code TEST-smoke.xml} go
     * @param display turns a path into the form shown to the user
     * @return the merged gate; a failed shard makes it not pass
     * @throws GateConfigurationException when the inputs cannot be merged (every problem is listed, one
     *     per line) or the reports cannot be written; nothing is written then
     */
    public Result merge(List<Path> inputs, Path workDirectory, Function<Path, String> display)
            throws GateConfigurationException {
        String setting = frontEnd.setting(FrontEnd.Setting.MERGE_INPUTS);
        if (inputs.isEmpty()) {
            throw new GateConfigurationException("No shard report folders to merge [" + setting + "]: the list is"
                    + " empty. Give a copy of each shard's " + display.apply(workDirectory) + ", e.g. " + setting
                    + "=shard-1,shard-2,shard-3.");
        }
        List<String> problems = new ArrayList<>();
        List<ShardReport> shards = new ArrayList<>();
        Path output = workDirectory.toAbsolutePath().normalize();
        for (Path input : inputs) {
            String shown = display.apply(input);
            if (!Files.isDirectory(input)) {
                problems.add(shown + ": no such folder. Copy each shard's " + display.apply(workDirectory)
                        + " into a folder of its own and list those folders");
                continue;
            }
            if (input.toAbsolutePath().normalize().equals(output)) {
                problems.add(shown + ": is the folder the merge writes its reports to. Copy each shard's reports"
                        + " into another folder, e.g. shard-1");
                continue;
            }
            ShardReport shard;
            try {
                shard = ShardReport.read(input);
            } catch (NoSuchFileException e) {
                problems.add(shown + ": no " + ShardReport.SUMMARY + ". Copy the whole work folder of the shard's run"
                        + " into it; a shard whose job stopped before the gate wrote its reports must run again");
                continue;
            } catch (IOException e) {
                problems.add(display.apply(input.resolve(ShardReport.SUMMARY)) + ": cannot be read: " + e.getMessage()
                        + ". Copy the shard's reports again");
                continue;
            }
            if (shard.shard() == null) {
                problems.add(display.apply(input.resolve(ShardReport.SUMMARY)) + ": not a shard's summary (its"
                        + " gate.shard is null). Run each shard with " + frontEnd.setting(FrontEnd.Setting.SHARD)
                        + "=K/N");
                continue;
            }
            if (!Files.isRegularFile(input.resolve(ShardReport.JUNIT))) {
                problems.add(shown + ": no " + ShardReport.JUNIT + ". Copy the whole work folder of the shard's run"
                        + " into it");
                continue;
            }
            shards.add(shard);
        }
        if (problems.isEmpty()) {
            consistency(shards, display, problems);
        }
        if (!problems.isEmpty()) {
            throw new GateConfigurationException("Cannot merge the shard reports [" + setting + "]: "
                    + problems.size() + " problem(s)."
                    + problems.stream()
                            .map(problem -> System.lineSeparator() + "  " + problem + ".")
                            .collect(Collectors.joining()));
        }
        shards.sort(Comparator.comparingInt(shard -> shard.shard().index()));
        ShardReport first = shards.get(0);
        log.info(ConsoleReport.PREFIX + "merging " + shards.size() + " shard(s) of " + first.planScenarios()
                + " scenario(s), plan " + first.planDigest() + ", into " + display.apply(workDirectory));
        for (ShardReport shard : shards) {
            GateResult part = shard.result();
            String line = ConsoleReport.PREFIX + "shard " + shard.shard() + " (" + display.apply(shard.folder()) + "): "
                    + part.count(Status.PASS) + " passed, " + part.count(Status.FAIL) + " failed, "
                    + part.count(Status.SKIP) + " skipped"
                    + (part.checkoutChanges().isEmpty() ? "" : ", checkout changed");
            if (part.passed()) {
                log.info(line);
            } else {
                log.error(line);
            }
        }
        try {
            MergedReports.write(shards, workDirectory, display);
        } catch (IOException e) {
            throw new GateConfigurationException("Cannot write the merged reports into " + display.apply(workDirectory)
                    + ": " + e.getMessage() + ". Check the shards' " + ShardReport.JUNIT
                    + ", free disk space and the permissions of the work directory.");
        }
        log.info(ConsoleReport.PREFIX + "wrote " + display.apply(workDirectory.resolve(ShardReport.SUMMARY)) + " and "
                + display.apply(workDirectory.resolve(ShardReport.JUNIT)));
        GateResult whole = MergedReports.result(shards);
        ConsoleReport.summary(whole, log);
        return new Result(whole, shards);
    }

    /** Adds what is wrong between the shards: N, K missing or twice, plans, scenarios in two shards. */
    private static void consistency(List<ShardReport> shards, Function<Path, String> display, List<String> problems) {
        Map<Integer, List<ShardReport>> byCount = new TreeMap<>();
        shards.forEach(shard -> byCount.computeIfAbsent(shard.shard().count(), n -> new ArrayList<>())
                .add(shard));
        if (byCount.size() > 1) {
            problems.add("the shards are of different counts: "
                    + shards.stream()
                            .map(shard -> display.apply(shard.folder()) + " is " + shard.shard())
                            .collect(Collectors.joining(", "))
                    + ". Run every shard with the same N");
            return;
        }
        int count = byCount.keySet().iterator().next();
        Map<Integer, List<ShardReport>> byIndex = new TreeMap<>();
        shards.forEach(shard -> byIndex.computeIfAbsent(shard.shard().index(), k -> new ArrayList<>())
                .add(shard));
        for (int index = 1; index <= count; index++) {
            List<ShardReport> given = byIndex.getOrDefault(index, List.of());
            Shard shard = new Shard(index, count);
            if (given.isEmpty()) {
                problems.add("shard " + shard + " is missing: no input holds it. Add the folder with a copy of its"
                        + " reports");
            } else if (given.size() > 1) {
                problems.add("shard " + shard + " is given more than once: "
                        + given.stream().map(s -> display.apply(s.folder())).collect(Collectors.joining(" and "))
                        + ". Give each shard's folder once");
            }
        }
        Map<String, List<ShardReport>> byPlan = new LinkedHashMap<>();
        shards.forEach(shard -> byPlan.computeIfAbsent(
                        shard.planDigest() + " of " + shard.planScenarios(), p -> new ArrayList<>())
                .add(shard));
        if (byPlan.size() > 1) {
            problems.add("the shards were planned from different inputs: "
                    + shards.stream()
                            .map(shard -> display.apply(shard.folder()) + " has plan " + shard.planDigest() + " of "
                                    + shard.planScenarios() + " scenario(s)")
                            .collect(Collectors.joining(", "))
                    + ". Give every shard the same manifest, selection and durations (a committed timings file)");
        }
        Map<String, ShardReport> owner = new LinkedHashMap<>();
        int held = 0;
        for (ShardReport shard : shards) {
            for (String name : shard.names()) {
                held++;
                ShardReport other = owner.putIfAbsent(name, shard);
                if (other != null) {
                    problems.add("scenario " + name + " is in shard " + other.shard() + " ("
                            + display.apply(other.folder()) + ") and in shard " + shard.shard() + " ("
                            + display.apply(shard.folder()) + "). Give every shard the same plan");
                }
            }
        }
        int planned = shards.get(0).planScenarios();
        if (problems.isEmpty() && held != planned) {
            problems.add("the shards hold " + held + " scenario(s), but their plan selected " + planned
                    + ". Copy each shard's reports again, unchanged");
        }
    }

    /**
     * The build failure message for a merge in which a shard failed: the whole gate's verdict, the
     * failed shards and where to read more.
     *
     * @param merged the merged gate, which did not pass
     * @param workDirectory where the merged reports are
     * @param display turns a path into the form shown to the user
     * @return e.g. {@code Smoke gate failed: 1 of 6 scenarios (runtime 1). Failed shard(s): 2/3 (shard-2).
     *     Read the [smoke] FAIL and SKIP lines of those shards' jobs, target/smoke/smoke-summary.json and
     *     target/smoke/TEST-smoke.xml.}
     */
    public static String failureMessage(Result merged, Path workDirectory, Function<Path, String> display) {
        return ConsoleReport.verdict(merged.result()) + ". Failed shard(s): "
                + merged.failedShards().stream()
                        .map(shard -> shard.shard() + " (" + display.apply(shard.folder()) + ")")
                        .collect(Collectors.joining(", "))
                + ". Read the [smoke] FAIL and SKIP lines of those shards' jobs, "
                + display.apply(workDirectory.resolve(ShardReport.SUMMARY)) + " and "
                + display.apply(workDirectory.resolve(ShardReport.JUNIT)) + ".";
    }
}
