package dev.smokegate.smoke.assertion;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The HTTP status of a probe's response is the expected one, or, when the manifest sets none ({@code
 * expect.status} absent), any of 200 to 399: a success or a redirect, which {@code curl --fail}
 * also accepts. When it is not, the evidence is the status with the first non-blank line of the
 * body ({@code HTTP 500 {"error":"database unavailable"}}), where a server usually says why.
 */
public final class StatusCheck implements Check {

    /** Characters of the body's first line shown in the evidence. */
    static final int BODY_LINE_CHARS = 200;

    /** Characters from the start of the body looked at, at most, to find a non-blank line. */
    static final int BODY_HEAD_CHARS = 8 * 1024;

    private final Integer expected;

    /** @param expected the status the response must have, or {@code null} for any of 200 to 399 */
    public StatusCheck(Integer expected) {
        this.expected = expected;
    }

    /** @return the status the response must have, or {@code null} for any of 200 to 399 */
    public Integer expected() {
        return expected;
    }

    /**
     * Compares the status. {@code seen} reads {@code HTTP status 500}, or {@code no response} when
     * the probe got none (its log says why).
     */
    @Override
    public CheckResult evaluate(StepOutput output) {
        String expectation = "expected HTTP status " + wanted();
        if (output.response() == null) {
            return CheckResult.fail(expectation, "no response", null);
        }
        int actual = output.response().status();
        String seen = "HTTP status " + actual;
        if (expected == null ? actual >= 200 && actual <= 399 : actual == expected) {
            return CheckResult.pass(expectation, seen, null);
        }
        String line = firstBodyLine(output.logs().stdout());
        return CheckResult.fail(expectation, seen, "HTTP " + actual + (line == null ? "" : " " + line));
    }

    private String wanted() {
        return expected == null ? "200-399" : expected.toString();
    }

    /**
     * The first non-blank line among the body's first {@value #BODY_HEAD_CHARS} characters, stripped
     * and cut to {@value #BODY_LINE_CHARS}; {@code null} when there is none or the body cannot be read.
     */
    private static String firstBodyLine(Path body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        char[] head = new char[BODY_HEAD_CHARS];
        int length = 0;
        try (Reader reader = new InputStreamReader(Files.newInputStream(body), decoder)) {
            int n;
            while (length < head.length && (n = reader.read(head, length, head.length - length)) >= 0) {
                length += n;
            }
        } catch (IOException e) {
            return null;
        }
        for (String line : new String(head, 0, length).split("\n")) {
            if (!line.isBlank()) {
                return Texts.truncate(Texts.escape(line.strip()), BODY_LINE_CHARS);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "HTTP status is " + wanted();
    }
}
