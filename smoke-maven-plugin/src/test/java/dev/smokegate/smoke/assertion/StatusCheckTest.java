package dev.smokegate.smoke.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.smoke.model.HttpResponseHead;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCheckTest {

    @TempDir
    Path dir;

    private StepOutput answered(int status, String body) throws IOException {
        return new TestStep(dir)
                .stdout(body)
                .output()
                .withResponse(new HttpResponseHead(status, Map.of("content-type", List.of("application/json"))));
    }

    @Test
    void evaluate_expectedStatus_passes() throws IOException {
        assertThat(new StatusCheck(201).evaluate(answered(201, "{}")))
                .isEqualTo(new CheckResult(true, "expected HTTP status 201", "HTTP status 201", null));
    }

    @Test
    void evaluate_otherStatus_failsWithStatusAndFirstBodyLine() throws IOException {
        assertThat(new StatusCheck(200).evaluate(answered(500, "\n  {\"error\":\"database unavailable\"}  \nmore\n")))
                .isEqualTo(new CheckResult(
                        false,
                        "expected HTTP status 200",
                        "HTTP status 500",
                        "HTTP 500 {\"error\":\"database unavailable\"}"));
    }

    @Test
    void evaluate_emptyBody_evidenceIsStatusAlone() throws IOException {
        assertThat(new StatusCheck(200).evaluate(answered(404, "")).evidence()).isEqualTo("HTTP 404");
    }

    @Test
    void evaluate_longBodyLine_cutInEvidence() throws IOException {
        String evidence =
                new StatusCheck(200).evaluate(answered(503, "x".repeat(5000))).evidence();

        assertThat(evidence).isEqualTo("HTTP 503 " + "x".repeat(StatusCheck.BODY_LINE_CHARS) + "...");
    }

    @Test
    void evaluate_noExpectedStatus_acceptsSuccessAndRedirect() throws IOException {
        StatusCheck check = new StatusCheck(null);

        assertThat(check.evaluate(answered(200, "")).passed()).isTrue();
        assertThat(check.evaluate(answered(302, "")).passed()).isTrue();
        assertThat(check.evaluate(answered(399, "")).passed()).isTrue();
        assertThat(check.evaluate(answered(199, "")).passed()).isFalse();
        assertThat(check.evaluate(answered(400, "bad")))
                .isEqualTo(new CheckResult(false, "expected HTTP status 200-399", "HTTP status 400", "HTTP 400 bad"));
    }

    @Test
    void evaluate_noResponse_failsSayingSo() throws IOException {
        assertThat(new StatusCheck(null).evaluate(new TestStep(dir).output()))
                .isEqualTo(new CheckResult(false, "expected HTTP status 200-399", "no response", null));
    }

    @Test
    void toString_readsAsSentence() {
        assertThat(new StatusCheck(204)).hasToString("HTTP status is 204");
        assertThat(new StatusCheck(null)).hasToString("HTTP status is 200-399");
    }
}
