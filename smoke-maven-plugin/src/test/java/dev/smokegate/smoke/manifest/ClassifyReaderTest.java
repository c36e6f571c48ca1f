package dev.smokegate.smoke.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.ClassifyRule;
import dev.smokegate.smoke.model.FailureCategory;
import dev.smokegate.smoke.model.Location;
import dev.smokegate.smoke.model.Manifest;
import org.junit.jupiter.api.Test;

/** The manifest's own classification rules, {@code [[classify]]} ({@link ClassifyReader}). */
class ClassifyReaderTest extends ManifestTestSupport {
    /** A valid scenario, lines 1 to 9; a {@code [[classify]]} table can start at line 10. */
    private static final String VALID = HEAD + ECHO;

    private static String rule(String id, String category, String matches, String reason) {
        return "[[classify]]\nid = \"" + id + "\"\ncategory = \"" + category + "\"\nmatches = '" + matches
                + "'\nreason = \"" + reason + "\"\n";
    }

    @Test
    void load_twoRules_readInFileOrderWithLocation() throws Exception {
        Manifest manifest = load(VALID
                + rule("host.registry-rate-limit", "host", "HTTP 429|Too Many Requests", "rate-limited")
                + rule("source.fixture-drift", "source", "fixture \\S+ is stale", "fixtures drift"));

        assertThat(manifest.rules()).hasSize(2);
        ClassifyRule first = manifest.rules().get(0);
        assertThat(first.id()).isEqualTo("host.registry-rate-limit");
        assertThat(first.category()).isEqualTo(FailureCategory.HOST);
        assertThat(first.matches().pattern()).isEqualTo("HTTP 429|Too Many Requests");
        assertThat(first.reason()).isEqualTo("rate-limited");
        assertThat(first.location()).isEqualTo(new Location("m.toml", 10, 1));
        assertThat(manifest.rules()
                        .get(1)
                        .matches()
                        .matcher("fixture a.json is stale")
                        .find())
                .isTrue();
    }

    @Test
    void load_noClassifyTable_noRules() throws Exception {
        assertThat(load(VALID).rules()).isEmpty();
    }

    @Test
    void load_badRegex_namesLocationAndTheRegexError() throws Exception {
        assertThat(problems(VALID + rule("host.x", "host", "HTTP (429", "r")))
                .containsExactly("m.toml:13:1: bad regex in [[classify]] 'host.x' matches: 'HTTP (429': Unclosed group"
                        + " near index 9. Fix the Java regex; write \\\\ for a literal backslash in a \"…\" string, or"
                        + " use a '…' literal string.");
    }

    @Test
    void load_emptyRegex_isRejected() throws Exception {
        assertThat(problems(VALID + rule("host.x", "host", "", "r")))
                .containsExactly("m.toml:13:1: 'matches' in [[classify]] 'host.x' is empty, so it would match every"
                        + " line. Write a regex for the line that shows the cause, e.g. 'HTTP 429|Too Many Requests'.");
    }

    @Test
    void load_idWithoutCategoryPrefix_isRejected() throws Exception {
        assertThat(problems(VALID + rule("registry-rate-limit", "host", "429", "r")))
                .containsExactly("m.toml:11:1: classify id 'registry-rate-limit' must start with source., runtime. or"
                        + " host. (its category) and go on with lower case, digits, '.', '_' and '-', e.g."
                        + " \"host.registry-rate-limit\".");
    }

    @Test
    void load_idPrefixDisagreesWithCategory_isRejected() throws Exception {
        assertThat(problems(VALID + rule("runtime.rate-limit", "host", "429", "r")))
                .containsExactly("m.toml:11:1: classify id 'runtime.rate-limit' starts with runtime. but its category"
                        + " is \"host\". Make them agree: reports read the category from the id.");
    }

    @Test
    void load_unknownCategory_namesTheAllowedValues() throws Exception {
        assertThat(problems(VALID + rule("host.x", "machine", "429", "r")))
                .containsExactly("m.toml:12:1: 'category' in [[classify]] 'host.x' must be \"source\", \"runtime\" or"
                        + " \"host\"; found \"machine\".");
    }

    @Test
    void load_duplicateIds_pointAtTheFirst() throws Exception {
        assertThat(problems(VALID + rule("host.x", "host", "429", "r") + rule("host.x", "host", "503", "r")))
                .containsExactly(
                        "m.toml:16:1: duplicate classify id 'host.x'; it is first used at m.toml:11:1. Rename one of them.");
    }

    @Test
    void load_unknownKey_suggestsTheKnownOne() throws Exception {
        assertThat(problems(VALID + rule("host.x", "host", "429", "r") + "match = 'x'\n"))
                .containsExactly("m.toml:15:1: unknown key 'match' in [[classify]]. Did you mean 'matches'?");
    }

    @Test
    void load_missingKeys_eachNamedAtTheTable() throws Exception {
        assertThat(problems(VALID + "[[classify]]\nid = \"host.x\"\n"))
                .containsExactly(
                        "m.toml:10:1: [[classify]] 'host.x' has no 'category'. Add category = \"host\".",
                        "m.toml:10:1: [[classify]] 'host.x' has no 'matches'. Add matches = 'HTTP 429|Too Many"
                                + " Requests'.",
                        "m.toml:10:1: [[classify]] 'host.x' has no 'reason'. Add reason = \"the package registry"
                                + " rate-limited this machine\".");
    }

    @Test
    void load_classifyNotAnArrayOfTables_isRejected() throws Exception {
        assertThat(problems("classify = \"x\"\n" + VALID))
                .containsExactly("m.toml:1:1: 'classify' must be an array of tables written [[classify]]; found"
                        + " string \"x\".");
    }

    @Test
    void load_emptyReason_isRejected() throws Exception {
        assertThat(problems(VALID + rule("host.x", "host", "429", " ")))
                .containsExactly("m.toml:14:1: 'reason' in [[classify]] 'host.x' is empty. Say why a line it matches"
                        + " means that category; reports print it after the id.");
    }
}
