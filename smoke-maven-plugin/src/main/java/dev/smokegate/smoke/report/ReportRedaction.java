package dev.smokegate.smoke.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.smokegate.smoke.model.Redaction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamWriter;

/**
 * Applies a {@link Redaction} to what a report writer writes, before the writer escapes it: the
 * text and attribute values of an XML stream, the strings of a JSON tree. A writer that builds its
 * text by hand (HTML) calls {@link Redaction#apply(String)} on each string before escaping it.
 */
final class ReportRedaction {
    /** The XMLStreamWriter methods whose last argument is text a reader sees. */
    private static final Set<String> TEXT_METHODS =
            Set.of("writeCharacters", "writeAttribute", "writeCData", "writeComment");

    private ReportRedaction() {}

    /**
     * @param xml the writer of the report
     * @param redaction what to mask
     * @return a writer that redacts the text of {@code writeCharacters(String)}, {@code
     *     writeAttribute(…, value)}, {@code writeCData} and {@code writeComment}, then passes it to
     *     {@code xml}, which escapes it
     */
    static XMLStreamWriter xml(XMLStreamWriter xml, Redaction redaction) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null
                    && args.length > 0
                    && TEXT_METHODS.contains(method.getName())
                    && args[args.length - 1] instanceof String text) {
                args[args.length - 1] = redaction.apply(text);
            }
            try {
                return method.invoke(xml, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (XMLStreamWriter) Proxy.newProxyInstance(
                XMLStreamWriter.class.getClassLoader(), new Class<?>[] {XMLStreamWriter.class}, handler);
    }

    /**
     * Redacts every string value of a JSON tree, in place (field names are the writer's own).
     *
     * @param node the tree
     * @param redaction what to mask
     */
    static void json(JsonNode node, Redaction redaction) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> field : fields) {
                if (field.getValue().isTextual()) {
                    object.put(field.getKey(), redaction.apply(field.getValue().asText()));
                } else {
                    json(field.getValue(), redaction);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(redaction.apply(array.get(i).asText())));
                } else {
                    json(array.get(i), redaction);
                }
            }
        }
    }
}
