package dev.smokegate.smoke.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What a step must produce. Paths are relative to the step's working directory; globs use
 * {@link java.nio.file.FileSystem#getPathMatcher(String) glob syntax}.
 *
 * @param exit the expected exit code of a {@code run} step (default 0)
 * @param stdout checks on standard output
 * @param stderr checks on standard error
 * @param output checks on both streams together, in the order they were written
 * @param filesExist globs that must each match at least one file
 * @param filesAbsent globs that must match no file
 * @param filesContain file path → texts the file must contain
 * @param json JSON Pointer (RFC 6901) → expected value, checked against stdout parsed as JSON
 * @param filesJson file path → (JSON Pointer → expected value)
 */
public record Expectations(
        int exit,
        StreamExpectation stdout,
        StreamExpectation stderr,
        StreamExpectation output,
        List<String> filesExist,
        List<String> filesAbsent,
        Map<String, List<String>> filesContain,
        Map<String, JsonNode> json,
        Map<String, Map<String, JsonNode>> filesJson) {

    public static final Expectations DEFAULT = new Expectations(
            0,
            StreamExpectation.NONE,
            StreamExpectation.NONE,
            StreamExpectation.NONE,
            List.of(),
            List.of(),
            Map.of(),
            Map.of(),
            Map.of());

    public Expectations {
        filesExist = List.copyOf(filesExist);
        filesAbsent = List.copyOf(filesAbsent);
        filesContain = Map.copyOf(filesContain);
        json = Map.copyOf(json);
        filesJson = Map.copyOf(filesJson);
    }

    /**
     * True when at least one check reads what the step produced: text, a regex, JSON or file
     * content. {@code exit}, {@code files.exist} and {@code not-contains} alone do not count.
     */
    public boolean hasPositive() {
        return stdout.hasPositive()
                || stderr.hasPositive()
                || output.hasPositive()
                || !filesContain.isEmpty()
                || !json.isEmpty()
                || !filesJson.isEmpty();
    }
}
