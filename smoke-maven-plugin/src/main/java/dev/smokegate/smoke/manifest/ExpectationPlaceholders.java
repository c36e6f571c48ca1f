package dev.smokegate.smoke.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.smokegate.smoke.model.Expectations;
import dev.smokegate.smoke.model.GoldenFile;
import dev.smokegate.smoke.model.StreamExpectation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Replaces the {@code ${name}} placeholders inside a step's {@link Expectations}, once a scenario
 * runs and its gate values ({@code smoke.workspace}, …) are known.
 *
 * <p>What is resolved: every text, regular expression and glob of the stream checks ({@code
 * stdout}, {@code stderr}, {@code output}, {@code body}, {@code log}) and the file checks, the file
 * paths of {@code files.contains}, {@code files.json} and {@code files.equals-file}, the expected values of {@code
 * headers.contains}, and expected JSON values that are strings. What is kept as written: the exit
 * code, the HTTP status, {@code no-leftover-processes}, header names, JSON Pointers, golden files, and JSON values
 * that are not strings (numbers, booleans, objects, arrays, {@code null}).
 *
 * <p>Resolve with {@link Placeholders#bind(Map, Function)} to fill in {@code ${port.NAME}}.
 */
public final class ExpectationPlaceholders {
    private ExpectationPlaceholders() {}

    /**
     * @param expect the expectations as the manifest wrote them
     * @param resolve replaces the placeholders of one string, e.g. {@link Placeholders#bind}; it
     *     may throw {@link IllegalArgumentException} for an unknown name, which is passed on
     * @return the same expectations with every placeholder replaced; map order is kept
     */
    public static Expectations resolve(Expectations expect, Function<String, String> resolve) {
        Map<String, List<String>> contain = new LinkedHashMap<>();
        expect.filesContain()
                .forEach((path, texts) -> contain.put(
                        resolve.apply(path), texts.stream().map(resolve).toList()));
        Map<String, Map<String, JsonNode>> filesJson = new LinkedHashMap<>();
        expect.filesJson().forEach((path, pointers) -> filesJson.put(resolve.apply(path), json(pointers, resolve)));
        Map<String, GoldenFile> filesEqual = new LinkedHashMap<>();
        expect.filesEqual().forEach((path, golden) -> filesEqual.put(resolve.apply(path), golden));
        return expect.toBuilder()
                .stdout(stream(expect.stdout(), resolve))
                .stderr(stream(expect.stderr(), resolve))
                .output(stream(expect.output(), resolve))
                .filesExist(expect.filesExist().stream().map(resolve).toList())
                .filesAbsent(expect.filesAbsent().stream().map(resolve).toList())
                .filesContain(contain)
                .json(json(expect.json(), resolve))
                .filesJson(filesJson)
                .filesEqual(filesEqual)
                .headersContain(values(expect.headersContain(), resolve))
                .body(stream(expect.body(), resolve))
                .log(stream(expect.log(), resolve))
                .build();
    }

    private static Map<String, JsonNode> json(Map<String, JsonNode> pointers, Function<String, String> resolve) {
        Map<String, JsonNode> resolved = new LinkedHashMap<>();
        pointers.forEach((pointer, value) ->
                resolved.put(pointer, value.isTextual() ? TextNode.valueOf(resolve.apply(value.textValue())) : value));
        return resolved;
    }

    private static Map<String, String> values(Map<String, String> values, Function<String, String> resolve) {
        Map<String, String> resolved = new LinkedHashMap<>();
        values.forEach((name, text) -> resolved.put(name, resolve.apply(text)));
        return resolved;
    }

    private static StreamExpectation stream(StreamExpectation checks, Function<String, String> resolve) {
        return new StreamExpectation(
                checks.contains().stream().map(resolve).toList(),
                checks.matches().stream().map(resolve).toList(),
                checks.notContains().stream().map(resolve).toList(),
                checks.equalsFile());
    }
}
