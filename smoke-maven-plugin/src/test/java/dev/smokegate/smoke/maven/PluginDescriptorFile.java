package dev.smokegate.smoke.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The plugin descriptor that maven-plugin-plugin generated from the mojos' annotations ({@code
 * target/classes/META-INF/maven/plugin.xml}, written in {@code process-classes}, before the tests
 * run): the source of truth that documentation is checked against.
 *
 * @param parameters every goal's parameters by name
 */
record PluginDescriptorFile(Map<String, Map<String, Parameter>> parameters) {
    /** The descriptor of this build. */
    static final Path FILE = Path.of("target/classes/META-INF/maven/plugin.xml");

    /**
     * One parameter of a goal.
     *
     * @param property its user property without {@code ${}}, such as {@code smoke.manifest}; empty when it has none
     * @param defaultValue its default as written in the annotation, empty when it has none
     */
    record Parameter(String property, String defaultValue) {}

    /** Reads {@link #FILE}. */
    static PluginDescriptorFile read() throws Exception {
        if (!Files.isRegularFile(FILE)) {
            throw new IllegalStateException("No plugin descriptor [" + FILE.toAbsolutePath()
                    + "]. Build the module with mvn process-classes (or test) first.");
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(FILE.toFile());
        Map<String, Map<String, Parameter>> goals = new LinkedHashMap<>();
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = child(mojo, "goal").getTextContent().strip();
            Map<String, Parameter> parameters = new LinkedHashMap<>();
            Element configuration = child(mojo, "configuration");
            NodeList entries = configuration == null ? null : configuration.getChildNodes();
            for (int j = 0; entries != null && j < entries.getLength(); j++) {
                if (entries.item(j) instanceof Element entry) {
                    String expression = entry.getTextContent().strip();
                    String property = expression.startsWith("${") && expression.endsWith("}")
                            ? expression.substring(2, expression.length() - 1)
                            : "";
                    parameters.put(entry.getTagName(), new Parameter(property, entry.getAttribute("default-value")));
                }
            }
            goals.put(goal, parameters);
        }
        return new PluginDescriptorFile(goals);
    }

    /** Every user property of every goal, such as {@code smoke.repoUrl}. */
    Set<String> properties() {
        Set<String> properties = new TreeSet<>();
        parameters.values().forEach(goal -> goal.values().stream()
                .map(Parameter::property)
                .filter(property -> !property.isEmpty())
                .forEach(properties::add));
        return properties;
    }

    /** The parameter {@code name} of goal {@code goal}. */
    Optional<Parameter> parameter(String goal, String name) {
        return Optional.ofNullable(parameters.getOrDefault(goal, Map.of()).get(name));
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }
}
