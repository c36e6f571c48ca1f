package dev.smokegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The verdict on a failed scenario, read where a user or a CI reads it: the console's {@code class:}
 * line, the JUnit XML's {@code <failure>} and the JSON summary's entry. Each IT about classification
 * checks all three.
 */
final class Verdicts {
    private Verdicts() {}

    /**
     * Asserts that scenario {@code scenario} failed as {@code category} by rule {@code rule} (a bare id,
     * e.g. {@code host.network}) in all three places.
     *
     * @param result the forked build
     * @param project the sample project it ran in
     * @param scenario the scenario
     * @param category {@code source}, {@code runtime} or {@code host}
     * @param rule the bare rule id
     * @return the scenario's entry in {@code target/smoke/smoke-summary.json}
     */
    static JsonNode assertFailed(ForkedMaven.Result result, Path project, String scenario, String category, String rule)
            throws Exception {
        assertThat(result.smokeLines())
                .as(result.toString())
                .anySatisfy(line -> assertThat(line).startsWith("[smoke] FAIL " + scenario + " › "))
                .anySatisfy(line ->
                        assertThat(line).startsWith("[smoke]   class:     " + category + " (rule " + rule + " ("));
        Element failure = junitFailure(project, scenario);
        assertThat(failure.getAttribute("type")).isEqualTo(category);
        assertThat(failure.getAttribute("message")).startsWith(rule + ": ");
        JsonNode entry = summaryEntry(project, scenario);
        assertThat(entry.path("status").asText()).isEqualTo("FAIL");
        assertThat(entry.path("category").asText()).isEqualTo(category);
        assertThat(entry.path("rule").asText()).isEqualTo(rule);
        return entry;
    }

    /** The {@code <failure>} of scenario {@code scenario} in {@code target/smoke/TEST-smoke.xml}. */
    static Element junitFailure(Path project, String scenario) throws Exception {
        return junitElement(project, scenario, "failure");
    }

    /**
     * The first {@code <tag>} ({@code failure}, {@code error} or {@code skipped}) under a testcase of
     * scenario {@code scenario} in {@code target/smoke/TEST-smoke.xml}.
     */
    static Element junitElement(Path project, String scenario, String tag) throws Exception {
        var document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(project.resolve("target/smoke/TEST-smoke.xml").toFile());
        NodeList cases = document.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            NodeList found = testcase.getElementsByTagName(tag);
            if (testcase.getAttribute("classname").equals(scenario) && found.getLength() > 0) {
                return (Element) found.item(0);
            }
        }
        throw new AssertionError("no <" + tag + "> for scenario " + scenario + " in TEST-smoke.xml");
    }

    /** The entry of scenario {@code scenario} in {@code target/smoke/smoke-summary.json}. */
    static JsonNode summaryEntry(Path project, String scenario) throws IOException {
        JsonNode summary = new ObjectMapper()
                .readTree(project.resolve("target/smoke/smoke-summary.json").toFile());
        for (JsonNode entry : summary.path("scenarios")) {
            if (entry.path("name").asText().equals(scenario)) {
                return entry;
            }
        }
        throw new AssertionError("no entry for scenario " + scenario + " in smoke-summary.json: " + summary);
    }
}
