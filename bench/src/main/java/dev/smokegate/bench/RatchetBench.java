package dev.smokegate.bench;

import dev.smokegate.bench.Results.Verdict;
import dev.smokegate.smoke.manifest.ManifestLoader;
import dev.smokegate.smoke.manifest.Placeholders;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.SmokeLog;
import dev.smokegate.smoke.ratchet.Ratchet;
import dev.smokegate.smoke.ratchet.RatchetResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * Benchmark k: the ratchet ({@link Ratchet#check}, what {@code smoke:verify} runs before anything
 * else) over a generated repository whose manifest was changed by {@value #VERSIONS} commits.
 *
 * <ol>
 *   <li>Generates the repository with JGit, from fixed content and dates: 20 scenarios at first;
 *       then each commit adds a scenario (odd commits) or edits one's description (even ones), every
 *       25th removes the oldest and retires it under {@code [retired]}; commit 300 breaks the TOML and
 *       301 repairs it; after commit 100 one more commit moves the manifest from {@code
 *       smoke/manifest.toml} to {@code src/smoke/manifest.toml} unchanged. That is 259 names, 239 of
 *       them still in the manifest and 20 retired. {@code git gc} packs it, as a real repository is.
 *   <li>Checks that the work is done on every timed run: every one of the 259 names found, 500
 *       distinct versions read (all parsed without a cache, all from the cache with it), the broken
 *       version skipped, the move followed, nothing missing; and a control: with one scenario taken
 *       out of the manifest, exactly that name is missing.
 *   <li>Times the first check in this JVM (what one {@code mvn} run pays), then one warm-up and
 *       {@code runs} measured rounds of a first check (an empty cache file) followed by a cached
 *       one (the file the first one wrote).
 * </ol>
 *
 * <p>Targets: a first check at most {@value #FIRST_TARGET_MS} ms and a cached one at most
 * {@value #CACHED_TARGET_MS} ms (medians).
 */
final class RatchetBench {

    static final String NAME = "ratchet";

    static final int VERSIONS = 500;

    private static final int FIRST = 20;
    private static final int BROKEN = 300;
    private static final int MOVED_AFTER = 100;
    private static final double FIRST_TARGET_MS = 1000;
    private static final double CACHED_TARGET_MS = 100;
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Path work;
    private final Results results;

    RatchetBench(Path work, Results results) {
        this.work = work.toAbsolutePath().normalize();
        this.results = results;
    }

    void run(int runs) throws Exception {
        Path repo = work.resolve("repo");
        Generated generated = generate(repo);
        Commands.check(repo, TIMEOUT, "git", "gc", "--quiet");
        Path file = repo.resolve("src/smoke/manifest.toml");
        Manifest manifest = new ManifestLoader(new Placeholders(Map.of(), Map.of()), MavenFrontEnd.INSTANCE)
                .load(file, "src/smoke/manifest.toml");
        List<String> present = manifest.scenarios().stream().map(Scenario::name).toList();
        List<String> retired = List.copyOf(manifest.retired().keySet());
        System.out.println("[bench] " + NAME + ": " + VERSIONS + " versions in " + (VERSIONS + 1)
                + " commits, " + generated.names() + " names (" + present.size() + " in the manifest, "
                + retired.size() + " retired), " + generated.bytes() / 1024 + " KiB of manifest text in all");

        long t0 = System.nanoTime();
        RatchetResult cold = check(file, present, retired, work.resolve("cache-cold.json"));
        double coldMillis = (System.nanoTime() - t0) / 1e6;
        results.sample(NAME, "first check, first in this JVM", 1, coldMillis, note(cold));
        checkTheWorkIsDone(cold, generated, 0);

        List<Double> first = new ArrayList<>();
        List<Double> cached = new ArrayList<>();
        for (int round = 0; round <= runs; round++) {
            Path cache = work.resolve("cache-" + round + ".json");
            long a = System.nanoTime();
            RatchetResult uncached = check(file, present, retired, cache);
            double firstMillis = (System.nanoTime() - a) / 1e6;
            checkTheWorkIsDone(uncached, generated, 0);
            long b = System.nanoTime();
            RatchetResult fromCache = check(file, present, retired, cache);
            double cachedMillis = (System.nanoTime() - b) / 1e6;
            checkTheWorkIsDone(fromCache, generated, VERSIONS);
            results.sample(NAME, "first check", round, firstMillis, note(uncached));
            results.sample(NAME, "cached check", round, cachedMillis, note(fromCache));
            if (round > 0) {
                first.add(firstMillis);
                cached.add(cachedMillis);
            }
        }

        String dropped = present.get(present.size() / 2);
        List<String> fewer = new ArrayList<>(present);
        fewer.remove(dropped);
        RatchetResult control = check(file, fewer, retired, work.resolve("cache-0.json"));
        if (control.missing().size() != 1 || !control.missing().get(0).name().equals(dropped)) {
            throw new IllegalStateException("with " + dropped + " taken out, the ratchet reports " + control.missing());
        }

        double firstMedian = Stats.median(first);
        double cachedMedian = Stats.median(cached);
        String n = " (median of " + runs + ")";
        results.metric(NAME, "first check, the first in this JVM (once)", Stats.ms(coldMillis), "ms", "", Verdict.NONE);
        results.metric(
                NAME,
                "first check, empty cache" + n,
                Stats.ms(firstMedian),
                "ms",
                "<= " + (int) FIRST_TARGET_MS,
                firstMedian <= FIRST_TARGET_MS ? Verdict.MET : Verdict.MISSED);
        results.metric(
                NAME,
                "cached check" + n,
                Stats.ms(cachedMedian),
                "ms",
                "<= " + (int) CACHED_TARGET_MS,
                cachedMedian <= CACHED_TARGET_MS ? Verdict.MET : Verdict.MISSED);
        results.metric(
                NAME,
                "names found / versions read / skipped / renames followed, every run",
                cold.names() + " / " + cold.versions() + " / " + cold.skipped().size() + " / "
                        + cold.renames().size(),
                "",
                generated.names() + " / " + VERSIONS + " / 1 / 1",
                Verdict.MET);
        results.metric(
                NAME,
                "control: one scenario taken out of the manifest",
                "missing " + control.missing().get(0).name(),
                "",
                "exactly that name",
                Verdict.MET);
    }

    private static RatchetResult check(Path file, List<String> present, List<String> retired, Path cache)
            throws Exception {
        return new Ratchet(cache, SmokeLog.silent()).check(file, present, retired);
    }

    private static String note(RatchetResult result) {
        return result.names() + " names, " + result.versions() + " versions, " + result.fromCache() + " from cache";
    }

    /** Everything found, nothing missing; {@code fromCache} versions came from the cache. */
    private static void checkTheWorkIsDone(RatchetResult result, Generated generated, int fromCache) {
        List<String> wrong = new ArrayList<>();
        if (result.history() != RatchetResult.History.CHECKED) {
            wrong.add("history " + result.history());
        }
        if (result.names() != generated.names()) {
            wrong.add(result.names() + " names, not " + generated.names());
        }
        if (result.versions() != VERSIONS) {
            wrong.add(result.versions() + " versions, not " + VERSIONS);
        }
        if (result.fromCache() != fromCache) {
            wrong.add(result.fromCache() + " from the cache, not " + fromCache);
        }
        if (result.skipped().size() != 1) {
            wrong.add("skipped " + result.skipped());
        }
        if (result.renames().size() != 1) {
            wrong.add("renames " + result.renames());
        }
        if (!result.missing().isEmpty()) {
            wrong.add("missing " + result.missing());
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("the ratchet did not do the work: " + String.join(", ", wrong));
        }
    }

    /** What was generated: how many names ever, and the total size of the versions. */
    record Generated(int names, long bytes) {}

    /** Writes the history with JGit's object inserter, then the last version into the work tree. */
    private static Generated generate(Path repo) throws Exception {
        Commands.delete(repo);
        Files.createDirectories(repo);
        List<Integer> live = new ArrayList<>();
        Map<Integer, String> retired = new LinkedHashMap<>();
        Map<Integer, Integer> edits = new LinkedHashMap<>();
        int next = 1;
        for (; next <= FIRST; next++) {
            live.add(next);
        }
        long bytes = 0;
        String text = "";
        try (Git git = Git.init()
                        .setDirectory(repo.toFile())
                        .setInitialBranch("main")
                        .call();
                ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            ObjectId pom = inserter.insert(Constants.OBJ_BLOB, "<project/>\n".getBytes(StandardCharsets.UTF_8));
            ObjectId parent = null;
            int commits = 0;
            for (int version = 1; version <= VERSIONS; version++) {
                if (version > 1 && version % 25 == 0) {
                    int gone = live.remove(0);
                    retired.put(gone, "folded into s-" + String.format("%03d", live.get(0)) + " in commit " + version);
                } else if (version > 1 && version % 2 == 1) {
                    live.add(next++);
                } else if (version > 1) {
                    int edited = live.get((version * 7) % live.size());
                    edits.put(edited, version);
                }
                text = manifest(live, retired, edits);
                String committed = version == BROKEN ? text.replaceFirst("\\[\\[scenario]]", "[[scenario]") : text;
                bytes += committed.length();
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, committed.getBytes(StandardCharsets.UTF_8));
                parent = commit(inserter, tree(inserter, pom, blob, version > MOVED_AFTER), parent, commits++, version);
                if (version == MOVED_AFTER) {
                    parent = commit(inserter, tree(inserter, pom, blob, true), parent, commits++, -1);
                }
            }
            inserter.flush();
            RefUpdate update = git.getRepository().updateRef("refs/heads/main");
            update.setNewObjectId(parent);
            update.setForceUpdate(true);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED) {
                throw new IllegalStateException("cannot set main: " + result);
            }
        }
        Path file = repo.resolve("src/smoke/manifest.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new Generated(next - 1, bytes);
    }

    private static String manifest(List<Integer> live, Map<Integer, String> retired, Map<Integer, Integer> edits) {
        StringBuilder text = new StringBuilder("# generated by the ratchet benchmark\nformat = 1\n");
        for (int number : live) {
            String name = String.format("s-%03d", number);
            text.append("\n[[scenario]]\nname = \"")
                    .append(name)
                    .append("\"\ndescription = \"scenario ")
                    .append(number)
                    .append(edits.containsKey(number) ? ", edited in commit " + edits.get(number) : "")
                    .append("\"\nowners = [\"REL-")
                    .append(number)
                    .append("\"]\n\n  [[scenario.step]]\n  name = \"run\"\n  run = \"mvn -B -q verify -Dtest=Case")
                    .append(number)
                    .append("\"\n  expect.stdout.contains = [\"Tests run: ")
                    .append(number)
                    .append(", Failures: 0\"]\n");
        }
        if (!retired.isEmpty()) {
            text.append("\n[retired]\n");
            retired.forEach((number, reason) -> text.append(String.format("s-%03d", number))
                    .append(" = \"")
                    .append(reason)
                    .append("\"\n"));
        }
        return text.toString();
    }

    /** {@code pom.xml} and the manifest, at {@code smoke/manifest.toml} or {@code src/smoke/manifest.toml}. */
    private static ObjectId tree(ObjectInserter inserter, ObjectId pom, ObjectId manifest, boolean moved)
            throws Exception {
        TreeFormatter smoke = new TreeFormatter();
        smoke.append("manifest.toml", FileMode.REGULAR_FILE, manifest);
        ObjectId smokeTree = inserter.insert(smoke);
        TreeFormatter root = new TreeFormatter();
        root.append("pom.xml", FileMode.REGULAR_FILE, pom);
        if (moved) {
            TreeFormatter src = new TreeFormatter();
            src.append("smoke", FileMode.TREE, smokeTree);
            root.append("src", FileMode.TREE, inserter.insert(src));
        } else {
            root.append("smoke", FileMode.TREE, smokeTree);
        }
        return inserter.insert(root);
    }

    private static ObjectId commit(ObjectInserter inserter, ObjectId tree, ObjectId parent, int index, int version)
            throws Exception {
        PersonIdent ident =
                new PersonIdent("Ratchet Bench", "bench@example.org", START.plusSeconds(60L * index), ZoneOffset.UTC);
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        if (parent != null) {
            commit.setParentId(parent);
        }
        commit.setAuthor(ident);
        commit.setCommitter(ident);
        commit.setMessage(version < 0 ? "move the manifest to src/smoke\n" : "manifest version " + version + "\n");
        return inserter.insert(commit);
    }
}
