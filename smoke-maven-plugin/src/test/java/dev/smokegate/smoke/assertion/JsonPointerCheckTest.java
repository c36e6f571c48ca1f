package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonPointerCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void evaluate_equalString_passes() throws IOException {
        TestStep step = new TestStep(dir).stdout("{\"status\": \"UP\"}\n");

        assertThat(JsonPointerCheck.onStdout("/status", json("\"UP\"")).evaluate(step.output()))
                .isEqualTo(new CheckResult(true, "expected stdout at /status to be \"UP\"", "\"UP\"", null));
    }

    @Test
    void evaluate_otherString_failsShowingIt() throws IOException {
        TestStep step = new TestStep(dir).stdout("{\"status\": \"DOWN\"}");

        assertThat(JsonPointerCheck.onStdout("/status", json("\"UP\"")).evaluate(step.output()))
                .isEqualTo(new CheckResult(false, "expected stdout at /status to be \"UP\"", "\"DOWN\"", null));
    }

    @Test
    void evaluate_numbers_comparedByValue() throws IOException {
        TestStep step = new TestStep(dir)
                .stdout("{\"a\": 1.0, \"b\": 1, \"c\": 0.1, \"d\": 1.5, \"e\": 100000000000000000000}");

        assertThat(JsonPointerCheck.onStdout("/a", json("1"))
                        .evaluate(step.output())
                        .passed())
                .isTrue();
        assertThat(JsonPointerCheck.onStdout("/b", json("1.00"))
                        .evaluate(step.output())
                        .passed())
                .isTrue();
        assertThat(JsonPointerCheck.onStdout("/c", json("0.1"))
                        .evaluate(step.output())
                        .passed())
                .isTrue();
        assertThat(JsonPointerCheck.onStdout("/e", json("1e20"))
                        .evaluate(step.output())
                        .passed())
                .isTrue();
        assertThat(JsonPointerCheck.onStdout("/d", json("1")).evaluate(step.output()))
                .isEqualTo(new CheckResult(false, "expected stdout at /d to be 1", "1.5", null));
    }

    @Test
    void evaluate_stringVersusNumber_notEqual() throws IOException {
        TestStep step = new TestStep(dir).stdout("{\"port\": \"8080\"}");

        assertThat(JsonPointerCheck.onStdout("/port", json("8080")).evaluate(step.output()))
                .isEqualTo(new CheckResult(false, "expected stdout at /port to be 8080", "\"8080\"", null));
    }

    @Test
    void evaluate_nestedArraysAndObjects_numbersByValueAtEveryLevel() throws IOException {
        TestStep step = new TestStep(dir).stdout("{\"a\": [1, {\"b\": 2.0, \"c\": [true, null]}]}");

        assertThat(JsonPointerCheck.onStdout("/a", json("[1.0, {\"c\": [true, null], \"b\": 2}]"))
                        .evaluate(step.output())
                        .passed())
                .isTrue();
        assertThat(JsonPointerCheck.onStdout("/a", json("[1, {\"b\": 2}]"))
                        .evaluate(step.output())
                        .passed())
                .isFalse();
    }

    @Test
    void evaluate_booleanAndNull_matchThemselves() throws IOException {
        TestStep step = new TestStep(dir).stdout("{\"ok\": true, \"none\": null}");

        assertThat(JsonPointerCheck.onStdout("/ok", json("true"))
                        .evaluate(step.output())
                        .passed())
                .isTrue();
        assertThat(JsonPointerCheck.onStdout("/none", json("null"))
                        .evaluate(step.output())
                        .passed())
                .isTrue();
        assertThat(JsonPointerCheck.onStdout("/none", json("false"))
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("null");
    }

    @Test
    void evaluate_missingPointer_failsShowingDeepestParent() throws IOException {
        TestStep step = new TestStep(dir).stdout("{\"status\": {\"state\": \"UP\"}}");

        assertThat(JsonPointerCheck.onStdout("/status/code", json("200")).evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        false,
                        "expected stdout at /status/code to be 200",
                        "missing",
                        "at /status: {\"state\":\"UP\"}"));
        assertThat(JsonPointerCheck.onStdout("/items/0", json("1"))
                        .evaluate(step.output())
                        .evidence())
                .isEqualTo("at the root: {\"status\":{\"state\":\"UP\"}}");
    }

    @Test
    void evaluate_arrayIndexAndEscapedKeys_followRfc6901() throws IOException {
        TestStep step = new TestStep(dir).stdout("{\"a/b\": {\"m~n\": [\"x\", \"y\"]}}");

        assertThat(JsonPointerCheck.onStdout("/a~1b/m~0n/1", json("\"y\""))
                        .evaluate(step.output())
                        .passed())
                .isTrue();
    }

    @Test
    void evaluate_wholeDocument_emptyPointer() throws IOException {
        TestStep step = new TestStep(dir).stdout("[1, 2]");

        assertThat(JsonPointerCheck.onStdout("", json("[1,2]")).evaluate(step.output()))
                .isEqualTo(new CheckResult(true, "expected stdout to be [1,2]", "[1,2]", null));
    }

    @Test
    void evaluate_notJson_failsWithJacksonLocation() throws IOException {
        TestStep step = new TestStep(dir).stdout("hello world\n");

        assertThat(JsonPointerCheck.onStdout("/status", json("\"UP\""))
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("not JSON: Unrecognized token 'hello': was expecting (JSON String, Number, Array, Object or"
                        + " token 'null', 'true' or 'false') at line 1, column 7");
    }

    @Test
    void evaluate_contentAfterValue_notJson() throws IOException {
        TestStep step = new TestStep(dir).stdout("{\"a\": 1}\n[INFO] done\n");

        assertThat(JsonPointerCheck.onStdout("/a", json("1"))
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("not JSON: more content after the JSON value at line 2, column 1");
    }

    @Test
    void evaluate_emptyStdout_notJson() throws IOException {
        TestStep step = new TestStep(dir).stdout(" \n");

        assertThat(JsonPointerCheck.onStdout("/a", json("1"))
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("not JSON: no JSON value, the content is empty");
    }

    @Test
    void evaluate_invalidPointer_failsNamingIt() throws IOException {
        TestStep step = new TestStep(dir).stdout("{}");

        assertThat(JsonPointerCheck.onStdout("status", json("1"))
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("invalid JSON Pointer 'status': Invalid input: JSON Pointer expression must start with '/':"
                        + " \"status\"");
    }

    @Test
    void evaluate_file_readsItRelativeToWorkDir() throws IOException {
        TestStep step = new TestStep(dir).file("target/health.json", "{\"status\": \"UP\"}");

        assertThat(JsonPointerCheck.onFile("target/health.json", "/status", json("\"UP\""))
                        .evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        true, "expected file target/health.json at /status to be \"UP\"", "\"UP\"", null));
    }

    @Test
    void evaluate_fileMissing_failsListingItsFolder() throws IOException {
        TestStep step = new TestStep(dir).file("target/other.json", "{}");

        assertThat(JsonPointerCheck.onFile("target/health.json", "/status", json("\"UP\""))
                        .evaluate(step.output()))
                .isEqualTo(new CheckResult(
                        false,
                        "expected file target/health.json at /status to be \"UP\"",
                        "target/health.json does not exist; target/ holds other.json",
                        null));
    }

    @Test
    void evaluate_tooLarge_failsWithoutParsing() throws IOException {
        TestStep step = new TestStep(dir).stdout("");
        try (RandomAccessFile sparse = new RandomAccessFile(step.logs.stdout().toFile(), "rw")) {
            sparse.setLength(JsonPointerCheck.MAX_BYTES + 1);
        }

        assertThat(JsonPointerCheck.onStdout("/a", json("1"))
                        .evaluate(step.output())
                        .seen())
                .isEqualTo("stdout is 67,108,865 bytes, more than the 67,108,864 a JSON check reads");
    }

    @Test
    void toString_readsAsSentence() throws IOException {
        assertThat(JsonPointerCheck.onStdout("/status", json("\"UP\""))).hasToString("stdout at /status is \"UP\"");
        assertThat(JsonPointerCheck.onFile("h.json", "/n", json("1"))).hasToString("file h.json at /n is 1");
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
