package dev.smokegate.smoke.assertion;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * The value at a JSON Pointer (RFC 6901) in a JSON document equals an expected value. The document
 * is the step's standard output ({@code json}; for a probe step, the response body, named {@code
 * body}) or a file under its working directory ({@code files.json}), parsed with Jackson; it must
 * hold exactly one JSON value.
 *
 * <p>Equality: numbers by value ({@code 1} equals {@code 1.0}; decimals are read exactly, not as
 * doubles), strings exactly, booleans and {@code null} as themselves, arrays element by element and
 * objects key by key with the same rules. A pointer that selects nothing is {@code missing}, which
 * differs from {@code null}.
 *
 * <p>Documents larger than {@value #MAX_BYTES} bytes (64 MiB) are not parsed: the check fails,
 * because a parsed tree takes several times its size in memory.
 */
public final class JsonPointerCheck implements Check {

    /** The largest document parsed, in bytes. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    /** Characters of a JSON value shown in a message. */
    private static final int SHOWN_CHARS = 200;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Numbers by value, everything else by {@link JsonNode#equals(Object)}; applied at every level. */
    private static final Comparator<JsonNode> VALUE_EQUALITY = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private final LogStream stream;
    private final String file;
    private final String pointer;
    private final JsonPointer compiled;
    private final String invalid;
    private final JsonNode expected;

    private JsonPointerCheck(LogStream stream, String file, String pointer, JsonNode expected) {
        this.stream = stream;
        this.file = file;
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.expected = Objects.requireNonNull(expected, "expected");
        JsonPointer parsed = null;
        String error = null;
        try {
            parsed = JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            error = "invalid JSON Pointer " + Texts.quote(pointer) + ": " + e.getMessage();
        }
        this.compiled = parsed;
        this.invalid = error;
    }

    /**
     * A check on the step's standard output.
     *
     * @param pointer a JSON Pointer such as {@code /status}; {@code ""} is the whole document. An
     *     invalid one makes every evaluation fail (manifest validation normally rejects it first).
     * @param expected the value it must select
     * @return the check
     */
    public static JsonPointerCheck onStdout(String pointer, JsonNode expected) {
        return new JsonPointerCheck(LogStream.STDOUT, null, pointer, expected);
    }

    /**
     * A check on the response body of a probe step (its stdout log), named {@code body} in messages.
     *
     * @param pointer a JSON Pointer such as {@code /0/name}; {@code ""} is the whole document
     * @param expected the value it must select
     * @return the check
     */
    public static JsonPointerCheck onBody(String pointer, JsonNode expected) {
        return new JsonPointerCheck(LogStream.BODY, null, pointer, expected);
    }

    /**
     * A check on a file.
     *
     * @param file the file, relative to the step's working directory
     * @param pointer a JSON Pointer such as {@code /status}; {@code ""} is the whole document
     * @param expected the value it must select
     * @return the check
     */
    public static JsonPointerCheck onFile(String file, String pointer, JsonNode expected) {
        return new JsonPointerCheck(null, Objects.requireNonNull(file, "file"), pointer, expected);
    }

    /**
     * Passes or fails with the selected value as {@code seen} (JSON, cut to 200 characters). Fails
     * with {@code missing} (evidence: the deepest part of the pointer that exists, as {@code at
     * /status: {"state":"UP"}}), {@code not JSON: <Jackson's message> at line 1, column 5}, or
     * what is wrong with the file.
     */
    @Override
    public CheckResult evaluate(StepOutput output) {
        String subject = subject();
        String expectation =
                "expected " + subject + (pointer.isEmpty() ? "" : " at " + pointer) + " to be " + show(expected);
        if (invalid != null) {
            return CheckResult.fail(expectation, invalid, null);
        }
        Path path = file == null ? stream.file(output.logs()) : output.workDir().resolve(file);
        String shown = file == null ? stream.describe(path) : file;
        String problem = FileProbe.problem(path, shown);
        if (problem != null) {
            String seen = file == null ? problem : FileProbe.withNearby(problem, output.workDir(), path, file);
            return CheckResult.fail(expectation, seen, null);
        }
        JsonNode document;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                return CheckResult.fail(
                        expectation,
                        (file == null ? stream.toString() : file) + " is " + Texts.count(size, "byte", "bytes")
                                + ", more than the " + Texts.number(MAX_BYTES) + " a JSON check reads",
                        null);
            }
            document = parse(path);
        } catch (NotJson e) {
            return CheckResult.fail(expectation, "not JSON: " + e.getMessage(), null);
        } catch (IOException e) {
            return CheckResult.fail(expectation, FileProbe.describe(e, shown), null);
        }
        JsonNode actual = document.at(compiled);
        if (actual.isMissingNode()) {
            return CheckResult.fail(expectation, "missing", deepestPresent(document));
        }
        String seen = show(actual);
        return actual.equals(VALUE_EQUALITY, expected)
                ? CheckResult.pass(expectation, seen, null)
                : CheckResult.fail(expectation, seen, null);
    }

    private static JsonNode parse(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path);
                JsonParser parser = MAPPER.createParser(in)) {
            JsonNode document = MAPPER.readTree(parser);
            if (document == null || document.isMissingNode()) {
                throw new NotJson("no JSON value, the content is empty");
            }
            if (parser.nextToken() != null) {
                throw new NotJson("more content after the JSON value" + where(parser.currentTokenLocation()));
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new NotJson(e.getOriginalMessage() + where(e.getLocation()));
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** {@code at /status: {"state":"UP"}}: the longest prefix of the pointer that selects something. */
    private String deepestPresent(JsonNode document) {
        JsonPointer prefix = compiled.head();
        while (prefix != null) {
            JsonNode node = document.at(prefix);
            if (!node.isMissingNode()) {
                String where = prefix.toString().isEmpty() ? "the root" : prefix.toString();
                return "at " + where + ": " + show(node);
            }
            prefix = prefix.head();
        }
        return null;
    }

    private static String show(JsonNode node) {
        return Texts.truncate(node.toString(), SHOWN_CHARS);
    }

    @Override
    public String toString() {
        return subject() + (pointer.isEmpty() ? "" : " at " + pointer) + " is " + show(expected);
    }

    /** {@code stdout}, {@code body} or {@code file <path>}. */
    private String subject() {
        return file == null ? stream.toString() : "file " + file;
    }

    /** The document is not one JSON value; the message says where. */
    private static final class NotJson extends IOException {
        private static final long serialVersionUID = 1L;

        NotJson(String message) {
            super(message);
        }
    }
}
