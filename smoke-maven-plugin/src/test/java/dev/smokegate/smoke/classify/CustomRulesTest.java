package dev.smokegate.smoke.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.Classification;
import dev.smokegate.smoke.model.ClassifyRule;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.Location;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The manifest's own rules ({@code [[classify]]}) and their place in the order. */
class CustomRulesTest extends RuleTestSupport {
    private static final Location AT = new Location("manifest.toml", 3, 1);
    private static final ClassifyRule RATE_LIMIT = new ClassifyRule(
            "host.registry-rate-limit",
            FailureCategory.HOST,
            Pattern.compile("HTTP 429|Too Many Requests"),
            "the package registry rate-limited this machine",
            AT);
    private static final ClassifyRule FLAKY_ASSERT = new ClassifyRule(
            "source.fixture-drift",
            FailureCategory.SOURCE,
            Pattern.compile("fixture .* is stale"),
            "fixtures drift",
            AT);
    private static final ClassifyRule CATCH_ALL_RUNTIME = new ClassifyRule(
            "runtime.any-error", FailureCategory.RUNTIME, Pattern.compile("ERROR"), "any error is the runtime's", AT);

    private final Classifier custom =
            new Classifier(MavenFrontEnd.INSTANCE, List.of(FLAKY_ASSERT, RATE_LIMIT, CATCH_ALL_RUNTIME));

    @Test
    void classify_customHostRuleMatches_itsIdReasonAndFirstMatchingLine() {
        Classification result = custom.classify(
                exitMismatch(1, "  GET /simple/lib → HTTP 429  ", "retrying", "Too Many Requests", "done"));

        assertThat(result)
                .isEqualTo(new Classification(
                        FailureCategory.HOST,
                        "host.registry-rate-limit (the package registry rate-limited this machine)",
                        "GET /simple/lib → HTTP 429"));
    }

    @Test
    void classify_customHostRuleAndBuiltInHostRule_customWins() {
        Classification result = custom.classify(exitMismatch(127, "sh: 1: pip: not found", "HTTP 429 from the mirror"));

        assertThat(result.rule()).startsWith("host.registry-rate-limit ");
    }

    @Test
    void classify_customSourceRuleAndBuiltInHostRule_builtInHostWins() {
        Classification result =
                custom.classify(exitMismatch(1, "fixture users.json is stale", "java.net.UnknownHostException: x"));

        assertThat(result.rule()).startsWith("host.network ");
    }

    @Test
    void classify_customSourceRuleAndBuiltInRuntimeRule_customWins() {
        assertThat(custom.classify(exitMismatch(3, "fixture users.json is stale", "bye")))
                .isEqualTo(new Classification(
                        FailureCategory.SOURCE,
                        "source.fixture-drift (fixtures drift)",
                        "fixture users.json is stale"));
    }

    @Test
    void classify_customRuntimeRuleAndBuiltInSourceRule_customWins() {
        Classification result = custom.classify(exitMismatch(1, "[ERROR] COMPILATION ERROR :"));

        assertThat(result.rule()).isEqualTo("runtime.any-error (any error is the runtime's)");
    }

    @Test
    void classify_customRulesInFileOrder_firstOfTheGroupWins() {
        Classification result = custom.classify(exitMismatch(1, "ERROR: fixture a is stale"));

        assertThat(result.rule()).startsWith("source.fixture-drift ");
    }

    @Test
    void classify_noCustomRuleMatches_builtInRulesDecide() {
        assertThat(custom.classify(exitMismatch(2, "usage: greeter NAME")).rule())
                .isEqualTo(EXIT_CODE);
    }

    @Test
    void classify_customRuleOnHarnessMessage_matchesTheMessage() {
        Classification result = custom.classify(new Evidence.Harness(
                Evidence.HarnessProblem.UNREACHABLE, "cannot clone https://repo.example.org/x.git: HTTP 429"));

        assertThat(result.rule()).startsWith("host.registry-rate-limit ");
        assertThat(result.evidence()).isEqualTo("cannot clone https://repo.example.org/x.git: HTTP 429");
    }

    @Test
    void classify_customRuleOnProbe_matchesItsEvidence() {
        Classification result = custom.classify(
                new Evidence.Probe("GET http://127.0.0.1:1/x", null, 429, "HTTP 429 Too Many Requests"));

        assertThat(result.category()).isEqualTo(FailureCategory.HOST);
    }

    @Test
    void rules_customRulesBeforeTheBuiltInRulesOfTheirGroup() {
        List<String> rules = custom.rules();

        assertThat(rules.get(0))
                .isEqualTo("host.registry-rate-limit (the package registry rate-limited this machine) → host");
        assertThat(rules.get(1)).startsWith("host.unreachable ");
        int firstProduct = rules.indexOf("source.fixture-drift (fixtures drift) → source");
        assertThat(rules.subList(0, firstProduct)).allMatch(rule -> rule.endsWith("→ host"));
        assertThat(rules.get(firstProduct + 1)).isEqualTo("runtime.any-error (any error is the runtime's) → runtime");
        assertThat(rules.get(firstProduct + 2)).startsWith("source.not-a-repository ");
        assertThat(rules.get(rules.size() - 1)).isEqualTo(OUTPUT + " → runtime");
    }
}
