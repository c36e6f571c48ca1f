package dev.smokegate.smoke.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.classify.Evidence.HarnessProblem;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.FailureCategory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules for harness problems: each problem has its rule, with the message as evidence. */
class HarnessRulesTest extends RuleTestSupport {
    // --- harness problems ---

    static Stream<Arguments> harnessRules() {
        return Stream.of(
                Arguments.of(
                        HarnessProblem.NOT_A_REPOSITORY,
                        FailureCategory.SOURCE,
                        "source.not-a-repository (the configured checkout is not a git work tree)"),
                Arguments.of(
                        HarnessProblem.UNREADABLE_TRACKED,
                        FailureCategory.SOURCE,
                        "source.unreadable-tracked (a file git tracks cannot be read, so the sandbox would be incomplete)"),
                Arguments.of(
                        HarnessProblem.REF_NOT_FOUND,
                        FailureCategory.SOURCE,
                        "source.ref-not-found (the branch, tag or commit is not in the repository)"),
                Arguments.of(
                        HarnessProblem.PATCH_REJECTED,
                        FailureCategory.SOURCE,
                        "source.patch-rejected (the patch does not match the repository's files)"),
                Arguments.of(
                        HarnessProblem.ESCAPES_WORKSPACE,
                        FailureCategory.SOURCE,
                        "source.escapes-workspace (a path in the scenario or patch leaves the workspace)"),
                Arguments.of(
                        HarnessProblem.MISSING_FILE,
                        FailureCategory.SOURCE,
                        "source.missing-file (a file the scenario names is not in the workspace)"),
                Arguments.of(
                        HarnessProblem.UNREACHABLE,
                        FailureCategory.HOST,
                        "host.unreachable (the repository URL cannot be reached from this machine)"),
                Arguments.of(
                        HarnessProblem.OFFLINE_NOT_CACHED,
                        FailureCategory.HOST,
                        "host.offline-not-cached (Maven runs offline (-o) and the clone cache lacks the repository)"),
                Arguments.of(
                        HarnessProblem.IO,
                        FailureCategory.HOST,
                        "host.io (reading or writing files on this machine failed)"),
                Arguments.of(
                        HarnessProblem.CACHE_CORRUPT,
                        FailureCategory.HOST,
                        "host.cache-corrupt (a mirror in the clone cache is damaged (a truncated pack, a missing"
                                + " object, a broken HEAD or refs); the repository itself is not at fault)"),
                Arguments.of(
                        HarnessProblem.INCOMPLETE_REPOSITORY,
                        FailureCategory.SOURCE,
                        "source.incomplete-repository (the repository lacks objects its own history needs: a"
                                + " partial (git clone --filter) or shallow clone)"));
    }

    @ParameterizedTest
    @MethodSource("harnessRules")
    void classify_harnessProblem_mapsToItsRuleWithMessageAsEvidence(
            HarnessProblem problem, FailureCategory category, String rule) {
        String message = "what went wrong: " + problem;

        assertClassified(new Evidence.Harness(problem, message), category, rule, message);
    }

    @Test
    void harnessRules_everyHarnessProblem_isCovered() {
        assertThat(harnessRules().map(arguments -> arguments.get()[0]))
                .containsExactlyInAnyOrder((Object[]) HarnessProblem.values());
    }

    @Test
    void classify_harnessMessageMentioningNetwork_staysHarnessRule() {
        Classification result = classifier.classify(
                new Evidence.Harness(HarnessProblem.PATCH_REJECTED, "Could not transfer artifact x: not found"));

        assertThat(result.rule()).startsWith("source.patch-rejected (");
        assertThat(result.evidence()).isEqualTo("Could not transfer artifact x: not found");
    }

    @Test
    void classify_harnessIoNoSpaceLeftOnDevice_hostDiskFull() {
        String message = "cannot write the logs of disk-full › fill under target/smoke/disk-full: No space left on"
                + " device. Check free disk space and permissions.";

        assertClassified(
                new Evidence.Harness(HarnessProblem.IO, message),
                FailureCategory.HOST,
                "host.disk-full (the file system is full)",
                message);
    }

    @Test
    void classify_otherHarnessProblemNamingAFullDisk_staysItsRule() {
        Classification result = classifier.classify(new Evidence.Harness(
                HarnessProblem.CACHE_CORRUPT, "the cached mirror /c/x.git is corrupt: No space left on device"));

        assertThat(result.rule()).startsWith("host.cache-corrupt (");
    }
}
