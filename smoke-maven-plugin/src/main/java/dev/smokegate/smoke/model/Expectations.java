package dev.smokegate.smoke.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a step must produce. Paths are relative to the step's working directory; globs use
 * {@link java.nio.file.FileSystem#getPathMatcher(String) glob syntax}. Build one with {@link
 * #builder()}; {@link #DEFAULT} expects nothing but the default exit code.
 *
 * @param exit the expected exit code, or {@code null} when the manifest sets none: then a {@code run}
 *     step expects 0 and a {@code stop} step does not check it ({@link #exitOr(Integer)})
 * @param stdout checks on standard output
 * @param stderr checks on standard error
 * @param output checks on both streams together, in the order they were written
 * @param filesExist globs that must each match at least one file
 * @param filesAbsent globs that must match no file
 * @param filesContain file path → texts the file must contain
 * @param json JSON Pointer (RFC 6901) → expected value, checked against stdout parsed as JSON (for an
 *     {@code http} or {@code tcp} step, its stdout is the response body)
 * @param filesJson file path → (JSON Pointer → expected value)
 * @param status the HTTP status an {@code http} step must get, or {@code null} for any of 200 to 399
 * @param headersContain response header name (compared without case) → text its value must contain
 * @param body checks on the response body of an {@code http} or {@code tcp} step
 * @param log checks on a service's own output: at readiness for a {@code service} step, after it
 *     stopped for a {@code stop} step
 * @param noLeftoverProcesses whether a process of the step's command (or of the stopped service)
 *     still running afterwards fails the step
 * @param filesEqual file path → the golden file its whole content must equal ({@code
 *     files.equals-file})
 */
public record Expectations(
        Integer exit,
        StreamExpectation stdout,
        StreamExpectation stderr,
        StreamExpectation output,
        List<String> filesExist,
        List<String> filesAbsent,
        Map<String, List<String>> filesContain,
        Map<String, JsonNode> json,
        Map<String, Map<String, JsonNode>> filesJson,
        Integer status,
        Map<String, String> headersContain,
        StreamExpectation body,
        StreamExpectation log,
        boolean noLeftoverProcesses,
        Map<String, GoldenFile> filesEqual) {

    /** Nothing expected: the default exit code only. */
    public static final Expectations DEFAULT = builder().build();

    public Expectations {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(output, "output");
        filesExist = List.copyOf(filesExist);
        filesAbsent = List.copyOf(filesAbsent);
        filesContain = Map.copyOf(filesContain);
        json = Map.copyOf(json);
        filesJson = Map.copyOf(filesJson);
        headersContain = Map.copyOf(headersContain);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(log, "log");
        filesEqual = Map.copyOf(filesEqual);
    }

    /** @return a builder with nothing expected */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding every value of these expectations */
    public Builder toBuilder() {
        return new Builder()
                .exit(exit)
                .stdout(stdout)
                .stderr(stderr)
                .output(output)
                .filesExist(filesExist)
                .filesAbsent(filesAbsent)
                .filesContain(filesContain)
                .json(json)
                .filesJson(filesJson)
                .status(status)
                .headersContain(headersContain)
                .body(body)
                .log(log)
                .noLeftoverProcesses(noLeftoverProcesses)
                .filesEqual(filesEqual);
    }

    /**
     * @param fallback the exit code expected when the manifest sets none, or {@code null} for no check
     * @return {@link #exit()} when set, else {@code fallback}
     */
    public Integer exitOr(Integer fallback) {
        return exit != null ? exit : fallback;
    }

    /**
     * True when at least one check reads what the step produced: text, a regex, a golden file, JSON,
     * file content, a response body or header, or a service's log. {@code exit}, {@code status}, {@code
     * files.exist}, {@code no-leftover-processes} and {@code not-contains} alone do not count.
     */
    public boolean hasPositive() {
        return stdout.hasPositive()
                || stderr.hasPositive()
                || output.hasPositive()
                || body.hasPositive()
                || log.hasPositive()
                || !filesContain.isEmpty()
                || !filesEqual.isEmpty()
                || !json.isEmpty()
                || !filesJson.isEmpty()
                || !headersContain.isEmpty();
    }

    /** Builds {@link Expectations}; every setter returns this builder. Unset values expect nothing. */
    public static final class Builder {
        private Integer exit;
        private StreamExpectation stdout = StreamExpectation.NONE;
        private StreamExpectation stderr = StreamExpectation.NONE;
        private StreamExpectation output = StreamExpectation.NONE;
        private List<String> filesExist = List.of();
        private List<String> filesAbsent = List.of();
        private Map<String, List<String>> filesContain = Map.of();
        private Map<String, JsonNode> json = Map.of();
        private Map<String, Map<String, JsonNode>> filesJson = Map.of();
        private Integer status;
        private Map<String, String> headersContain = Map.of();
        private StreamExpectation body = StreamExpectation.NONE;
        private StreamExpectation log = StreamExpectation.NONE;
        private boolean noLeftoverProcesses;
        private Map<String, GoldenFile> filesEqual = Map.of();

        private Builder() {}

        /** @param exit the expected exit code, or {@code null} for the step's default */
        public Builder exit(Integer exit) {
            this.exit = exit;
            return this;
        }

        /** @param stdout checks on standard output; not {@code null} */
        public Builder stdout(StreamExpectation stdout) {
            this.stdout = Objects.requireNonNull(stdout, "stdout");
            return this;
        }

        /** @param stderr checks on standard error; not {@code null} */
        public Builder stderr(StreamExpectation stderr) {
            this.stderr = Objects.requireNonNull(stderr, "stderr");
            return this;
        }

        /** @param output checks on both streams together; not {@code null} */
        public Builder output(StreamExpectation output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /** @param filesExist globs that must each match a file; not {@code null} */
        public Builder filesExist(List<String> filesExist) {
            this.filesExist = List.copyOf(filesExist);
            return this;
        }

        /** @param filesAbsent globs that must match no file; not {@code null} */
        public Builder filesAbsent(List<String> filesAbsent) {
            this.filesAbsent = List.copyOf(filesAbsent);
            return this;
        }

        /** @param filesContain file path → texts it must contain; not {@code null} */
        public Builder filesContain(Map<String, List<String>> filesContain) {
            this.filesContain = Map.copyOf(filesContain);
            return this;
        }

        /** @param json JSON Pointer → value, on stdout; not {@code null} */
        public Builder json(Map<String, JsonNode> json) {
            this.json = Map.copyOf(json);
            return this;
        }

        /** @param filesJson file path → (JSON Pointer → value); not {@code null} */
        public Builder filesJson(Map<String, Map<String, JsonNode>> filesJson) {
            this.filesJson = Map.copyOf(filesJson);
            return this;
        }

        /** @param status the expected HTTP status, or {@code null} for 200 to 399 */
        public Builder status(Integer status) {
            this.status = status;
            return this;
        }

        /** @param headersContain header name → text its value must contain; not {@code null} */
        public Builder headersContain(Map<String, String> headersContain) {
            this.headersContain = Map.copyOf(headersContain);
            return this;
        }

        /** @param body checks on a response body; not {@code null} */
        public Builder body(StreamExpectation body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /** @param log checks on a service's output; not {@code null} */
        public Builder log(StreamExpectation log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** @param noLeftoverProcesses whether a process left running fails the step */
        public Builder noLeftoverProcesses(boolean noLeftoverProcesses) {
            this.noLeftoverProcesses = noLeftoverProcesses;
            return this;
        }

        /** @param filesEqual file path → the golden file it must equal; not {@code null} */
        public Builder filesEqual(Map<String, GoldenFile> filesEqual) {
            this.filesEqual = Map.copyOf(filesEqual);
            return this;
        }

        /** @return the expectations */
        public Expectations build() {
            return new Expectations(
                    exit,
                    stdout,
                    stderr,
                    output,
                    filesExist,
                    filesAbsent,
                    filesContain,
                    json,
                    filesJson,
                    status,
                    headersContain,
                    body,
                    log,
                    noLeftoverProcesses,
                    filesEqual);
        }
    }
}
