package dev.smokegate.it;

import static dev.smokegate.it.GateOutput.assertExit;
import static dev.smokegate.it.GateOutput.passLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smokegate.fixtures.FixtureRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * The gate's reports as CI reads them, from a real forked {@code mvn} on the sample project {@code
 * reports}: a pass, a failure of each category (runtime, source, host) and a skip (an unset
 * {@code requires.env}). Each failure's and skip's category and rule is checked three times, on the console line, in {@code TEST-smoke.xml} and in {@code
 * smoke-summary.json}; maven-surefire-report-plugin's {@code report-only} renders the JUnit XML; a
 * run that selects one scenario updates only its entry of the JSON.
 */
class ReportsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERDICT =
            "Smoke gate failed: 3 of 5 scenarios (source 1, runtime 1, host 1), 1 skipped (host 1)";

    private static Path checkout;
    private static Path patches;

    @BeforeAll
    static void fixtures() throws Exception {
        Path scratch = ForkedMaven.scratch("reports");
        checkout = FixtureRepos.greeter(scratch.resolve("greeter"));
        patches = Files.createDirectories(scratch.resolve("patches"));
        FixtureRepos.writePatch(FixtureRepos.BROKEN_PATCH, patches.resolve("broken.diff"));
    }

    private static ForkedMaven.Result gate(Path project, String... extra) throws Exception {
        List<String> args =
                new ArrayList<>(List.of("verify", "-Dfixture.checkout=" + checkout, "-Dfixture.patches=" + patches));
        args.addAll(List.of(extra));
        return ForkedMaven.mvn(project, args.toArray(String[]::new));
    }

    /** The build's lines without Maven's level prefix. */
    private static List<String> plain(ForkedMaven.Result result) {
        return result.lines().stream()
                .map(line -> line.replaceFirst("^\\[(INFO|WARNING|ERROR|DEBUG)] ", ""))
                .toList();
    }

    private static JsonNode summary(Path project) throws Exception {
        return JSON.readTree(project.resolve("target/smoke/smoke-summary.json").toFile());
    }

    private static Map<String, JsonNode> byName(JsonNode summary) {
        Map<String, JsonNode> entries = new HashMap<>();
        summary.path("scenarios")
                .forEach(entry -> entries.put(entry.path("name").asText(), entry));
        return entries;
    }

    /** {@code testcase classname/name → type|message} of each failure in the JUnit XML. */
    private static Map<String, String> junitFailures(Path project) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList failures = factory.newDocumentBuilder()
                .parse(project.resolve("target/smoke/TEST-smoke.xml").toFile())
                .getElementsByTagName("failure");
        Map<String, String> found = new HashMap<>();
        for (int i = 0; i < failures.getLength(); i++) {
            org.w3c.dom.Element failure = (org.w3c.dom.Element) failures.item(i);
            org.w3c.dom.Element testcase = (org.w3c.dom.Element) failure.getParentNode();
            found.put(
                    testcase.getAttribute("classname") + "/" + testcase.getAttribute("name"),
                    failure.getAttribute("type") + "|" + failure.getAttribute("message"));
        }
        return found;
    }

    /** {@code testcase classname/name → message} of each skipped test case in the JUnit XML. */
    private static Map<String, String> junitSkips(Path project) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList skips = factory.newDocumentBuilder()
                .parse(project.resolve("target/smoke/TEST-smoke.xml").toFile())
                .getElementsByTagName("skipped");
        Map<String, String> found = new HashMap<>();
        for (int i = 0; i < skips.getLength(); i++) {
            org.w3c.dom.Element skipped = (org.w3c.dom.Element) skips.item(i);
            org.w3c.dom.Element testcase = (org.w3c.dom.Element) skipped.getParentNode();
            found.put(
                    testcase.getAttribute("classname") + "/" + testcase.getAttribute("name"),
                    skipped.getAttribute("message"));
        }
        return found;
    }

    @Test
    void verify_passAndAFailureOfEachCategory_categoryAndRuleOnConsoleJUnitAndJson() throws Exception {
        Path project = ForkedMaven.project("reports", "reports-categories");

        ForkedMaven.Result result = gate(project);

        assertExit(result, 1);
        assertThat(result.smokeLines()).anySatisfy(passLine("ok"));
        assertThat(result.smokeLines())
                .contains("[smoke] SKIP live: host.requires.env SMOKE_REPORTS_IT_TOKEN — not set");
        assertThat(result.smokeLines())
                .anySatisfy(
                        line -> assertThat(line).startsWith("[smoke]   class:     runtime (rule runtime.exit-code "))
                .anySatisfy(
                        line -> assertThat(line).startsWith("[smoke]   class:     source (rule source.patch-rejected "))
                .anySatisfy(
                        line -> assertThat(line).startsWith("[smoke]   class:     host (rule host.command-not-found "));
        assertThat(result.summary()).isEqualTo("Smoke: 1 passed, 3 failed, 1 skipped");
        List<String> lines = plain(result);
        int summaryAt = lines.indexOf("Smoke: 1 passed, 3 failed, 1 skipped");
        assertThat(lines.subList(summaryAt + 1, summaryAt + 6))
                .containsExactly(
                        VERDICT,
                        "  FAIL broken › run: runtime.exit-code",
                        "  FAIL patched › patch: source.patch-rejected",
                        "  FAIL missing-tool › tool: host.command-not-found",
                        "  SKIP live: host.requires.env");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains(": " + VERDICT + ". Read the [smoke] FAIL and SKIP lines above, the step logs under"
                        + " target/smoke, target/smoke/TEST-smoke.xml and target/smoke/smoke-summary.json."));

        Map<String, String> failures = junitFailures(project);
        assertThat(failures).containsOnlyKeys("broken/run", "patched/patch", "missing-tool/tool");
        assertThat(failures.get("broken/run"))
                .isEqualTo("runtime|runtime.exit-code: expected exit code 0; seen: exit code 3");
        assertThat(failures.get("patched/patch"))
                .startsWith("source|source.patch-rejected: expected the patch to apply;");
        assertThat(failures.get("missing-tool/tool")).startsWith("host|host.command-not-found: ");
        assertThat(junitSkips(project))
                .containsEntry("live/call", "host.requires.env: SMOKE_REPORTS_IT_TOKEN — not set")
                .containsEntry("patched/after", "not run: an earlier step of the scenario failed")
                .hasSize(2);

        JsonNode summary = summary(project);
        assertThat(summary.path("format").asInt()).isEqualTo(1);
        assertThat(summary.path("summary").toString()).isEqualTo("{\"passed\":1,\"failed\":3,\"skipped\":1}");
        Map<String, JsonNode> entries = byName(summary);
        JsonNode live = entries.get("live");
        assertThat(live.path("status").asText() + " " + live.path("category").asText() + " "
                        + live.path("rule").asText())
                .isEqualTo("SKIP host host.requires.env");
        assertThat(live.path("skipReason").asText()).isEqualTo("host.requires.env SMOKE_REPORTS_IT_TOKEN — not set");
        assertThat(live.path("source").path("kind").asText()).isEqualTo("checkout");
        assertThat(live.path("source").path("commit").isNull()).isTrue();
        assertThat(live.path("steps")).isEmpty();
        assertThat(entries.get("ok").path("status").asText()).isEqualTo("PASS");
        assertThat(entries.get("ok").path("source").path("commit").asText()).matches("[0-9a-f]{40}");
        JsonNode broken = entries.get("broken");
        assertThat(broken.path("category").asText() + " " + broken.path("rule").asText())
                .isEqualTo("runtime runtime.exit-code");
        assertThat(broken.path("evidence").asText()).isEqualTo("ERROR: the greeting is wrong");
        assertThat(broken.path("evidenceLog").asText()).isEqualTo("target/smoke/broken/01-run.log");
        assertThat(broken.path("evidenceLine").asInt()).isEqualTo(2);
        assertThat(broken.path("steps").get(0).path("exitCode").asInt()).isEqualTo(3);
        JsonNode patched = entries.get("patched");
        assertThat(patched.path("category").asText() + " "
                        + patched.path("rule").asText())
                .isEqualTo("source source.patch-rejected");
        assertThat(patched.path("steps")).hasSize(1);
        JsonNode missing = entries.get("missing-tool");
        assertThat(missing.path("category").asText() + " "
                        + missing.path("rule").asText())
                .isEqualTo("host host.command-not-found");
        assertThat(missing.path("steps").get(0).path("exitCode").asInt()).isEqualTo(127);
    }

    @Test
    void surefireReportOnly_gateReport_rendersCountsAndFailureMessage() throws Exception {
        Path project = ForkedMaven.project("reports", "reports-surefire");
        assertExit(gate(project), 1);

        ForkedMaven.Result report = ForkedMaven.mvn(project, "surefire-report:report-only");

        assertExit(report, 0);
        Path html;
        try (Stream<Path> files = Files.walk(project.resolve("target"))) {
            html = files.filter(file -> file.getFileName().toString().startsWith("surefire")
                            && file.getFileName().toString().endsWith(".html"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no surefire HTML report under target: " + report));
        }
        Document page = Jsoup.parse(html.toFile());
        Map<String, String> counts = summaryRow(page);
        assertThat(counts)
                .as("summary of %s", html)
                .containsEntry("Tests", "6")
                .containsEntry("Failures", "3")
                .containsEntry("Errors", "0")
                .containsEntry("Skipped", "2");
        assertThat(page.select("td").eachText())
                .as("cells of %s", html)
                .anySatisfy(
                        cell -> assertThat(cell).contains("runtime.exit-code: expected exit code 0; seen: exit code 3"))
                .anySatisfy(cell -> assertThat(cell).contains("source.patch-rejected: expected the patch to apply"))
                .anySatisfy(cell -> assertThat(cell).contains("host.command-not-found: "));
    }

    /** The first table whose header names Tests, Failures and Skipped: header → value of its first row. */
    private static Map<String, String> summaryRow(Document page) {
        for (Element table : page.select("table")) {
            List<String> headers = table.select("tr").get(0).select("th").eachText();
            if (headers.containsAll(List.of("Tests", "Errors", "Failures", "Skipped"))) {
                List<String> values = table.select("tr").get(1).select("td").eachText();
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < Math.min(headers.size(), values.size()); i++) {
                    row.put(headers.get(i), values.get(i));
                }
                return row;
            }
        }
        throw new AssertionError("no summary table in " + page.text());
    }

    @Test
    void verify_selectionAfterAFullRun_updatesOnlyTheSelectedEntryOfTheJson() throws Exception {
        Path project = ForkedMaven.project("reports", "reports-selection");
        assertExit(gate(project), 1);
        JsonNode first = summary(project);
        // A mark the rerun must replace: its entry may otherwise come out equal to the first, to the ms.
        JsonNode ok = byName(first).get("ok");
        ((ObjectNode) ok).put("durationMs", -1);
        JSON.writeValue(project.resolve("target/smoke/smoke-summary.json").toFile(), first);
        Map<String, JsonNode> before = byName(first);

        ForkedMaven.Result result = gate(project, "-Dsmoke.scenario=ok");

        assertExit(result, 0);
        assertThat(result.summary()).isEqualTo("Smoke: 1 passed, 0 failed, 0 skipped");
        JsonNode after = summary(project);
        assertThat(after.path("gate").path("scenarios").toString()).isEqualTo("[\"ok\"]");
        assertThat(after.path("summary").toString()).isEqualTo("{\"passed\":1,\"failed\":3,\"skipped\":1}");
        List<String> names = new ArrayList<>();
        after.path("scenarios").forEach(entry -> names.add(entry.path("name").asText()));
        assertThat(names).containsExactly("ok", "broken", "patched", "missing-tool", "live");
        Map<String, JsonNode> entries = byName(after);
        for (String kept : List.of("broken", "patched", "missing-tool", "live")) {
            assertThat(entries.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        assertThat(entries.get("ok").path("durationMs").asLong()).isNotNegative();
        assertThat(entries.get("ok").path("status").asText()).isEqualTo("PASS");
        assertThat(Instant.parse(after.path("started").asText()))
                .isAfter(Instant.parse(first.path("started").asText()));
    }
}
