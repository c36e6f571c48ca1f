package dev.smokegate.smoke.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.Status;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Writes the reports of a whole gate from its shards' reports ({@link ShardReport}), as {@code
 * smoke:merge} does, into a work directory:
 *
 * <ul>
 *   <li>{@code smoke-summary.json}, format {@value SummaryJson#FORMAT}: the first shard's {@code gate}
 *       with {@code shard} set to {@code null} ({@code shardPlan} kept), the earliest {@code started}
 *       and the latest {@code ended}, the counts of all entries, a {@code shards} list ({@code shard},
 *       {@code input}, {@code passed}, {@code failed}, {@code skipped} per shard), every shard's {@code
 *       checkoutChanges}, and every shard's entries as they were, shard by shard;
 *   <li>{@code TEST-smoke.xml}: one {@code testsuite} named {@code smoke} with the sums of the shards'
 *       {@code tests}, {@code failures}, {@code errors}, {@code skipped} and {@code time}, the property
 *       {@code smoke.shard} = the shards merged ({@code 1/3,2/3,3/3}), and every shard's {@code testcase}s as they were.
 * </ul>
 *
 * Both files are written atomically (a temporary file moved into place). JSON with Jackson, XML with
 * the JDK's DOM.
 */
public final class MergedReports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MergedReports() {}

    /**
     * @param shards the shards' reports, in shard order
     * @return the whole gate's result: every shard's scenarios in shard order, every checkout change; a
     *     skip fails it when it failed its shard, so the whole passes exactly when every shard did
     */
    public static GateResult result(List<ShardReport> shards) {
        List<ScenarioResult> scenarios = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (ShardReport shard : shards) {
            scenarios.addAll(shard.result().scenarios());
            changes.addAll(shard.result().checkoutChanges());
        }
        // A skip fails the whole gate when it failed its shard; with no skip, as every shard says.
        boolean failOnSkip = shards.stream()
                        .anyMatch(shard ->
                                shard.result().failOnSkip() && shard.result().count(Status.SKIP) > 0)
                || shards.stream().allMatch(shard -> shard.result().failOnSkip());
        return new GateResult(scenarios, changes, failOnSkip);
    }

    /**
     * Writes both reports.
     *
     * @param shards the shards' reports, in shard order
     * @param workDirectory where to write them; created when missing
     * @param display turns a shard's folder into the form written as its {@code input}
     * @throws IOException when a shard's {@code TEST-smoke.xml} cannot be read as a {@code testsuite}
     *     (the message names it), or a report cannot be written
     */
    public static void write(List<ShardReport> shards, Path workDirectory, Function<Path, String> display)
            throws IOException {
        Document junit = junit(shards);
        Files.createDirectories(workDirectory);
        ObjectNode summary = summary(shards, display);
        ReportFiles.replace(workDirectory.resolve(ShardReport.SUMMARY), out -> JSON.writeValue(out, summary));
        ReportFiles.replace(workDirectory.resolve(ShardReport.JUNIT), out -> {
            try {
                Transformer transformer = TransformerFactory.newInstance().newTransformer();
                transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                transformer.transform(new DOMSource(junit), new StreamResult(out));
            } catch (TransformerException e) {
                throw new IOException("cannot write XML: " + e.getMessage(), e);
            }
        });
    }

    private static ObjectNode summary(List<ShardReport> shards, Function<Path, String> display) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", SummaryJson.FORMAT);
        ObjectNode gate = shards.isEmpty()
                ? JSON.createObjectNode()
                : shards.get(0).summary().path("gate").deepCopy();
        gate.putNull("shard");
        root.set("gate", gate);
        Instant started = null;
        Instant ended = null;
        for (ShardReport shard : shards) {
            Instant start = instant(shard.summary().path("started"));
            Instant end = instant(shard.summary().path("ended"));
            started = start != null && (started == null || start.isBefore(started)) ? start : started;
            ended = end != null && (ended == null || end.isAfter(ended)) ? end : ended;
        }
        root.put("started", (started == null ? Instant.EPOCH : started).toString());
        root.put("ended", (ended == null ? Instant.EPOCH : ended).toString());
        GateResult whole = result(shards);
        ObjectNode counts = root.putObject("summary");
        int interrupted = shards.stream().mapToInt(MergedReports::interrupted).sum();
        counts.put("passed", whole.count(Status.PASS));
        counts.put("failed", whole.count(Status.FAIL) - interrupted);
        counts.put("skipped", whole.count(Status.SKIP));
        if (interrupted > 0) {
            counts.put("interrupted", interrupted);
        }
        ArrayNode list = root.putArray("shards");
        for (ShardReport shard : shards) {
            ObjectNode entry = list.addObject()
                    .put("shard", String.valueOf(shard.shard()))
                    .put("input", display.apply(shard.folder()))
                    .put("passed", shard.result().count(Status.PASS))
                    .put("failed", shard.result().count(Status.FAIL) - interrupted(shard))
                    .put("skipped", shard.result().count(Status.SKIP));
            if (interrupted(shard) > 0) {
                entry.put("interrupted", interrupted(shard));
            }
        }
        ArrayNode changes = root.putArray("checkoutChanges");
        whole.checkoutChanges().forEach(changes::add);
        ArrayNode scenarios = root.putArray("scenarios");
        for (ShardReport shard : shards) {
            for (JsonNode entry : shard.summary().path("scenarios")) {
                scenarios.add(entry.deepCopy());
            }
        }
        return root;
    }

    private static Instant instant(JsonNode text) {
        try {
            return text.isTextual() ? Instant.parse(text.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Document junit(List<ShardReport> shards) throws IOException {
        DocumentBuilder builder = documentBuilder();
        Document merged = builder.newDocument();
        merged.setXmlStandalone(true);
        Element suite = merged.createElement("testsuite");
        merged.appendChild(suite);
        long tests = 0;
        long failures = 0;
        long errors = 0;
        long skipped = 0;
        BigDecimal time = BigDecimal.ZERO;
        List<Node> cases = new ArrayList<>();
        for (ShardReport shard : shards) {
            Path file = shard.folder().resolve(ShardReport.JUNIT);
            Element root;
            try {
                root = builder.parse(file.toFile()).getDocumentElement();
            } catch (SAXException e) {
                throw new IOException(file + ": not XML: " + e.getMessage(), e);
            }
            if (!root.getTagName().equals("testsuite")) {
                throw new IOException(file + ": the root element is <" + root.getTagName() + ">, not <testsuite>");
            }
            try {
                tests += Long.parseLong(root.getAttribute("tests"));
                failures += Long.parseLong(root.getAttribute("failures"));
                errors += Long.parseLong(root.getAttribute("errors").isEmpty() ? "0" : root.getAttribute("errors"));
                skipped += Long.parseLong(root.getAttribute("skipped").isEmpty() ? "0" : root.getAttribute("skipped"));
                time = time.add(new BigDecimal(root.getAttribute("time").isEmpty() ? "0" : root.getAttribute("time")));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": a count of <testsuite> is not a number: " + e.getMessage(), e);
            }
            for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && element.getTagName().equals("testcase")) {
                    cases.add(merged.importNode(element, true));
                }
            }
        }
        suite.setAttribute("name", "smoke");
        suite.setAttribute("tests", Long.toString(tests));
        suite.setAttribute("failures", Long.toString(failures));
        suite.setAttribute("errors", Long.toString(errors));
        suite.setAttribute("skipped", Long.toString(skipped));
        suite.setAttribute("time", time.setScale(3, RoundingMode.HALF_UP).toPlainString());
        suite.appendChild(merged.createTextNode("\n"));
        Element properties = merged.createElement("properties");
        Element property = merged.createElement("property");
        property.setAttribute("name", "smoke.shard");
        property.setAttribute(
                "value",
                shards.stream().map(shard -> String.valueOf(shard.shard())).collect(Collectors.joining(",")));
        properties.appendChild(property);
        suite.appendChild(properties);
        suite.appendChild(merged.createTextNode("\n"));
        for (Node testcase : cases) {
            suite.appendChild(testcase);
            suite.appendChild(merged.createTextNode("\n"));
        }
        return merged;
    }

    private static DocumentBuilder documentBuilder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser: " + e.getMessage(), e);
        }
    }

    /**
     * The scenarios of a shard that its stopped gate interrupted: counted apart from the failures,
     * as {@link SummaryJson} counts them.
     */
    private static int interrupted(ShardReport shard) {
        int count = 0;
        for (JsonNode entry : shard.summary().path("scenarios")) {
            count += entry.path("interrupted").asBoolean() ? 1 : 0;
        }
        return count;
    }
}
