package dev.smokegate.smoke.classify;

import dev.smokegate.smoke.classify.Evidence.HarnessProblem;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.FrontEnd;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Decides whether a failure belongs to the source, the runtime or the host. A pure function of
 * the evidence: the first rule of {@link #rules()} that matches wins, and the result names that
 * rule and the line it matched. A rule that speaks of the front end (offline mode) takes its words
 * from the {@link FrontEnd} given to the constructor.
 */
public final class Classifier {
    private static final Pattern NOT_FOUND =
            Pattern.compile("(?i)(command not found|not found|No such file or directory)");
    private static final Pattern DISK_FULL = Pattern.compile("(?i)No space left on device|Disk quota exceeded");
    private static final Pattern NETWORK = Pattern.compile(
            "UnknownHostException|Could not resolve host|Temporary failure in name resolution|Network is unreachable"
                    + "|Could not transfer artifact|Connection timed out|No route to host");
    private static final Pattern PERMISSION =
            Pattern.compile("Permission denied|Operation not permitted|AccessDeniedException");
    private static final Pattern COMPILE =
            Pattern.compile("COMPILATION ERROR|error: cannot find symbol|\\.java:\\[\\d+,\\d+] ");
    private static final Pattern TESTS_FAILED =
            Pattern.compile("Tests run: \\d+, Failures: (?:[1-9]\\d*, Errors: \\d+|\\d+, Errors: [1-9]\\d*)");

    private final List<Rule> rules;

    /**
     * @param frontEnd the words of the front end that started the gate, for the reasons of the rules
     *     that name its settings (e.g. {@code Maven runs offline (-o)})
     */
    public Classifier(FrontEnd frontEnd) {
        this.rules = rules(frontEnd);
    }

    private static List<Rule> rules(FrontEnd frontEnd) {
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
                        "host.io",
                        "reading or writing files on this machine failed",
                        FailureCategory.HOST,
                        HarnessProblem.IO),
                new Rule(
                        "host.command-not-found",
                        "exit 127: POSIX sh, command not found",
                        FailureCategory.HOST,
                        process(p -> p.startError() != null || (p.exitCheckFailed() && p.exitCode() == 127))),
                new Rule("host.disk-full", "the file system is full", FailureCategory.HOST, line(DISK_FULL, p -> true)),
                new Rule(
                        "host.network",
                        "a network name or route failed",
                        FailureCategory.HOST,
                        line(NETWORK, p -> true)),
                new Rule(
                        "source.not-executable",
                        "exit 126: POSIX sh, command found but not executable",
                        FailureCategory.SOURCE,
                        processLine(p -> p.exitCode() == 126, PERMISSION)),
                new Rule(
                        "host.permission-denied",
                        "the machine refused access to a file",
                        FailureCategory.HOST,
                        line(PERMISSION, Evidence.Process::exitCheckFailed)),
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
                        evidence -> evidence instanceof Evidence.Process p
                                ? Optional.of(p.checkEvidence() != null ? p.checkEvidence() : lastLine(p))
                                : Optional.empty()));
    }

    /**
     * @return the rules in the order they are tried, each as {@code id (reason) → category}
     */
    public List<String> rules() {
        return rules.stream().map(Rule::toString).toList();
    }

    /**
     * Classifies a failure.
     *
     * @param evidence what is known about it
     * @return the category, the deciding rule and the evidence line
     */
    public Classification classify(Evidence evidence) {
        for (Rule rule : rules) {
            Optional<String> line = rule.match().apply(evidence);
            if (line.isPresent()) {
                return new Classification(rule.category(), rule.id() + " (" + rule.reason() + ")", line.get());
            }
        }
        throw new IllegalStateException(
                "no rule matched " + evidence + "; runtime.output matches every process failure");
    }

    @Override
    public String toString() {
        return "Classifier" + rules();
    }

    private static Rule harness(String id, String reason, FailureCategory category, HarnessProblem problem) {
        return new Rule(
                id,
                reason,
                category,
                evidence -> evidence instanceof Evidence.Harness harness && harness.problem() == problem
                        ? Optional.of(harness.message())
                        : Optional.empty());
    }

    /** Matches when {@code when} holds; evidence is the start error or a "not found" line. */
    private static Function<Evidence, Optional<String>> process(Predicate<Evidence.Process> when) {
        return evidence -> {
            if (!(evidence instanceof Evidence.Process p) || !when.test(p)) {
                return Optional.empty();
            }
            if (p.startError() != null) {
                return Optional.of(p.startError());
            }
            return Optional.of(lastMatching(p, NOT_FOUND).orElse("exit code " + p.exitCode()));
        };
    }

    /** Matches when {@code when} holds; evidence is the last line matching {@code pattern}, or the last line. */
    private static Function<Evidence, Optional<String>> processLine(Predicate<Evidence.Process> when, Pattern pattern) {
        return evidence -> {
            if (!(evidence instanceof Evidence.Process p) || !when.test(p)) {
                return Optional.empty();
            }
            return Optional.of(
                    pattern == null ? lastLine(p) : lastMatching(p, pattern).orElse(lastLine(p)));
        };
    }

    /** Matches when {@code when} holds and a tail line matches {@code pattern}; that line is the evidence. */
    private static Function<Evidence, Optional<String>> line(Pattern pattern, Predicate<Evidence.Process> when) {
        return evidence ->
                evidence instanceof Evidence.Process p && when.test(p) ? lastMatching(p, pattern) : Optional.empty();
    }

    private static Optional<String> lastMatching(Evidence.Process p, Pattern pattern) {
        for (int i = p.tail().size() - 1; i >= 0; i--) {
            String line = p.tail().get(i);
            if (pattern.matcher(line).find()) {
                return Optional.of(line.strip());
            }
        }
        return Optional.empty();
    }

    private static String lastLine(Evidence.Process p) {
        for (int i = p.tail().size() - 1; i >= 0; i--) {
            if (!p.tail().get(i).isBlank()) {
                return p.tail().get(i).strip();
            }
        }
        return "(the step printed nothing; exit code " + p.exitCode() + ")";
    }
}
