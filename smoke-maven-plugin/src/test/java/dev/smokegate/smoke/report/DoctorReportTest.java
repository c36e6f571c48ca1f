package dev.smokegate.smoke.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.smoke.CliFrontEnd;
import dev.smokegate.smoke.RecordingLog;
import dev.smokegate.smoke.maven.MavenFrontEnd;
import dev.smokegate.smoke.model.HostCheck;
import dev.smokegate.smoke.model.HostCheck.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorReportTest {
    private static final HostCheck JAVA = new HostCheck("java", Verdict.PASS, null, "17.0.15 (Debian) in /usr/lib/jvm");
    private static final HostCheck GIT = new HostCheck(
            "git",
            Verdict.WARN,
            "host.command-not-found",
            "not found on PATH; the gate clones with JGit and does not need it, but a step that runs git does");
    private static final HostCheck TOKEN = new HostCheck("env API_TOKEN", Verdict.FAIL, "host.requires.env", "not set");
    private static final HostCheck OFFLINE = new HostCheck(
            "repository https://repo.example.org/x.git",
            Verdict.FAIL,
            "host.offline-not-cached",
            "Maven runs offline (-o), so the remote was not checked, and the clone cache has no default branch"
                    + " (HEAD) of it. Run once without -o to fill the cache.");

    private final RecordingLog log = new RecordingLog();

    @TempDir
    Path tmp;

    @Test
    void write_mixedVerdicts_oneLinePerCheckAtItsLevelThenTheSummaryLast() {
        DoctorReport.write(List.of(JAVA, GIT, TOKEN), log);

        assertThat(log.lines())
                .containsExactly(
                        "INFO PASS java — 17.0.15 (Debian) in /usr/lib/jvm",
                        "WARN WARN git — not found on PATH; the gate clones with JGit and does not need it, but a step"
                                + " that runs git does",
                        "ERROR FAIL env API_TOKEN — not set",
                        "ERROR Doctor: 1 passed, 1 warning, 1 failed");
    }

    @Test
    void write_warningsOnly_summaryIsAWarning() {
        DoctorReport.write(List.of(JAVA, GIT, GIT), log);

        assertThat(log.last()).isEqualTo(new RecordingLog.Line("WARN", "Doctor: 1 passed, 2 warnings, 0 failed"));
    }

    @Test
    void write_allPassed_summaryIsInfo() {
        DoctorReport.write(List.of(JAVA), log);

        assertThat(log.last()).isEqualTo(new RecordingLog.Line("INFO", "Doctor: 1 passed, 0 warnings, 0 failed"));
    }

    @Test
    void failureMessage_twoFailures_namesEachCheckItsRuleAndWhatToDo() {
        assertThat(DoctorReport.failureMessage(List.of(JAVA, GIT, TOKEN, OFFLINE), MavenFrontEnd.INSTANCE))
                .isEqualTo("Doctor found 2 failed checks on this host: env API_TOKEN (host.requires.env: set the"
                        + " variable in the build's environment); repository https://repo.example.org/x.git"
                        + " (host.offline-not-cached: run once without -o to fill the clone cache). The FAIL lines"
                        + " above say what was seen.");
    }

    @Test
    void failureMessage_otherFrontEnd_usesItsOfflineSwitch() {
        assertThat(DoctorReport.failureMessage(List.of(OFFLINE), CliFrontEnd.INSTANCE))
                .isEqualTo("Doctor found 1 failed check on this host: repository https://repo.example.org/x.git"
                        + " (host.offline-not-cached: run once without --offline to fill the clone cache). The FAIL"
                        + " lines above say what was seen.");
    }

    @Test
    void writeJson_rows_parseBackWithFormatAndSummary() throws Exception {
        Path file = tmp.resolve("target/smoke/doctor.json");

        DoctorReport.writeJson(List.of(JAVA, GIT, TOKEN), file);

        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.get("format").asInt()).isEqualTo(1);
        assertThat(root.get("checks")).hasSize(3);
        JsonNode java = root.get("checks").get(0);
        assertThat(java.get("check").asText()).isEqualTo("java");
        assertThat(java.get("verdict").asText()).isEqualTo("PASS");
        assertThat(java.get("rule").isNull()).isTrue();
        assertThat(java.get("detail").asText()).isEqualTo("17.0.15 (Debian) in /usr/lib/jvm");
        JsonNode token = root.get("checks").get(2);
        assertThat(token.get("check").asText()).isEqualTo("env API_TOKEN");
        assertThat(token.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(token.get("rule").asText()).isEqualTo("host.requires.env");
        assertThat(token.get("detail").asText()).isEqualTo("not set");
        assertThat(root.get("summary").get("passed").asInt()).isEqualTo(1);
        assertThat(root.get("summary").get("warnings").asInt()).isEqualTo(1);
        assertThat(root.get("summary").get("failed").asInt()).isEqualTo(1);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writeJson_existingReport_isReplaced() throws Exception {
        Path file = tmp.resolve("doctor.json");
        Files.writeString(file, "{\"old\": true}");

        DoctorReport.writeJson(List.of(JAVA), file);

        assertThat(new ObjectMapper().readTree(file.toFile()).has("old")).isFalse();
    }
}
