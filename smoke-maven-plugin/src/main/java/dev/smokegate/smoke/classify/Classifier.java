package dev.smokegate.smoke.classify;

import dev.smokegate.smoke.classify.Evidence.HarnessProblem;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.ClassifyRule;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.FrontEnd;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides whether a failure belongs to the source, the runtime or the host. A pure function of the
 * evidence and of the failed step's {@code blame}: the result names the deciding rule and the line
 * it matched. A rule that speaks of the front end (offline mode) takes its words from the {@link
 * FrontEnd} given to the constructor.
 *
 * <p>The order, which {@link #rules()} lists:
 *
 * <ol>
 *   <li>the host rules: the manifest's own ({@code [[classify]]} with {@code category = "host"}, in
 *       file order), then the built-in ones. A host rule always wins: a machine problem never counts
 *       as a product bug, whatever else the output says, and only host failures are retried;
 *   <li>the step's {@code blame}, when it sets one: the category is the blamed one. The evidence
 *       line is the one the first matching rule of the next group gives. That rule is named when it
 *       already says the blamed category; otherwise the rule is {@code source.blame} or {@code
 *       runtime.blame}, and its reason names the rule it overrode;
 *   <li>the source and runtime rules: the manifest's own (in file order), then the built-in ones.
 *       {@code runtime.output} matches every process failure, so one always decides.
 * </ol>
 *
 * <p>A service that did not become ready is read by the host and source rules as a process would be
 * (its exit code and the tail of its log), so host evidence still wins for it; only then do the
 * service rules decide. Probes and leftover processes have rules of their own.
 */
public final class Classifier {
    private static final Pattern NOT_FOUND =
            Pattern.compile("(?i)(command not found|not found|No such file or directory)");
    private static final Pattern PROBLEM_LINE = Pattern.compile("FATAL|ERROR|Exception\\b|Error:|Caused by:|\\bpanic:");
    private static final Pattern DISK_FULL = Pattern.compile("(?i)No space left on device|Disk quota exceeded");
    /** Name lookups, routes and timeouts, and Maven's words when it cannot download (Maven Resolver). */
    private static final Pattern NETWORK = Pattern.compile(
            "UnknownHostException|Could not resolve host|Temporary failure in name resolution|Network is unreachable"
                    + "|Could not transfer artifact|Could not resolve dependencies|Connection timed out"
                    + "|No route to host");

    private static final Pattern PERMISSION =
            Pattern.compile("Permission denied|Operation not permitted|AccessDeniedException");
    /** HotSpot's fatal error banner, and the crash report it writes ({@code hs_err_pid<pid>.log}). */
    private static final Pattern CRASH =
            Pattern.compile("hs_err_pid|A fatal error has been detected by the Java Runtime");

    private static final Pattern OUT_OF_MEMORY = Pattern.compile("java\\.lang\\.OutOfMemoryError");
    /** What a shell prints when a job it waited for died of SIGKILL. */
    private static final Pattern KILLED = Pattern.compile("\\bKilled\\b");
    /** 128 + 9: a process that SIGKILL ended, as POSIX shells and {@link Process#exitValue()} report it. */
    private static final int SIGKILL_EXIT = 137;

    private static final Pattern COMPILE =
            Pattern.compile("COMPILATION ERROR|error: cannot find symbol|\\.java:\\[\\d+,\\d+] ");
    private static final Pattern TESTS_FAILED =
            Pattern.compile("Tests run: \\d+, Failures: (?:[1-9]\\d*, Errors: \\d+|\\d+, Errors: [1-9]\\d*)");
    /** A bind that failed: Java's, POSIX's (Go, Python), Node's and Spring Boot's words. */
    private static final Pattern PORT_IN_USE =
            Pattern.compile("(?i)Address already in use|BindException|EADDRINUSE|Port \\d+ (?:was|is) already in use");
    /** A line that may name the port of a failed bind: the bind line itself, or one about binding or listening. */
    private static final Pattern BIND_CONTEXT = Pattern.compile("(?i)bind|listen|already in use");
    /** A port in such a line: {@code 127.0.0.1:8080}, {@code localhost:8080}, {@code [::1]:8080}, {@code port 8080}. */
    private static final Pattern PORT =
            Pattern.compile("(?i)\\bport\\s+(\\d{1,5})\\b|(?:\\d{1,3}(?:\\.\\d{1,3}){3}|localhost|]|::):(\\d{1,5})\\b");

    /** The manifest's host rules, then the built-in ones. */
    private final List<Rule> hostRules;
    /** The manifest's source and runtime rules, then the built-in ones. */
    private final List<Rule> productRules;

    /**
     * A classifier with the built-in rules only.
     *
     * @param frontEnd the words of the front end that started the gate, for the reasons of the rules
     *     that name its settings (e.g. {@code Maven runs offline (-o)})
     */
    public Classifier(FrontEnd frontEnd) {
        this(frontEnd, List.of());
    }

    /**
     * A classifier with the manifest's own rules: each is tried before the built-in rules of its
     * group (host; or source and runtime).
     *
     * @param frontEnd the words of the front end that started the gate
     * @param custom the manifest's {@code [[classify]]} rules, in file order
     */
    public Classifier(FrontEnd frontEnd, List<ClassifyRule> custom) {
        List<Rule> host = new ArrayList<>();
        List<Rule> product = new ArrayList<>();
        for (ClassifyRule rule : custom) {
            (rule.category() == FailureCategory.HOST ? host : product).add(custom(rule));
        }
        host.addAll(hostRules(frontEnd));
        product.addAll(productRules());
        this.hostRules = List.copyOf(host);
        this.productRules = List.copyOf(product);
    }

    /** The built-in host rules, in the order they are tried. */
    private static List<Rule> hostRules(FrontEnd frontEnd) {
        return List.of(
                harness(
                        "host.unreachable",
                        "the repository URL cannot be reached from this machine",
                        FailureCategory.HOST,
                        HarnessProblem.UNREACHABLE),
                harness(
                        "host.offline-not-cached",
                        frontEnd.toolName() + " runs offline (" + frontEnd.offlineSwitch()
                                + ") and the clone cache lacks the repository",
                        FailureCategory.HOST,
                        HarnessProblem.OFFLINE_NOT_CACHED),
                harness(
                        "host.cache-corrupt",
                        "a mirror in the clone cache is damaged (a truncated pack, a missing object, a broken HEAD"
                                + " or refs); the repository itself is not at fault",
                        FailureCategory.HOST,
                        HarnessProblem.CACHE_CORRUPT),
                new Rule(
                        "host.io",
                        "reading or writing files on this machine failed",
                        FailureCategory.HOST,
                        when(
                                Evidence.Harness.class,
                                harness -> harness.problem() == HarnessProblem.IO && !diskFull(harness),
                                Evidence.Harness::message)),
                new Rule(
                        "host.command-not-found",
                        "exit 127: POSIX sh, command not found",
                        FailureCategory.HOST,
                        process(p -> p.startError() != null || (p.exitCheckFailed() && p.exitCode() == 127))),
                new Rule(
                        "host.killed",
                        "exit 137: killed by SIGKILL, which the gate did not send; probably the kernel's"
                                + " out-of-memory killer",
                        FailureCategory.HOST,
                        processLine(
                                p -> p.exitCheckFailed() && p.exitCode() == SIGKILL_EXIT && !p.killedByGate(), KILLED)),
                new Rule(
                        "host.disk-full",
                        "the file system is full",
                        FailureCategory.HOST,
                        evidence -> evidence instanceof Evidence.Harness harness
                                ? Optional.of(harness)
                                        .filter(Classifier::diskFull)
                                        .map(Evidence.Harness::message)
                                : line(DISK_FULL, p -> true).apply(evidence)),
                new Rule(
                        "host.network",
                        "a network name or route failed",
                        FailureCategory.HOST,
                        line(NETWORK, p -> true)),
                new Rule(
                        "host.port-in-use",
                        "a service could not listen: another process holds its port",
                        FailureCategory.HOST,
                        Classifier::portInUse),
                new Rule(
                        "host.permission-denied",
                        "the machine refused access to a file",
                        FailureCategory.HOST,
                        // exit 126 with "Permission denied" is sh's "found but not executable": source
                        line(PERMISSION, p -> p.exitCheckFailed() && p.exitCode() != 126)));
    }

    /** The built-in source and runtime rules, in the order they are tried. */
    private static List<Rule> productRules() {
        return List.of(
                harness(
                        "source.not-a-repository",
                        "the configured checkout is not a git work tree",
                        FailureCategory.SOURCE,
                        HarnessProblem.NOT_A_REPOSITORY),
                harness(
                        "source.unreadable-tracked",
                        "a file git tracks cannot be read, so the sandbox would be incomplete",
                        FailureCategory.SOURCE,
                        HarnessProblem.UNREADABLE_TRACKED),
                harness(
                        "source.ref-not-found",
                        "the branch, tag or commit is not in the repository",
                        FailureCategory.SOURCE,
                        HarnessProblem.REF_NOT_FOUND),
                harness(
                        "source.incomplete-repository",
                        "the repository lacks objects its own history needs: a partial (git clone --filter) or"
                                + " shallow clone",
                        FailureCategory.SOURCE,
                        HarnessProblem.INCOMPLETE_REPOSITORY),
                harness(
                        "source.patch-rejected",
                        "the patch does not match the repository's files",
                        FailureCategory.SOURCE,
                        HarnessProblem.PATCH_REJECTED),
                harness(
                        "source.escapes-workspace",
                        "a path in the scenario or patch leaves the workspace",
                        FailureCategory.SOURCE,
                        HarnessProblem.ESCAPES_WORKSPACE),
                harness(
                        "source.missing-file",
                        "a file the scenario names is not in the workspace",
                        FailureCategory.SOURCE,
                        HarnessProblem.MISSING_FILE),
                new Rule(
                        "source.not-executable",
                        "exit 126: POSIX sh, command found but not executable",
                        FailureCategory.SOURCE,
                        processLine(p -> p.exitCode() == 126, PERMISSION)),
                new Rule(
                        "runtime.crash",
                        "the Java virtual machine crashed: HotSpot's fatal error report",
                        FailureCategory.RUNTIME,
                        line(CRASH, p -> p.exitCheckFailed() || p.timedOut())),
                new Rule(
                        "runtime.out-of-memory",
                        "a Java virtual machine ran out of memory: java.lang.OutOfMemoryError",
                        FailureCategory.RUNTIME,
                        line(OUT_OF_MEMORY, p -> p.exitCheckFailed() || p.timedOut())),
                new Rule(
                        "runtime.timeout",
                        "the step ran past its deadline and was killed",
                        FailureCategory.RUNTIME,
                        processLine(Evidence.Process::timedOut, null)),
                new Rule(
                        "source.compile-error",
                        "the repository's code does not compile",
                        FailureCategory.SOURCE,
                        line(COMPILE, Evidence.Process::exitCheckFailed)),
                new Rule(
                        "source.tests-failed",
                        "the repository's own tests fail",
                        FailureCategory.SOURCE,
                        line(TESTS_FAILED, Evidence.Process::exitCheckFailed)),
                new Rule(
                        "runtime.exited-before-ready",
                        "the service's process ended before its readiness probe passed",
                        FailureCategory.RUNTIME,
                        service(Evidence.ServiceProblem.EXITED_BEFORE_READY, Classifier::exitedEvidence)),
                new Rule(
                        "runtime.not-ready",
                        "the service kept running but its readiness probe did not pass in time",
                        FailureCategory.RUNTIME,
                        service(Evidence.ServiceProblem.NOT_READY, Classifier::notReadyEvidence)),
                new Rule(
                        "runtime.probe-unreachable",
                        "the probe got no answer: nothing listens, or it does not answer in time",
                        FailureCategory.RUNTIME,
                        when(
                                Evidence.Probe.class,
                                probe -> probe.connectionError() != null,
                                probe -> probe.request() + ": " + probe.connectionError())),
                new Rule(
                        "runtime.probe-failed",
                        "the probe got an answer, but not the expected one",
                        FailureCategory.RUNTIME,
                        when(Evidence.Probe.class, Classifier::probeEvidence)),
                new Rule(
                        "runtime.leftover-process",
                        "a process was still running after its step and the step expected none",
                        FailureCategory.RUNTIME,
                        when(Evidence.Leftover.class, leftover -> leftover.processes()
                                .get(0))),
                new Rule(
                        "runtime.signal",
                        "exit above 128: killed by signal (exit - 128)",
                        FailureCategory.RUNTIME,
                        processLine(p -> p.exitCheckFailed() && p.exitCode() > 128, null)),
                new Rule(
                        "runtime.exit-code",
                        "the process exited with an unexpected code",
                        FailureCategory.RUNTIME,
                        processLine(Evidence.Process::exitCheckFailed, null)),
                new Rule(
                        "runtime.output",
                        "the process ran but its output or files are not what was expected",
                        FailureCategory.RUNTIME,
                        evidence ->
                                ran(evidence).map(p -> p.checkEvidence() != null ? p.checkEvidence() : lastLine(p))));
    }

    /**
     * @return the rules in the order they are tried, each as {@code id (reason) → category}: the host
     *     rules, then the source and runtime rules (a step's {@code blame} decides between the two
     *     groups)
     */
    public List<String> rules() {
        return Stream.concat(hostRules.stream(), productRules.stream())
                .map(Rule::toString)
                .toList();
    }

    /**
     * Classifies a failure that no step's {@code blame} speaks for (the built-in and the manifest's
     * rules decide).
     *
     * @param evidence what is known about it
     * @return the category, the deciding rule and the evidence line
     */
    public Classification classify(Evidence evidence) {
        return classify(evidence, null);
    }

    /**
     * Classifies a failure of a step.
     *
     * @param evidence what is known about it
     * @param blame the step's {@code blame} ({@link FailureCategory#SOURCE} or {@link
     *     FailureCategory#RUNTIME}), or {@code null} when it sets none
     * @return the category, the deciding rule and the evidence line
     * @throws IllegalArgumentException when {@code blame} is {@link FailureCategory#HOST}: a step
     *     cannot blame the machine, only the host rules do
     */
    public Classification classify(Evidence evidence, FailureCategory blame) {
        if (blame == FailureCategory.HOST) {
            throw new IllegalArgumentException("a step blames the source or the runtime, not the host");
        }
        Optional<Classification> host = first(hostRules, evidence);
        if (host.isPresent()) {
            return host.get();
        }
        Classification product = first(productRules, evidence)
                .orElseThrow(() -> new IllegalStateException("no rule matched " + evidence
                        + "; runtime.output matches every process failure, and every other kind of evidence has"
                        + " its rules"));
        if (blame == null || blame == product.category()) {
            return product;
        }
        String overridden = product.ruleId();
        return new Classification(
                blame,
                blame.label() + ".blame (the step sets blame = \"" + blame.label() + "\"; without it: " + overridden
                        + ")",
                product.evidence());
    }

    private static Optional<Classification> first(List<Rule> rules, Evidence evidence) {
        for (Rule rule : rules) {
            Optional<String> line = rule.match().apply(evidence);
            if (line.isPresent()) {
                return Optional.of(
                        new Classification(rule.category(), rule.id() + " (" + rule.reason() + ")", line.get()));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Classifier" + rules();
    }

    /**
     * A manifest's rule: the first line of the evidence ({@link #lines}) that its regex finds is the
     * evidence line.
     */
    private static Rule custom(ClassifyRule rule) {
        return new Rule(rule.id(), rule.reason(), rule.category(), evidence -> lines(evidence).stream()
                .filter(line -> rule.matches().matcher(line).find())
                .findFirst()
                .map(String::strip));
    }

    /**
     * The lines a manifest's rule searches: the output of a process or service (its last lines), a
     * service's last probe, a probe's error and evidence, the leftover processes, a harness message.
     */
    private static List<String> lines(Evidence evidence) {
        List<String> lines = new ArrayList<>();
        if (evidence instanceof Evidence.Process p) {
            lines.addAll(p.tail());
        } else if (evidence instanceof Evidence.Service service) {
            lines.addAll(service.tail());
            if (service.lastProbe() != null) {
                lines.add(service.lastProbe());
            }
        } else if (evidence instanceof Evidence.Probe probe) {
            Stream.of(probe.connectionError(), probe.checkEvidence())
                    .filter(line -> line != null)
                    .forEach(lines::add);
        } else if (evidence instanceof Evidence.Leftover leftover) {
            lines.addAll(leftover.processes());
        } else if (evidence instanceof Evidence.Harness harness) {
            lines.add(harness.message());
        }
        return lines;
    }

    /**
     * Whether the gate could not read or write its own files because the file system is full (the
     * step's logs, the workspace): {@code host.disk-full}, not the general {@code host.io}.
     */
    private static boolean diskFull(Evidence.Harness harness) {
        return harness.problem() == HarnessProblem.IO
                && DISK_FULL.matcher(harness.message()).find();
    }

    private static Rule harness(String id, String reason, FailureCategory category, HarnessProblem problem) {
        return new Rule(
                id,
                reason,
                category,
                when(Evidence.Harness.class, harness -> harness.problem() == problem, Evidence.Harness::message));
    }

    /** Matches any evidence of {@code type}; {@code line} words the evidence. */
    private static <T extends Evidence> Function<Evidence, Optional<String>> when(
            Class<T> type, Function<T, String> line) {
        return when(type, any -> true, line);
    }

    /**
     * Matches evidence of {@code type} for which {@code holds} holds; {@code line} words the evidence.
     * The shape of every rule that is not about a process.
     */
    private static <T extends Evidence> Function<Evidence, Optional<String>> when(
            Class<T> type, Predicate<T> holds, Function<T, String> line) {
        return evidence -> Optional.of(evidence)
                .filter(type::isInstance)
                .map(type::cast)
                .filter(holds)
                .map(line);
    }

    /**
     * The evidence as a process: a step's command as it is, a service as {@link
     * Evidence.Service#asProcess()}, so host and source rules decide for services as they do for
     * steps; empty for other evidence.
     */
    private static Optional<Evidence.Process> ran(Evidence evidence) {
        if (evidence instanceof Evidence.Process p) {
            return Optional.of(p);
        }
        if (evidence instanceof Evidence.Service service) {
            return Optional.of(service.asProcess());
        }
        return Optional.empty();
    }

    /** Matches when {@code when} holds; evidence is the start error or a "not found" line. */
    private static Function<Evidence, Optional<String>> process(Predicate<Evidence.Process> when) {
        return evidence -> {
            Evidence.Process p = ran(evidence).filter(when).orElse(null);
            if (p == null) {
                return Optional.empty();
            }
            if (p.startError() != null) {
                return Optional.of(p.startError());
            }
            return Optional.of(lastMatching(p.tail(), NOT_FOUND).orElse("exit code " + p.exitCode()));
        };
    }

    /** Matches when {@code when} holds; evidence is the last line matching {@code pattern}, or the last line. */
    private static Function<Evidence, Optional<String>> processLine(Predicate<Evidence.Process> when, Pattern pattern) {
        return evidence -> ran(evidence)
                .filter(when)
                .map(p -> pattern == null
                        ? lastLine(p)
                        : lastMatching(p.tail(), pattern).orElse(lastLine(p)));
    }

    /** Matches when {@code when} holds and a tail line matches {@code pattern}; that line is the evidence. */
    private static Function<Evidence, Optional<String>> line(Pattern pattern, Predicate<Evidence.Process> when) {
        return evidence -> ran(evidence).filter(when).flatMap(p -> lastMatching(p.tail(), pattern));
    }

    /** Matches a service of the given problem; {@code line} words the evidence. */
    private static Function<Evidence, Optional<String>> service(
            Evidence.ServiceProblem problem, Function<Evidence.Service, String> line) {
        return when(Evidence.Service.class, service -> service.problem() == problem, line);
    }

    /**
     * {@code host.port-in-use}: a service's output says a bind failed. The evidence is the last such
     * line, prefixed {@code port 8080: } when the last line about binding or listening that names a
     * port names it (Jetty says {@code Failed to bind to 0.0.0.0/0.0.0.0:8080}, then {@code
     * BindException: Address already in use} without the port).
     */
    private static Optional<String> portInUse(Evidence evidence) {
        if (!(evidence instanceof Evidence.Service service)) {
            return Optional.empty();
        }
        Optional<String> last = lastMatching(service.tail(), PORT_IN_USE);
        if (last.isEmpty()) {
            return last;
        }
        List<String> context = service.tail().stream()
                .filter(line -> BIND_CONTEXT.matcher(line).find())
                .toList();
        for (int i = context.size() - 1; i >= 0; i--) {
            String port = null;
            Matcher matcher = PORT.matcher(context.get(i));
            while (matcher.find()) {
                port = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            }
            if (port != null) {
                return Optional.of("port " + port + ": " + last.get());
            }
        }
        return last;
    }

    /** {@code exit code 3: <the last line it printed>}. */
    private static String exitedEvidence(Evidence.Service service) {
        return "exit code " + service.exitCode()
                + lastProblem(service.tail())
                        .or(() -> lastNonBlank(service.tail()))
                        .map(line -> ": " + line)
                        .orElse(" (the service printed nothing)");
    }

    /**
     * The last line that reads like the reason a process died ({@code FATAL}, {@code ERROR}, an
     * exception or {@code Caused by}), if any. A service's stdout and stderr reach its combined log
     * through two threads, so the last line alone may be an earlier stdout line.
     */
    private static Optional<String> lastProblem(List<String> tail) {
        for (int i = tail.size() - 1; i >= 0; i--) {
            if (PROBLEM_LINE.matcher(tail.get(i)).find()) {
                return Optional.of(tail.get(i).strip());
            }
        }
        return Optional.empty();
    }

    /** {@code last probe: HTTP 503 …}, or the last line it printed when no probe saw anything. */
    private static String notReadyEvidence(Evidence.Service service) {
        if (service.lastProbe() != null) {
            return "last probe: " + service.lastProbe();
        }
        return lastNonBlank(service.tail()).orElse("(the service printed nothing)");
    }

    /** The failed check's evidence; else the status; else what was sent. */
    private static String probeEvidence(Evidence.Probe probe) {
        if (probe.checkEvidence() != null) {
            return probe.checkEvidence();
        }
        return probe.status() != null ? "HTTP " + probe.status() : probe.request();
    }

    private static Optional<String> lastMatching(List<String> tail, Pattern pattern) {
        for (int i = tail.size() - 1; i >= 0; i--) {
            String line = tail.get(i);
            if (pattern.matcher(line).find()) {
                return Optional.of(line.strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> lastNonBlank(List<String> tail) {
        for (int i = tail.size() - 1; i >= 0; i--) {
            if (!tail.get(i).isBlank()) {
                return Optional.of(tail.get(i).strip());
            }
        }
        return Optional.empty();
    }

    private static String lastLine(Evidence.Process p) {
        return lastNonBlank(p.tail()).orElse("(the step printed nothing; exit code " + p.exitCode() + ")");
    }
}
