package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.HttpResponseHead;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderContainsCheckTest {

    @TempDir
    Path dir;

    private StepOutput answered(Map<String, List<String>> headers) throws IOException {
        return new TestStep(dir).output().withResponse(new HttpResponseHead(200, headers));
    }

    @Test
    void evaluate_nameInOtherCase_findsHeaderAndPasses() throws IOException {
        StepOutput output = answered(Map.of("content-type", List.of("text/html;charset=UTF-8")));

        assertThat(new HeaderContainsCheck("Content-Type", "text/html").evaluate(output))
                .isEqualTo(new CheckResult(
                        true,
                        "expected header Content-Type to contain 'text/html'",
                        "Content-Type: text/html;charset=UTF-8",
                        null));
    }

    @Test
    void evaluate_anyOfSeveralValues_passes() throws IOException {
        StepOutput output = answered(Map.of("Set-Cookie", List.of("a=1", "session=abc")));

        assertThat(new HeaderContainsCheck("set-cookie", "session=").evaluate(output))
                .isEqualTo(new CheckResult(
                        true,
                        "expected header set-cookie to contain 'session='",
                        "set-cookie: a=1, session=abc",
                        null));
    }

    @Test
    void evaluate_valueWithoutText_failsShowingValue() throws IOException {
        StepOutput output = answered(Map.of("content-type", List.of("application/json")));

        assertThat(new HeaderContainsCheck("Content-Type", "text/html").evaluate(output))
                .isEqualTo(new CheckResult(
                        false,
                        "expected header Content-Type to contain 'text/html'",
                        "Content-Type: application/json",
                        "Content-Type: application/json"));
    }

    @Test
    void evaluate_headerMissing_failsListingTheHeadersThere() throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("date", List.of("Mon, 01 Jan 2024 00:00:00 GMT"));
        headers.put("content-length", List.of("2"));

        assertThat(new HeaderContainsCheck("X-Trace", "abc").evaluate(answered(headers)))
                .isEqualTo(new CheckResult(
                        false,
                        "expected header X-Trace to contain 'abc'",
                        "no X-Trace header; the response has content-length, date",
                        null));
    }

    @Test
    void evaluate_manyHeadersMissingOne_listsTenAndCountsTheRest() throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 10; i < 22; i++) {
            headers.put("h" + i, List.of("v"));
        }

        assertThat(new HeaderContainsCheck("X-Trace", "abc")
                        .evaluate(answered(headers))
                        .seen())
                .isEqualTo("no X-Trace header; the response has h10, h11, h12, h13, h14, h15, h16, h17, h18, h19"
                        + " and 2 more");
    }

    @Test
    void evaluate_noHeaders_saysSo() throws IOException {
        assertThat(new HeaderContainsCheck("X-Trace", "abc")
                        .evaluate(answered(Map.of()))
                        .seen())
                .isEqualTo("no X-Trace header; the response has no headers");
    }

    @Test
    void evaluate_noResponse_failsSayingSo() throws IOException {
        assertThat(new HeaderContainsCheck("X-Trace", "abc").evaluate(new TestStep(dir).output()))
                .isEqualTo(new CheckResult(false, "expected header X-Trace to contain 'abc'", "no response", null));
    }

    @Test
    void toString_readsAsSentence() {
        assertThat(new HeaderContainsCheck("Content-Type", "json")).hasToString("header Content-Type contains 'json'");
    }
}
