package dev.smokegate.smoke.report;

import dev.smokegate.smoke.model.GateResult;
import dev.smokegate.smoke.model.Interruption;
import dev.smokegate.smoke.model.Manifest;
import dev.smokegate.smoke.model.Redaction;
import dev.smokegate.smoke.model.Scenario;
import dev.smokegate.smoke.model.ScenarioResult;
import dev.smokegate.smoke.model.ServiceTail;
import dev.smokegate.smoke.model.Status;
import dev.smokegate.smoke.model.Step;
import dev.smokegate.smoke.model.StepFailure;
import dev.smokegate.smoke.model.StepRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the gate's result as JUnit XML in the shape of surefire's report XSD
 * ({@code surefire-test-report-3.0.xsd}): one {@code testsuite} named {@code smoke}, one {@code
 * testcase} per step with {@code classname} = the scenario, {@code failure} for the failing step
 * ({@code type} = the category, {@code message} = {@code <rule id>: <reason>}, the log tail in its
 * {@code system-out}) and {@code skipped} for steps that did not run ({@code message} = {@code <rule
 * id>: <evidence>} for a skipped scenario), so CI servers show the gate like a test run. The step
 * that a stopped gate interrupted gets an {@code error} in place of a {@code failure} (rule {@code
 * host.interrupted}), counted in the suite's {@code errors}.
 */
public final class JUnitReport {
    private JUnitReport() {}

    /**
     * Writes the report atomically (a temporary file moved into place), so an earlier report is
     * never left half-written.
     *
     * @param result the gate's result
     * @param manifest the manifest, for the steps that did not run
     * @param file the report file, e.g. {@code target/smoke/TEST-smoke.xml}
     * @throws IOException when it cannot be written
     */
    public static void write(GateResult result, Manifest manifest, Path file) throws IOException {
        write(result, manifest, file, Map.of(), Redaction.standard());
    }

    /**
     * Writes the report atomically, every text and attribute value redacted before it is escaped.
     *
     * @param result the gate's result
     * @param manifest the manifest, for the steps that did not run
     * @param file the report file, e.g. {@code target/smoke/TEST-smoke.xml}
     * @param redaction masks the run's secrets
     * @throws IOException when it cannot be written
     */
    public static void write(GateResult result, Manifest manifest, Path file, Redaction redaction) throws IOException {
        write(result, manifest, file, Map.of(), redaction);
    }

    /**
     * Writes the report atomically, with {@code properties} as the testsuite's {@code <properties>}
     * (surefire's place for them), e.g. {@code smoke.shard = 2/3} for a shard's run.
     *
     * @param result the gate's result
     * @param manifest the manifest, for the steps that did not run
     * @param file the report file
     * @param properties name and value of each property, in order; none writes no {@code <properties>}
     * @throws IOException when it cannot be written
     */
    public static void write(GateResult result, Manifest manifest, Path file, Map<String, String> properties)
            throws IOException {
        write(result, manifest, file, properties, Redaction.standard());
    }

    /**
     * Writes the report atomically, with the testsuite's {@code properties}, every text and attribute
     * value redacted before it is escaped.
     *
     * @param result the gate's result
     * @param manifest the manifest, for the steps that did not run
     * @param file the report file
     * @param properties name and value of each property, in order; none writes no {@code <properties>}
     * @param redaction masks the run's secrets
     * @throws IOException when it cannot be written
     */
    public static void write(
            GateResult result, Manifest manifest, Path file, Map<String, String> properties, Redaction redaction)
            throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, Scenario> scenarios =
                manifest.scenarios().stream().collect(Collectors.toMap(Scenario::name, Function.identity()));
        ReportFiles.replace(file, out -> writeTo(out, result, scenarios, properties, redaction));
    }

    private static void writeTo(
            OutputStream out,
            GateResult result,
            Map<String, Scenario> scenarios,
            Map<String, String> properties,
            Redaction redaction)
            throws IOException {
        try {
            XMLStreamWriter xml =
                    ReportRedaction.xml(XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8"), redaction);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            int tests = 0;
            int failures = 0;
            int errors = 0;
            int skipped = 0;
            Duration time = Duration.ZERO;
            for (ScenarioResult scenario : result.scenarios()) {
                int total = scenarios.get(scenario.name()).steps().size();
                int ran = scenario.steps().size();
                boolean failedBeforeSteps = scenario.status() == Status.FAIL && ran == 0;
                tests += total + (failedBeforeSteps ? 1 : 0);
                failures += scenario.status() == Status.FAIL && !Interruption.of(scenario) ? 1 : 0;
                errors += Interruption.of(scenario) ? 1 : 0;
                skipped += total - ran;
                time = time.plus(scenario.elapsed());
            }
            if (!result.checkoutChanges().isEmpty()) {
                tests++;
                failures++;
            }
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "smoke");
            xml.writeAttribute("tests", Integer.toString(tests));
            xml.writeAttribute("failures", Integer.toString(failures));
            xml.writeAttribute("errors", Integer.toString(errors));
            xml.writeAttribute("skipped", Integer.toString(skipped));
            xml.writeAttribute("time", seconds(time));
            xml.writeCharacters("\n");
            properties(xml, properties);
            for (ScenarioResult scenario : result.scenarios()) {
                writeScenario(xml, scenario, scenarios.get(scenario.name()));
            }
            if (!result.checkoutChanges().isEmpty()) {
                testcase(xml, "checkout", "unchanged", Duration.ZERO);
                xml.writeStartElement("failure");
                xml.writeAttribute("message", "the gate changed a checkout");
                xml.writeAttribute("type", "host");
                xml.writeCharacters(xmlSafe(String.join("\n", result.checkoutChanges())));
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML: " + e.getMessage(), e);
        }
    }

    /** {@code <properties><property name value/>…</properties>}, or nothing for no properties. */
    private static void properties(XMLStreamWriter xml, Map<String, String> properties) throws XMLStreamException {
        if (properties.isEmpty()) {
            return;
        }
        xml.writeStartElement("properties");
        for (Map.Entry<String, String> property : properties.entrySet()) {
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", xmlSafe(property.getKey()));
            xml.writeAttribute("value", xmlSafe(property.getValue()));
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void writeScenario(XMLStreamWriter xml, ScenarioResult result, Scenario scenario)
            throws XMLStreamException {
        StepFailure failure = result.failure();
        if (failure != null && result.steps().isEmpty()) {
            testcase(xml, result.name(), failure.step(), result.elapsed());
            failure(xml, failure);
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        for (Step step : scenario.steps()) {
            Optional<StepRecord> record = result.steps().stream()
                    .filter(candidate -> candidate.number() == step.number())
                    .findFirst();
            testcase(
                    xml,
                    result.name(),
                    step.name(),
                    record.map(StepRecord::elapsed).orElse(Duration.ZERO));
            if (record.isEmpty()) {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute(
                        "message",
                        xmlSafe(
                                result.status() == Status.SKIP
                                        ? oneLine(result.skip().ruleId() + ": "
                                                + result.skip().evidence())
                                        : "not run: an earlier step of the scenario failed"));
            } else if (!record.get().passed() && failure != null) {
                failure(xml, failure);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
    }

    private static void testcase(XMLStreamWriter xml, String classname, String name, Duration time)
            throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", xmlSafe(classname));
        xml.writeAttribute("name", xmlSafe(name));
        xml.writeAttribute("time", seconds(time));
    }

    /**
     * The {@code failure} element, then the {@code system-out} of its testcase: the message is {@code
     * <rule id>: <expectation>; seen: <what was seen>} on one line, the type the category; the body
     * names the command, exit code, what was seen when it has several lines (such as a golden file's
     * diff), classification and log; {@code system-out} holds the log's last
     * lines and the post-mortem of the services, as surefire keeps a test's output there.
     */
    private static void failure(XMLStreamWriter xml, StepFailure failure) throws XMLStreamException {
        boolean interrupted = failure.classification().ruleId().equals(Interruption.RULE_ID);
        xml.writeStartElement(interrupted ? "error" : "failure");
        xml.writeAttribute(
                "message",
                xmlSafe(oneLine(failure.classification().ruleId() + ": " + failure.expectation() + "; seen: "
                        + failure.seen())));
        xml.writeAttribute("type", failure.classification().category().label());
        StringBuilder text = new StringBuilder();
        if (failure.command() != null) {
            text.append("command: ").append(failure.command()).append('\n');
        }
        if (failure.exitCode() != null) {
            text.append("exit code: ").append(failure.exitCode()).append('\n');
        }
        if (failure.seen().contains("\n")) {
            text.append("seen: ").append(failure.seen()).append('\n');
        }
        text.append("class: ").append(failure.classification()).append('\n');
        if (failure.log() != null) {
            text.append("log: ").append(failure.log()).append('\n');
        }
        xml.writeCharacters(xmlSafe(text.toString()));
        xml.writeEndElement();
        StringBuilder out = new StringBuilder();
        if (!failure.tail().isEmpty()) {
            out.append("last ")
                    .append(failure.tail().size())
                    .append(" lines")
                    .append(failure.log() == null ? "" : " of " + failure.log())
                    .append(":\n");
            failure.tail().forEach(line -> out.append("| ").append(line).append('\n'));
        }
        for (ServiceTail service : failure.services()) {
            out.append("service ")
                    .append(service.service())
                    .append(", last ")
                    .append(service.lines().size())
                    .append(" lines of ")
                    .append(service.log())
                    .append(":\n");
            service.lines().forEach(line -> out.append("| ").append(line).append('\n'));
        }
        if (!out.isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(xmlSafe(out.toString()));
            xml.writeEndElement();
        }
    }

    /** A text on one line: each line break, with the blanks around it, becomes one space. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /**
     * Replaces characters that XML 1.0 does not allow ({@code Char} production: tab, LF, CR,
     * U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF), such as the ANSI escapes of colored build
     * output, with a visible escape (a backslash, {@code u} and four hex digits) so the report still parses.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (allowed) {
                safe.appendCodePoint(c);
            } else {
                safe.append(String.format("\\u%04x", c));
            }
        });
        return safe.toString();
    }

    /**
     * A {@code time} attribute as surefire writes it: seconds with a dot and three decimals, no unit
     * (e.g. {@code 12.345}), unlike the elapsed form of the console ({@code 12.3 s}).
     */
    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }
}
