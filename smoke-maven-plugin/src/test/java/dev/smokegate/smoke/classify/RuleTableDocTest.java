package dev.smokegate.smoke.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The site's rule table ({@code src/site/markdown/classification.md}) lists every built-in rule, in
 * the order the classifier tries them, so the page users read cannot drift from the code. Surefire
 * runs with the module folder as working directory, so the page is one folder up.
 */
class RuleTableDocTest extends RuleTestSupport {
    private static final Path PAGE = Path.of("../src/site/markdown/classification.md");
    /** A table row that starts with a rule id in backticks. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `((?:source|runtime|host)\\.[a-z0-9.-]+)` \\|");

    @Test
    void classificationPage_ruleTables_listEveryBuiltInRuleInOrder() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String tables =
                page.substring(page.indexOf("## Built-in rules, in order"), page.indexOf("### Rules that are not"));
        Matcher row = ROW.matcher(tables);
        List<String> documented = row.results().map(match -> match.group(1)).toList();

        List<String> ids = classifier.rules().stream()
                .map(rule -> rule.substring(0, rule.indexOf(' ')))
                .toList();
        assertThat(documented).containsExactlyElementsOf(ids);
    }
}
