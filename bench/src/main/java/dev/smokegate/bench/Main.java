package dev.smokegate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark harness's command line; {@code bench/run.sh} calls it step by step.
 *
 * <pre>
 * generate     --repo DIR [--files N] [--mib N] [--ignored N] [--seed N]
 * local        --repo DIR --work DIR --results DIR [--runs N] [--label tmpfs]
 * cold         --repo DIR --work DIR --results DIR [--runs N]   (first copy in a new JVM)
 * probe        --repo DIR --dest DIR                 (one copy; run under strace)
 * probe-check  --repo DIR --dest DIR --trace FILE --results DIR
 * clone        --repo DIR --work DIR --results DIR [--runs N]
 * memory       --work DIR --results DIR [--runs N] [--bytes N]
 * readiness    --work DIR --results DIR [--runs N]   (fixture service, ReadinessPoller.await)
 * parallel     --work DIR --results DIR [--runs N]   (4 sleeping scenarios, threads 4, vs 1)
 * fingerprint  --repo DIR --work DIR --results DIR [--runs N]   (Fingerprint.of / again vs git status)
 * startup      --repo DIR --work DIR --results DIR [--runs N]   (real mvn smoke:verify vs git clone)
 * cleanup      --repo DIR --work DIR --results DIR [--runs N]   (second run: delete in front vs background)
 * mirror       --repo DIR --work DIR --results DIR [--runs N]   (mirror from empty vs git clone --mirror)
 * many         --work DIR --results DIR [--runs N]   (200 scenarios vs a shell loop; per-step overhead)
 * invoker      --work DIR --results DIR [--runs N]   (six projects: invoker:run vs smoke:verify)
 * ratchet      --work DIR --results DIR [--runs N]   (500 manifest versions: first and cached ratchet)
 * summary      --results DIR                         (exit 1 when a target is missed)
 * page         --results DIR --page FILE             (the run's tables into benchmarks.md's result blocks)
 * </pre>
 *
 * <p>A benchmark that cannot run records a MISSED row saying why and exits 2, so that run.sh goes
 * on with the others and still fails at the end.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("no command");
        }
        Map<String, String> options = options(args);
        String command = args[0];
        Results results = options.containsKey("results") ? new Results(path(options, "results")) : null;
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        if (runs < 1) {
            usage("--runs must be at least 1");
        }
        try {
            switch (command) {
                case "generate" -> {
                    RepoGenerator.Spec spec = new RepoGenerator.Spec(
                            Integer.parseInt(options.getOrDefault("files", "20000")),
                            Long.parseLong(options.getOrDefault("mib", "200")) << 20,
                            Integer.parseInt(options.getOrDefault("ignored", "50000")),
                            Long.parseLong(options.getOrDefault("seed", "20261121")));
                    Path repo = path(options, "repo");
                    String sha = RepoGenerator.generate(repo, spec);
                    Files.writeString(repo.resolveSibling(repo.getFileName() + ".sha"), sha + "\n");
                }
                case "local" -> new LocalStartupBench(
                                path(options, "repo"),
                                path(options, "work"),
                                results,
                                !"tmpfs".equals(options.get("label")))
                        .run(runs);
                case "probe" -> IgnoredWalkProof.probe(path(options, "repo"), path(options, "dest"));
                case "cold" -> ColdCopyBench.run(path(options, "repo"), path(options, "work"), results, runs);
                case "probe-check" -> IgnoredWalkProof.check(
                        path(options, "trace"), path(options, "repo"), path(options, "dest"), results);
                case "clone" -> new CloneBench(path(options, "repo"), path(options, "work"), results).run(runs);
                case "memory" -> new MemoryBench(
                                path(options, "work"),
                                results,
                                Long.parseLong(options.getOrDefault("bytes", String.valueOf(MemoryBench.GIB))))
                        .run(runs);
                case "readiness" -> new ReadinessBench(path(options, "work"), results).run(runs);
                case "parallel" -> new ParallelBench(path(options, "work"), results).run(runs);
                case "fingerprint" -> new FingerprintBench(path(options, "repo"), path(options, "work"), results)
                        .run(runs);
                case "startup" -> new StartupBench(path(options, "repo"), path(options, "work"), results).run(runs);
                case "cleanup" -> new CleanupBench(path(options, "repo"), path(options, "work"), results).run(runs);
                case "mirror" -> new MirrorBench(path(options, "repo"), path(options, "work"), results).run(runs);
                case "many" -> new ManyScenariosBench(path(options, "work"), results).run(runs);
                case "invoker" -> new InvokerBench(path(options, "work"), results).run(runs);
                case "ratchet" -> new RatchetBench(path(options, "work"), results).run(runs);
                case "page" -> System.out.println(
                        "[bench] " + BenchmarksPage.update(path(options, "results"), path(options, "page"))
                                + " result block(s) of " + path(options, "page") + " updated");
                case "summary" -> {
                    int missed = Results.printSummary(path(options, "results"));
                    System.out.println();
                    System.out.println(missed == 0 ? "All targets met." : missed + " target(s) MISSED.");
                    System.exit(missed == 0 ? 0 : 1);
                }
                default -> usage("unknown command " + command);
            }
        } catch (Exception | Error e) {
            String benchmark =
                    switch (command) {
                        case "local" -> "tmpfs".equals(options.get("label"))
                                ? LocalStartupBench.NAME + "-tmpfs"
                                : LocalStartupBench.NAME;
                        case "probe-check" -> IgnoredWalkProof.NAME;
                        case "cold" -> ColdCopyBench.NAME;
                        case "clone" -> CloneBench.NAME;
                        case "memory" -> MemoryBench.NAME;
                        case "readiness" -> ReadinessBench.NAME;
                        case "parallel" -> ParallelBench.NAME;
                        case "fingerprint" -> FingerprintBench.NAME;
                        case "startup" -> StartupBench.NAME;
                        case "cleanup" -> CleanupBench.NAME;
                        case "mirror" -> MirrorBench.NAME;
                        case "many" -> ManyScenariosBench.NAME;
                        case "invoker" -> InvokerBench.NAME;
                        case "ratchet" -> RatchetBench.NAME;
                        default -> null;
                    };
            e.printStackTrace();
            if (benchmark != null && results != null) {
                results.broken(
                        benchmark,
                        String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString()));
            }
            System.exit(2);
        }
        System.exit(0); // no stray non-daemon thread keeps the harness alive
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("bad option " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static Path path(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            usage("missing --" + name);
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    private static void usage(String problem) {
        System.err.println(
                "smoke-bench: " + problem + ". See the Javadoc of dev.smokegate.bench.Main for the commands.");
        System.exit(64);
    }
}
